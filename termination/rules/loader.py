"""Load and validate the rule files in ``rulesets/``.

Errors are reported as ``path: CODE: loc: message`` (one line each), so a rule author
sees at once which file and which key is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from termination import paths
from termination.errors import RuleFileError
from termination.rules.conditions import fact_names
from termination.rules.schema import NotEncodedFile, Rule, Source

RULESETS_DIR = paths.RULESETS
TOPIC = "zhongben"


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that rejects duplicate keys (a silent overwrite hides a bug)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"重复的键 “{key}”", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file strictly (duplicate keys are errors)."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path.name}: YAML 语法错误：{exc}".replace("\n", " ")) from exc


@dataclass(frozen=True)
class RuleSet:
    """All rules of a topic, their sources and the declared gaps."""

    rules: tuple[Rule, ...]
    sources: dict[str, Source]
    not_encoded: NotEncodedFile
    version: str
    by_code: dict[str, Rule] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_code", {r.code: r for r in self.rules})

    def in_force(self, on: date) -> list[Rule]:
        """The rules that apply on ``on``, in code order."""
        return [r for r in self.rules if r.in_force(on)]


def load_rule_file(path: Path, sources: dict[str, Source], known_facts: set[str]) -> Rule:
    """Read one rule file and check it against the contract."""
    data = read_yaml(path)
    code = data.get("code", "?") if isinstance(data, dict) else "?"
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise RuleFileError(f"{path.name}: {code}: {loc}: {err['msg']}") from None
    if rule.code != path.stem:
        raise RuleFileError(f"{path.name}: {rule.code}: code 必须与文件名一致")
    for i, basis in enumerate(rule.legal_basis):
        if basis.source not in sources:
            raise RuleFileError(f"{path.name}: {code}: legal_basis[{i}].source: 未知的法源 “{basis.source}”")
        if basis.article is None and basis.label is None:
            raise RuleFileError(f"{path.name}: {code}: legal_basis[{i}]: 须写明条文（article）或标签（label）")
    conds = [rule.condition] + ([rule.applies_when] if rule.applies_when else [])
    for cond in conds:
        for name in fact_names(cond):
            if name not in known_facts:
                raise RuleFileError(f"{path.name}: {code}: condition: 未定义的事实 “{name}”")
    return rule


@lru_cache(maxsize=1)
def load_ruleset(directory: Path = RULESETS_DIR) -> RuleSet:
    """Load, validate and cache every rule of the 终本 topic."""
    from termination.facts import FACTS  # local import: facts import case models only

    sources_raw = read_yaml(directory / "sources.yaml")
    try:
        sources = {k: Source.model_validate(v) for k, v in sources_raw["sources"].items()}
        not_encoded = NotEncodedFile.model_validate(read_yaml(directory / TOPIC / "not_encoded.yaml"))
    except ValidationError as exc:
        raise RuleFileError(f"sources.yaml / not_encoded.yaml: {exc.errors()[0]['msg']}") from None
    rules = tuple(
        load_rule_file(p, sources, set(FACTS)) for p in sorted((directory / TOPIC).glob("[A-G][0-9][0-9].yaml"))
    )
    if not rules:
        raise RuleFileError(f"{directory / TOPIC}: 没有规则文件")
    return RuleSet(rules=rules, sources=sources, not_encoded=not_encoded, version=str(sources_raw["version"]))
