"""The Vandaag, Zoeken and Reservekopie screens, driven as the VP would, on a real vault."""

from __future__ import annotations

import contextlib
import os
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from vpnotebook.core.agenda import quiet_cases
from vpnotebook.core.models import Case, Conversation, FollowUp, Organisation, Signal
from vpnotebook.core.retention import due_for_destruction
from vpnotebook.core.search import search
from vpnotebook.gui.backup import tasks
from vpnotebook.gui.backup.page import BackupPage
from vpnotebook.gui.backup.secret import Secret
from vpnotebook.gui.backup.volumes import is_removable_root
from vpnotebook.gui.search.delegate import HTML_ROLE
from vpnotebook.gui.search.page import SearchPage
from vpnotebook.gui.session import Session
from vpnotebook.gui.today.page import FOLLOW_UP_ROLE, TodayPage
from vpnotebook.vault.backup import list_backups, make_backup
from vpnotebook.vault.errors import BackupDamagedError, WrongSecretError
from vpnotebook.vault.vault import DATABASE_NAME, Vault

from .conftest import DEMO_TODAY, GUI_PASSPHRASE

JOB_TIMEOUT = 30_000


# -- Vandaag --------------------------------------------------------------------------------


@pytest.fixture
def today_page(qtbot, session: Session) -> TodayPage:
    page = TodayPage(session)
    qtbot.addWidget(page)
    page.today = DEMO_TODAY
    page.refresh()
    return page


def _rows(tree) -> list[QTreeWidgetItem]:
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def test_today_lists_what_is_due_and_overdue_first_in_red(today_page: TodayPage, session) -> None:
    expected = session.journal.open_follow_ups(until=DEMO_TODAY)
    assert any(f.due_on < DEMO_TODAY for f in expected), "the demo vault has overdue follow-ups"
    assert today_page.follow_up_ids(today_page.attention) == [f.id for f in expected]
    for item, follow_up in zip(_rows(today_page.attention.tree), expected, strict=True):
        late = follow_up.due_on < DEMO_TODAY
        assert item.font(0).bold() == late
        assert ("te laat" in item.text(0)) == late
    assert today_page.attention.empty.isHidden()


