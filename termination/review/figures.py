"""The figures of a review, accumulated case by case in O(courts + judges + rules) memory.

终本合格率 = 1 − 不合格数 / 抽查数, where 不合格数 counts 不合格 and 待补充 cases alike (a case
whose file lacks what a rule needs cannot be certified 合格). The interval is Wilson's.

The weighted 终本 items of the third-party assessment index (终本案件 30 % of 规范执行):

* 实质要件 40 % — share of reviewed cases with no violated 终本 condition (blocking and
  system-check rules of groups A–E: 终本规定第一条至第四条);
* 程序要求 20 % — share with no violated rule on informing and hearing the applicant
  (R-2016-5-1, R-2016-5-2, R-SYS-8: 终本规定第五条);
* 裁定书内容 20 % — among cases reviewed with their ruling text: share with no text problem,
  no record-versus-text mismatch and no violated rule of group G;
* 合格率 15 % — the 终本合格率;
* 终本率 5 % — 终本案件数 / 首次执行案件数: not computable from closed 终本 cases alone.

The score is Σ weight × share over the computable items, divided by their total weight.
"""

from __future__ import annotations

from collections import ChainMap, Counter
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from termination import glossary
from termination.review.stats import POSITION_LABEL, TARGET_RATE, position, wilson_interval

MAX_ERRORS_KEPT = 1000
#: A group (court, judge) with fewer sampled cases is shown without a rate: a rate of 1 or 2
#: cases says nothing, and about a judge it is unfair and sensitive.
MIN_RATED = 5
#: Where the weights of the assessment items come from (shared/legal/assessment-index.md).
ASSESSMENT_SOURCE = ("《基层人民法院第三方评估指标》（2018年，“基本解决执行难”第三方评估）“规范执行—终本案件”项；"
                     "据平顶山市湛河区人民法院2018年5月28日报告所附指标表")
_RANK = {"none": 0, "advisory": 1, "unknown": 2, "violated": 3}

#: rule severities and the review's own defect kinds, from corpus/glossary.yaml
SEVERITY_CN: Mapping[str, str] = ChainMap(glossary.terms("severities"), glossary.terms("review_check_kinds"))  # type: ignore[arg-type]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GroupFigures(_Model):
    """Pass figures of one court, judge or stratum."""

    name: str
    court: str | None = Field(None, description="承办人所在法院（按承办人统计时）")
    reviewed: int
    passed: int
    failed: int
    pending: int
    pass_rate: float | None
    interval: tuple[float, float]


class RuleFigures(_Model):
    """How many reviewed cases one rule / text problem / cross-check failed."""

    code: str
    source: str
    title: str
    severity: str
    requirements: list[str]
    violated: int
    unknown: int


class RequirementFigures(_Model):
    """How many reviewed cases failed one requirement ID (R-…)."""

    requirement: str
    title: str = Field(description="首个涉及该要求的规则或问题的标题")
    violated: int = Field(description="不符合（影响合格判定）的案件数")
    unknown: int = Field(description="待补充的案件数")
    advisory: int = Field(description="仅有不影响合格判定的提示（程序瑕疵、地方规范）的案件数")


class AssessmentItem(_Model):
    """One weighted item of the assessment index."""

    item: str
    weight: float
    computable: bool
    share: float | None = Field(None, description="达标比例（0–1）")
    assessed: int = 0
    violated: int = 0
    unknown: int = 0
    definition: str


class InputProblem(_Model):
    """A line or file that could not be reviewed."""

    line: int
    message: str


class StratumFigures(_Model):
    """Population and sample of one stratum."""

    stratum: str
    population: int
    sample: int


