"""`kennisbank serve` with content errors: a Dutch page listing them, no hanging server and no traceback."""

import html
import signal
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


class Server:
    """``kennisbank serve`` in a child process whose output goes to a file, never to a pipe nobody reads."""

    # SIGUSR1 makes the server print every thread's stack to its log: if a wait below runs out, the failure
    # says where the server was, not only that it did not answer.
    START = ("import faulthandler, signal; faulthandler.register(signal.SIGUSR1); "
             "from kennisbank.cli import main; main()")

    def __init__(self, root, port: int, log) -> None:
        self.log = log
        self.process = subprocess.Popen([sys.executable, "-c", self.START, "serve", "--dev-addr",
                                         f"127.0.0.1:{port}"], cwd=root, stdout=log.open("w"),
                                        stderr=subprocess.STDOUT)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stacks(self) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGUSR1)
            time.sleep(1)
            return self.output()
        return f"{self.output()}\n[the server exited with code {self.process.returncode}]"


def _until(server: Server, url: str, wanted, seconds: float = 120) -> tuple[int, str]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            answer = _get(url)
            if wanted(answer):
                return answer
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            answer = error
        if time.monotonic() > deadline or server.process.poll() is not None:
            raise AssertionError(f"no wanted answer from {url} in {seconds} s; last: {answer!r}"[:2000]
                                 + "\nserver output:\n" + server.stacks()[-20000:])
        time.sleep(0.3)


@pytest.fixture
def serving(tmp_path):
    hub = project(tmp_path, {"artikelen/warmte.md": BROKEN})
    port = _free_port()
    server = Server(hub.root, port, tmp_path / "serve.log")
    try:
        yield hub, f"http://127.0.0.1:{port}", server
    finally:
        server.process.terminate()
        server.process.wait(timeout=30)
        assert "Traceback" not in server.output(), server.output()


def test_the_preview_lists_content_errors_in_dutch_until_they_are_fixed(serving):
    hub, base, server = serving
    status, page = _until(server, base + "/", lambda answer: answer[0] == 503)
    assert '<html lang="nl">' in page
    assert "<h1>De kennisbank bevat 1 fout</h1>" in page
    assert f"<li><code>{html.escape(ERROR)}</code></li>" in page
    assert _get(base + "/artikelen/warmte/")[0] == 503  # every page, not only the home page
    assert _get(base + "/%00")[0] == 404 and _get(base + "/a%00b/")[0] == 404
    (hub.docs / "artikelen/warmte.md").write_text(article(title='"Warmte: een aanpak"'), encoding="utf-8")
    status, page = _until(server, base + "/artikelen/warmte/", lambda answer: answer[0] == 200)
    assert "Warmte: een aanpak" in page
    # A mistake after a good build: MkDocs' server would now hang on every request until it is fixed.
    (hub.docs / "artikelen/warmte.md").write_text(BROKEN, encoding="utf-8")
    status, page = _until(server, base + "/artikelen/warmte/", lambda answer: answer[0] == 503)
    assert f"<li><code>{html.escape(ERROR)}</code></li>" in page


def test_a_bad_dev_addr_is_a_dutch_message(tmp_path):
    done = subprocess.run([sys.executable, "-c", "from kennisbank.cli import main; main()", "serve", "--dev-addr",
                           "localhost:99999"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == ("Error: --dev-addr: 'localhost:99999' is geen geldig adres; schrijf IP-adres:poort, "
                           "bijvoorbeeld 127.0.0.1:8000\n")
