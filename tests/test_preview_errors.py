"""`kennisbank serve` with content errors: a Dutch page listing them, no hanging server and no traceback."""

import html
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from sitebuilder import article, project

BROKEN = article(title="Warmte: een aanpak")
ERROR = ("docs/artikelen/warmte.md:2:14: yaml: ongeldige YAML: een dubbele punt in een waarde; zet de waarde "
         "tussen aanhalingstekens")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _until(url: str, wanted, seconds: float = 120) -> tuple[int, str]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            answer = _get(url)
            if wanted(answer):
                return answer
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            answer = None
        if time.monotonic() > deadline:
            raise AssertionError(f"no wanted answer from {url} in {seconds} s; last: {answer!r}"[:2000])
        time.sleep(0.3)


@pytest.fixture
def serving(tmp_path):
    hub = project(tmp_path, {"artikelen/warmte.md": BROKEN})
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", "from kennisbank.cli import main; main()", "serve",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=hub.root, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        yield hub, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
        assert "Traceback" not in stderr, stderr


def test_the_preview_lists_content_errors_in_dutch_until_they_are_fixed(serving):
    hub, base = serving
    status, page = _until(base + "/", lambda answer: answer[0] == 503)
    assert '<html lang="nl">' in page
    assert "<h1>De kennisbank bevat 1 fout</h1>" in page
    assert f"<li><code>{html.escape(ERROR)}</code></li>" in page
    assert _get(base + "/artikelen/warmte/")[0] == 503  # every page, not only the home page
    assert _get(base + "/%00")[0] == 404 and _get(base + "/a%00b/")[0] == 404
    (hub.docs / "artikelen/warmte.md").write_text(article(title='"Warmte: een aanpak"'), encoding="utf-8")
    status, page = _until(base + "/artikelen/warmte/", lambda answer: answer[0] == 200)
    assert "Warmte: een aanpak" in page
    # A mistake after a good build: MkDocs' server would now hang on every request until it is fixed.
    (hub.docs / "artikelen/warmte.md").write_text(BROKEN, encoding="utf-8")
    status, page = _until(base + "/artikelen/warmte/", lambda answer: answer[0] == 503)
    assert f"<li><code>{html.escape(ERROR)}</code></li>" in page


def test_a_bad_dev_addr_is_a_dutch_message(tmp_path):
    done = subprocess.run([sys.executable, "-c", "from kennisbank.cli import main; main()", "serve", "--dev-addr",
                           "localhost:99999"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == ("Error: --dev-addr: 'localhost:99999' is geen geldig adres; schrijf IP-adres:poort, "
                           "bijvoorbeeld 127.0.0.1:8000\n")
