"""Every field the VP fills in has an input on its form, bound the one way (common/binding.py),
and every page is a `Page` that declares what the main window asks of it.

Walked from the specs: a field added to an entity without an input on its form fails here,
named ("Case.location has no input").
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable
from typing import Any

import pytest

from vpnotebook.core.fields import specs
from vpnotebook.core.models import (
    Case,
    CaseLink,
    Conversation,
    Department,
    FollowUp,
    Organisation,
    OutreachActivity,
    Referral,
    ReferralContact,
    Reporter,
    Route,
    Signal,
    TimeEntry,
)
from vpnotebook.gui import main_window, workspace
from vpnotebook.gui.cases.case_view import CaseView
from vpnotebook.gui.cases.closing import CloseCaseDialog
from vpnotebook.gui.cases.conversation_editor import ConversationEditor
from vpnotebook.gui.cases.intake import IntakeForm
from vpnotebook.gui.common.binding import FormBinding
from vpnotebook.gui.common.page import Page
from vpnotebook.gui.organisations.page import OrganisationsPage
from vpnotebook.gui.outreach.page import OutreachPage
from vpnotebook.gui.session import Session
from vpnotebook.gui.signals.page import SignalsPage
from vpnotebook.gui.timesheet.page import TimePage
from vpnotebook.gui.workspace import page_specs


def typed_fields(entity_type: type) -> set[str]:
    """What the VP types or chooses: every field but what the program sets and the links a
    form's place gives (the case a route belongs to, the organisation of a department)."""
    return {
        name
        for name, spec in specs(entity_type).items()
        if not spec.system
        and name not in ("case_id", "id")
        and not (name == "organisation_id" and entity_type is not Case)
    }


def _case_forms(session: Session) -> list[Any]:
    journal = session.journal
    case = journal.find(Case)[0]
    assert case.id is not None
    return [
        IntakeForm(journal.organisations(), journal.departments_of),
        CloseCaseDialog(journal, case.id),
    ]


def _intake(session: Session) -> list[Any]:
    return [IntakeForm(session.journal.organisations(), session.journal.departments_of)]


# Per form: the entity it edits, what to build, and where its binding(s) are on what was built.
FORMS: dict[str, tuple[type, Callable[[Session], list[Any]], Callable[[Any], FormBinding]]] = {
    "Case (intake and closing)": (
        Case,
        _case_forms,
        lambda form: form.case_binding if isinstance(form, IntakeForm) else form.binding,
    ),
    "Reporter (intake)": (Reporter, _intake, lambda form: form.reporter_binding),
    "Conversation": (Conversation, lambda s: [ConversationEditor()], lambda f: f.binding),
    "Route": (Route, lambda s: [CaseView(s)], lambda f: f.routes.binding),
    "Referral": (Referral, lambda s: [CaseView(s)], lambda f: f.referrals.binding),
    "FollowUp": (FollowUp, lambda s: [CaseView(s)], lambda f: f.follow_ups.binding),
    "TimeEntry (case)": (TimeEntry, lambda s: [CaseView(s)], lambda f: f.time_entries.binding),
    "TimeEntry (Tijd)": (TimeEntry, lambda s: [TimePage(s)], lambda f: f.binding),
    "OutreachActivity": (OutreachActivity, lambda s: [OutreachPage(s)], lambda f: f.binding),
    "Signal": (Signal, lambda s: [SignalsPage(s)], lambda f: f.binding),
    "Organisation": (Organisation, lambda s: [OrganisationsPage(s)], lambda f: f.binding),
    "ReferralContact": (
        ReferralContact,
        lambda s: [OrganisationsPage(s)],
        lambda f: f.contacts.binding,
    ),
    "Department": (Department, lambda s: [OrganisationsPage(s)], lambda f: f.departments.binding),
    "CaseLink": (CaseLink, lambda s: [CaseView(s)], lambda f: f.links.records.binding),
}


@pytest.mark.parametrize("form", FORMS)
def test_every_field_the_vp_fills_in_has_an_input(qtbot, session: Session, form: str) -> None:
    entity_type, build, binding_of = FORMS[form]
    built = build(session)
    bound: set[str] = set()
    for widget in built:
        qtbot.addWidget(widget)
        binding = binding_of(widget)
        assert binding.entity_type is entity_type
        bound |= set(binding.fields())
    missing = sorted(typed_fields(entity_type) - bound)
    assert not missing, [f"{entity_type.__name__}.{name} has no input" for name in missing]


def test_every_page_is_a_page() -> None:
    for spec in page_specs():
        assert issubclass(spec.factory, Page), spec.key


@pytest.mark.parametrize("module", [main_window, workspace])
def test_the_window_asks_pages_only_what_page_declares(module: Any) -> None:
    # No getattr probing: what the main window and the workspace call is declared on Page.
    tree = ast.parse(inspect.getsource(module))
    probes = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") in ("getattr", "hasattr")
        and not (isinstance(node.args[0], ast.Name) and node.args[0].id == "self")
    ]
    assert probes == [], f"{module.__name__} probes pages on lines {probes}"
    for name in (
        "refresh",
        "save_pending",
        "state",
        "restore_state",
        "set_reminder_days",
        "focus_field",
        "lock_requested",
    ):
        assert hasattr(Page, name), name
