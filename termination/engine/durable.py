"""The durable_rules evaluator: the only module that touches durable_rules (Rete engine, C core).

How the rule language maps onto durable_rules, and why:

* Each rule compiles to two Rete tests over a flat fact (:class:`Encoding`), whose
  combinations are its four outcomes under Kleene logic. Both tests fail on the rule's
  most common outcome as measured over the samples and generated cases
  (``termination/engine/usual.py``, written by ``bench/usual_outcomes.py``): a conditional
  rule usually satisfied matches nothing when satisfied, one usually not applicable nothing
  when not applicable. A typical case fires 2 patterns (the sentinel and one more; 17 when
  every conditional rule's default was "not applicable"), and every firing costs a C call,
  an action frame in the session and Python around it (engine 102 → 64 µs per generated
  case). The table decides speed only, never an outcome: the tests compare every encoding
  of every rule with the reference. The pure-Python
  :class:`termination.engine.reference.ReferenceEvaluator` is the reference the test-suite
  compares with on every inline case, on random fact sets and on whole decisions.
* A missing fact is unknown: ``V(atom)`` tests the negated comparison on a *present*
  property, ``U(atom)`` tests ``$nex`` (not exists).
* The adapter drives durable's C core (``durable_rules_engine``) directly: ``assert_fact``,
  ``start_action_for_state``/``complete_and_start_action`` (one call per matched pattern,
  whose name and matched fact's id are all we read), ``delete_state``. None of the
  ``durable.engine`` host's per-firing work remains (JSON state round trips, closures and promises, an exception
  when nothing matches, background dispatcher threads).
* A session costs in proportion to the number of patterns (durable allocates and clears
  ≈ 12 KB of state per pattern when a session starts, and the Python work after it runs
  slower for the caches it has flushed): so patterns hold as much as durable allows. The
  rules are cut into chunks of ``CHUNK``; each chunk's values are one fact (its *lane*,
  ``a<k>``), read by the tests of its rules. A pattern holds at most one test per lane,
  from any rules (:func:`packed`), so the fact a firing matched tells which test held: 28
  patterns for 48 rules where one pattern per test needed 99, and every value asserted
  once. A disjunctive test stays one part (``$or`` inside it) unless it exceeds durable's
  32 expressions per pattern (error 113; two per ``$and``/``$or``): then its top-level
  branches are split into as few parts as fit (:func:`fitted`), and parts are packed while
  their expressions fit (their total bounds the patterns from below: ≈ 25).
* durable hashes every property name of every fact it parses: facts go to it under short
  aliases (``_0``, ``_1``…, :func:`_alias`), rule patterns too.
* Every pattern is its own durable rule. One rule with ``any`` over all patterns (a single
  firing for the case) does not work: durable chains the alternatives and joins their
  frames across facts, so a firing carried combinations of matches (300 KB) and lost some.
* Facts are asserted with ``assert_fact`` (never as events: an event is consumed by the
  first rule that fires), one chunk of at most ``CHUNK`` rules per fact, keyed ``g``:
  durable's alpha network overflows (error 303) when more than 64 nodes match one fact
  (small chunks keep far below). Each chunk's JSON is written once per case, from a cache keyed on its values.
* One session id per case; its state is deleted afterwards, so nothing of one case can
  reach the next. durable 2.0.28 frees uninitialised pointers (a crash) when deleting the
  state of a session in which no action started, so a sentinel pattern matches the first
  chunk's fact, which every case asserts first; the state is deleted only once an action
  started — also when a later fact failed.
* ``$or`` matches once per matching branch: results are de-duplicated.
* durable_rules is not thread-safe: every evaluation holds one process-wide lock. (The
  ``durable.engine.Host`` it no longer uses started timer threads calling ``dispatch()``
  every 0.2 s outside any lock: under load they raced with evaluations, error 307 and
  crashes.) For parallelism use processes (the review batch and the HTTP workers do).
"""

from __future__ import annotations

import itertools
import json
import operator
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from termination.engine.usual import USUAL
from termination.errors import EngineError
from termination.rules.conditions import NEGATED, All, Atom, Condition, Not, rule_facts
from termination.rules.schema import Rule

CHUNK = 8  # rules per fact: as many lanes as patterns need, few values asserted twice
MAX_OPERATORS = 15  # error 113 beyond: 32 expression slots, two per $and/$or, one kept free
_SENTINEL = "@s"
Json = dict[str, Any]
_encode = json.JSONEncoder(separators=(",", ":")).encode  # the C encoder, once per chunk


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


STATUSES = ("satisfied", "violated", "unknown", "not_applicable")


