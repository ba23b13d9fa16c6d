"""Regression tests for the classes of real-text failures (issue #11, "What was found").

Each test writes the shape a published ruling takes (the quoted phrases come from real rulings)
and states what a lawyer reads in it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from termination.analysis import analyze_file, analyze_text
from termination.analysis.text import EVIDENCE_MAX

ROOT = Path(__file__).resolve().parents[2]

HEAD = (
    "河南省某某县人民法院\n执行裁定书\n（2023）豫0101执1001号\n"
    "申请执行人：张某某，男，1970年1月1日出生。\n被执行人：李某某，男，1980年2月2日出生。\n"
)
CLAIM = "申请执行人张某某与被执行人李某某民间借贷纠纷一案，本院作出的（2022）豫0101民初88号民事判决书已经发生法律效力，判决李某某偿还张某某借款50,000元。\n"
FILED = "申请执行人于2023年1月3日向本院申请强制执行，本院同日立案。\n"
PROCESS = "执行中，本院于2023年1月5日向被执行人发出执行通知书、报告财产令，于2023年1月6日通过网络执行查控系统查询被执行人财产。\n"
PROPERTY = "经查，未发现被执行人有可供执行的财产。\n"
REALIZED = "本案执行到位0元。\n"
INFORM = "本院已约谈申请执行人，告知其执行情况及终结本次执行程序的法律后果。\n"
REASON = "本院认为，依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条规定，裁定如下：\n终结本次执行程序。\n"
APPLICANT = "申请执行人发现被执行人有可供执行财产的，可以向本院申请恢复执行。"
DUTY = "被执行人负有继续向申请执行人履行债务的义务。"
SIGN = "\n本裁定送达后立即生效。\n审判员　王某\n二〇二三年六月二十六日\n书记员　赵某\n"


def ruling(*, claim: str = CLAIM, process: str = PROCESS, prop: str = PROPERTY, realized: str = REALIZED,
           rights: str = APPLICANT + DUTY, inform: str = INFORM) -> str:
    return HEAD + claim + FILED + process + prop + realized + inform + REASON + rights + SIGN


def codes(text: str) -> list[str]:
    return [p.code for p in analyze_text(text).problems]


# ---------------------------------------------------------------- the rights statement has two halves


def test_complete_rights_statement() -> None:
    result = analyze_text(ruling())
    assert result.contents.rights.grade == "complete" and result.contents.rights.missing == []
    assert result.problems == []


@pytest.mark.parametrize(
    "applicant",
    [
        "申请执行人发现被执行人有可供执行财产的，可以再次申请执行。",
        "申请执行人发现被执行人有可供执行的财产，可持本裁定申请恢复执行。",
        "待今后发现被执行人有可供执行的财产时，申请执行人可向本院重新申请恢复执行。",
    ],
)
def test_the_applicants_half_alone_is_partial(applicant: str) -> None:
    result = analyze_text(ruling(rights=applicant))
    assert result.contents.rights.present and result.contents.rights.grade == "partial"
    assert result.contents.rights.missing == ["respondent_duty"]
    (problem,) = result.problems
    assert problem.code == "TXT-RIGHTS-PARTIAL"
    assert "未写明被执行人负有继续履行债务的义务" in problem.message
    assert problem.citation.startswith("《终本规定》第六条第一款第（五）项")


def test_the_respondents_half_alone_is_partial() -> None:
    result = analyze_text(ruling(rights=DUTY))
    assert result.contents.rights.grade == "partial" and result.contents.rights.missing == ["applicant_right"]
    assert "未写明申请执行人享有" in result.problems[0].message


def test_no_rights_statement_is_absent() -> None:
    result = analyze_text(ruling(rights=""))
    assert not result.contents.rights.present and result.contents.rights.grade == "absent"
    assert codes(ruling(rights="")) == ["TXT-CONTENT-rights"]


def test_the_judgments_payment_order_is_not_the_continuing_duty() -> None:
    # 被执行人应向申请执行人偿还借款 (the judgment) is not 被执行人继续履行债务的义务 (after 终本)
    text = ruling(claim=CLAIM.replace("判决李某某偿还", "被执行人应向申请执行人偿还"), rights=APPLICANT)
    assert analyze_text(text).contents.rights.grade == "partial"


# ---------------------------------------------------------------- the course of execution told in prose


@pytest.mark.parametrize(
    "prose",
    [
        "执行中，本院依法查封了被执行人名下的房产一套，并对其银行账户网络冻结。经司法查询，未发现其他可供执行的财产。\n",
        "本院于2023年1月3日立案执行。经法院调查，被执行人无可供执行财产。\n",
        "被执行人下落不明，经通过四查，也无可供执行的财产。\n",
    ],
)
def test_prose_narration_is_the_course_of_execution(prose: str) -> None:
    result = analyze_text(ruling(process=prose, prop=""))
    assert result.contents.process.present, prose
    assert result.contents.property.present, prose
    assert "TXT-CONTENT-process" not in [p.code for p in result.problems]


def test_a_statute_title_is_no_act_of_execution() -> None:
    text = ruling(process="", prop="").replace(
        "本院认为，", "本院认为，根据《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》，"
    )
    assert not analyze_text(text).contents.process.present


# ---------------------------------------------------------------- sentences without 。


def test_text_without_full_stops_is_split_into_sentences() -> None:
    real = analyze_file(ROOT / "corpus" / "rulings" / "real" / "zb_2023_xinjiang_bazhou_no_stops.txt")
    assert real.contents.property.present and real.contents.realized.present
    assert "可供执行的财产" in real.contents.property.evidence or "财产可供执行" in real.contents.property.evidence
    flat = ruling().replace("。", "").replace("\n", "")
    result = analyze_text(flat)
    assert all(getattr(result.contents, n).present for n in ("claim", "process", "property", "realized"))
    assert all(len(getattr(result.contents, n).evidence) <= EVIDENCE_MAX for n in ("claim", "process", "property"))


# ---------------------------------------------------------------- amounts in every written form


def test_full_width_separators_are_amounts() -> None:
    real = analyze_file(ROOT / "corpus" / "rulings" / "real" / "zb_2023_xinjiang_bazhou_no_stops.txt")
    assert (real.claim_amount, real.recovered_amount, real.outstanding_amount) == (
        Decimal("58833.00"), Decimal("3022.46"), Decimal("55810.54"),
    )


def test_applied_amount_right_after_the_verb() -> None:
    text = ruling(claim="申请执行人张某某与被执行人李某某民间借贷纠纷一案，申请执行人于2023年1月3日申请执行17211.68元。\n")
    assert analyze_text(text).claim_amount == Decimal("17211.68")


def test_a_document_number_alone_is_no_claim() -> None:
    alone = "申请执行人张某某与被执行人李某某纠纷一案，本院作出的（2022）豫0101民初88号民事判决书已经发生法律效力。\n"
    result = analyze_text(ruling(claim=alone))
    assert not result.contents.claim.present
    assert "TXT-CONTENT-claim" in [p.code for p in result.problems]


# ---------------------------------------------------------------- acts, not warnings or applications


def test_a_warning_in_the_enforcement_notice_is_no_listing() -> None:
    notice = (
        "执行中，本院于2023年1月5日向被执行人发出执行通知书，责令其履行义务，并告知迟延履行期间的债务利息"
        "及纳入失信被执行人名单的风险；2023年1月6日发出风险告知书、报告财产令。\n"
    )
    measures = {m.measure: m.date for m in analyze_text(ruling(process=notice)).measures}
    assert "dishonest_list" not in measures
    assert measures["report_order"] is not None and "enforcement_notice" in measures


def test_a_possible_sanction_and_an_application_are_no_measures() -> None:
    prose = (
        "执行中，本院于2023年1月5日向被执行人发出执行通知书，被执行人拒不报告财产的，可能被司法拘留。"
        "2023年2月1日，申请执行人书面申请审计被执行人，本院决定不予准许。\n"
    )
    measures = {m.measure for m in analyze_text(ruling(process=prose)).measures}
    assert "detention" not in measures and "audit" not in measures


def test_the_bankruptcy_inquiry_is_not_the_interview() -> None:
    inform = (
        "2023年5月10日，征询申请执行人、被执行人是否同意将本案移送破产审查，申请执行人不同意。"
        "本院于2023年5月24日约谈申请执行人，告知其执行情况及终结本次执行程序的法律后果。\n"
    )
    measures = {m.measure: m.date for m in analyze_text(ruling(inform=inform)).measures}
    assert measures["applicant_informed"].isoformat() == "2023-05-24"


def test_a_listing_dated_in_the_preceding_clause() -> None:
    prose = "本院于2023年1月11日决定对被执行人采取限制高消费措施，并纳入失信被执行人名单。\n"
    measures = {m.measure: m.date for m in analyze_text(ruling(process=PROCESS + prose)).measures}
    assert measures["dishonest_list"].isoformat() == "2023-01-11"


# ---------------------------------------------------------------- headings and evidence


def test_a_heading_is_not_evidence() -> None:
    text = ruling(prop="三、查明的被执行人财产情况\n")
    assert not analyze_text(text).contents.property.present
    text = ruling(prop="三、查明的被执行人财产情况\n经查，被执行人名下无可供执行的财产。\n")
    assert analyze_text(text).contents.property.evidence == "经查，被执行人名下无可供执行的财产"


def test_evidence_is_a_sentence_never_a_paragraph() -> None:
    for path in sorted((ROOT / "corpus" / "rulings").rglob("*")):
        if path.suffix not in (".txt", ".docx"):
            continue
        result = analyze_file(path)
        shown = [getattr(result.contents, n).evidence for n in ("claim", "process", "property", "realized", "rights")]
        shown += [m.evidence for m in result.measures]
        for evidence in filter(None, shown):
            assert len(evidence) <= EVIDENCE_MAX, (path.name, evidence)
            assert "\n" not in evidence


def test_relative_dates_are_read_against_the_date_before() -> None:
    inform = (
        "本院于2023年6月6日向申请执行人送达终结本次执行程序告知书，又于同月18日约谈申请执行人，"
        "告知其执行情况及终结本次执行程序的法律后果。\n"
    )
    measures = {m.measure: m.date for m in analyze_text(ruling(inform=inform)).measures}
    assert measures["applicant_informed"].isoformat() in ("2023-06-06", "2023-06-18")
    prose = "本院于2023年1月5日向被执行人发出执行通知书，次日通过网络执行查控系统查询被执行人财产。\n"
    measures = {m.measure: m.date for m in analyze_text(ruling(process=prose)).measures}
    assert measures["network_inquiry"].isoformat() == "2023-01-06"


@pytest.mark.parametrize(
    ("statement", "grade"),
    [
        ("终结本次执行程序后，被执行人仍负有向申请执行人履行债务的义务；申请执行人有权随时请求人民法院执行。", "complete"),
        ("终结本次执行程序并不免除被执行人的还款义务，申请执行人发现被执行人有财产的，可以另行申请执行。", "complete"),
        ("申请执行人发现被执行人有可供执行的财产，可以向本院申请执行。", "partial"),
        ("被执行人应当继续履行生效法律文书确定的义务。", "partial"),
    ],
)
def test_rights_statements_as_courts_write_them(statement: str, grade: str) -> None:
    assert analyze_text(ruling(rights=statement)).contents.rights.grade == grade


def test_nothing_received_is_the_claim_realised() -> None:
    text = ruling(realized="申请执行人至今未获任何清偿。\n")
    result = analyze_text(text)
    assert result.contents.realized.present and result.recovered_amount == Decimal("0.00")


def test_a_supreme_court_number_without_court_code_is_the_rulings_own() -> None:
    # （2013）执复字第2号: before 2016 the Supreme People's Court's numbers carried no court code;
    # the lower court's number cited in the body is not the ruling's own.
    text = (
        "中华人民共和国最高人民法院\n执行裁定书\n(2013)执复字第2号\n申请复议人(申请执行人):某某银行股份有限公司某某支行。\n"
        "被执行人:某某实业有限公司。\n某某银行股份有限公司某某支行不服某某省高级人民法院(2012)某高法执异字第00022号执行裁定，向本院申请复议。"
    )
    result = analyze_text(text)
    assert result.case_number == "（2013）执复字第2号"
    assert result.kind == "objection"


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("申诉人（申请执行人）：张某某，男，1963年12月26日出生。", "applicant"),
        ("申请复议人（申请执行人）：某某银行股份有限公司某某支行。", "applicant"),
        ("复议申请人（被执行人）：某某建筑装饰工程有限公司。", "respondent"),
        ("被申诉人（被执行人）：李某某，女。", "respondent"),
        ("异议人（利害关系人）：某某投资有限公司。", None),
    ],
)
def test_a_procedural_role_takes_the_bracketed_execution_role(line: str, role: str | None) -> None:
    # 执异、执复、执监 rulings name each party by its role in the review, then its role in the
    # execution in brackets: the bracketed one is the party's role (a 利害关系人 is neither).
    text = "最高人民法院\n执行裁定书\n（2021）最高法执监1号\n" + line + "\n本院依法组成合议庭进行审查，现已审查终结。"
    parties = analyze_text(text).parties
    assert [p.role for p in parties] == ([role] if role else [])


def test_a_section_heading_joined_by_a_space_is_still_a_heading() -> None:
    # Mirror sites of 中国裁判文书网 join the paragraphs with a space: the heading 四、申请执行人意见
    # then opens the sentence of the 约谈 and must neither be evidence nor hide the date after it.
    text = ruling(inform="四、申请执行人意见\n2023年7月20日，本院通过电话约谈申请执行人，告知其本案执行情况及终结本次执行程序的法律后果。\n")
    for shaped in (text, text.replace("\n", " ")):
        result = analyze_text(shaped)
        informed = [m for m in result.measures if m.measure == "applicant_informed"]
        assert [m.date.isoformat() if m.date else None for m in informed] == ["2023-07-20"]
        assert "申请执行人意见" not in informed[0].evidence


def test_a_list_item_joined_by_a_space_is_not_masked_as_a_heading() -> None:
    # only a heading (its words end in 情况/经过/措施/意见…) is masked, never an act of execution
    text = ruling(process="执行中，本院采取了以下措施： 一、2023年1月5日向被执行人发出执行通知书、报告财产令 二、2023年1月6日通过网络执行查控系统查询被执行人财产。\n")
    result = analyze_text(text.replace("\n", " "))
    dates = {m.measure: m.date.isoformat() if m.date else None for m in result.measures}
    assert dates["enforcement_notice"] == "2023-01-05"
    assert dates["network_inquiry"] == "2023-01-06"


@pytest.mark.parametrize(
    "head",
    [
        # a spaced heading wrapped inside the name (LibreOffice HTML export)
        "西 安 市 未 央 区 人 民 \n法 院 \n执 行 裁 定 书\n（2019）陕0112执1813号\n",
        # the draft's sign-off block a mirror site keeps before the court name, on the same line
        "文书内容签发:传批:审核:拟稿时间:2019.5拟稿人:王某校对人:份数:西安市未央区人民法院执 行 裁 定 书（2019）陕0112执1813号",
    ],
)
def test_the_court_of_a_heading_as_real_pages_print_it(head: str) -> None:
    text = head + "申请执行人：张某某。\n被执行人：李某某。\n本院在执行申请执行人张某某与被执行人李某某借款合同纠纷一案中……"
    assert analyze_text(text).court == "西安市未央区人民法院"


def test_a_court_named_in_the_body_is_not_the_heading() -> None:
    # no heading: the court named in the decision (终结某某县人民法院的…案件的执行) is not read as one
    text = "申请执行人：张某某。被执行人：李某某。裁定如下：终结云南省牟定县人民法院的（2023）云2323执恢39号案件的执行。"
    assert analyze_text(text).court is None
