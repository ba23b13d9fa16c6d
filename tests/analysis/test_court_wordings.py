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


# Common wordings of each content, probed one at a time (the reading a lawyer gives, written first):
# the ones read wrong before this round are the classes above; the rest guard what already worked.
WORDINGS = [
    ('rights', '申请执行人发现被执行人有可供执行财产的，可以再次申请执行。', 'partial'),
    ('rights', '终结本次执行程序后，申请执行人发现被执行人有可供执行财产的，可以向本院申请恢复执行。申请执行人申请恢复执行不受申请执行时效期间的限制。', 'partial'),
    ('rights', '被执行人应当继续履行生效法律文书确定的义务。申请执行人发现被执行人有可供执行财产的，可以申请恢复执行。', 'complete'),
    ('rights', '终结本次执行程序后，被执行人仍负有履行生效法律文书确定义务的责任，申请执行人发现被执行人有可供执行的财产的，可以向本院申请恢复执行。', 'complete'),
    ('rights', '被执行人的债务并不因本次执行程序终结而消灭。申请执行人可持本裁定向本院申请恢复执行。', 'complete'),
    ('rights', '本次执行程序终结后，被执行人仍应当自觉履行义务，申请执行人发现被执行人有可供执行财产的，可随时向本院申请执行。', 'complete'),
    ('rights', '终结本次执行程序后，被执行人继续履行债务的义务不变，申请执行人发现被执行人有可供执行财产时，可以申请恢复执行。', 'complete'),
    ('rights', '本次执行程序的终结，不能免除被执行人的清偿义务。申请执行人发现被执行人有财产可供执行的，可以再次申请执行。', 'complete'),
    ('rights', '被执行人负有继续清偿债务的义务。如申请执行人发现被执行人有可供执行财产，可以向本院申请恢复执行。', 'complete'),
    ('rights', '被执行人自动履行完毕的，当事人应当及时告知本院。申请执行人发现被执行人有可供执行财产的，可以再次申请执行。', 'partial'),
    ('rights', '申请执行人今后发现被执行人有可供执行财产线索的，可向本院提出恢复执行申请。', 'partial'),
    ('rights', '申请执行人发现被执行人有其他财产的，可以随时请求人民法院执行。', 'partial'),
    ('rights', '', 'absent'),
    ('rights', '待发现被执行人有可供执行的财产后，申请执行人可以向本院申请恢复执行。', 'partial'),
    ('rights', '被执行人应继续履行还款义务；申请执行人发现被执行人有可供执行的财产时，可以申请恢复执行。', 'complete'),
    ('rights', '终结本次执行程序后，对被执行人采取的限制消费措施继续有效。申请执行人发现被执行人有可供执行财产的，可以再次申请执行。', 'partial'),
    ('rights', '终结本次执行程序后，被执行人履行生效法律文书确定的义务并未消灭，申请执行人发现被执行人有可供执行财产的，可以申请恢复执行。', 'complete'),
    ('rights', '本次执行程序终结后，被执行人仍需履行生效法律文书确定的给付义务，申请执行人发现被执行人有可供执行财产的，可以申请恢复执行。', 'complete'),
    ('rights', '终结本次执行程序后，被执行人仍有义务履行生效法律文书确定的义务，申请执行人发现被执行人有可供执行财产的，可以申请恢复执行。', 'complete'),
    ('rights', '申请执行人发现被执行人有可供执行的财产时，有权向本院申请执行。', 'partial'),
    ('rights', '申请执行人发现被执行人有可供执行财产的，可以申请继续执行。', 'partial'),
    ('rights', '如发现被执行人有可供执行的财产，申请执行人可以申请本院继续执行。', 'partial'),
    ('rights', '申请执行人如发现被执行人有可供执行的财产可向本院申请恢复执行', 'partial'),
    ('rights', '终结本次执行程序后，被执行人应当继续履行给付义务；申请执行人发现被执行人有可供执行财产的，可以向本院申请恢复执行，且不受申请执行期限的限制。', 'complete'),
    ('realized', '本案执行到位金额0元。', 'present'),
    ('realized', '本案未执行到位任何款项。', 'present'),
    ('realized', '截至目前，本案已执行到位20000元，尚有30000元未执行到位。', 'present'),
    ('realized', '本案无执行到位款。', 'present'),
    ('realized', '本案执行款未到位。', 'present'),
    ('realized', '本案暂未执行到位。', 'present'),
    ('realized', '本案实际执行到位0元，未执行到位50000元。', 'present'),
    ('realized', '被执行人尚欠申请执行人借款本金50000元及利息未履行。', 'present'),
    ('realized', '申请执行人的债权均未能实现。', 'present'),
    ('realized', '被执行人至今未履行任何还款义务。', 'present'),
    ('realized', '执行到位标的0元，未到位标的50000元。', 'present'),
    ('realized', '已执行到位款项0元。', 'present'),
    ('realized', '本案尚未实际执行到位。', 'present'),
    ('realized', '本案已到位金额为0元。', 'present'),
    ('realized', '申请执行人的债权尚未受偿。', 'present'),
    ('realized', '本案没有执行到位款项。', 'present'),
    ('realized', '本案执行到位人民币0元。', 'present'),
    ('realized', '被执行人分文未付。', 'present'),
    ('realized', '', 'absent'),
    ('realized', '本案已执行标的0元。', 'present'),
    ('realized', '申请执行人已领取执行款3000元，剩余47000元未执行。', 'present'),
    ('realized', '被执行人至今未给付任何款项。', 'present'),
    ('realized', '本案执行到位款项为零。', 'present'),
    ('realized', '截至目前，被执行人尚欠本金50000元及利息。', 'present'),
    ('realized', '未履行金额50000元。', 'present'),
    ('prop', '经查询，被执行人名下无银行存款、无车辆、无不动产登记信息。', 'present'),
    ('prop', '反馈结果显示被执行人名下银行账户余额均为零。', 'present'),
    ('prop', '经查，查无被执行人可供执行的财产。', 'present'),
    ('prop', '未查询到被执行人名下有可供执行的财产。', 'present'),
    ('prop', '暂未发现被执行人有其他可供执行的财产。', 'present'),
    ('prop', '被执行人名下登记的车辆一辆，经查找未能扣押。', 'present'),
    ('prop', '被执行人名下房产一套已被某区人民法院首先查封，本院已轮候查封。', 'present'),
    ('prop', '被执行人名下房产已设定抵押，经评估无剩余处置价值。', 'present'),
    ('prop', '本院查封的被执行人房产经两次网络司法拍卖均流拍，申请执行人不同意以物抵债。', 'present'),
    ('prop', '经对被执行人的银行存款、车辆、不动产、证券、网络资金等进行查询，均无可供执行的财产。', 'present'),
    ('prop', '本院未发现被执行人有可供执行的财产线索。', 'present'),
    ('prop', '网络查控查询结果为无。', 'present'),
    ('prop', '被执行人暂无财产可供执行。', 'present'),
    ('prop', '经查，被执行人名下银行账户有存款1234.5元，已扣划。', 'present'),
    ('prop', '被执行人下落不明，未发现其有可供执行的财产。', 'present'),
    ('prop', '被执行人名下财产均已被其他法院查封。', 'present'),
    ('prop', '被执行人名下的车辆下落不明，无法扣押。', 'present'),
    ('prop', '被执行人名下房产系其唯一住房，暂不具备处置条件。', 'present'),
    ('prop', '被执行人持有的某公司股权经评估无处置价值。', 'present'),
    ('prop', '未查到被执行人有可供执行的财产。', 'present'),
    ('prop', '被执行人无可供执行财产。', 'present'),
    ('prop', '不动产登记中心反馈被执行人无不动产登记信息。', 'present'),
    ('prop', '冻结被执行人银行账户，账户余额不足以清偿债务。', 'present'),
    ('claim', '申请执行人王某与被执行人李某借款合同纠纷一案，（2020）某0102民初567号民事调解书已经发生法律效力，申请执行人于2021年3月1日向本院申请执行，申请执行标的为156000元。', 'present'),
    ('claim', '申请执行人王某与被执行人李某民间借贷纠纷一案，执行依据为本院（2020）某0102民初567号民事判决书。执行标的：借款本金100000元及利息。', 'present'),
    ('claim', '本院于2020年9月1日作出（2020）某0102民初567号民事判决：被告李某于本判决生效之日起十日内偿还原告王某借款50000元。该判决已发生法律效力。', 'present'),
    ('claim', '某仲裁委员会作出的某仲裁字〔2020〕第12号裁决书已发生法律效力，裁决被申请人李某支付申请人王某货款80000元。', 'present'),
    ('claim', '申请执行人王某与被执行人李某纠纷一案，本院于2021年3月1日立案执行。', 'absent'),
    ('claim', '本院于2021年3月1日立案执行申请执行人王某与被执行人李某买卖合同纠纷一案，标的额60000元。', 'present'),
    ('claim', '申请执行人王某申请执行李某劳务合同纠纷一案，执行标的金额人民币伍万元。', 'present'),
    ('claim', '申请执行人王某与被执行人李某民间借贷纠纷一案，依据（2020）某0102民初567号民事判决书，申请执行人申请执行的内容为：被执行人偿还借款50000元。', 'present'),
    ('claim', '本院于2021年3月1日立案执行，立案标的50000元。', 'present'),
    ('claim', '申请执行人于2021年3月1日申请强制执行，申请执行金额为50000元。', 'present'),
    ('process', '本案执行中，本院通过总对总、点对点查控系统对被执行人名下财产进行查询。', 'present'),
    ('process', '执行中，本院依法传唤被执行人，被执行人拒不到庭。', 'present'),
    ('process', '本院对被执行人进行了四查。', 'present'),
    ('process', '本院于2021年3月2日向被执行人送达了执行通知书。', 'present'),
    ('process', '执行过程中，本院依法对被执行人采取了查询、冻结等执行措施。', 'present'),
]


@pytest.mark.parametrize(("slot", "wording", "reading"), WORDINGS, ids=[f"{s}-{i}" for i, (s, _, _) in enumerate(WORDINGS)])
def test_common_wordings_of_each_content(slot: str, wording: str, reading: str) -> None:
    content = {"prop": "property"}.get(slot, slot)
    if slot == "prop":  # the facts alone must show the property: no conclusion in the reasoning
        text = ruling(prop=wording).replace(REASON, REASON.replace("本案已穷尽财产调查措施", "本案不具备继续执行的条件"))
    else:
        text = ruling(**{slot: wording})
    item = getattr(analyze_text(text).contents, content)
    got = item.grade if content == "rights" else ("present" if item.present else "absent")
    assert got == reading, item.evidence