def when(rule: Rule, statuses: Iterable[str]) -> Json:
    """Pattern matching exactly when the rule's outcome is one of ``statuses`` (one or two).

    A pair is written in its shortest known form (``not_applicable`` or ``satisfied``:
    *a* refuted or *c* holds); otherwise each outcome's own pattern, joined by ``$or``.
    """
    a, c = rule.applies_when, rule.condition
    wanted = frozenset(statuses)
    if a is None:
        own = {"satisfied": sat(c), "violated": vio(c), "unknown": unk(c)}
        return _or([own[s] for s in STATUSES if s in wanted])
    maybe = _or([sat(a), unk(a)])  # applicability not refuted
    pairs = {
        frozenset({"satisfied", "violated"}): _or([_and([maybe, sat(c)]), _and([sat(a), vio(c)])]),
        frozenset({"violated", "unknown"}): _and([maybe, _or([vio(c), unk(c)])]),
        frozenset({"not_applicable", "satisfied"}): _or([vio(a), sat(c)]),
        frozenset({"not_applicable", "violated"}): _or([vio(a), _and([sat(a), vio(c)])]),
        frozenset({"satisfied", "unknown"}): _or([unk(a), _and([sat(a), _or([sat(c), unk(c)])])]),
    }
    if wanted in pairs:
        return pairs[wanted]
    own = {
        "satisfied": _and([maybe, sat(c)]),
        "violated": _and([sat(a), vio(c)]),
        "unknown": _or([_and([sat(a), unk(c)]), _and([unk(a), _or([vio(c), unk(c)])])]),
        "not_applicable": vio(a),
    }
    return _or([own[s] for s in STATUSES if s in wanted])


class Encoding:
    """How the Rete tells a rule's outcome: two tests, each matching a set of outcomes, and
    the outcome when neither matches (:attr:`default`).

    Two tests are the fewest that tell four outcomes apart, and every test that matches
    costs a firing (and the frames it stores in the session): so the default is the rule's
    most common outcome (``termination/engine/usual.py``, measured over the samples and
    generated cases), the next two are told by one test each, and the rarest by both. An
    unconditional rule has three outcomes: one test each for the two not usual.
    """

    __slots__ = ("code", "default", "decode", "tests")

    def __init__(self, rule: Rule, usual: Sequence[str] = ()) -> None:
        possible = [s for s in STATUSES if rule.applies_when is not None or s != "not_applicable"]
        fallback = "satisfied" if rule.applies_when is None else "not_applicable"
        # most common first; outcomes never met keep the order of STATUSES, after the fallback
        order = list(dict.fromkeys([*(s for s in usual if s in possible), fallback, *possible]))
        self.code, self.default = rule.code, order[0]
        rest = order[1:]
        if len(rest) == 2:
            sets = [rest[:1], rest[1:]]
        else:  # the rarest matches both tests; among outcomes never met, the smallest patterns
            met = [s for s in rest if s in usual]
            rarest = [rest[-1]] if len(met) == len(rest) else [s for s in rest if s not in met]

            def size(last: str) -> int:
                first, second = [s for s in rest if s != last]
                return operators(when(rule, [first, last])) + operators(when(rule, [second, last]))

            last = min(rarest, key=size)
            first, second = [s for s in rest if s != last]
            sets = [[first, last], [second, last]]
        #: test name ("violated", "not_applicable|violated"…) → pattern
        self.tests = {"|".join(s for s in STATUSES if s in group): when(rule, group) for group in sets}
        #: the tests matched, as bits (first test 1, second 2) → outcome
        self.decode = {0: self.default}
        for status in rest:
            self.decode[sum(1 << i for i, group in enumerate(sets) if status in group)] = status


def operators(pattern: Json) -> int:
    """How many ``$and``/``$or`` a pattern holds (durable counts each as two expressions)."""
    if set(pattern) <= {"$and", "$or"}:
        return 1 + sum(operators(p) for p in next(iter(pattern.values())))
    return 0


def _split(pattern: Json) -> list[Json]:
    """Smaller patterns whose disjunction is ``pattern``: an ``$or``'s branches, or an ``$and``
    distributed over its largest ``$or`` (``a ∧ (b ∨ c)`` → ``a ∧ b``, ``a ∧ c``)."""
    if set(pattern) == {"$or"}:
        return list(pattern["$or"])
    if set(pattern) == {"$and"}:
        parts = pattern["$and"]
        ors = [p for p in parts if set(p) == {"$or"}]
        if ors:
            widest = max(ors, key=operators)
            rest = [p for p in parts if p is not widest]
            return [_and([*rest, branch]) for branch in widest["$or"]]
    return [pattern]


