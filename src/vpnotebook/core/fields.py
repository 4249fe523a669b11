"""Field specifications: what every field of every entity is, and what it means.

Each entity is a dataclass whose fields carry a `Spec` in their metadata. One generic
validator then serves the GUI, the import and the demo generator, and one generic mapper
turns entities into table rows and back — so the three can never disagree about a field.

The spec also says what a field *means* for privacy, once, and everything that depends on it
reads it from here rather than keeping its own list:

- `personal`: it says something about the reporter or what happened to them. Destroying the
  case wipes it (core/destruction.py), the reporter's access export shows it
  (report/access_export.py), and no annual report may ever show it (a test walks them all).
- `identity`: it says *who* the reporter is (always personal too). "Wipe the reporter's
  details" removes exactly these.
- `reported`: the anonymous annual report counts it, so it outlives the case's destruction;
  a date keeps only its quarter. Never together with `personal`.
- `searchable`: the full-text index holds it (the index's triggers are schema, so changing
  this needs a migration; a test compares the two).
- `system`: the program sets it (numbering, status, destruction); no form has an input for it.

A field of a case's record (the case itself and every entity with a `case_id`) that is
neither personal, reported, system nor a reference is refused by a test: whoever adds a field
must say what destruction does with it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, Unpack

from .taxonomy import Vocabulary

if TYPE_CHECKING:
    from ..vault.database import Row

T = TypeVar("T")

TEXT_MAX = 200_000  # a very long conversation log, not a pasted book


KINDS = ("text", "int", "date", "bool", "code", "codes", "ref")


@dataclass(frozen=True)
class Spec:
    kind: str  # one of KINDS
    required: bool = False
    vocab: Vocabulary | None = None
    minimum: int | None = None
    maximum: int | None = None
    max_length: int = TEXT_MAX
    label_nl: str = ""
    stored: bool = True  # False: kept in another table (categories)
    personal: bool = False
    identity: bool = False
    reported: bool = False
    searchable: bool = False
    system: bool = False

    def __post_init__(self) -> None:
        # Contradictions a developer could write are refused where they are written.
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r}")
        if self.identity and not self.personal:
            raise ValueError("an identity field is personal too")
        if self.personal and self.reported:
            raise ValueError("a personal field can never be in a report")
        if self.searchable and self.kind != "text":
            raise ValueError("only text can be searched")
        if self.system and self.personal:
            raise ValueError("the program never sets personal values by itself")
        if self.personal and not self.stored:
            raise ValueError("a personal value kept in another table cannot be wiped there")


class Meaning(TypedDict, total=False):
    """What a field means (see the module's docstring); the keyword arguments of every
    field function below."""

    personal: bool
    identity: bool
    reported: bool
    searchable: bool
    system: bool


def _field(default: Any, spec: Spec) -> Any:
    return field(default=default, metadata={"spec": spec})


def text(
    label_nl: str,
    *,
    required: bool = False,
    max_length: int = TEXT_MAX,
    **meaning: Unpack[Meaning],
) -> Any:
    return _field("", Spec("text", required, max_length=max_length, label_nl=label_nl, **meaning))


def integer(
    label_nl: str,
    *,
    default: int | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    required: bool = False,
    **meaning: Unpack[Meaning],
) -> Any:
    spec = Spec("int", required, minimum=minimum, maximum=maximum, label_nl=label_nl, **meaning)
    return _field(default, spec)


def day(label_nl: str, *, required: bool = False, **meaning: Unpack[Meaning]) -> Any:
    return _field(None, Spec("date", required, label_nl=label_nl, **meaning))


def flag(label_nl: str, *, default: bool = False, **meaning: Unpack[Meaning]) -> Any:
    return _field(default, Spec("bool", label_nl=label_nl, **meaning))


def code(
    label_nl: str,
    vocab: Vocabulary,
    *,
    required: bool = False,
    default: str | None = None,
    **meaning: Unpack[Meaning],
) -> Any:
    return _field(default, Spec("code", required, vocab, label_nl=label_nl, **meaning))


def codes(label_nl: str, vocab: Vocabulary, **meaning: Unpack[Meaning]) -> Any:
    return _field((), Spec("codes", False, vocab, label_nl=label_nl, stored=False, **meaning))


def ref(label_nl: str, *, required: bool = False, **meaning: Unpack[Meaning]) -> Any:
    return _field(None, Spec("ref", required, label_nl=label_nl, **meaning))


def record_id() -> Any:
    return _field(None, Spec("ref", label_nl="id", system=True))


def specs(entity_type: type) -> dict[str, Spec]:
    return {f.name: f.metadata["spec"] for f in dataclasses.fields(entity_type)}


def fields_where(entity_type: type, test: Callable[[Spec], bool]) -> tuple[str, ...]:
    """The names of the entity's fields whose spec passes `test`, in declaration order."""
    return tuple(name for name, spec in specs(entity_type).items() if test(spec))


def personal_fields(entity_type: type) -> tuple[str, ...]:
    return fields_where(entity_type, lambda spec: spec.personal)


def identity_fields(entity_type: type) -> tuple[str, ...]:
    return fields_where(entity_type, lambda spec: spec.identity)


def reported_fields(entity_type: type) -> tuple[str, ...]:
    return fields_where(entity_type, lambda spec: spec.reported)


def searchable_fields(entity_type: type) -> tuple[str, ...]:
    return fields_where(entity_type, lambda spec: spec.searchable)


def form_fields(entity_type: type) -> tuple[str, ...]:
    """The fields the VP types or chooses in a form: all but those the program sets."""
    return fields_where(entity_type, lambda spec: not spec.system)


def unclassified_fields(entity_type: type) -> tuple[str, ...]:
    """Fields of a case's record whose fate on destruction nobody declared (must be none)."""
    return fields_where(
        entity_type,
        lambda spec: not (spec.personal or spec.reported or spec.system or spec.kind == "ref"),
    )


class ValidationError(ValueError):
    """A field that does not hold what it should; names the field for the VP and for import."""

    def __init__(self, entity: str, field_name: str, message_nl: str, message_en: str) -> None:
        super().__init__(f"{entity}.{field_name}: {message_en}")
        self.entity = entity
        self.field_name = field_name
        self.message_nl = message_nl
        self.message_en = message_en


def validate(entity: Any) -> None:
    """Check every field of an entity against its Spec; raise ValidationError on the first."""
    name = type(entity).__name__
    for field_name, spec in specs(type(entity)).items():
        value = getattr(entity, field_name)
        label = spec.label_nl or field_name

        def fail(nl: str, en: str, field_name: str = field_name) -> None:
            raise ValidationError(name, field_name, nl, en)

        if value is None and spec.kind in ("text", "bool", "codes"):
            fail(f"{label} ontbreekt.", "must not be null")
        empty = (
            value is None
            or (spec.kind == "text" and isinstance(value, str) and not value.strip())
            or (spec.kind == "codes" and value == ())
        )
        if empty:
            if spec.required:
                fail(f"{label} is verplicht.", "is required")
            continue
        kind = spec.kind
        if kind == "text":
            if not isinstance(value, str):
                fail(f"{label} moet tekst zijn.", "must be text")
            elif len(value) > spec.max_length:
                fail(f"{label} is te lang.", "is too long")
            elif "\x00" in value or not _encodable(value):
                fail(f"{label} bevat een ongeldig teken.", "contains an invalid character")
        elif kind in ("int", "ref"):
            if isinstance(value, bool) or not isinstance(value, int):
                fail(f"{label} moet een heel getal zijn.", "must be a whole number")
            elif spec.minimum is not None and value < spec.minimum:
                fail(f"{label} moet minstens {spec.minimum} zijn.", f"must be >= {spec.minimum}")
            elif spec.maximum is not None and value > spec.maximum:
                fail(f"{label} mag hoogstens {spec.maximum} zijn.", f"must be <= {spec.maximum}")
            elif kind == "ref" and value <= 0:
                fail(f"{label} verwijst nergens naar.", "must be a positive id")
        elif kind == "date":
            if not isinstance(value, date):
                fail(f"{label} moet een datum zijn.", "must be a date")
            elif not 1990 <= value.year <= 2200:
                fail(f"{label} ligt buiten de mogelijke jaren.", "year out of range")
        elif kind == "bool":
            if not isinstance(value, bool):
                fail(f"{label} moet ja of nee zijn.", "must be true or false")
        elif kind == "code":
            assert spec.vocab is not None
            if value not in spec.vocab:
                fail(f"{label}: onbekende keuze.", "unknown code")
        elif kind == "codes":
            assert spec.vocab is not None
            if not isinstance(value, tuple) or any(v not in spec.vocab for v in value):
                fail(f"{label}: onbekende keuze.", "unknown code in list")
            elif len(set(value)) != len(value):
                fail(f"{label}: een keuze staat er dubbel in.", "repeats a code")


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates cannot be stored
        return False
    return True


# -- conversion between entities, table rows and JSON ----------------------------------------


def to_row(entity: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for field_name, spec in specs(type(entity)).items():
        if not spec.stored or field_name == "id":
            continue
        value = getattr(entity, field_name)
        if spec.kind == "date" and value is not None:
            value = value.isoformat()
        elif spec.kind == "bool":
            value = int(bool(value))
        row[field_name] = value
    return row


def from_row(entity_type: type[T], row: Row, **extra: Any) -> T:
    values: dict[str, Any] = {}
    keys = row.keys()
    for field_name, spec in specs(entity_type).items():
        if not spec.stored or field_name not in keys:
            continue
        value = row[field_name]
        if spec.kind == "date" and value is not None:
            value = date.fromisoformat(value)
        elif spec.kind == "bool":
            value = bool(value)
        values[field_name] = value
    values.update(extra)
    return entity_type(**values)


def to_json(entity: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field_name, spec in specs(type(entity)).items():
        value = getattr(entity, field_name)
        if spec.kind == "date" and value is not None:
            value = value.isoformat()
        elif spec.kind == "codes":
            value = list(value)
        data[field_name] = value
    return data


def from_json(entity_type: type, data: Any) -> Any:
    """Build an entity from a JSON object, naming the field of every error, then validate it."""
    name = entity_type.__name__
    if not isinstance(data, dict):
        raise ValidationError(name, "-", "Dit is geen record.", "record is not an object")
    known = specs(entity_type)
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ValidationError(name, unknown[0], "Onbekend veld.", "unknown field")
    values: dict[str, Any] = {}
    for field_name, spec in known.items():
        if field_name not in data:
            continue
        value = data[field_name]
        if spec.kind == "date" and value is not None:
            if not isinstance(value, str):
                raise ValidationError(name, field_name, "Geen geldige datum.", "date must be text")
            try:
                value = date.fromisoformat(value)
            except ValueError:
                raise ValidationError(
                    name, field_name, "Geen geldige datum.", "not an ISO date"
                ) from None
        elif spec.kind == "codes":
            if not isinstance(value, list):
                raise ValidationError(name, field_name, "Verwacht een lijst.", "must be a list")
            value = tuple(value)
        values[field_name] = value
    try:
        entity = entity_type(**values)
    except TypeError as exc:
        raise ValidationError(name, "-", "Onvolledig record.", str(exc)) from None
    validate(entity)
    return entity
