"""The documented, versioned JSON export of a whole vault, and its all-or-nothing import.

The format is specified in docs/formats/export.md. An export is plaintext by nature; asking
the VP to confirm that is the caller's job. The import trusts nothing in the document: every
record is checked against the field specs, every reference and every uniqueness rule of the
schema is checked against the other records, and it is all written in one transaction that
any refusal rolls back, so a bad file leaves the vault exactly as it was.

Both directions stream (a 10,000-case vault exports and imports in well under 200 MB):

  tables.py     the format's tables, keys, references and limits
  export.py     the writer, record by record
  reading.py    the reader: whole documents in memory, or files as a stream
  checking.py   the checks, record by record
  importing.py  the import, in one transaction
  errors.py     the refusals, in Dutch and English
"""

from .checking import RecordChecker as RecordChecker
from .errors import ExchangeError as ExchangeError
from .errors import ImportFormatError as ImportFormatError
from .errors import ImportVersionError as ImportVersionError
from .errors import JournalNotEmptyError as JournalNotEmptyError
from .export import ExportSummary as ExportSummary
from .export import dumps_document as dumps_document
from .export import export_journal as export_journal
from .export import iter_records as iter_records
from .export import write_export as write_export
from .importing import ImportSummary as ImportSummary
from .importing import import_file as import_file
from .importing import import_journal as import_journal
from .importing import validate_document as validate_document
from .reading import parse_document as parse_document
from .reading import read_import as read_import
from .tables import DESTRUCTION_RULES as DESTRUCTION_RULES
from .tables import DESTRUCTION_SCOPES as DESTRUCTION_SCOPES
from .tables import FORMAT_NAME as FORMAT_NAME
from .tables import FORMAT_VERSION as FORMAT_VERSION
from .tables import MAX_IMPORT_BYTES as MAX_IMPORT_BYTES
from .tables import MAX_INT as MAX_INT
from .tables import MAX_SETTING_KEY as MAX_SETTING_KEY
from .tables import RECORD_TABLES as RECORD_TABLES
from .tables import REFERENCES as REFERENCES
from .tables import ArchivedConversations as ArchivedConversations
from .tables import DestructionLogEntry as DestructionLogEntry
from .tables import PublishedReport as PublishedReport
from .tables import ReportText as ReportText
from .tables import TextConfirmation as TextConfirmation
