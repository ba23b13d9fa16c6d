"""Plain-text renderings of a decision for people: the checklist and a one-line summary."""

from __future__ import annotations

from termination.decision import SEVERITY_LABEL, STATUS_LABEL, STATUS_MARK, Decision, Finding

CATEGORY_ORDER = ("实质要件", "程序要件", "期限", "文书")


def _cites(f: Finding) -> str:
    return "；".join(c.describe() for c in f.citations)


def checklist_text(d: Decision, *, problems_only: bool = False) -> str:
    """The Chinese checklist: grouped by kind, ✓ ✗ ? — per rule, remedies for every gap.

    ``problems_only`` leaves out the rules that are satisfied or not applicable.
    """
    lines = [
        f"{d.court} {d.case_number}",
        f"终本条件检查（评估日期 {d.as_of.isoformat()}，规则版本 {d.ruleset_version}）",
        f"结论：{d.verdict}" + ("" if d.ready else f"（阻却项：{'、'.join(d.blocking_rules)}，详见下方 ✗ 与 ? 各项）"),
        "",
    ]
    for category in CATEGORY_ORDER:
        group = [f for f in d.findings if f.category == category
                 and not (problems_only and f.status in ("satisfied", "not_applicable"))]
        if not group:
            continue
        lines.append(f"【{category}】")
        for f in group:
            tag = "" if f.severity == "blocking" else f"［{SEVERITY_LABEL[f.severity]}］"
            lines.append(f" {STATUS_MARK[f.status]} {f.rule} {f.title}{tag}")
            if f.status in ("violated", "unknown"):
                lines.append(f"     {STATUS_LABEL[f.status]}：{f.message}")
                if f.remedy:
                    lines.append(f"     补正：{f.remedy}")
                # requirement IDs stay in the JSON (Finding.requirements): a judge reads the law cited
                lines.append(f"     依据：{_cites(f)}")
        lines.append("")
    c = d.counts
    lines.append(
        f"符合 {c.get('satisfied', 0)} 项，不符合 {c.get('violated', 0)} 项，待补充 {c.get('unknown', 0)} 项，"
        f"不适用 {c.get('not_applicable', 0)} 项。"
    )
    if d.ready:
        lines.append("结论：可以终本。")
    else:
        lines.append(f"结论：不得终本（阻却项：{'、'.join(d.blocking_rules)}）。")
    return "\n".join(lines) + "\n"


def summary_line(name: str, d: Decision) -> str:
    """One line per case, for batches."""
    tail = "" if d.ready else f"  阻却：{'、'.join(d.blocking_rules)}"
    return f"{'✓' if d.ready else '✗'} {name}  {d.case_number}  {d.verdict}{tail}"
