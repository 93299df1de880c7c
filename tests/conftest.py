"""Test-suite wide settings and the starter site shared by the tests that only read it.

In CI (``CI=true``) a skipped test is a failure: browser tests skip locally when
Chromium is missing, but CI must prove they ran.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
from sitebuilder import Project, Site, project

from kennisbank.content.hub import load_hub
from kennisbank.index.hub_index import HubIndex, index_hub

# PDFs take most of a build's time; only the tests about PDFs ask for them (tests/test_pdf*.py).
os.environ.setdefault("KENNISBANK_PDF", "false")


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = terminalreporter.stats.get("skipped", [])
    if os.environ.get("CI") == "true" and skipped:
        terminalreporter.write_line(
            f"CI: {len(skipped)} test(s) were skipped; every test is required in CI.", red=True)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") == "true" and skipped and session.exitstatus == 0:
        session.exitstatus = 1


@dataclass(frozen=True)
class Starter:
    """The bundled starter hub, built once per test session: for tests that only read the site."""

    project: Project
    site: Site
    hub: HubIndex
    """The hub as the build indexed it (loaded again from the same files)."""


@pytest.fixture(scope="session")
def starter(tmp_path_factory) -> Starter:
    hub_project = project(tmp_path_factory.mktemp("starter"), starter=True)
    site = hub_project.build()
    loaded = load_hub(hub_project.docs, hub_project.root)
    assert loaded.problems.errors() == []
    return Starter(hub_project, site, index_hub(loaded))


@pytest.fixture(scope="session")
def volume(tmp_path_factory) -> Site:
    """The hub of tests/volume_hub.py (a few hundred items, 10 per page), built once per session: paged lists."""
    from volume_hub import volume_project

    return volume_project(tmp_path_factory.mktemp("volume")).build()
