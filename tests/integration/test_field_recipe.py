"""The recipe in docs/architecture.md ("Adding a field"), done as a developer would, on a copy.

A personal free-text field `location` is added to a case in a scratch copy of the source: one
spec line, one line for its input on the intake form, one line for its column (a migration).
The project's tests, unedited, then run against that copy: the personal-field walk covers
Case.location (destruction wipes it from every page of the database and its WAL, the
reporter's access export shows it, search leaves it alone), the form has its input, the
migration is frozen and an upgraded vault matches a new one, and no report shows it. Leaving
out the meaning or the input makes the tests say so, by name.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vpnotebook.vault.schema import LATEST_VERSION

ROOT = Path(__file__).resolve().parents[2]
SPEC = '    location: str = text("Locatie", max_length=SHORT, personal=True)\n'
WIDGET = '        self._row(case_form, "location", self.tr("Lo&catie"))\n'
COLUMN = (
    f'    Migration({LATEST_VERSION + 1}, "case location", '
    "\"ALTER TABLE cases ADD COLUMN location TEXT NOT NULL DEFAULT '';\"),\n"
)


# A searchable field: its column, and the case's search triggers again with it in their body,
# and the cases indexed again (docs/architecture.md, "A searchable field").
_CASE_BODY = (
    "{row}.title || char(10) || {row}.reporter_wishes || char(10) || {row}.outcome_note "
    "|| char(10) || {row}.notes || char(10) || {row}.location"
)
_INSERT = (
    "    INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)\n"
    "        VALUES (new.id * 16 + 1, 1, new.id, new.organisation_id, "
    + _CASE_BODY.format(row="new")
    + ");\n"
)
SEARCHABLE_SQL = (
    "ALTER TABLE cases ADD COLUMN location TEXT NOT NULL DEFAULT '';\n"
    "DROP TRIGGER search_cases_ai;\n"
    "DROP TRIGGER search_cases_au;\n"
    "CREATE TRIGGER search_cases_ai AFTER INSERT ON cases BEGIN\n" + _INSERT + "END;\n"
    "CREATE TRIGGER search_cases_au AFTER UPDATE ON cases BEGIN\n"
    "    DELETE FROM search_index WHERE rowid = old.id * 16 + 1;\n" + _INSERT + "END;\n"
    "DELETE FROM search_index WHERE kind = 1;\n"
    "INSERT INTO search_index(rowid, kind, case_id, organisation_id, body)\n"
    "    SELECT t.id * 16 + 1, 1, t.id, t.organisation_id, " + _CASE_BODY.format(row="t") + "\n"
    "      FROM cases AS t;\n"
)


def _insert_after(path: Path, anchor: str, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    [at] = [i for i, existing in enumerate(lines) if anchor in existing]
    lines.insert(at + 1, line)
    path.write_text("".join(lines), encoding="utf-8")


def _add_migration(path: Path, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index("MIGRATIONS: tuple[Migration, ...] = (")
    end = text.index("\n)\n", start)
    path.write_text(text[: end + 1] + line + text[end + 1 :], encoding="utf-8")


def scratch(
    tmp_path: Path, *, meaning: bool = True, widget: bool = True, searchable: bool = False
) -> Path:
    """A copy of src/ with the recipe applied (optionally without meaning or input)."""
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "vpnotebook", src / "vpnotebook")
    spec = SPEC if meaning else SPEC.replace(", personal=True", "")
    if searchable:
        spec = spec.replace("personal=True", "personal=True, searchable=True")
    _insert_after(src / "vpnotebook/core/models.py", "reporter_wishes: str = text(", spec)
    if widget:
        _insert_after(src / "vpnotebook/gui/cases/intake.py", "self.title: QLineEdit = ", WIDGET)
    migration = COLUMN
    if searchable:
        sql = SEARCHABLE_SQL.replace("\n", "\\n")
        migration = f'    Migration({LATEST_VERSION + 1}, "case location, searchable", "{sql}"),\n'
    _add_migration(src / "vpnotebook/vault/schema.py", migration)
    return src


def run_tests(src: Path, *tests: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src), "QT_QPA_PLATFORM": "offscreen"}
    where = subprocess.run(
        [sys.executable, "-c", "import vpnotebook; print(vpnotebook.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
        timeout=60,
    )
    assert where.stdout.strip().startswith(str(src)), "the copy is what is tested"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", *tests],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
        check=False,
    )


def test_a_personal_field_added_by_the_recipe_is_covered_by_the_unedited_tests(
    tmp_path: Path,
) -> None:
    result = run_tests(
        scratch(tmp_path),
        "tests/unit/core/test_field_meaning.py",
        "tests/unit/vault/test_migrations.py",
        "tests/gui/test_forms.py",
        "tests/integration/test_reports_leave_personal_fields_out.py",
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    passed = set(re.findall(r"::(\w+)\[Case\.location\] PASSED", result.stdout))
    assert passed == {
        "test_destruction_leaves_no_trace_of_a_personal_field",
        "test_the_access_export_holds_every_personal_field",
        "test_wiping_the_reporter_removes_identity_and_nothing_else",
        "test_search_finds_exactly_the_searchable_fields",
        "test_no_report_shows_a_personal_field",
    }, result.stdout[-4000:]


def test_a_searchable_field_with_its_index_migration_is_found_by_search(
    tmp_path: Path,
) -> None:
    result = run_tests(
        scratch(tmp_path, searchable=True),
        "tests/unit/core/test_field_meaning.py",
        "tests/unit/vault/test_migrations.py",
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "test_search_finds_exactly_the_searchable_fields[Case.location] PASSED" in (
        result.stdout
    )
    assert "test_destruction_leaves_no_trace_of_a_personal_field[Case.location] PASSED" in (
        result.stdout
    )


def test_a_field_marked_searchable_without_its_index_migration_is_named(tmp_path: Path) -> None:
    src = scratch(tmp_path, searchable=False)
    models = src / "vpnotebook/core/models.py"
    text = models.read_text(encoding="utf-8")
    models.write_text(
        text.replace(SPEC, SPEC.replace("personal=True", "personal=True, searchable=True")),
        encoding="utf-8",
    )
    result = run_tests(
        src,
        "tests/unit/core/test_field_meaning.py::test_search_finds_exactly_the_searchable_fields",
    )
    assert result.returncode == 1, result.stdout[-3000:]
    assert "Case.location is searchable in its spec but the index disagrees" in result.stdout


@pytest.mark.parametrize(
    ("left_out", "test", "said"),
    [
        (
            "meaning",
            "tests/unit/core/test_field_meaning.py::"
            "test_every_field_of_a_case_record_says_what_destruction_does",
            "mark these fields personal=True",
        ),
        (
            "widget",
            "tests/gui/test_forms.py::test_every_field_the_vp_fills_in_has_an_input",
            "Case.location has no input",
        ),
    ],
)
def test_leaving_out_a_step_of_the_recipe_is_named(
    tmp_path: Path, left_out: str, test: str, said: str
) -> None:
    src = scratch(tmp_path, meaning=left_out != "meaning", widget=left_out != "widget")
    result = run_tests(src, test)
    assert result.returncode == 1, result.stdout[-3000:]
    assert said in result.stdout, result.stdout[-3000:]
