"""Which record fields a fact reads: a recording proxy over the case record.

A fact declares the record paths it reads (``@fact(label, reads=(...))``). To know exactly
which *absent* fields lie behind an unknown fact — ``Finding.missing``, the list the guided
interview asks for — the fact is run once more over a :class:`Recorder` proxy of the record,
which logs every field read with its indexed path and whether it was absent. The same proxy
lets a test check, on every sample, that the paths a fact reads are the ones it declares.

The proxy is used only for unknown findings (and in tests): a check of a complete record
never pays for it.
"""

from __future__ import annotations

import inspect
import types
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel


@dataclass
class Recorder:
    """Reads logged while a fact runs: ``(indexed path, absent)``, in order.

    ``decided`` holds ranges of the log read on behalf of items whose verdict the fact
    found definite (see ``facts._count``): those reads do not make the fact unknown.
    """

    log: list[tuple[str, bool]] = field(default_factory=list)
    decided: list[tuple[int, int]] = field(default_factory=list)
    #: log entries a fact declared needed (:meth:`need`): absent events whose absence the
    #: record itself makes a question (an order issued, no answer recorded)
    needed: set[int] = field(default_factory=set)

    def need(self, path: str) -> None:
        """An absent event that is not established here (``absence.PROMPTED``)."""
        self.needed.add(len(self.log))
        self.log.append((path, True))

    def mark(self) -> int:
        return len(self.log)

    def settle(self, start: int) -> None:
        """The reads since ``start`` served an item whose verdict is known."""
        self.decided.append((start, len(self.log)))

    def undecided(self) -> list[tuple[str, bool, bool]]:
        """The reads not attributed to a decided item: ``(path, absent, needed)``."""
        skip = set()
        for start, end in self.decided:
            skip.update(range(start, end))
        return [(path, absent, i in self.needed) for i, (path, absent) in enumerate(self.log) if i not in skip]


class _Model:
    """Stands for a pydantic model: attribute reads are logged; isinstance still works."""

    __slots__ = ("_obj", "_path", "_rec")

    def __init__(self, obj: BaseModel, path: str, rec: Recorder) -> None:
        object.__setattr__(self, "_obj", obj)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_rec", rec)

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # noqa: D401 - isinstance(proxy, Organisation) must hold
        return type(self._obj)

    def __getattr__(self, name: str) -> Any:
        obj = self._obj
        static, listed = _attribute(type(obj), name)
        if isinstance(static, property):
            return static.fget(self)  # type: ignore[misc]  # properties read through the proxy
        if isinstance(static, types.FunctionType):
            return types.MethodType(static, self)
        value = getattr(obj, name)
        if listed is None:  # not a field of the record
            return value
        path = f"{self._path}.{name}" if self._path else name
        # a list field defaulting to [] is "not recorded" when empty; an optional list is not
        self._rec.log.append((path, value is None or (listed and value == [])))
        return wrap(value, path, self._rec)

    def __setattr__(self, name: str, value: object) -> None:
        raise TypeError("the case record is read-only")

    def __repr__(self) -> str:
        return f"<recorded {self._path or 'record'}: {self._obj!r}>"


#: (model class, name) → its class attribute and, for a field, whether it defaults to [] (else None)
_ATTRIBUTES: dict[tuple[type, str], tuple[Any, bool | None]] = {}


def _attribute(cls: type, name: str) -> tuple[Any, bool | None]:
    """``inspect.getattr_static(cls, name, None)`` and what the field is, looked up once per
    class and name: a class does not change while checks run, and the static lookup walks the
    whole MRO (≈ 10 µs per read)."""
    key = (cls, name)
    found = _ATTRIBUTES.get(key)
    if found is None:
        info = cls.model_fields.get(name)  # type: ignore[attr-defined]
        listed = None if info is None else info.default_factory is list
        found = _ATTRIBUTES[key] = (inspect.getattr_static(cls, name, None), listed)
    return found


class _List:
    """Stands for a list in the record: its items are wrapped with their index."""

    __slots__ = ("_items", "_path", "_rec")

    def __init__(self, items: list[Any], path: str, rec: Recorder) -> None:
        self._items = items
        self._path = path
        self._rec = rec

    def __iter__(self) -> Any:
        for i, item in enumerate(self._items):
            yield wrap(item, f"{self._path}.{i}", self._rec)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __getitem__(self, index: int) -> Any:
        i = range(len(self._items))[index]
        return wrap(self._items[i], f"{self._path}.{i}", self._rec)

    def __contains__(self, value: object) -> bool:
        return value in self._items

    def __eq__(self, other: object) -> bool:
        return self._items == (other._items if isinstance(other, _List) else other)

    __hash__ = None  # type: ignore[assignment]


def wrap(value: Any, path: str, rec: Recorder) -> Any:
    """``value`` as the facts will see it: models and lists recorded, scalars as they are."""
    if isinstance(value, BaseModel):
        return _Model(value, path, rec)
    if isinstance(value, list):
        return _List(value, path, rec)
    return value


def covered(path: str, declared: frozenset[str]) -> bool:
    """Whether a read pattern path is declared, or is on the way to a declared path."""
    return path in declared or any(d.startswith(path + ".") or d.startswith(path + "[]") for d in declared)
