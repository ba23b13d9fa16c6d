"""Titles and requirement IDs of the text-problem and cross-check codes (for counting)."""

from __future__ import annotations

#: code → (short Chinese title, requirement ID of requirements.md §13 or None)
CODES: dict[str, tuple[str, str | None]] = {
    # ruling-text problems (termination.analysis)
    "TXT-CONTENT-claim": ("裁定书未写明申请执行的债权情况", "R-2016-6-1"),
    "TXT-CONTENT-process": ("裁定书未写明执行经过及执行措施", "R-2016-6-2"),
    "TXT-CONTENT-property": ("裁定书未写明查明的财产情况", "R-2016-6-3"),
    "TXT-CONTENT-realized": ("裁定书未写明实现的债权情况", "R-2016-6-4"),
    "TXT-CONTENT-rights": ("裁定书未写明申请执行人的权利及被执行人的义务", "R-2016-6-5"),
    "TXT-BASIS-OLD": ("引用修正前的民诉法解释条文序号（第五百一十九条）", "R-JS2022-517-2"),
    "TXT-BASIS-NEW-EARLY": ("引用当时尚未施行的民诉法解释条文序号", "R-JS2022-517-2"),
    "TXT-CPL-OLD": ("引用民事诉讼法旧文本的条文序号", "R-JS2022-517-2"),
    "TXT-60DAYS": ("错误告知六十日异议期限", "R-DOC-2"),
    "TXT-UNDER-3M": ("裁定距立案未超过三个月", "R-2016-1-4"),
    "TXT-NO-INFORM": ("裁定书未载明告知申请执行人并听取意见", "R-2016-5-1"),
    "TXT-NO-BASIS": ("裁定书未引用法律依据", "R-JS2022-517-2"),
    # record versus text (termination.review.crosscheck)
    "X-KIND": ("裁定书不是终结本次执行程序裁定", "R-DOC-1"),
    "X-CASENO": ("案号与案件数据不一致", "R-DOC-1"),
    "X-COURT": ("法院与案件数据不一致", None),
    "X-DATE": ("裁定日期与案件数据不一致", None),
    "X-CLAIM": ("申请执行标的与案件数据不一致", "R-2016-6-1"),
    "X-RECOVERED": ("已执行到位金额与案件数据不一致", "R-2016-6-4"),
    "X-OUTSTANDING": ("未执行到位金额与案件数据不一致", "R-2016-6-4"),
    "X-PARTY": ("当事人与案件数据不一致", None),
    "X-MEASURE-TEXT": ("裁定书所称措施在案件数据中没有记载", "R-2016-6-2"),
    "X-MEASURE-RECORD": ("已采取的措施裁定书未载明", "R-2016-6-2"),
    "X-MEASURE-DATE": ("措施日期与案件数据不一致", "R-2016-6-2"),
    "X-PROPERTY": ("称未发现财产但案件数据记载有未处置财产", "R-2016-6-3"),
}


def title(code: str, fallback: str) -> str:
    """Short title of a code, or ``fallback`` for a code not listed here."""
    return CODES.get(code, (fallback, None))[0]


def requirement(code: str) -> str | None:
    """Requirement ID a text or cross-check code belongs to, if any."""
    return CODES.get(code, ("", None))[1]
