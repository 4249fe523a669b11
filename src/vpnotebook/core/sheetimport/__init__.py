"""Importing the VP's existing registration from a spreadsheet (.xlsx or CSV).

    table = read_table(path)                       # reading.py: the file into rows of cells
    options = ImportOptions(today=date.today())    # plan.py: the VP's maps and choices
    interpretation = interpret(table, options)     # every row read; problems collected
    plan = plan_import(interpretation, known_organisations(journal), journal)   # resolve.py
    result = write_import(journal, plan, today=...)  # writing.py: all rows, or nothing

The columns the import understands are listed once, in columns.py (FIELDS).
"""

from .columns import FIELDS, SKIP, SheetField
from .errors import RowProblem, SheetError
from .plan import (
    ColumnPlan,
    ImportOptions,
    Interpretation,
    UnknownValue,
    add_map_argument,
    check_columns,
    interpret,
)
from .reading import Table, read_table, sheet_names
from .resolve import ImportPlan, OrganisationPlan, PreviousImport, known_organisations, plan_import
from .writing import ImportResult, write_import

__all__ = [
    "FIELDS",
    "SKIP",
    "ColumnPlan",
    "ImportOptions",
    "ImportPlan",
    "ImportResult",
    "Interpretation",
    "OrganisationPlan",
    "PreviousImport",
    "RowProblem",
    "SheetError",
    "SheetField",
    "Table",
    "UnknownValue",
    "add_map_argument",
    "check_columns",
    "interpret",
    "known_organisations",
    "plan_import",
    "read_table",
    "sheet_names",
    "write_import",
]