def test_today_done_button_saves_and_the_item_leaves_the_list(
    qtbot, today_page: TodayPage, session: Session, demo_vault
) -> None:
    item = today_page.attention.tree.topLevelItem(0)
    follow_up_id = today_page.follow_up_ids(today_page.attention)[0]
    button = today_page.attention.tree.itemWidget(item, 5)
    with qtbot.waitSignal(session.changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert follow_up_id not in today_page.follow_up_ids(today_page.attention)

    # Persisted: a fresh opening of the vault sees it done on the screen's day.
    session.close()
    with Vault.open(demo_vault[0], passphrase=GUI_PASSPHRASE) as reopened:
        from vpnotebook.core.journal import Journal

        assert Journal(reopened.db).get(FollowUp, follow_up_id).done_on == DEMO_TODAY


def test_today_appointments_and_quiet_cases_match_the_journal(
    today_page: TodayPage, session: Session
) -> None:
    journal = session.journal
    horizon = DEMO_TODAY + timedelta(days=14)
    appointments = [
        f.id
        for f in journal.open_follow_ups()
        if f.kind == "appointment" and DEMO_TODAY < f.due_on <= horizon
    ]
    assert today_page.follow_up_ids(today_page.appointments) == appointments

    planned = {f.case_id for f in journal.open_follow_ups() if f.due_on > DEMO_TODAY}
    quiet = {
        s.number
        for status in ("open", "reopened")
        for s in journal.case_summaries(status=status)
        if s.id not in planned and (DEMO_TODAY - (s.last_contact or s.first_contact)).days > 30
    }
    shown = {item.text(0) for item in _rows(today_page.quiet.tree)}
    assert shown == quiet


@pytest.mark.parametrize("days_later", [0, 45, 400])
def test_quiet_cases_in_one_query_equal_the_rule_over_every_open_case(
    session: Session, days_later: int
) -> None:
    journal = session.journal
    today = DEMO_TODAY + timedelta(days=days_later)
    planned = {f.case_id for f in journal.open_follow_ups() if f.due_on > today}
    expected = sorted(
        (
            (s.last_contact or s.first_contact, s.id)
            for status in ("open", "reopened")
            for s in journal.case_summaries(status=status)
            if not s.destroyed
            and s.id not in planned
            and (today - (s.last_contact or s.first_contact)).days > 30
        ),
        key=lambda found: (
            found[0],
            journal.get(Case, found[1]).year,
            journal.get(Case, found[1]).seq,
        ),
    )
    quiet, _total = quiet_cases(journal, today)
    assert [(q.last_contact, q.case_id) for q in quiet] == expected
    assert expected, "the demo vault has quiet cases on each of these days"
    assert all(q.days == (today - q.last_contact).days for q in quiet)


def test_today_enter_on_a_case_row_opens_the_case(qtbot, today_page: TodayPage, session) -> None:
    tree = today_page.quiet.tree if _rows(today_page.quiet.tree) else today_page.appointments.tree
    item = next(row for row in _rows(tree) if row.data(0, Qt.ItemDataRole.UserRole))
    case_id = int(item.data(0, Qt.ItemDataRole.UserRole))
    today_page.show()
    tree.setFocus()
    tree.setCurrentItem(item)
    with qtbot.waitSignal(session.open_case_requested, check_params_cb=lambda c: c == case_id):
        qtbot.keyClick(tree, Qt.Key.Key_Return)


def test_today_backup_reminder_until_a_backup_is_made(
    qtbot, today_page: TodayPage, session: Session, tmp_path: Path
) -> None:
    assert not today_page.reminder.isHidden()
    with qtbot.waitSignal(session.page_requested, check_params_cb=lambda key: key == "backup"):
        qtbot.mouseClick(today_page.reminder_button, Qt.MouseButton.LeftButton)

    stick = tmp_path / "stick"
    stick.mkdir()
    make_backup(session.vault, stick, now=datetime.combine(DEMO_TODAY, time(9, 0)) - timedelta(20))
    today_page.refresh()
    assert not today_page.reminder.isHidden()
    assert "20 dagen" in today_page.reminder_text.text()

    make_backup(session.vault, stick, now=datetime.combine(DEMO_TODAY, time(9, 0)))
    today_page.refresh()
    assert today_page.reminder.isHidden()


def test_today_empty_states_are_calm(qtbot, session: Session) -> None:
    page = TodayPage(session)
    qtbot.addWidget(page)
    page.today = date(2020, 1, 1)  # before any of the demo's records
    page.refresh()
    assert not page.attention.empty.isHidden()
    assert page.attention.empty.text() == "Niets dat vandaag aandacht vraagt."
    assert page.attention.tree.isHidden()


# -- Zoeken ---------------------------------------------------------------------------------


@pytest.fixture
def search_page(qtbot, session: Session) -> SearchPage:
    page = SearchPage(session)
    qtbot.addWidget(page)
    page.show()
    return page


def _type(qtbot, page: SearchPage, text: str) -> None:
    page.field.clear()
    qtbot.keyClicks(page.field, text)
    # The debounce timer fires by itself; no sleeping.
    qtbot.waitUntil(lambda: page.results is not None and page.results.typed == text)


def _hits(page: SearchPage) -> list[QTreeWidgetItem]:
    return [group.child(j) for group in _rows(page.tree) for j in range(group.childCount())]


def test_search_as_you_type_finds_a_conversation_grouped_by_its_case(
    qtbot, search_page: SearchPage, session: Session
) -> None:
    conversation = next(c for c in session.journal.find(Conversation) if len(c.story) > 60)
    # QTest types ASCII only; the search itself ignores accents anyway.
    words = [w.strip(".,;:'") for w in conversation.story.split() if len(w) > 5 and w.isascii()]
    words = words[:3]
    typed = " ".join(words)
    _type(qtbot, search_page, typed)

    case = session.journal.get(Case, conversation.case_id)
    groups = [g for g in search_page.results.groups if g.case_id == case.id]
    assert groups and any(r.hit.record_id == conversation.id for r in groups[0].hits)
    header = next(
        g for g in _rows(search_page.tree) if g.data(0, Qt.ItemDataRole.UserRole) == case.id
    )
    assert header.text(0).startswith(case.number)
    organisation = session.journal.get(Organisation, case.organisation_id)
    assert organisation.name in header.text(0)
    assert "<b>" in header.child(0).data(0, HTML_ROLE)

    hit_item = next(
        header.child(j) for j in range(header.childCount()) if "Gesprek" in header.child(j).text(0)
    )
    search_page.tree.setFocus()
    search_page.tree.setCurrentItem(hit_item)
    with qtbot.waitSignal(session.open_case_requested, check_params_cb=lambda c: c == case.id):
        qtbot.keyClick(search_page.tree, Qt.Key.Key_Return)


def test_search_escapes_html_from_the_vault(qtbot, search_page: SearchPage, session) -> None:
    case = session.journal.find(Case)[0]
    session.journal.add(
        Conversation(
            case_id=case.id,
            held_on=DEMO_TODAY,
            story="Melder schreef <i>letterlijk</i> & <img src=x> zonnebloemveld.",
        )
    )
    _type(qtbot, search_page, "zonnebloemveld")
    markup = [item.data(0, HTML_ROLE) for item in _hits(search_page)]
    assert len(markup) == 1
    assert "&lt;i&gt;letterlijk&lt;/i&gt; &amp; &lt;img src=x&gt;" in markup[0]
    assert "<b>zonnebloemveld</b>" in markup[0]
    assert "<i>letterlijk" not in markup[0] and "<img" not in markup[0]


def test_search_shows_records_outside_cases_under_their_own_heading(
    qtbot, search_page: SearchPage, session: Session
) -> None:
    organisation = session.journal.organisations()[0]
    session.journal.add(
        Signal(organisation_id=organisation.id, given_on=DEMO_TODAY, subject="Kantinegesprek")
    )
    _type(qtbot, search_page, "kantinegesprek")
    groups = _rows(search_page.tree)
    assert [g.text(0) for g in groups] == ["Buiten meldingen"]
    hit = groups[0].child(0)
    assert organisation.name in hit.text(0)
    search_page.tree.setFocus()
    search_page.tree.setCurrentItem(hit)
    with qtbot.waitSignal(session.page_requested, check_params_cb=lambda k: k == "signals"):
        qtbot.keyClick(search_page.tree, Qt.Key.Key_Return)


def test_search_caps_at_200_and_says_so(qtbot, search_page: SearchPage, session) -> None:
    assert len(search(session.vault.db, "melder", limit=500)) > 200
    _type(qtbot, search_page, "melder")
    assert len(_hits(search_page)) == 200
    assert "Meer dan 200" in search_page.status.text()


def test_search_nothing_found_and_state(qtbot, search_page: SearchPage, session) -> None:
    _type(qtbot, search_page, "xyzzyqwv")
    assert search_page.tree.topLevelItemCount() == 0
    assert "Niets gevonden" in search_page.status.text()
    # A lock keeps the pages' state; what the VP searched for is not part of it.
    assert "xyzzyqwv" not in repr(search_page.state())

    other = SearchPage(session)
    qtbot.addWidget(other)
    other.restore_state({"text": "etentje"})
    assert other.field.text() == "etentje"
    qtbot.waitUntil(lambda: other.results is not None and other.results.typed == "etentje")


def test_search_answer_for_text_no_longer_there_is_dropped(qtbot, search_page: SearchPage) -> None:
    search_page.field.setText("melder")
    search_page.search_now()
    search_page.field.clear()  # before the answer is in
    qtbot.waitUntil(lambda: not search_page.searcher.busy)
    assert search_page.tree.topLevelItemCount() == 0 and search_page.results is None


def _open_files_named(name: str) -> int:
    """File descriptors of this process open on a file of that name (Linux)."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the listing's own descriptor is gone by now
            count += Path(os.readlink(f"/proc/self/fd/{fd}")).name == name
    return count


def test_search_reads_through_the_vault_s_one_connection(
    qtbot, search_page: SearchPage, session: Session
) -> None:
    database = session.vault.folder / DATABASE_NAME
    before = _open_files_named(database.name)
    assert before >= 1
    _type(qtbot, search_page, "melder")
    assert search_page.results is not None and search_page.results.count
    assert _open_files_named(database.name) == before  # no second connection was opened


def test_a_lock_while_searching_waits_for_the_statement_and_loses_nothing(
    qtbot, search_page: SearchPage, session: Session
) -> None:
    search_page.field.setText("melder")
    search_page.search_now()
    session.close()  # what a lock does, with the search perhaps still reading
    qtbot.waitUntil(lambda: not search_page.searcher.busy)
    assert not session.vault.is_open


def test_search_field_has_focus_when_shown(qtbot, session: Session) -> None:
    page = SearchPage(session)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.field.hasFocus)


# -- Reservekopie ---------------------------------------------------------------------------


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "USB-STICK"
    folder.mkdir()
    return folder


@pytest.fixture
def backup_page(qtbot, session: Session, answers) -> BackupPage:
    page = BackupPage(session)
    qtbot.addWidget(page)
    page.find_volumes = lambda: []  # this machine's drives are not the test's business
    page.refresh()
    return page


def _wait_idle(qtbot, page: BackupPage) -> None:
    qtbot.waitUntil(lambda: not page.busy_now, timeout=JOB_TIMEOUT)


def _make_through_ui(qtbot, page: BackupPage, folder: Path, keep: int = 5) -> None:
    page.set_folder(folder)
    page.keep.setValue(keep)
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, page)


def test_backup_made_through_the_screen_is_verified_and_shown(
    qtbot, backup_page: BackupPage, session: Session, stick: Path, answers
) -> None:
    progress: list[int] = []
    backup_page.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(session.changed, check_params_cb=lambda what: what == "backup"):
        _make_through_ui(qtbot, backup_page, stick)

    files = list_backups(stick)
    assert len(files) == 1 and not answers
    info = backup_page.last_made
    assert info is not None and info.path == files[0]
    text = backup_page.make_result.text()
    assert files[0].name in text and "Gelukt en gecontroleerd" in text
    assert f"{session.journal.count(Case)} meldingen" in text
    assert f"{session.journal.count(Conversation)} gesprekken" in text
    assert progress and progress[-1] == 1000  # came over from the worker thread
    assert session.journal.setting("last_backup_file") == files[0].name
    assert "Laatste gecontroleerde reservekopie" in backup_page.last_line.text()
    assert backup_page.backups.topLevelItemCount() == 1
    assert backup_page.state() == {"folder": str(stick)}


def test_backup_rotation_keeps_the_newest_two(
    qtbot, backup_page: BackupPage, session: Session, stick: Path
) -> None:
    now = datetime.now().replace(second=0, microsecond=0)
    oldest = make_backup(session.vault, stick, now=now - timedelta(days=2)).path
    middle = make_backup(session.vault, stick, now=now - timedelta(days=1)).path

    _make_through_ui(qtbot, backup_page, stick, keep=2)

    remaining = list_backups(stick)
    assert len(remaining) == 2 and oldest not in remaining and middle in remaining
    assert backup_page.last_made.removed_old == (oldest,)
    assert oldest.name in backup_page.make_result.text()
    assert backup_page.backups.topLevelItemCount() == 2


def test_backup_verified_through_the_screen(
    qtbot, backup_page: BackupPage, session: Session, stick: Path, demo_vault
) -> None:
    made = make_backup(session.vault, stick)
    backup_page.set_folder(stick)
    backup_page.backups.setCurrentItem(backup_page.backups.topLevelItem(0))
    assert backup_page.backup_file == made.path

    for secret in (Secret(passphrase=GUI_PASSPHRASE), Secret(recovery_code=demo_vault[1])):
        backup_page.ask_secret = lambda secret=secret: secret
        qtbot.mouseClick(backup_page.verify_button, Qt.MouseButton.LeftButton)
        _wait_idle(qtbot, backup_page)
        assert backup_page.check_result.text().startswith("In orde.")
        assert backup_page.last_verified.record_counts == made.record_counts


def test_backup_damaged_file_gets_the_dutch_message_and_changes_nothing(
    qtbot, backup_page: BackupPage, session: Session, stick: Path, tmp_path: Path, answers
) -> None:
    made = make_backup(session.vault, stick)
    damaged = tmp_path / made.path.name
    data = made.path.read_bytes()
    damaged.write_bytes(data[: len(data) * 2 // 3])
    before = (damaged.read_bytes(), session.journal.record_counts(), sorted(stick.iterdir()))
    last = session.journal.setting("last_backup_at")

    backup_page.set_backup_file(damaged)
    backup_page.ask_secret = lambda: Secret(passphrase=GUI_PASSPHRASE)
    qtbot.mouseClick(backup_page.verify_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, backup_page)

    message = BackupDamagedError().message("nl")
    assert answers == [("error", "Controleren mislukt", message)]
    assert backup_page.check_result.text() == message
    after = (damaged.read_bytes(), session.journal.record_counts(), sorted(stick.iterdir()))
    assert after == before and session.journal.setting("last_backup_at") == last


def test_backup_wrong_passphrase_is_told_apart(
    qtbot, backup_page: BackupPage, session: Session, stick: Path, answers
) -> None:
    backup_page.set_backup_file(make_backup(session.vault, stick).path)
    backup_page.ask_secret = lambda: Secret(passphrase="niet het goede wachtwoord")
    qtbot.mouseClick(backup_page.verify_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, backup_page)
    assert answers == [("error", "Controleren mislukt", WrongSecretError().message("nl"))]


def test_backup_restored_into_a_new_folder_opens_with_the_passphrase(
    qtbot, backup_page: BackupPage, session: Session, stick: Path, tmp_path: Path, answers
) -> None:
    made = make_backup(session.vault, stick)
    target = tmp_path / "teruggezet"
    backup_page.set_backup_file(made.path)
    assert backup_page.to_new.isChecked()  # the safe choice is the default
    backup_page.target_field.setText(str(target))
    backup_page.ask_secret = lambda: Secret(passphrase=GUI_PASSPHRASE)
    qtbot.mouseClick(backup_page.restore_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, backup_page)

    assert [kind for kind, _title, _text in answers] == ["info"]
    assert str(target) in answers[0][2] and "Andere kluis openen" in answers[0][2]
    assert session.vault.is_open  # the vault in use was left alone
    with Vault.open(target, passphrase=GUI_PASSPHRASE) as restored:
        from vpnotebook.core.journal import Journal

        assert Journal(restored.db).record_counts() == session.journal.record_counts()
    assert backup_page.target_field.text() != str(target)  # a fresh name for a next time


def test_backup_restore_refuses_a_folder_in_use_before_asking_anything(
    qtbot, backup_page: BackupPage, session: Session, stick: Path, answers
) -> None:
    backup_page.set_backup_file(make_backup(session.vault, stick).path)
    backup_page.target_field.setText(str(stick))  # holds the backup itself: not empty
    asked: list[bool] = []
    backup_page.ask_secret = lambda: asked.append(True)  # type: ignore[assignment]
    qtbot.mouseClick(backup_page.restore_button, Qt.MouseButton.LeftButton)
    assert not asked and answers[0][0] == "error" and "lege map" in answers[0][2]


def test_backup_replacing_the_vault_locks_first_and_puts_the_old_one_aside(
    qtbot, backup_page: BackupPage, session: Session, stick: Path, answers
) -> None:
    folder = session.vault.folder
    made = make_backup(session.vault, stick)
    later = session.journal.add(Organisation(name="Na de reservekopie toegevoegd"))
    # The main window answers this by locking; here the session is simply closed.
    backup_page.lock_requested.connect(session.close)

    backup_page.set_backup_file(made.path)
    backup_page.to_current.setChecked(True)
    backup_page.ask_secret = lambda: Secret(passphrase=GUI_PASSPHRASE)
    qtbot.mouseClick(backup_page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(kind == "info" for kind, *_ in answers), timeout=JOB_TIMEOUT)

    assert answers[0][0] == "ask" and "opzij gezet" in answers[0][2]
    assert not session.vault.is_open
    from vpnotebook.core.journal import Journal

    with Vault.open(folder, passphrase=GUI_PASSPHRASE) as restored:
        names = [org.name for org in Journal(restored.db).organisations()]
        assert later.name not in names
    aside = [p for p in folder.parent.iterdir() if ".voor-herstel-" in p.name]
    assert len(aside) == 1 and str(aside[0]) in answers[-1][2]
    with Vault.open(aside[0], passphrase=GUI_PASSPHRASE) as old:
        assert later.name in [org.name for org in Journal(old.db).organisations()]


def test_backup_replace_with_a_wrong_passphrase_keeps_the_session_open(
    qtbot, backup_page: BackupPage, session: Session, stick: Path, answers
) -> None:
    locked: list[bool] = []
    backup_page.lock_requested.connect(lambda: locked.append(True))
    backup_page.set_backup_file(make_backup(session.vault, stick).path)
    backup_page.to_current.setChecked(True)
    backup_page.ask_secret = lambda: Secret(passphrase="fout")
    qtbot.mouseClick(backup_page.restore_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, backup_page)
    assert not locked and session.vault.is_open
    assert answers[-1] == ("error", "Terugzetten mislukt", WrongSecretError().message("nl"))


def test_backup_without_a_folder_asks_for_one(qtbot, backup_page: BackupPage, answers) -> None:
    backup_page.folder = None
    qtbot.mouseClick(backup_page.make_button, Qt.MouseButton.LeftButton)
    assert answers and answers[0][0] == "warn" and not backup_page.busy_now


def test_backup_page_gone_mid_backup_is_harmless(qtbot, session: Session, stick: Path, answers):
    # A lock deletes the page; the backup still completes and nobody is told about it.
    page = BackupPage(session)
    page.find_volumes = lambda: []
    page.set_folder(stick)
    page.make()
    assert tasks.any_running()
    shiboken6.delete(page)
    qtbot.waitUntil(lambda: not tasks.any_running(), timeout=JOB_TIMEOUT)
    assert len(list_backups(stick)) == 1 and not answers


@pytest.mark.parametrize(
    ("root", "removable"),
    [
        ("/media/vp/KINGSTON", True),
        ("/run/media/vp/STICK", True),
        ("/mnt/backup", True),
        ("/Volumes/USB", True),
        ("/", False),
        ("/home", False),
        ("/System/Volumes/Data", False),
    ],
)
def test_removable_drives_are_told_by_where_they_are_mounted(root: str, removable: bool) -> None:
    assert is_removable_root(root) == removable


def test_a_long_list_on_today_shows_the_most_urgent_and_says_how_many_more(qtbot, session):
    from vpnotebook.gui.today import page as today_module
    from vpnotebook.gui.today.page import TodayPage

    page = TodayPage(session)
    qtbot.addWidget(page)
    page.today = DEMO_TODAY
    page.refresh()
    total = page.destruction.tree.topLevelItemCount()
    assert total >= 3  # the demo vault has old closed cases past their retention
    original = today_module.SHOWN_PER_SECTION
    today_module.SHOWN_PER_SECTION = 2
    try:
        page.refresh()
        tree = page.destruction.tree
        assert tree.topLevelItemCount() == 3
        most_urgent = due_for_destruction(session.journal, DEMO_TODAY)[:2]
        assert [tree.topLevelItem(i).text(0) for i in range(2)] == [s.number for s in most_urgent]
        assert str(total - 2) in tree.topLevelItem(2).text(0)
        assert f"({total})" in page.destruction.title.text()

        # The agenda lists are cut the same way: the first rows, and the whole count.
        journal = session.journal
        attention = journal.open_follow_ups(until=DEMO_TODAY)
        assert len(attention) > 2, "the demo vault has several follow-ups due"
        first_two = [page.attention.tree.topLevelItem(i).data(0, FOLLOW_UP_ROLE) for i in (0, 1)]
        assert first_two == [f.id for f in attention[:2]]
        assert page.attention.tree.topLevelItemCount() == 3
        assert f"({len(attention)})" in page.attention.title.text()
        quiet, _total = quiet_cases(journal, DEMO_TODAY)
        shown = [page.quiet.tree.topLevelItem(i).text(0) for i in range(min(2, len(quiet)))]
        assert shown == [q.number for q in quiet[:2]]
        assert f"({len(quiet)})" in page.quiet.title.text()
    finally:
        today_module.SHOWN_PER_SECTION = original
