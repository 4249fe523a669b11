"""Field specifications shared by validation, storage mapping and the JSON export format.

Each entity is a dataclass whose fields carry a `Spec` in their metadata. One generic
validator then serves the GUI, the import and the demo generator, and one generic mapper
turns entities into table rows and back — so the three can never disagree about a field.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .taxonomy import Vocabulary

TEXT_MAX = 200_000  # a very long conversation log, not a pasted book


@dataclass(frozen=True)
class Spec:
    kind: str  # text | int | date | bool | code | codes | ref
    required: bool = False
    vocab: Vocabulary | None = None
    minimum: int | None = None
    maximum: int | None = None
    max_length: int = TEXT_MAX
    label_nl: str = ""
    stored: bool = True  # False: kept in another table (categories)


def text(label_nl: str, *, required: bool = False, max_length: int = TEXT_MAX) -> Any:
    return field(
        default="",
        metadata={"spec": Spec("text", required, max_length=max_length, label_nl=label_nl)},
    )


def integer(
    label_nl: str,
    *,
    default: int | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    required: bool = False,
) -> Any:
    spec = Spec("int", required, minimum=minimum, maximum=maximum, label_nl=label_nl)
    return field(default=default, metadata={"spec": spec})


def day(label_nl: str, *, required: bool = False) -> Any:
    return field(default=None, metadata={"spec": Spec("date", required, label_nl=label_nl)})


def flag(label_nl: str) -> Any:
    return field(default=False, metadata={"spec": Spec("bool", label_nl=label_nl)})


def code(
    label_nl: str, vocab: Vocabulary, *, required: bool = False, default: str | None = None
) -> Any:
    return field(
        default=default, metadata={"spec": Spec("code", required, vocab, label_nl=label_nl)}
    )


def codes(label_nl: str, vocab: Vocabulary) -> Any:
    spec = Spec("codes", False, vocab, label_nl=label_nl, stored=False)
    return field(default=(), metadata={"spec": spec})


def ref(label_nl: str, *, required: bool = False) -> Any:
    return field(default=None, metadata={"spec": Spec("ref", required, label_nl=label_nl)})


def record_id() -> Any:
    return field(default=None, metadata={"spec": Spec("ref", label_nl="id")})


def specs(entity_type: type) -> dict[str, Spec]:
    return {f.name: f.metadata["spec"] for f in dataclasses.fields(entity_type)}


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


def from_row(entity_type: type, row: Any, **extra: Any) -> Any:
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
