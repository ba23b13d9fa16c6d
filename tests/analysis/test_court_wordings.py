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


# ---------------------------------------------------------------- found on the crawler's sample of 中国裁判文书网


@pytest.mark.parametrize(
    ("heading", "number"),
    [
        ("（2016）皖1503执660-2号", "（2016）皖1503执660-2号"),  # a second ruling numbered with a dash
        ("(2015)甬慈执民字第112-2号", "（2015）甬慈执民字第112-2号"),  # old number naming the trial field
    ],
)
def test_old_and_dashed_numbers_are_read(heading: str, number: str) -> None:
    text = ruling().replace("（2021）某0102执1234号", heading)
    assert analyze_text(text).case_number == number


@pytest.mark.parametrize(
    ("title", "number"),
    [("民 事 裁 定 书", "（2019）鄂0606民督8号"), ("民 事 裁 定 书", "（2017）黑1226财保393号"), ("行 政 裁 定 书", "（2019）鲁1623行审288号")],
)
def test_the_headings_number_is_the_documents_own_whatever_its_kind(title: str, number: str) -> None:
    text = (f"某市某区人民法院\n{title}\n{number}\n申请人：王某。\n被申请人：李某。\n"
            "申请人王某与被申请人李某一案，本院（2018）某0102执异70号执行裁定书已发生法律效力。\n")
    result = analyze_text(text)
    assert result.case_number == number and result.kind != "objection" and not result.is_zhongben


def test_a_modal_verb_before_a_statute_keeps_the_sentence_whole() -> None:
    # 可以依照《…》第二百五十四条的规定，请求继续执行: no sentence starts at 依照《
    right = "申请执行人发现被执行人另有可供执行财产的，可以依照《中华人民共和国民事诉讼法》第二百五十四条的规定，请求继续执行。"
    assert analyze_text(ruling(rights=right)).contents.rights.grade == "partial"


def test_consent_to_end_this_round_of_the_case_is_the_applicants_opinion() -> None:
    text = ruling().replace("本院已约谈申请执行人，告知其执行情况及终结本次执行程序的法律后果。", "现申请执行人同意本院终结本案的本次执行程序。")
    assert "TXT-NO-INFORM" not in [p.code for p in analyze_text(text).problems]


def test_a_sanction_threatened_by_the_court_is_no_measure() -> None:
    text = ruling(process=PROCESS + "拒绝报告或者虚假报告，本院将根据情节轻重采取罚款、拘留等措施。\n")
    taken = {m.measure for m in analyze_text(text).measures}
    assert "fine" not in taken and "detention" not in taken


@pytest.mark.parametrize(
    "prop",
    [
        "被执行人名下财产均已被其他法院查封。",
        "被执行人名下的车辆下落不明，无法扣押。",
        "被执行人名下房产系其唯一住房，暂不具备处置条件。",
        "被执行人持有的某公司股权经评估无处置价值。",
        "不动产登记中心反馈被执行人无不动产登记信息。",
        "冻结被执行人银行账户，账户余额不足以清偿债务。",
    ],
    ids=["sealed-elsewhere", "car-missing", "only-home", "no-value", "no-registration", "balance-short"],
)
def test_what_became_of_the_property_found_is_the_property_statement(prop: str) -> None:
    # the reasoning gives no conclusion on the property here: the facts alone must show it
    reason = "本院认为，本案不具备继续执行的条件。依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十九条规定，裁定如下：\n终结本次执行程序。\n"
    text = ruling(prop=prop).replace(REASON, reason)
    assert analyze_text(text).contents.property.present


def test_no_property_statement_at_all_is_still_a_defect() -> None:
    reason = "本院认为，本案不具备继续执行的条件。依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十九条规定，裁定如下：\n终结本次执行程序。\n"
    text = ruling(prop="").replace(REASON, reason)
    assert "TXT-CONTENT-property" in [p.code for p in analyze_text(text).problems]


def test_nothing_given_is_the_claim_realised() -> None:
    result = analyze_text(ruling(realized="被执行人至今未给付任何款项。\n"))
    assert result.contents.realized.present and result.recovered_amount == Decimal("0.00")


@pytest.mark.parametrize(
    "inform",
    [
        "申请执行人向本院提交了终结本次执行程序申请书。",
        "申请人同意本案终结本次执行程序。",  # older rulings call the applicant 申请人
        "本院已通知申请执行人本案执行情况及终结本次执行程序的法律后果。",
        "申请执行人签字确认被执行人暂无财产可供执行。",
    ],
    ids=["application", "old-role-name", "notified", "confirmed"],
)
def test_the_applicant_heard_in_other_words_is_no_missing_inform(inform: str) -> None:
    text = ruling().replace("本院已约谈申请执行人，告知其执行情况及终结本次执行程序的法律后果。", inform)
    assert "TXT-NO-INFORM" not in [p.code for p in analyze_text(text).problems]


def test_review_by_a_collegial_panel_is_not_informing_the_applicant() -> None:
    # 合议庭审查核实并经院长批准 replaces the applicant's confirmation (民诉法解释), not 终本规定第五条's informing
    text = ruling().replace("本院已约谈申请执行人，告知其执行情况及终结本次执行程序的法律后果。", "本案经合议庭审查核实并经院长批准。")
    assert "TXT-NO-INFORM" in [p.code for p in analyze_text(text).problems]
