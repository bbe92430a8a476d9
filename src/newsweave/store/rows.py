"""Records to table rows and back. Nested spans become prefixed columns."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, TypeVar

from sqlalchemy import Table

R = TypeVar("R")


_NESTED: dict[Any, dict[str, Any]] = {}


def _nested_types(cls: Any) -> dict[str, Any]:
    """Fields of ``cls`` that hold another record (``Speaker | None`` -> Speaker)."""
    if cls in _NESTED:
        return _NESTED[cls]
    nested: dict[str, Any] = {}
    for name, hint in typing.get_type_hints(cls).items():
        options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        for option in options:
            if dataclasses.is_dataclass(option):
                nested[name] = option
    _NESTED[cls] = nested
    return nested


def to_row(record: Any, table: Table, **extra: Any) -> dict[str, Any]:
    """A row for ``table`` holding ``record``'s fields (every column present, None if unset)."""
    row: dict[str, Any] = dict.fromkeys(table.columns.keys())
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if field.name in _nested_types(type(record)):
            if value is not None:
                for sub in dataclasses.fields(value):
                    row[f"{field.name}_{sub.name}"] = getattr(value, sub.name)
        elif field.name in row:
            row[field.name] = value
    row.update(extra)
    return row


def from_row(cls: type[R], row: Any) -> R:
    """Rebuild a record of type ``cls`` from a row made by ``to_row``."""
    mapping = row._mapping if hasattr(row, "_mapping") else row
    values: dict[str, Any] = {}
    nested = _nested_types(cls)
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.name in nested:
            sub_cls = nested[field.name]
            if mapping.get(f"{field.name}_start") is not None:
                values[field.name] = sub_cls(
                    **{
                        sub.name: mapping.get(f"{field.name}_{sub.name}")
                        for sub in dataclasses.fields(sub_cls)
                    }
                )
            else:
                values[field.name] = None
        elif field.name in mapping:
            values[field.name] = mapping[field.name]
    return cls(**values)
