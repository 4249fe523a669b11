"""The VP's name and role: stored together, checked, and the one source every document signs with."""

from __future__ import annotations

from datetime import date

import pytest

from vpnotebook.core.fields import ValidationError
from vpnotebook.core.journal import Journal
from vpnotebook.core.models import Case, Organisation
from vpnotebook.core.profile import VP_ROLES, save_vp_profile, vp_profile
from vpnotebook.report import wording
from vpnotebook.report.access_export import build_access_export
from vpnotebook.report.case_summary import build_case_summary


def test_a_changed_name_signs_every_later_document(journal: Journal) -> None:
    save_vp_profile(journal, "R. Vermuelen", "external")  # the typo of the wizard
    save_vp_profile(journal, "  R.   Vermeulen ", "integrity")
    profile = vp_profile(journal)
    assert profile.name == "R. Vermeulen" and profile.role == "integrity"
    assert profile.signature("nl") == "R. Vermeulen, Vertrouwenspersoon integriteit"
    assert profile.signature("en") == "R. Vermeulen, Confidential counsellor for integrity"
    org = journal.add(Organisation(name="Waterschap De Vliet"))
    case = journal.add(
        Case(
            organisation_id=org.id,
            first_contact=date(2026, 3, 1),
            contact_type="report",
            reporter_role="employee",
        )
    )
    for document in (
        build_case_summary(journal, case.id, today=date(2026, 4, 1)),
        build_access_export(journal, case.id, today=date(2026, 4, 1)),
    ):
        assert any(
            "R. Vermeulen, Vertrouwenspersoon integriteit" in line for line in document.cover_lines
        )
        assert not any("Vermuelen" in line for line in document.cover_lines)


@pytest.mark.parametrize(
    ("name", "role", "field"),
    [
        ("", "external", "name"),
        ("   ", "internal", "name"),
        ("A" * 301, "external", "name"),
        ("R. Vermeulen", "manager", "role"),
        ("R. Vermeulen", "", "role"),
    ],
)
def test_what_cannot_be_stored_changes_nothing(
    journal: Journal, name: str, role: str, field: str
) -> None:
    save_vp_profile(journal, "R. Vermeulen", "external")
    with pytest.raises(ValidationError) as refused:
        save_vp_profile(journal, name, role)
    assert refused.value.field_name == field and refused.value.message_nl
    assert vp_profile(journal) == save_vp_profile(journal, "R. Vermeulen", "external")


def test_no_profile_yet_signs_neutrally(journal: Journal) -> None:
    assert vp_profile(journal).signature("nl") == "de vertrouwenspersoon"
    assert vp_profile(journal).signature("en") == "the confidential counsellor"


def test_the_report_reads_the_one_list_of_roles() -> None:
    assert set(wording.VP_ROLES) == set(VP_ROLES.codes)
    for term in VP_ROLES:
        assert wording.VP_ROLES[term.code] == (term.nl, term.en)