class ReviewSummary(_Model):
    """Everything ``review.json`` holds besides the per-case rows."""

    input: str
    generated_at: str
    sample: int | None
    rate: float | None
    seed: int | None
    stratify: str | None
    lines: int = Field(description="读取的非空行数")
    population: int = Field(description="可供抽查的有效案件数")
    strata: list[StratumFigures]
    drawn: int = Field(description="抽中的案件数")
    reviewed: int = Field(description="抽查数（完成评查的案件）")
    passed: int
    failed: int = Field(description="不合格（有不符合项）")
    pending: int = Field(description="待补充（无不符合项但有待补充项），计入不合格数")
    not_passed: int = Field(description="不合格数（不合格 + 待补充）")
    pass_rate: float | None
    interval: tuple[float, float]
    confidence: float = 0.95
    target: float = TARGET_RATE
    position: str | None
    position_label: str | None
    text_reviewed: int
    record_only: int
    by_requirement: list[RequirementFigures]
    by_rule: list[RuleFigures]
    by_court: list[GroupFigures]
    by_judge: list[GroupFigures]
    assessment: list[AssessmentItem]
    score: float | None = Field(description="可计算项目的加权得分（0–100）")
    input_errors: int
    errors: list[InputProblem]
    notes: list[str]


class _Tally:
    __slots__ = ("failed", "passed", "pending")

    def __init__(self) -> None:
        self.passed = self.failed = self.pending = 0

    def add(self, verdict: str) -> None:
        if verdict == "合格":
            self.passed += 1
        elif verdict == "不合格":
            self.failed += 1
        else:
            self.pending += 1

    def figures(self, name: str, court: str | None = None) -> GroupFigures:
        n = self.passed + self.failed + self.pending
        return GroupFigures(name=name, court=court, reviewed=n, passed=self.passed, failed=self.failed, pending=self.pending,
                            pass_rate=self.passed / n if n else None, interval=wilson_interval(self.passed, n))


ITEM_DEFINITIONS: dict[str, tuple[float, str]] = {
    "实质要件": (0.40, "无违反终本条件（A–E 组阻却性及系统校验规则，终本规定第一条至第四条）的案件占比"),
    "程序要求": (0.20, "无违反“告知申请执行人并听取其意见”规则（R-2016-5-1、R-2016-5-2、R-SYS-8）的案件占比"),
    "裁定书内容": (0.20, "附裁定书的案件中，文本无问题、与案件数据一致且 G 组规则无不符合项的占比"),
    "合格率": (0.15, "终本合格率 = 1 − 不合格数 / 抽查数"),
    "终本率": (0.05, "终本案件数 / 首次执行案件数：需要全部首次执行案件，仅凭终本案件无法计算"),
}