def fitted(pattern: Json, chunk: str) -> list[Json]:
    """``pattern`` on one chunk's fact, as few durable patterns as fit (error 113 beyond).

    Raises:
        EngineError: a conjunction of atoms alone exceeds durable's limit (no rule comes close).
    """
    g = {"g": chunk}

    def fits(p: Json) -> bool:
        return operators({"$and": [g, p]}) <= MAX_OPERATORS

    pending, parts = [pattern], []
    while pending:
        p = pending.pop(0)
        if fits(p):
            parts.append(p)
            continue
        smaller = _split(p)
        if smaller == [p]:
            raise EngineError(f"规则编译失败：条件过于复杂（{operators(p)} 个逻辑运算，durable_rules 至多 {MAX_OPERATORS} 个）")
        pending[:0] = smaller
    groups: list[list[Json]] = []  # adjacent parts joined again while they fit
    for p in parts:
        if groups and fits(_or([*groups[-1], p])):
            groups[-1].append(p)
        else:
            groups.append([p])
    return [{"$and": [g, _or(group)]} for group in groups]


def _alias(i: int) -> str:
    """A short property name for the ``i``-th fact: ``_0``…``_z``, ``_10``… (base 36)."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        i, r = divmod(i, 36)
        out = digits[r] + out
        if i == 0:
            return "_" + out


def _renamed(pattern: Any, aliases: Mapping[str, str]) -> Any:
    """A test's ``pattern`` with every fact name replaced by its alias (operators, ``$…``, kept)."""
    if isinstance(pattern, dict):
        return {aliases.get(k, k): _renamed(v, aliases) for k, v in pattern.items()}
    if isinstance(pattern, list):
        return [_renamed(p, aliases) for p in pattern]
    return pattern


def packed(lanes: Mapping[str, list[tuple[Json, str, str]]]) -> list[list[tuple[str, tuple[Json, str, str]]]]:
    """The parts of every lane packed into durable patterns: each pattern holds at most one
    part per lane, so the fact a firing matched tells which part (rule and test) held, and
    as many parts as fit in durable's expressions (:data:`MAX_OPERATORS`).

    A session costs in proportion to the number of patterns; parts of different rules share
    one pattern as readily as the two tests of one rule.
    """
    pending = {lane: list(parts) for lane, parts in lanes.items()}
    groups = []
    while any(pending.values()):
        group: list[tuple[str, tuple[Json, str, str]]] = []
        used = 1  # the pattern's $or
        for lane, parts in sorted(pending.items(), key=lambda item: -len(item[1])):  # longest lanes first
            if parts and (not group or used + operators(parts[0][0]) <= MAX_OPERATORS):
                used += operators(parts[0][0])
                group.append((lane, parts.pop(0)))
        groups.append(group)
    return groups


# ---------------------------------------------------------------- evaluation


