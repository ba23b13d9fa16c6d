"""Regression tests for wordings of 终本 rulings the analysis missed (issue #11, third round).

The real set holds few 终本 rulings, so the common ways courts word each content were probed
one at a time in an otherwise standard ruling, with the reading a lawyer gives written down
first. Each parameter is one wording class that was read wrong before this change.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from termination.analysis import analyze_text

HEAD = (
    "某省某市某区人民法院\n执行裁定书\n（2021）某0102执1234号\n"
    "申请执行人：王某，男，1970年1月1日出生，汉族，住某省某市。\n被执行人：李某，男，1980年2月2日出生，汉族，住某省某市。\n"
)
CLAIM = (
    "申请执行人王某与被执行人李某民间借贷纠纷一案，本院作出的（2020）某0102民初567号民事判决书已经发生法律效力，"
    "判决被执行人偿还借款50000元。申请执行人于2021年3月1日向本院申请执行，本院同日立案。\n"
)
PROCESS = "执行过程中，本院向被执行人发出执行通知书、报告财产令，通过网络执行查控系统查询被执行人财产。\n"
PROPERTY = "经查，被执行人名下无可供执行的财产。\n"
REALIZED = "本案执行到位0元。\n"
INFORM = "本院已约谈申请执行人，告知其执行情况及终结本次执行程序的法律后果。\n"
REASON = (
    "本院认为，本案已穷尽财产调查措施。依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"
    "第五百一十九条规定，裁定如下：\n终结本次执行程序。\n"
)
RIGHTS = "申请执行人发现被执行人有可供执行财产的，可以申请恢复执行。被执行人负有继续向申请执行人履行债务的义务。"
SIGN = "\n本裁定送达后立即生效。\n审判员　张某\n二〇二一年六月十日\n书记员　赵某\n"


def ruling(*, claim: str = CLAIM, process: str = PROCESS, prop: str = PROPERTY, realized: str = REALIZED,
           rights: str = RIGHTS) -> str:
    return HEAD + claim + process + prop + realized + INFORM + REASON + rights + SIGN


def test_the_standard_ruling_is_read_complete() -> None:
    result = analyze_text(ruling())
    assert result.is_zhongben and result.problems == []
    assert all(getattr(result.contents, n).present for n in ("claim", "process", "property", "realized"))
    assert result.contents.rights.grade == "complete"


@pytest.mark.parametrize(
    "duty",
    [
        "本次执行程序的终结，不能免除被执行人的清偿义务。",  # 不能免除 (not only 不免除)
        "终结本次执行程序后，被执行人履行生效法律文书确定的义务并未消灭。",  # 并未消灭, a long object
    ],
    ids=["not-relieved", "not-extinguished"],
)
def test_the_continuing_duty_said_as_not_extinguished(duty: str) -> None:
    rights = analyze_text(ruling(rights="申请执行人发现被执行人有财产可供执行的，可以再次申请执行。" + duty)).contents.rights
    assert rights.grade == "complete", rights


@pytest.mark.parametrize(
    "right",
    ["申请执行人发现被执行人有可供执行财产的，可以申请继续执行。", "如发现被执行人有可供执行的财产，申请执行人可以申请本院继续执行。"],
    ids=["apply-continued", "apply-court-continue"],
)
def test_applying_for_continued_execution_is_the_applicants_right(right: str) -> None:
    rights = analyze_text(ruling(rights=right)).contents.rights
    assert rights.grade == "partial" and rights.missing == ["respondent_duty"]


def test_a_respondent_half_is_not_read_into_a_duty_the_ruling_does_not_state() -> None:
    # the consumption restriction lasting and the parties' duty to report payment are no continuing duty
    text = ruling(rights="终结本次执行程序后，对被执行人采取的限制消费措施继续有效。被执行人自动履行完毕的，当事人应当及时告知本院。"
                  "申请执行人发现被执行人有可供执行财产的，可以再次申请执行。")
    assert analyze_text(text).contents.rights.missing == ["respondent_duty"]


@pytest.mark.parametrize(
    "realized",
    ["本案执行款未到位。", "本案暂未执行到位。", "本案尚未实际执行到位。", "本案没有执行到位款项。", "本案已到位金额为0元。"],
    ids=["money-not-in", "not-yet", "not-actually", "none-in", "arrived-zero"],
)
def test_nothing_realised_said_without_an_amount(realized: str) -> None:
    result = analyze_text(ruling(realized=realized))
    assert result.contents.realized.present and result.recovered_amount == Decimal("0.00")
    assert "TXT-CONTENT-realized" not in [p.code for p in result.problems]


def test_an_amount_outstanding_owed_by_the_respondent() -> None:
    result = analyze_text(ruling(realized="被执行人尚欠申请执行人借款本金50000元及利息未履行。"))
    assert result.contents.realized.present and result.outstanding_amount == Decimal("50000.00")


def test_an_outstanding_amount_in_the_clause_is_not_nothing_realised() -> None:
    # 尚有30000元未执行到位 states what is outstanding; 20000元 was realised
    result = analyze_text(ruling(realized="本案已执行到位20000元，尚有30000元未执行到位。"))
    assert result.recovered_amount == Decimal("20000.00") and result.outstanding_amount == Decimal("30000.00")


def test_the_filed_amount_is_the_claim() -> None:
    result = analyze_text(ruling(claim="本院于2021年3月1日立案执行，立案标的50000元。\n"))
    assert result.contents.claim.present and result.claim_amount == Decimal("50000.00")


def test_the_conclusion_that_measures_were_exhausted_is_no_course_of_execution() -> None:
    # with no narration at all, 本院认为…已穷尽财产调查措施 is the court's conclusion, not what it did
    result = analyze_text(ruling(process="", prop=""))
    assert not result.contents.process.present
    assert "TXT-CONTENT-process" in [p.code for p in result.problems]
