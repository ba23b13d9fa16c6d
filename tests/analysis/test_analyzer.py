"""Behaviour of analyze_text on small hand-written rulings (expected values from the law)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pydantic
import pytest

from termination.analysis import RulingAnalysis, analyze_text
from termination.errors import InputError

ROOT = Path(__file__).resolve().parents[2]

HEADER = (
    "北京市朝阳区人民法院\n执行裁定书\n（{year}）京0105执100号\n"
    "申请执行人：张某某，男，1970年1月1日出生，住北京市朝阳区。\n"
    "被执行人：北京某某科技有限公司，住所地北京市朝阳区某某路1号。\n"
    "法定代表人：李某，经理。\n"
)
FACTS = (
    "本院在执行申请执行人张某某与被执行人北京某某科技有限公司买卖合同纠纷一案中，依据本院（{prev}）京0105民初9号"
    "民事判决书，被执行人应支付货款10,000元。本院于{filed}立案执行，执行标的为10,000元。\n"
    "本院于{filed}向被执行人发出执行通知书、报告财产令；通过网络执行查控系统查询，未发现可供执行的财产；"
    "对被执行人采取限制消费措施，并将其纳入失信被执行人名单。本案执行到位0元。\n"
)
INFORM = "本院已约谈申请执行人，告知其执行情况及终结本次执行程序的法律后果。\n"
REASON = "本院认为，本案未发现可供执行的财产。依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》{basis}规定，裁定如下：\n"
MAIN = (
    "终结本次执行程序。\n申请执行人发现被执行人有可供执行财产的，可以申请恢复执行。"
    "被执行人负有继续向申请执行人履行债务的义务。\n{remedy}本裁定送达后立即生效。\n"
)
SIGN = "审判长　甲某\n审判员　乙某\n审判员　丙某\n{signed}\n书记员　丁某\n"


def ruling(
    *,
    signed: str = "二〇二三年六月二十六日",
    filed: str = "2023年2月8日",
    basis: str = "第五百一十七条",
    remedy: str = "",
    inform: bool = True,
    facts: str | None = None,
) -> str:
    year = filed[:4]
    return (
        HEADER.format(year=year)
        + (facts if facts is not None else FACTS.format(prev=int(year) - 1, filed=filed))
        + (INFORM if inform else "")
        + REASON.format(basis=basis)
        + MAIN.format(remedy=remedy)
        + SIGN.format(signed=signed)
    )


def codes(result: RulingAnalysis) -> list[str]:
    return [p.code for p in result.problems]


def test_clean_ruling_has_no_problem() -> None:
    result = analyze_text(ruling())
    assert result.is_zhongben and result.kind == "zhongben"
    assert codes(result) == []
    assert result.date == date(2023, 6, 26) and result.filing_date == date(2023, 2, 8)
    assert all(getattr(result.contents, n).present for n in ("claim", "process", "property", "realized", "rights"))


# 民诉法解释 renumbered 第五百一十九条 -> 第五百一十七条 by the 2022 amendment, in force 2022-04-10.
@pytest.mark.parametrize(
    ("signed", "basis", "expected"),
    [
        ("二〇二二年四月九日", "第五百一十七条", ["TXT-BASIS-NEW-EARLY"]),
        ("二〇二二年四月十日", "第五百一十七条", []),
        ("二〇二二年四月九日", "第五百一十九条", []),
        ("二〇二二年四月十日", "第五百一十九条", ["TXT-BASIS-OLD"]),
        ("二〇二二年四月十日", "第519条", ["TXT-BASIS-OLD"]),
    ],
)
def test_interpretation_article_by_date(signed: str, basis: str, expected: list[str]) -> None:
    result = analyze_text(ruling(signed=signed, filed="2021年12月1日", basis=basis))
    assert codes(result) == expected


# 民事诉讼法 objection article: 225 (2017 rev., to 2021-12-31), 232 (2021 rev., 2022), 236 (2023 rev., from 2024).
@pytest.mark.parametrize(
    ("signed", "article", "expected"),
    [
        ("二〇二一年十二月三十一日", "第二百二十五条", []),
        ("二〇二二年一月一日", "第二百二十五条", ["TXT-CPL-OLD"]),
        ("二〇二三年十二月三十一日", "第二百三十二条", []),
        ("二〇二四年一月一日", "第二百三十二条", ["TXT-CPL-OLD"]),
        ("二〇二四年一月一日", "第二百三十六条", []),
        ("二〇二四年一月一日", "第二百二十五条", ["TXT-CPL-OLD"]),
    ],
)
def test_objection_article_by_date(signed: str, article: str, expected: list[str]) -> None:
    remedy = f"当事人、利害关系人可以依照《中华人民共和国民事诉讼法》{article}的规定向本院提出书面异议。\n"
    # the interpretation article that was correct on that date (第五百一十九条 before 2022-04-10)
    basis = "第五百一十九条" if signed in ("二〇二一年十二月三十一日", "二〇二二年一月一日") else "第五百一十七条"
    result = analyze_text(ruling(signed=signed, filed="2021年6月1日", basis=basis, remedy=remedy))
    assert codes(result) == expected


def test_cpl_old_message_names_the_right_article() -> None:
    remedy = "可以依照《中华人民共和国民事诉讼法》第二百二十五条的规定提出书面异议。\n"
    result = analyze_text(ruling(signed="二〇二三年五月一日", filed="2023年1月3日", remedy=remedy))
    (problem,) = result.problems
    assert problem.citation == "《中华人民共和国民事诉讼法》（2021年修正）第二百三十二条"
    assert "第二百二十五条" in problem.message


@pytest.mark.parametrize("limit", ["六十日内", "60日内", "60天内"])
def test_sixty_day_objection_limit(limit: str) -> None:
    remedy = f"如不服本裁定，可以在收到本裁定之日起{limit}向本院提出书面异议。\n"
    assert codes(analyze_text(ruling(remedy=remedy))) == ["TXT-60DAYS"]


# 终本规定第一条第（四）项: more than three months since filing; the filing day is not counted.
@pytest.mark.parametrize(
    ("filed", "signed", "under"),
    [
        ("2024年1月15日", "二〇二四年四月十五日", True),
        ("2024年1月15日", "二〇二四年四月十六日", False),
        ("2023年11月30日", "二〇二四年二月二十九日", True),
        ("2023年11月30日", "二〇二四年三月一日", False),
    ],
)
def test_three_months_since_filing(filed: str, signed: str, under: bool) -> None:
    result = analyze_text(ruling(filed=filed, signed=signed))
    assert ("TXT-UNDER-3M" in codes(result)) is under


def test_filing_date_argument_overrides_text() -> None:
    result = analyze_text(ruling(filed="2023年2月8日", signed="二〇二三年六月二十六日"), filing_date=date(2023, 5, 1))
    assert result.filing_date == date(2023, 5, 1)
    assert codes(result) == ["TXT-UNDER-3M"]


def test_missing_inform_and_basis() -> None:
    text = ruling(inform=False).replace(
        "依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条规定，", "据此，"
    )
    assert codes(analyze_text(text)) == ["TXT-NO-INFORM", "TXT-NO-BASIS"]


def test_missing_contents_are_reported_in_order() -> None:
    facts = "本院依法立案执行。\n"
    result = analyze_text(ruling(facts=facts))
    assert codes(result) == ["TXT-CONTENT-claim", "TXT-CONTENT-process", "TXT-CONTENT-realized"]
    assert result.contents.property.present  # stated in 本院认为
    assert result.measures[0].measure == "applicant_informed"


def test_negated_and_warned_measures_are_not_counted() -> None:
    facts = FACTS.format(prev=2022, filed="2023年2月8日").replace(
        "并将其纳入失信被执行人名单", "因不符合条件本院未将其纳入失信被执行人名单"
    ) + "被执行人违反限制消费令的，本院将依法予以罚款、拘留。\n"
    result = analyze_text(ruling(facts=facts))
    found = {m.measure for m in result.measures}
    assert "dishonest_list" not in found
    assert {"fine", "detention"}.isdisjoint(found)
    assert {"enforcement_notice", "report_order", "network_inquiry", "consumption_restriction"} <= found


def test_notice_is_not_negated_by_failure_to_comply() -> None:
    facts = "被执行人未按执行通知书履行义务。\n"
    result = analyze_text(ruling(facts=facts))
    assert [m.measure for m in result.measures][:1] == ["enforcement_notice"]


def test_measure_dates_from_clause_or_sentence_start() -> None:
    facts = (
        "一、2023年3月20日，对被执行人采取限制消费措施，并于同日将其纳入失信被执行人名单。\n"
        "二、本院于2023年4月1日对被执行人作出司法拘留十五日的决定，2023年4月3日对其罚款5000元。\n"
    )
    measures = {m.measure: m.date for m in analyze_text(ruling(facts=facts)).measures}
    assert measures["consumption_restriction"] == date(2023, 3, 20)
    assert measures["dishonest_list"] == date(2023, 3, 20)
    assert measures["detention"] == date(2023, 4, 1)
    assert measures["fine"] == date(2023, 4, 3)


@pytest.mark.parametrize(
    ("main", "kind"),
    [
        ("终结本次执行程序。", "zhongben"),
        ("一、解除对被执行人名下车辆的查封；二、终结本次执行程序。", "zhongben"),
        ("终结本院（2023）京0105执100号案件的本次执行程序。", "zhongben"),
        ("终结本院（2022）京0105民初9号民事判决书的执行。", "zhongjie"),
        ("本案终结执行。", "zhongjie"),
        ("中止本院（2023）京0105执100号案件的执行。", "suspension"),
        ("驳回异议人张某某的异议。", "objection"),
        # 申请人撤销申请的，裁定终结执行 — 民事诉讼法（2023）第二百六十八条第一项
        ("准许申请执行人张某某撤回执行申请。", "zhongjie"),
        # 终本后恢复执行 — 终本规定第九条第一款
        ("恢复本院（2022）京0105执100号案件的执行。", "resumption"),
        ("撤销本院（2023）京0105执100号之一执行裁定。", "objection"),  # 异议/监督 ruling without its header
    ],
)
def test_kind_from_main_text(main: str, kind: str) -> None:
    result = analyze_text(ruling().replace("终结本次执行程序。\n申请", main + "\n申请"))
    assert result.kind == kind
    assert result.is_zhongben is (kind == "zhongben")
    if kind != "zhongben":
        assert result.problems == []


def test_completion_notice() -> None:
    text = (
        "北京市朝阳区人民法院\n结案通知书\n（2023）京0105执200号\n张某某：\n"
        "你申请执行北京某某科技有限公司买卖合同纠纷一案，被执行人已履行全部义务，本案已执行完毕。特此通知。\n"
        "二〇二三年七月一日"
    )
    result = analyze_text(text)
    assert (result.kind, result.is_zhongben, result.problems) == ("completion", False, [])
    assert result.date == date(2023, 7, 1)


def test_objection_case_number_wins_over_quoted_decision() -> None:
    text = (
        "北京市海淀区人民法院\n执行裁定书\n（2024）京0108执异1号\n异议人（申请执行人）：吕某某，男。\n"
        "本院于2024年3月15日作出执行裁定，裁定如下：终结本次执行程序。异议人不服，提出异议。\n"
        "本院认为，异议不成立。依照《中华人民共和国民事诉讼法》第二百三十六条规定，裁定如下：\n"
        "驳回异议人吕某某的异议。\n审判员　郝某\n二〇二四年五月十三日\n书记员　段某"
    )
    result = analyze_text(text)
    assert result.kind == "objection" and result.problems == []
    assert [(p.name, p.role) for p in result.parties] == [("吕某某", "applicant")]


def test_wenshu_copy_with_title_line_and_arabic_signature_date() -> None:
    text = (
        "张某某、北京某某科技有限公司买卖合同纠纷执行实施类执行裁定书\n"
        + ruling().replace("二〇二三年六月二十六日", "2023年6月26日")
    )
    result = analyze_text(text)
    assert result.court == "北京市朝阳区人民法院"
    assert result.date == date(2023, 6, 26)
    assert result.case_number == "（2023）京0105执100号"


def test_no_header_and_parties_from_narrative() -> None:
    text = ruling().split("法定代表人：李某，经理。\n", 1)[1]
    result = analyze_text(text)
    assert result.court is None and result.case_number is None
    assert [(p.name, p.role, p.kind) for p in result.parties] == [
        ("张某某", "applicant", "person"),
        ("北京某某科技有限公司", "respondent", "organisation"),
    ]
    assert result.is_zhongben


def test_party_names_and_kinds() -> None:
    header = (
        "申请执行人（原审原告）：王某（曾用名王小某），女，汉族，住某地。\n"
        "被执行人：李**（男，1990年1月1日出生），住某地。\n"
        "被执行人：×××公司，住所地某地。\n"
        "被执行人：某某投资中心（有限合伙），住所地某地。\n"
        "被执行人：某某县财政局，住所地某地。\n"
        "委托诉讼代理人：赵某，某某律师事务所律师。\n"
    )
    result = analyze_text(ruling().replace(HEADER.format(year=2023), "执行裁定书\n" + header))
    assert [(p.name, p.role, p.kind) for p in result.parties] == [
        ("王某", "applicant", "person"),
        ("李**", "respondent", "person"),
        ("×××公司", "respondent", "organisation"),
        ("某某投资中心（有限合伙）", "respondent", "organisation"),
        ("某某县财政局", "respondent", "organisation"),
        ("赵某", "agent", "person"),
    ]


def test_model_is_closed_and_json_dump_has_the_contract_fields() -> None:
    result = analyze_text(ruling())
    dumped = result.model_dump(mode="json")
    assert set(dumped) >= {
        "is_zhongben", "kind", "case_number", "court", "date", "parties", "basis", "claim_amount",
        "recovered_amount", "outstanding_amount", "contents", "measures", "problems", "char_count",
    }
    assert dumped["claim_amount"] == "10000.00" and dumped["date"] == "2023-06-26"
    assert set(dumped["contents"]) == {"claim", "process", "property", "realized", "rights"}
    json.dumps(dumped, ensure_ascii=False)
    with pytest.raises(pydantic.ValidationError):
        RulingAnalysis.model_validate({**dumped, "surplus": 1})


def test_char_count_and_empty_text() -> None:
    assert analyze_text("终结本次执行程序。").char_count == 9
    empty = analyze_text("")
    assert (empty.kind, empty.is_zhongben, empty.char_count, empty.problems) == ("unknown", False, 0, [])


def test_rejects_non_text() -> None:
    with pytest.raises(InputError):
        analyze_text(b"bytes")  # type: ignore[arg-type]


def test_import_does_not_load_jieba() -> None:
    code = (
        "import sys; import termination.analysis, termination.analysis.cli; "
        "assert 'jieba' not in sys.modules; "
        "termination.analysis.analyze_text('被执行人未按执行通知书履行义务。裁定如下：终结本次执行程序。'); "
        "assert 'jieba' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("申请执行人于2022年3月1日申请恢复执行，本院于同日立案。", date(2022, 3, 1)),
        ("申请执行人于2020年11月30日向本院申请执行。本院于2020年12月2日立案。", date(2020, 12, 2)),
        ("申请执行人于2020年11月30日向本院申请强制执行。", date(2020, 11, 30)),
        ("立案日期：2021年3月5日。", date(2021, 3, 5)),
        ("2024年6月3日，本院约谈申请执行人。", None),  # 申请执行人 is not 申请执行
    ],
)
def test_filing_date_from_text(sentence: str, expected: date | None) -> None:
    assert analyze_text(sentence).filing_date == expected


def test_agents_listed_together_are_separate_parties() -> None:
    header = HEADER.format(year=2023) + "委托代理人：王某、刘某，某某律师事务所律师。\n"
    result = analyze_text(ruling().replace(HEADER.format(year=2023), header))
    assert [p.name for p in result.parties if p.role == "agent"] == ["王某", "刘某"]


def test_inform_by_conversation() -> None:
    text = ruling(inform=False).replace(
        "本院认为", "本院与申请执行人进行了谈话，其同意终结本次执行程序。\n本院认为"
    )
    result = analyze_text(text)
    assert "TXT-NO-INFORM" not in codes(result)
    assert any(m.measure == "applicant_informed" for m in result.measures)


def test_statute_appendix_without_heading_is_ignored() -> None:
    appendix = "《中华人民共和国民事诉讼法》\n第二百二十五条　……应当自收到终结执行法律文书之日起六十日内提出异议。\n"
    result = analyze_text(ruling(signed="二〇二三年六月二十六日") + appendix)
    assert codes(result) == []


def test_bare_caiding_colon_and_short_main_text() -> None:
    text = ruling().replace("规定，裁定如下：\n终结本次执行程序。", "之规定，裁定：\n本案终结本次执行。")
    result = analyze_text(text)
    assert result.kind == "zhongben"
    assert result.date == date(2023, 6, 26)


def test_legal_keywords_stay_single_tokens() -> None:
    from termination.analysis.segment import tokens

    words = [w for w, _, _ in tokens("本院未将其纳入失信被执行人名单并发出限制消费令")]
    assert "失信被执行人名单" in words and "限制消费令" in words


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 恢复执行立案通知 recites the earlier 终本 ruling, but is not one
        (
            ("某某区人民法院\n恢复执行立案通知书\n（2024）赣0102执恢56号\n某某公司：\n你公司申请执行万某一案，本院于2022年11月21日"
            "作出（2022）赣0102执789号执行裁定，终结本次执行程序。经审查，本院决定立案恢复执行。\n特此通知。\n二〇二四年三月十三日"),
            "resumption",
        ),
        # 拟终本告知书 to the applicant: 终本 is made by 裁定, a notice is not the ruling
        (
            ("某某区人民法院\n终结本次执行程序告知书\n（2023）京0105执100号\n张某：\n本院经穷尽财产调查措施，未发现被执行人有可供执行"
            "的财产，本院拟裁定终结本次执行程序。如有异议，请于十日内提出。\n二〇二三年六月一日"),
            "unknown",
        ),
        # a 结案通知书 announcing a 终本 closure is neither the ruling nor a 执行完毕 notice
        (
            ("某某区人民法院\n结案通知书\n（2023）京0105执100号\n张某：\n本院已于2023年6月26日裁定终结本次执行程序，"
            "本案以终结本次执行程序方式结案。\n特此通知。\n二〇二三年七月一日"),
            "unknown",
        ),
    ],
)
def test_notices_are_not_zhongben(text: str, kind: str) -> None:
    result = analyze_text(text)
    assert (result.kind, result.is_zhongben, result.problems) == (kind, False, [])


# 民事诉讼法 renumbering (requirements.md §9): 2017 第二百五十七条 / 第一百五十四条 are 2021 第264条 /
# 第157条 and 2023 第268条 / 第157条.
@pytest.mark.parametrize(
    ("signed", "cited", "expected"),
    [
        ("二〇二一年十二月三十一日", "第二百五十七条第六项", []),
        ("二〇二二年一月一日", "第二百五十七条第六项", ["TXT-CPL-OLD"]),
        ("二〇二三年五月一日", "第二百六十四条第六项", []),
        ("二〇二四年五月一日", "第二百六十八条第六项", []),
        ("二〇二四年五月一日", "第一百五十四条第一款第十一项", ["TXT-CPL-OLD"]),
        ("二〇二二年五月一日", "第一百五十七条第一款第十一项", []),
        ("二〇二四年五月一日", "第二百五十条", []),  # 申请执行的期间, current numbering
    ],
)
def test_other_cpl_articles_by_date(signed: str, cited: str, expected: list[str]) -> None:
    # the interpretation article correct on that date (第五百一十九条 before 2022-04-10)
    basis = "第五百一十九条" if signed in ("二〇二一年十二月三十一日", "二〇二二年一月一日") else "第五百一十七条"
    text = ruling(signed=signed, filed="2021年6月1日", basis=basis).replace(
        "本院认为，", f"本院认为，依照《中华人民共和国民事诉讼法》{cited}，"
    )
    assert codes(analyze_text(text)) == expected


def test_cpl_old_lists_every_outdated_article() -> None:
    remedy = "可以依照《中华人民共和国民事诉讼法》第二百二十五条的规定提出书面异议。\n"
    text = ruling(signed="二〇二四年五月一日", filed="2024年1月3日", remedy=remedy).replace(
        "本院认为，", "本院认为，依照《中华人民共和国民事诉讼法》第二百五十七条第六项，"
    )
    (problem,) = analyze_text(text).problems
    assert problem.code == "TXT-CPL-OLD"
    assert "第二百二十五条（执行行为异议）" in problem.message and "第二百五十七条（终结执行）" in problem.message
    # in text order: the basis in 本院认为 comes before the remedy sentence
    assert problem.citation == (
        "《中华人民共和国民事诉讼法》（2023年修正）第二百六十八条；《中华人民共和国民事诉讼法》（2023年修正）第二百三十六条"
    )


def test_judgment_recital_of_delay_interest_is_not_an_outdated_citation() -> None:
    # a 2024 judgment quoted in the facts: 第二百六十四条 of 2023 is 迟延履行, not 2021's 终结执行
    facts = FACTS.format(prev=2023, filed="2024年1月3日").replace(
        "民事判决书，被执行人应支付货款10,000元。",
        "民事判决书，被执行人应支付货款10,000元，如未按期履行，应依照《中华人民共和国民事诉讼法》第二百六十四条之规定加倍支付迟延履行期间的债务利息。",
    )
    assert codes(analyze_text(ruling(signed="二〇二四年五月一日", facts=facts))) == []


def test_article_519_of_another_statute_is_not_the_interpretation() -> None:
    # 民法典第五百一十九条 (连带债务份额) in the recital; the ruling itself cites the 解释 correctly
    text = ruling(signed="二〇二三年六月二十六日").replace(
        "本院认为，", "原判决依据《中华人民共和国民法典》第五百一十九条确定连带责任。本院认为，"
    )
    assert codes(analyze_text(text)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年6月12日，申请执行人到本院接受约谈，本院告知其执行情况。",
        "申请执行人对终结本次执行程序有异议。",
        "申请执行人表示同意终本。",
        "申请执行人在约谈中表示无新的财产线索。",
        "本院与申请执行人进行了终本约谈。",
    ],
)
def test_applicant_heard_in_other_words(sentence: str) -> None:
    result = analyze_text(ruling(inform=False).replace("本院认为", sentence + "\n本院认为"))
    assert "TXT-NO-INFORM" not in codes(result)


def test_applicant_not_informed_is_not_counted() -> None:
    result = analyze_text(ruling(inform=False).replace("本院认为", "本院未告知申请执行人终结本次执行程序的法律后果。\n本院认为"))
    assert "TXT-NO-INFORM" in codes(result)


def test_generic_property_inquiry_and_restriction_wording() -> None:
    facts = (
        "本院依据（2022）京0105民初9号民事判决书于2023年2月8日立案执行，执行标的为10,000元。\n"
        "2023年2月9日，本院依法对被执行人的财产进行了查询，未发现可供执行的财产；2023年2月20日限制其高消费。"
        "本案执行到位0元。\n"
    )
    measures = {m.measure: m.date for m in analyze_text(ruling(facts=facts)).measures}
    assert measures["network_inquiry"] == date(2023, 2, 9)
    assert measures["consumption_restriction"] == date(2023, 2, 20)


def test_resumed_case_reads_its_own_filing_date_and_running_total() -> None:
    facts = (
        "本院依据（2018）京0105民初9号民事判决书于2019年1月8日立案执行，执行标的为200,000元，该案执行到位20,000元，"
        "本院于2019年9月30日裁定终结本次执行程序。\n"
        "2023年2月8日，申请执行人以发现被执行人财产为由申请恢复执行，本院于同日立案恢复执行。2023年2月9日本院向被执行人发出"
        "执行通知书。本院扣划被执行人存款5,000元。截至目前，本案累计执行到位25,000元，尚有175,000元未执行到位。\n"
    )
    text = ruling(facts=facts).replace("（2023）京0105执100号", "（2023）京0105执恢100号")
    result = analyze_text(text)
    assert result.case_number == "（2023）京0105执恢100号"
    assert result.filing_date == date(2023, 2, 8)  # 执恢 立案, not the 2019 original case
    assert (result.recovered_amount, result.outstanding_amount) == (Decimal(25000), Decimal(175000))
    assert result.contents.realized.evidence is not None and "累计执行到位25,000元" in result.contents.realized.evidence


def test_voluntary_payment_and_rights_worded_as_any_time() -> None:
    text = ruling().replace("本案执行到位0元。", "执行中被执行人自动履行2,000元。").replace(
        "申请执行人发现被执行人有可供执行财产的，可以申请恢复执行。", "申请执行人发现被执行人有财产的，可随时向本院申请执行。"
    )
    result = analyze_text(text)
    assert result.recovered_amount == Decimal(2000)
    assert result.outstanding_amount == Decimal(8000)  # 10,000 − 2,000
    assert result.contents.rights.present


def test_date_only_clause_dates_the_measures_after_it_on_one_line() -> None:
    facts = (
        "本院依据（2022）京0105民初9号民事判决书于2023年2月8日立案执行。本院采取了以下措施：一、2023年2月10日，"
        "向被执行人发出执行通知书、报告财产令；二、2023年2月13日，通过网络执行查控系统查询，未发现财产。本案执行到位0元。"
    )
    measures = {m.measure: m.date for m in analyze_text(ruling(facts=facts)).measures}
    assert measures["enforcement_notice"] == date(2023, 2, 10)
    assert measures["report_order"] == date(2023, 2, 10)
    assert measures["network_inquiry"] == date(2023, 2, 13)


def test_property_evidence_is_the_finding_not_a_process_step() -> None:
    facts = FACTS.format(prev=2022, filed="2023年2月8日") + (
        "本院拍卖被执行人房产一套，第一次拍卖流拍，第二次拍卖成交。经查，被执行人名下已无其他可供执行的财产。\n"
    )
    evidence = analyze_text(ruling(facts=facts)).contents.property.evidence
    assert evidence is not None and evidence.startswith("经查")


def test_realized_and_property_in_summary_wording() -> None:
    facts = (
        "本院依据（2022）京0105民初9号民事判决书于2023年2月8日立案执行，执行标的为10,000元。本院于2023年2月9日"
        "向被执行人发出执行通知书。被执行人确无财产可供执行。本案申请执行人的债权均未实现。\n"
    )
    result = analyze_text(ruling(facts=facts))
    assert result.contents.property.evidence == "被执行人确无财产可供执行"
    assert result.contents.realized.present and result.recovered_amount == Decimal(0)
    assert result.outstanding_amount == Decimal(10000)


def test_amounts_in_colon_form() -> None:
    facts = (
        "本院依据（2022）京0105民初9号民事判决书于2023年2月8日立案执行。本院于2023年2月9日向被执行人发出执行通知书。"
        "执行标的：100,000元；已执行到位：5,000元；未执行到位：95,000元。\n"
    )
    result = analyze_text(ruling(facts=facts))
    assert (result.claim_amount, result.recovered_amount, result.outstanding_amount) == (
        Decimal(100000), Decimal(5000), Decimal(95000),
    )
