"""Test-suite wide settings.

In CI (``CI=true``) a skipped test is a failure: browser tests skip locally when
Chromium is missing, but CI must prove they ran.
"""

from __future__ import annotations

import os

import pytest

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
