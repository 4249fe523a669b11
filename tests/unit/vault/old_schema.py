"""Records written the way an old program wrote them: with the old schema's own SQL.

A migration test fills the vault of schema N-1 before upgrading it. Filling it through today's
Journal would write today's columns (and fail, or worse, pass by accident), so the rows are
inserted with literal SQL for the columns that schema had. Schemas 1 to 4 share these tables.
"""

from __future__ import annotations

from vpnotebook.vault.database import Database


def fill_schema_1(db: Database, marker: str) -> int:
    """One organisation, one case with a category, its reporter and a conversation; the id of
    the case. `marker` is in what destroying the case removes: title, name and story."""
    with db.transaction():
        organisation = db.execute(
            "INSERT INTO organisations (name, employee_count) VALUES ('Stichting Vroeger', 30)"
        ).lastrowid
        case = db.execute(
            "INSERT INTO cases (organisation_id, year, seq, title, first_contact, contact_type, "
            "reporter_role, status) VALUES (?, 2024, 1, ?, '2024-05-06', 'report', 'employee', "
            "'open')",
            (organisation, f"Titel {marker}"),
        ).lastrowid
        db.execute(
            "INSERT INTO case_categories (case_id, category) VALUES (?, 'bullying')", (case,)
        )
        db.execute(
            "INSERT INTO reporters (case_id, name) VALUES (?, ?)", (case, f"Melder {marker}")
        )
        db.execute(
            "INSERT INTO conversations (case_id, held_on, duration_min, form, story) "
            "VALUES (?, '2024-05-07', 45, 'in_person', ?)",
            (case, f"Verhaal {marker} é"),
        )
    return int(case)


def close_case_in_schema_1(db: Database, case_id: int, closed_on: str) -> None:
    with db.transaction():
        db.execute(
            "UPDATE cases SET status = 'closed', closed_on = ?, outcome = 'resolved_informally' "
            "WHERE id = ?",
            (closed_on, case_id),
        )
