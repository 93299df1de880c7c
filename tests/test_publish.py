"""Publishing a built site: a crash or kill at any moment leaves a whole site, old or new, never a half one."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from sitebuilder import article, project

from kennisbank.outputs import publish


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _site(folder, version):
    for name in ("index.html", "artikelen/a/index.html", "zoeken/index.html"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"{version} {name}")
    return _tree(folder)


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs."""


STEPS = [("rename", 1), ("rename", 2), ("rmtree", 1)]


@pytest.mark.parametrize("call, number", STEPS)
def test_a_kill_at_any_step_of_publishing_leaves_the_old_or_the_new_site_whole(tmp_path, monkeypatch, call,
                                                                              number):
    target = tmp_path / "site"
    target.mkdir()
    old = _site(target, "oud")
    staging = publish.staging_folder(target)
    new = _site(staging, "nieuw")
    module = os if call == "rename" else shutil
    real = getattr(module, call)
    calls = []

    def step(*args, **kwargs):
        calls.append(args)
        if len(calls) == number:
            raise Killed
        return real(*args, **kwargs)

    monkeypatch.setattr(module, call, step)
    with pytest.raises(Killed):
        publish.publish(staging, target)
    monkeypatch.undo()
    # At the moment of the kill the previous site is whole on disk, in place or set aside.
    assert _tree(target) in (old, new) if target.exists() else _tree(tmp_path / ".kennisbank-old-site") == old
    publish.recover(target)  # what the next build does first
    assert _tree(target) == (new if (call, number) == ("rmtree", 1) else old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_build_killed_while_writing_leaves_the_previous_site_and_the_next_build_cleans_up(tmp_path):
    hub = project(tmp_path, {"artikelen/eerste.md": article(title="Eerste versie")})
    site = hub.build()
    before = _tree(site.root)
    hub.write({"artikelen/tweede.md": article(title="Tweede artikel")})
    command = [sys.executable, "-c", "from kennisbank.cli import main; main()", "build", "--site-dir", "site"]
    build = subprocess.Popen(command, cwd=hub.root,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(hub.root.glob(".kennisbank-new-site-*/artikelen")) and time.monotonic() < deadline:
        time.sleep(0.02)  # until MkDocs is writing pages into staging
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    assert list(hub.root.glob(".kennisbank-new-site-*")), "the build was not killed while writing"
    assert _tree(site.root) == before
    rebuilt = hub.build()
    assert "Tweede artikel" in rebuilt.html("artikelen/tweede/")
    assert not list(hub.root.glob(".kennisbank-*"))
