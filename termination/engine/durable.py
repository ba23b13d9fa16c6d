"""The durable_rules evaluator: the only module that touches durable_rules (Rete engine, C core).

How the rule language maps onto durable_rules, and why:

* Each rule is compiled to three Rete patterns over one flat fact, one per outcome except
  its *default* (satisfied for unconditional rules, not applicable for conditional ones).
  Under Kleene logic the four outcomes partition every fact set, so the default is what
  remains when nothing fires — and a compliant case fires almost nothing (fast). The
  pure-Python evaluator in :mod:`termination.rules.conditions` is the reference the
  test-suite compares with on every inline case and on random fact sets.
* A missing fact is unknown: ``V(atom)`` tests the negated comparison on a *present*
  property, ``U(atom)`` tests ``$nex`` (not exists).
* Facts are asserted with ``assert_fact`` (never ``post``: an event is consumed by the
  first rule that fires), one chunk of at most ``CHUNK`` rules per fact, keyed ``g``:
  durable's alpha network overflows (error 303) when more than 64 nodes match one fact.
* One session id per case; state is deleted afterwards. durable 2.0.28 segfaults when
  deleting the state of a session in which nothing fired, so a sentinel rule fires on the
  first chunk's fact, which every case asserts; state is deleted only once it has fired.
* ``$or`` fires once per matching branch: results are de-duplicated.
* durable_rules is not thread-safe: every evaluation holds one process-wide lock, and the
  host's background dispatcher threads (``Host._run``: timers calling ``dispatch()`` every
  0.2 s, outside any lock) are switched off — they were the source of error 307 and crashes
  under load. For parallelism use processes (the review batch and the HTTP workers do).
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterable, Mapping
from typing import Any

from termination.errors import EngineError
from termination.engine.reference import rule_facts
from termination.rules.conditions import NEGATED, All, Atom, Condition, Not
from termination.rules.schema import Rule

CHUNK = 20
_SENTINEL = "__case__"
Json = dict[str, Any]


# ---------------------------------------------------------------- compilation


def _cmp(fact: str, op: str, value: Any) -> Json:
    if op == "eq":
        return {fact: value}
    return {{"ne": "$neq", "lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte"}[op]: {fact: value}}


def _and(parts: list[Json]) -> Json:
    return parts[0] if len(parts) == 1 else {"$and": parts}


def _or(parts: list[Json]) -> Json:
    return parts[0] if len(parts) == 1 else {"$or": parts}


def sat(c: Condition) -> Json:
    """Pattern matching exactly when ``c`` is true."""
    if isinstance(c, Atom):
        if c.op == "in":
            return _or([_cmp(c.fact, "eq", v) for v in c.value])  # type: ignore[union-attr]
        return _cmp(c.fact, c.op, c.value)
    if isinstance(c, Not):
        return vio(c.not_)
    if isinstance(c, All):
        return _and([sat(x) for x in c.all])
    return _or([sat(x) for x in c.any])


def vio(c: Condition) -> Json:
    """Pattern matching exactly when ``c`` is false."""
    if isinstance(c, Atom):
        if c.op == "in":
            return _and([_cmp(c.fact, "ne", v) for v in c.value])  # type: ignore[union-attr]
        return _cmp(c.fact, NEGATED[c.op], c.value)
    if isinstance(c, Not):
        return sat(c.not_)
    if isinstance(c, All):
        return _or([vio(x) for x in c.all])
    return _and([vio(x) for x in c.any])


def unk(c: Condition) -> Json:
    """Pattern matching exactly when ``c`` is unknown."""
    if isinstance(c, Atom):
        return {"$nex": {c.fact: 1}}
    if isinstance(c, Not):
        return unk(c.not_)
    kids = c.all if isinstance(c, All) else c.any
    other = sat if isinstance(c, All) else vio
    return _and([_or([other(x), unk(x)]) for x in kids] + [_or([unk(x) for x in kids])])


def default_status(rule: Rule) -> str:
    """The outcome that fires nothing: the common case, so typical cases fire few actions.

    A conditional rule (``applies_when``) is usually not applicable; any other rule is
    usually satisfied. The other outcomes each get a pattern.
    """
    return "satisfied" if rule.applies_when is None else "not_applicable"


def compile_rule(rule: Rule, chunk: str) -> dict[str, Json]:
    """The durable_rules JSON definitions of one rule's non-default outcomes."""
    g = {"g": chunk}
    a, c = rule.applies_when, rule.condition
    patterns: dict[str, Json] = {}
    if a is None:
        patterns["violated"] = vio(c)
        patterns["unknown"] = unk(c)
    else:
        maybe = _or([sat(a), unk(a)])  # applicability not refuted
        patterns["satisfied"] = _and([maybe, sat(c)])
        patterns["violated"] = _and([sat(a), vio(c)])
        patterns["unknown"] = _or([_and([maybe, unk(c)]), _and([unk(a), vio(c)])])
    # durable allows 32 expressions per pattern (error 113): a top-level disjunction becomes
    # separate durable rules with the same action (their firings are de-duplicated).
    return {
        f"{rule.code}_{status}_{k}": {"all": [{"m": {"$and": [g, branch]}}], "run": f"{rule.code}|{status}"}
        for status, pattern in patterns.items()
        for k, branch in enumerate(_branches(pattern))
    }