def _reader(names: list[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """``facts → tuple of the values of names`` (KeyError if one is absent), at C speed."""
    if len(names) >= 2:
        return operator.itemgetter(*names)
    return lambda facts: tuple([facts[n] for n in names])


class Engine:
    """The rules compiled into one durable_rules ruleset (C core).

    Build once per process (``Engine(rules)``); call :meth:`evaluate` per case.
    """

    name = "durable_rules 2.0.28"
    _names = itertools.count()
    _lock = threading.Lock()  # durable_rules is not thread-safe: one lock for the process

    def __init__(self, rules: Iterable[Rule], usual: Mapping[str, Sequence[str]] = USUAL) -> None:
        import durable_rules_engine as core  # durable_rules' C core: the one import of durable_rules

        self._core = core
        self.rules = list(rules)
        #: each rule's tests and what their matches mean (``usual``: its outcomes, most common first)
        self.encodings = {r.code: Encoding(r, usual.get(r.code, ())) for r in self.rules}
        self._defaults = {code: e.default for code, e in self.encodings.items()}
        self._decode = {code: e.decode for code, e in self.encodings.items()}
        chunks = [self.rules[i : i + CHUNK] for i in range(0, len(self.rules), CHUNK)]
        # (chunk number, sorted fact names its rules read): one asserted fact per chunk, "a<k>"
        self._chunks = [
            (k, sorted({n for r in members for n in rule_facts(r.applies_when, r.condition)})) for k, members in enumerate(chunks)
        ]
        # facts go to durable under short names: it hashes every property name of every fact
        self._aliases = {n: _alias(i) for i, n in enumerate(sorted({n for _, names in self._chunks for n in names}))}
        definition: dict[str, Json] = {_SENTINEL: {"all": [{"m": {"g": "a0"}}]}} if self._chunks else {}
        # every test, fitted to its chunk's fact (its "lane")
        lanes: dict[str, list[tuple[Json, str, int]]] = {}  # lane → [(part, rule code, test's bit)]
        for (k, _names), members in zip(self._chunks, chunks, strict=True):
            for rule in members:
                for i, pattern in enumerate(self.encodings[rule.code].tests.values()):
                    lanes.setdefault(f"a{k}", []).extend(
                        (part, rule.code, 1 << i) for part in fitted(_renamed(pattern, self._aliases), f"a{k}")
                    )
        # (durable rule name, lane of the fact it matched) → (rule code, test's bit)
        self._tests: dict[tuple[str, str], tuple[str, int]] = {}
        for group in packed(lanes):
            name = f"@{len(definition)}"
            definition[name] = {"all": [{"m": _or([part for _, (part, _, _) in group])}]}
            for lane, (_, code, bit) in group:
                self._tests[(name, lane)] = (code, bit)
        self.patterns = len(definition)
        # an explicit id (unique in the session) spares durable hashing the sorted properties into one
        self._prefixes = ['{"id":"a%d","g":"a%d","sid":"' % (k, k) for k, _ in self._chunks]
        self._bodies: list[dict[tuple[Any, ...], str]] = [{} for _ in self._chunks]  # values → JSON
        self._readers = [_reader(names) for _, names in self._chunks]
        self._short = [[self._aliases[n] for n in names] for _, names in self._chunks]
        self._sids = itertools.count()
        # Ruleset names are global to the C core and cannot be registered twice.
        name = f"zhongben_{next(self._names)}"
        with self._lock:
            try:
                self._handle = core.create_ruleset(name, json.dumps(definition))
            except Exception as exc:  # durable raises its bare error type
                raise EngineError(f"规则编译失败：{exc}") from exc

    def evaluate(self, facts: Mapping[str, Any]) -> dict[str, str]:
        """Status of every rule for one case: ``{code: status}``."""
        statuses = dict(self._defaults)
        if not self._chunks:
            return statuses
        sid = str(next(self._sids))
        documents = self._documents(facts, sid)
        core, handle = self._core, self._handle
        fired: list[tuple[str, str]] = []  # (matched pattern, the lane of the fact it matched)
        with self._lock:
            try:
                state = core.assert_fact(handle, documents[0])[1]  # (result code, state offset)
                try:
                    for document in documents[1:]:
                        core.assert_fact(handle, document)
                finally:  # even after an error: the first fact matched the sentinel, so the
                    # session's actions can start, and then its state can be deleted
                    frames = core.start_action_for_state(handle, state)  # (state, frames) or None
                    if frames is not None:
                        frames = frames[1]
                        while frames is not None:  # '{"@12":{"m":{"id":"a0",…fact…}}}'
                            end = frames.index('"', 2)
                            lane = frames.index('"id":"', end) + 6
                            fired.append((frames[2:end], frames[lane : frames.index('"', lane)]))
                            frames = core.complete_and_start_action(handle, state)
                        core.delete_state(handle, sid)  # never where no action started: a crash
            except Exception as exc:  # durable raises its bare error type
                raise EngineError(f"规则引擎执行失败：{exc}") from exc
        matched: dict[str, int] = {}  # rule code → the bits of its tests that matched
        tested = self._tests
        for name, lane in fired:
            if name != _SENTINEL:
                code, bit = tested[(name, lane)]
                matched[code] = matched.get(code, 0) | bit
        decode = self._decode
        for code, bits in matched.items():
            statuses[code] = decode[code][bits]
        return statuses

    def _documents(self, facts: Mapping[str, Any], sid: str) -> list[str]:
        """One JSON fact per chunk; a missing (None) fact is left out: its patterns see it as unknown.

        A chunk's JSON is cached on its values, which repeat from case to case (counts and
        flags). Python's ``True == 1 == 1.0`` conflates values that durable also compares
        as equal (``tests/test_engine.py`` holds both to it), so a cached text is exact.
        """
        documents = []
        for prefix, (_chunk, names), aliases, read, cache in zip(
            self._prefixes, self._chunks, self._short, self._readers, self._bodies, strict=True
        ):
            try:
                values = read(facts)
            except KeyError:  # a partial mapping (tests): absent is unknown, like None
                values = tuple([facts.get(n) for n in names])
            try:
                body = cache.get(values)
            except TypeError:  # an unhashable value: not a fact the rules compare, but stay exact
                body, cache = None, {}
            if body is None:
                if len(cache) >= 4_096:
                    cache.clear()  # bounded; a few dozen bodies per chunk in practice
                text = _encode({a: v for a, v in zip(aliases, values) if v is not None})  # '{"_0":1,…}'
                body = cache[values] = f",{text[1:]}" if len(text) > 2 else "}"
            documents.append(f'{prefix}{sid}"{body}')
        return documents