class Aggregator:
    """Accumulates case results and input problems; :meth:`summary` gives the figures."""

    def __init__(self) -> None:
        self.total = _Tally()
        self.courts: dict[str, _Tally] = {}
        self.judges: dict[tuple[str, str], _Tally] = {}  # (court, judge): a name may recur elsewhere
        self.rules: dict[str, dict[str, Any]] = {}
        self.requirements: dict[str, Counter[str]] = {}
        self.requirement_titles: dict[str, tuple[str, bool]] = {}
        self.items: dict[str, Counter[str]] = {k: Counter() for k in ("实质要件", "程序要求", "裁定书内容")}
        self.text_reviewed = 0
        self.error_count = 0
        self.errors: list[InputProblem] = []

    def add(self, case: dict[str, Any]) -> None:
        """Count one reviewed case (a :class:`CaseResult` as dict)."""
        verdict = case["verdict"]
        self.total.add(verdict)
        self.courts.setdefault(case["court"], _Tally()).add(verdict)
        self.judges.setdefault((case["court"], case["judge"]), _Tally()).add(verdict)
        self.text_reviewed += bool(case["text_reviewed"])
        for item, status in case["items"].items():
            if status is not None:
                self.items[item][status] += 1
        rule_status: dict[str, str] = {}
        req_status: dict[str, str] = {}
        for d in case["defects"]:
            code = d["code"]
            if code not in self.rules:
                self.rules[code] = {"code": code, "source": d["source"], "title": d["title"], "severity": d["severity"],
                                    "requirements": d["requirements"], "violated": 0, "unknown": 0}
            if rule_status.get(code) != "violated":
                rule_status[code] = d["status"]
            status = d["status"] if d["counts"] else "advisory"
            for req in d["requirements"]:
                if d["source"] == "案件数据" and self.requirement_titles.get(req, ("", False))[1] is False:
                    self.requirement_titles[req] = (d["title"], True)  # the rule's own title is preferred
                else:
                    self.requirement_titles.setdefault(req, (d["title"], False))
                if _RANK[status] > _RANK[req_status.get(req, "none")]:
                    req_status[req] = status
        for code, status in rule_status.items():
            self.rules[code][status] += 1
        for req, status in req_status.items():
            self.requirements.setdefault(req, Counter())[status] += 1

    def add_error(self, line: int, message: str) -> None:
        """Count one input problem (the first :data:`MAX_ERRORS_KEPT` are kept verbatim)."""
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(InputProblem(line=line, message=message))

    def assessment(self, reviewed: int, pass_rate: float | None) -> tuple[list[AssessmentItem], float | None]:
        """The weighted items and the score over the computable ones."""
        out: list[AssessmentItem] = []
        for name, (weight, definition) in ITEM_DEFINITIONS.items():
            if name in self.items:
                c = self.items[name]
                assessed = sum(c.values())
                share = (assessed - c["violated"]) / assessed if assessed else None
                out.append(AssessmentItem(item=name, weight=weight, computable=share is not None, share=share,
                                          assessed=assessed, violated=c["violated"], unknown=c["unknown"],
                                          definition=definition))
            elif name == "合格率":
                out.append(AssessmentItem(item=name, weight=weight, computable=pass_rate is not None, share=pass_rate,
                                          assessed=reviewed, violated=reviewed - self.total.passed,
                                          definition=definition))
            else:
                out.append(AssessmentItem(item=name, weight=weight, computable=False, share=None,
                                          definition=definition))
        computable = [a for a in out if a.computable and a.share is not None]
        weight = sum(a.weight for a in computable)
        score = 100 * sum(a.weight * a.share for a in computable if a.share is not None) / weight if weight else None
        return out, score

    def summary(self, **head: Any) -> ReviewSummary:
        """The figures, with ``head`` (input, options, population, strata …) in front."""
        t = self.total
        n = t.passed + t.failed + t.pending
        rate = t.passed / n if n else None
        low, high = wilson_interval(t.passed, n)
        pos = position(low, high) if n else None
        items, score = self.assessment(n, rate)
        rules = sorted(self.rules.values(), key=lambda r: (-r["violated"], -r["unknown"], r["code"]))
        reqs = sorted(
            (RequirementFigures(requirement=k, title=self.requirement_titles[k][0], violated=c["violated"],
                                unknown=c["unknown"], advisory=c["advisory"])
             for k, c in self.requirements.items()),
            key=lambda r: (-r.violated, -r.unknown, -r.advisory, r.requirement),
        )
        notes = [
            "“待补充”指案件数据缺少某项终本条件所需的事实，无法认定合格；计入不合格数。",
            "未附裁定书的案件仅依案件数据评查，不计入“裁定书内容”项目。",
            "输入错误（格式错误、数据无效、裁定书缺失或无法读取）的案件不计入抽查数。",
            "终本率需要全部首次执行案件数，本评查无法计算；加权得分按可计算项目的权重归一。",
        ]
        return ReviewSummary(
            **head,
            reviewed=n, passed=t.passed, failed=t.failed, pending=t.pending, not_passed=t.failed + t.pending,
            pass_rate=rate, interval=(low, high), position=pos, position_label=POSITION_LABEL[pos] if pos else None,
            text_reviewed=self.text_reviewed, record_only=n - self.text_reviewed,
            by_requirement=reqs,
            by_rule=[RuleFigures(**r) for r in rules],
            by_court=sorted((v.figures(k) for k, v in self.courts.items()), key=lambda g: (-g.reviewed, g.name)),
            by_judge=sorted((v.figures(j, c) for (c, j), v in self.judges.items()),
                            key=lambda g: (-g.reviewed, g.name, g.court or "")),
            assessment=items, score=score,
            input_errors=self.error_count, errors=self.errors, notes=notes,
        )
