"""The CI workflows in .github/workflows/ cannot run here; this checks what can be checked
without GitHub: valid YAML, the shape GitHub Actions needs, every script they call exists
(and is executable), the Python versions, secrets only behind an `if`, and that every bash
step parses (`bash -n`). docs/installing.md says what only runs on GitHub.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
RUNNERS = {
    "linux.yml": "ubuntu-latest",
    "windows.yml": "windows-latest",
    "macos.yml": "macos-latest",
}
SCRIPT = re.compile(r"(?<![\w./-])((?:scripts|packaging|\.ci)/[\w./-]+)")


def load(path: Path) -> dict[str, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict), path
    # YAML 1.1 reads the key `on` as True.
    if True in document:
        document["on"] = document.pop(True)
    return document


def steps(document: dict[str, Any]) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    return [(name, job, step) for name, job in document["jobs"].items() for step in job["steps"]]


def test_there_is_a_workflow_per_system() -> None:
    assert {path.name for path in FILES} == set(RUNNERS)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_the_workflow_has_the_shape_actions_needs(path: Path) -> None:
    document = load(path)
    assert isinstance(document["name"], str)
    assert {"push", "pull_request"} <= set(document["on"])
    assert document["permissions"] == {"contents": "read"}
    for name, job in document["jobs"].items():
        assert re.fullmatch(r"[a-z][a-z0-9_-]*", name)
        assert job["runs-on"] == RUNNERS[path.name], name
        assert 0 < job["timeout-minutes"] <= 60, name
        assert job["steps"], name
    for job_name, _job, step in steps(document):
        assert ("run" in step) != ("uses" in step), f"{job_name}: {step}"
        if "uses" in step:
            assert re.fullmatch(r"actions/[\w-]+@v\d+", step["uses"]), step["uses"]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_the_suite_runs_on_311_and_a_newer_python(path: Path) -> None:
    document = load(path)
    tests = document["jobs"]["tests"]
    versions = tests["strategy"]["matrix"]["python"]
    assert "3.11" in versions and {"3.12", "3.13"} & set(versions)
    commands = " ".join(step.get("run", "") for step in tests["steps"])
    assert "pytest" in commands or "scripts/run-tests" in commands
    assert "ruff check src tests" in commands or "scripts/run-tests" in commands


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_script_a_workflow_calls_exists(path: Path) -> None:
    document = load(path)
    called = {
        match for _, _, step in steps(document) for match in SCRIPT.findall(step.get("run", ""))
    }
    assert called, "a workflow that calls none of our scripts runs nothing of ours"
    for relative in called:
        target = ROOT / relative
        assert target.exists(), relative
        if target.suffix not in {".py", ".ps1", ".iss"} and target.is_file():
            assert os.access(target, os.X_OK), f"{relative} is not executable"


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_secrets_are_used_only_behind_a_condition(path: Path) -> None:
    # Secrets come in only as job variables; a step that reads one runs only when it is set,
    # so a fork or a repository without the keys skips signing instead of failing.
    for line in path.read_text(encoding="utf-8").splitlines():
        if "secrets." in line:
            assert re.fullmatch(r"\s+[A-Z_]+: \$\{\{ secrets\.[A-Z_]+ \}\}", line), line
    for job_name, job, step in steps(load(path)):
        secret = {name for name, value in job.get("env", {}).items() if "secrets." in value}
        if secret & set(re.findall(r"[A-Z_]+", step.get("run", ""))):
            condition = step.get("if", "")
            assert any(f"env.{name} != ''" in condition for name in secret), (
                f"{job_name}: {step.get('name')} reads a secret without an if"
            )


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_bash_step_parses(path: Path) -> None:
    document = load(path)
    for job_name, job, step in steps(document):
        shell = step.get("shell") or ("pwsh" if "windows" in job["runs-on"] else "bash")
        if "run" not in step or shell != "bash":
            continue
        script = re.sub(r"\$\{\{[^}]*\}\}", "X", step["run"])  # Actions expressions
        done = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True)
        assert done.returncode == 0, f"{job_name}: {step.get('name')}: {done.stderr}"


def test_the_local_scripts_parse() -> None:
    for script in [
        ROOT / ".ci" / "run",
        ROOT / ".ci" / "run-python3.12",
        *sorted((ROOT / "scripts").iterdir()),
        *sorted((ROOT / "packaging").glob("build-*")),
        ROOT / "packaging" / "check-reproducible",
    ]:
        if script.suffix in {".py", ".ps1"} or not script.is_file():
            continue
        done = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert done.returncode == 0, f"{script}: {done.stderr}"
