"""Repository plumbing: the CI workflow runs what the Makefile and .ci/run run; editor and hook wiring work."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from sitebuilder import REPO, article, project

from kennisbank.content.problems import Problem

WORKFLOW = REPO / ".github" / "workflows" / "pull-request.yml"


def make_targets() -> dict[str, str]:
    """Makefile target -> its recipe."""
    targets, current = {}, None
    for line in (REPO / "Makefile").read_text().splitlines():
        if match := re.match(r"^([a-z][\w-]*):", line):
            current = match.group(1)
            targets[current] = ""
        elif line.startswith("\t") and current:
            targets[current] += line.strip() + "\n"
    return targets


def workflow_steps() -> tuple[dict, list[dict]]:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    jobs = workflow["jobs"]
    assert list(jobs) == ["controle"]
    return workflow, jobs["controle"]["steps"]


def test_workflow_runs_on_pull_requests_the_same_commands_as_make_and_ci_run():
    workflow, steps = workflow_steps()
    assert "pull_request" in workflow[True]  # PyYAML reads the key 'on' as True
    runs = [step["run"] for step in steps if "run" in step]
    assert runs == ["make check FORMAT=github", "make site", ".ci/run"]
    targets = make_targets()
    assert "kennisbank check --format $(FORMAT)" in targets["check"]
    assert "kennisbank build --site-dir site" in targets["site"]
    ci_run = (REPO / ".ci" / "run").read_text()
    assert "make lint" in ci_run and "make test" in ci_run
    assert "ruff check" in targets["lint"] and "mypy" in targets["lint"] and "npm run --silent lint" in targets["lint"]
    assert "pytest" in targets["test"]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"


def test_workflow_actions_are_pinned_and_permissions_read_only():
    workflow, steps = workflow_steps()
    assert workflow["permissions"] == {"contents": "read"}
    for step in steps:
        if "uses" in step:
            assert re.fullmatch(r"actions/[\w-]+@v\d+", step["uses"]), step["uses"]


def test_pre_commit_hook_runs_the_check_and_fails_on_errors(tmp_path):
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    hook = config["repos"][0]["hooks"][0]
    assert config["repos"][0]["repo"] == "local" and hook["id"] == "kennisbank-check"
    assert re.search(hook["files"], "docs/artikelen/x.md") and not re.search(hook["files"], "kennisbank/cli/commands.py")
    program, *args = hook["entry"].split()
    assert program == ".venv/bin/kennisbank"
    executable = shutil.which("kennisbank") or str(Path(sys.executable).with_name("kennisbank"))
    hub = project(tmp_path, {"artikelen/goed.md": article(), "artikelen/fout.md": article(themas=["klimaat"])})
    bad = subprocess.run([executable, *args, "docs/artikelen/fout.md"], cwd=hub.root, capture_output=True,
                         text=True)
    assert bad.returncode == 1
    assert "docs/artikelen/fout.md:5:10: themas: onbekend thema 'klimaat'" in bad.stdout
    good = subprocess.run([executable, *args, "docs/artikelen/goed.md"], cwd=hub.root, capture_output=True)
    assert good.returncode == 0


def test_vscode_problem_matcher_reads_our_messages_and_the_schema_exists():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text())
    for schema in settings["yaml.schemas"]:
        assert (REPO / schema).is_file()
    tasks = json.loads((REPO / ".vscode" / "tasks.json").read_text())
    pattern = tasks["tasks"][0]["problemMatcher"]["pattern"]
    line = str(Problem("docs/artikelen/x.md", 5, 10, "extra.kennisbank.embeds",
                       "onbekend thema 'klimaat'; bedoelde je 'klimaat-energie'?"))
    match = re.match(pattern["regexp"], line)
    assert match is not None
    assert [match.group(pattern[k]) for k in ("file", "line", "column", "code", "message")] == [
        "docs/artikelen/x.md", "5", "10", "extra.kennisbank.embeds",
        "onbekend thema 'klimaat'; bedoelde je 'klimaat-energie'?"]
    assert json.loads((REPO / ".vscode" / "extensions.json").read_text())["recommendations"]


def test_pull_request_template_is_a_dutch_checklist():
    template = (REPO / ".github" / "pull_request_template.md").read_text()
    assert template.count("- [ ]") >= 6
    assert "De automatische controle onder deze pull request is groen" in template
    assert "docs/bijdragen/index.md" in (REPO / "CONTRIBUTING.md").read_text()


def test_workflow_restores_the_pdf_cache_and_a_pull_request_falls_back_to_mains():
    from kennisbank.content.settings import CacheSettings

    _, steps = workflow_steps()
    names = [step.get("name") for step in steps]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert names.index(cache["name"]) < names.index("Site bouwen (strikt)")
    assert cache["with"]["path"] == CacheSettings().dir
    assert cache["with"]["key"].endswith("-${{ github.sha }}")  # every run saves what it added
    assert cache["with"]["restore-keys"].splitlines() == [
        "kennisbank-pdf-${{ github.head_ref || github.ref_name }}-", "kennisbank-pdf-main-"]


def test_shard_example_renders_every_slice_and_builds_from_all_of_them():
    example = yaml.safe_load((REPO / "deploy" / "github-pdf-shards.yml").read_text())
    shards = example["jobs"]["pdf"]["strategy"]["matrix"]["shard"]
    count = len(shards)
    assert shards == list(range(1, count + 1))
    runs = [step["run"] for step in example["jobs"]["pdf"]["steps"] if "run" in step]
    assert any(f"kennisbank pdf --shard ${{{{ matrix.shard }}}}/{count}" in run for run in runs)
    saved = next(s for s in example["jobs"]["pdf"]["steps"] if s.get("uses", "").startswith("actions/cache/save@"))
    restored = [s["with"]["key"] for s in example["jobs"]["site"]["steps"]
                if s.get("uses", "").startswith("actions/cache/restore@")]
    assert restored == [saved["with"]["key"].replace("${{ matrix.shard }}", str(n)) for n in shards]
    assert "make site" in [s.get("run") for s in example["jobs"]["site"]["steps"]]