def _branches(pattern: Json) -> list[Json]:
    """The disjuncts of a pattern's top-level ``$or`` (recursively), or the pattern itself."""
    if set(pattern) == {"$or"}:
        return [b for p in pattern["$or"] for b in _branches(p)]
    return [pattern]


# ---------------------------------------------------------------- evaluation


class Engine:
    """A compiled set of rules inside one durable_rules host.

    Build once per process (``Engine(rules)``); call :meth:`evaluate` per case.
    """

    name = "durable_rules 2.0.28"
    _names = itertools.count()
    _lock = threading.Lock()  # durable_rules is not thread-safe: one lock for the process

    def __init__(self, rules: Iterable[Rule]) -> None:
        from durable import engine as durable_engine  # the one import of durable_rules

        self._not_handled = durable_engine.MessageNotHandledException
        self.rules = list(rules)
        self._chunks: dict[str, list[Rule]] = {}
        for i in range(0, len(self.rules), CHUNK):
            self._chunks[f"c{i // CHUNK}"] = self.rules[i : i + CHUNK]
        first = next(iter(self._chunks))
        definition: dict[str, Json] = {_SENTINEL: {"all": [{"m": {"g": first}}], "run": _SENTINEL}}
        for chunk, members_list in self._chunks.items():
            for rule in members_list:
                definition.update(compile_rule(rule, chunk))
        self._fired: list[str] = []
        fired = self._fired

        class _Host(durable_engine.Host):  # type: ignore[misc]
            def get_action(self, action_name: str) -> Any:
                return lambda _closure: fired.append(action_name)

            def _run(self) -> None:
                # durable's Host starts timer threads that call ruleset.dispatch() every 0.2 s,
                # outside any lock of ours: they raced with evaluate() (error 307, node deleted,
                # and crashes). Our actions all run synchronously inside assert_fact, under the
                # lock, so the background dispatcher is not needed.
                return

        # Ruleset names are global to the C core and cannot be registered twice.
        self._name = f"zhongben_{next(self._names)}"
        self._sids = itertools.count()
        with self._lock:
            self._host = _Host()
            try:
                self._host.set_rulesets({self._name: json.loads(json.dumps(definition))})
            except Exception as exc:  # durable raises bare Exception
                raise EngineError(f"规则编译失败：{exc}") from exc
        self._rule_facts = {r.code: rule_facts(r) for r in self.rules}
        self._facts_by_chunk = {
            chunk: sorted({n for r in members_list for n in self._rule_facts[r.code]})
            for chunk, members_list in self._chunks.items()
        }

    def facts_of(self, code: str) -> tuple[str, ...]:
        """The fact names one rule reads (its evidence)."""
        return self._rule_facts[code]

    def evaluate(self, facts: Mapping[str, Any]) -> dict[str, str]:
        """Status of every rule for one case: ``{code: status}``."""
        with self._lock:
            self._fired.clear()
            sid = str(next(self._sids))
            host, name = self._host, self._name
            try:
                for chunk, names in self._facts_by_chunk.items():
                    # A missing (None) fact is left out: its patterns see it as unknown.
                    fact: Json = {n: facts[n] for n in names if facts.get(n) is not None}
                    fact["sid"], fact["g"] = sid, chunk
                    try:
                        host.assert_fact(name, fact)
                    except self._not_handled:
                        pass  # nothing fired for this chunk: every rule in it is satisfied
            except Exception as exc:
                raise EngineError(f"规则引擎执行失败：{exc}") from exc
            finally:
                if _SENTINEL in self._fired:  # deleting a session where nothing fired segfaults
                    host.delete_state(name, sid)
            fired = list(self._fired)
        statuses = {r.code: default_status(r) for r in self.rules}
        for action in fired:
            if action != _SENTINEL:
                code, status = action.split("|")
                statuses[code] = status
        return statuses

