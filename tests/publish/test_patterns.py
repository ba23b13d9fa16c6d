"""The finders of personal data in free text, the county cut and the 隐名 forms, on hand-written examples."""

from __future__ import annotations

import pytest

from termination.publish import patterns
from termination.publish.names import Pseudonym, number_duplicates, pseudonym
from termination.publish.places import cut_to_county, street_addresses


def _found(finder, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[h.start:h.end] for h in finder(text)]


# ---------------------------------------------------------------- numbers

def test_id_numbers_need_a_real_date_and_the_check_character() -> None:
    text = "身份证号码110105198002030035，另一个11010519800203003X（校验位错），旧证110101780930002，" \
           "日期不存在110105198002300035，信用代码91310115MA1K3C7X2P"
    assert _found(patterns.id_numbers, text) == ["110105198002030035", "110101780930002"]
    assert _found(patterns.id_numbers, "身份证号码５１０１０７１９９００１０１１２３Ｘ") == ["５１０１０７１９９００１０１１２３Ｘ"]
    assert patterns.is_id_number("51010719900101123x")


def test_phone_numbers_and_other_contact_details() -> None:
    text = "电话13812345678，座机010-85123456，0571-8765 4321，+86 139 1234 5678，邮箱a.b@example.com，微信号lch_1975，QQ 12345678"
    found = [text[h.start:h.end] for h in patterns.merge(patterns.phones(text))]
    assert found == ["13812345678", "010-85123456", "0571-8765 4321", "+86 139 1234 5678", "a.b@example.com",
                     "lch_1975", "12345678"]


def test_numbers_named_as_telephone_numbers_count_even_when_not_allocated() -> None:
    text = "手机15431732051，联系电话：0000-1234567，标的13012345678元"
    assert [text[h.start:h.end] for h in patterns.merge(patterns.phones(text))] == ["15431732051", "0000-1234567"]


@pytest.mark.parametrize("text", [
    "（2024）京0105执12345号", "申请执行标的金额300,000.00元、利息12,600.00元", "2024年3月6日", "20240306",
    "罚款10000元，拘留15日", "（2023）京0105民初5678号民事判决书", "合计315619.00元", "建筑面积46.8平方米",
])
def test_ordinary_figures_are_not_personal_data(text: str) -> None:
    assert patterns.find(text) == []


def test_bank_cards_pass_the_luhn_check_and_accounts_are_named() -> None:
    text = "卡号6222021234567890128，无效卡号外的数字6222021234567890129，账户尾号5678，对公账号1100 1234 5678 9012"
    found = _found(patterns.bank_accounts, text)
    assert "6222021234567890128" in found and "5678" in found and "1100 1234 5678 9012" in found
    assert patterns.find("数字6222021234567890129") == []  # 19 digits failing Luhn, not named as an account


def test_plates_ordinary_and_new_energy() -> None:
    text = "川A·5K2J8、粤BD12345、沪A12345D、京N·A1234挂，不是车牌：京0105、川A·ABCDE"
    hits = patterns.plates(text)
    assert [text[h.start:h.end] for h in hits] == ["川A·5K2J8", "粤BD12345", "沪A12345D", "京N·A1234挂"]
    assert all(h.keep == 2 for h in hits)


def test_property_certificate_numbers() -> None:
    text = ("京（2019）朝阳区不动产权第0012345号房屋；X京房权证朝字第123456号；沪房地浦字（2005）第012345号；"
            "京朝国用（2008）第1234号；机动车登记证书编号310012345678；案件编号12345不算")
    assert _found(patterns.certificates, text) == [
        "京（2019）朝阳区不动产权第0012345号", "X京房权证朝字第123456号", "沪房地浦字（2005）第012345号",
        "京朝国用（2008）第1234号", "310012345678"]


def test_health_clauses() -> None:
    text = "被执行人称其身患尿毒症，长期透析，名下无财产"
    assert _found(patterns.health, text) == ["被执行人称其身患尿毒症，", "长期透析，"]
    assert patterns.health("系租住房屋，未发现可供执行的财产") == []


# ---------------------------------------------------------------- addresses

@pytest.mark.parametrize(("address", "county", "guessed"), [
    ("北京市朝阳区团结湖北里3号楼2单元401号", "北京市朝阳区", False),
    ("安徽省宣城市宣州区澄江街道", "安徽省宣城市宣州区", False),
    ("广东省东莞市虎门镇连升路18号", "广东省东莞市", False),  # no county under 东莞市
    ("江苏省南通市港闸区永兴路25号", "江苏省南通市港闸区", False),  # merged into 崇川区 in 2020: still read
    ("湖北省仙桃市干河街道", "湖北省仙桃市", False),  # 省直辖县级市
    ("长春市朝阳区红旗街1号", "长春市朝阳区", False),  # 朝阳区 of 长春, not of 北京
    ("新疆维吾尔自治区乌鲁木齐市天山区某路1号", "新疆维吾尔自治区乌鲁木齐市天山区", False),
    ("北京市崇文区东花市大街1号", "北京市崇文区", True),  # abolished in 2010, read from its structure
    ("江苏省苏州市工业园区星湖街328号", "江苏省苏州市", True),
])
def test_addresses_are_cut_after_the_county(address: str, county: str, guessed: bool) -> None:
    cut = cut_to_county(address)
    assert cut is not None and (cut.county, cut.guessed) == (county, guessed)
    assert cut.county + cut.rest == address


def test_an_address_without_a_mainland_county_is_not_cut() -> None:
    assert cut_to_county("香港特别行政区中环某道1号") is None
    assert cut_to_county("美国纽约州") is None


@pytest.mark.parametrize(("text", "found"), [
    ("到北京市朝阳区八里庄西里12号楼5单元602号对被执行人进行现场调查", ["八里庄西里12号楼5单元602号"]),
    ("其住所位于团结湖北里3号楼2单元401号", ["团结湖北里3号楼2单元401号"]),
    ("位于中山路531号的房屋", ["中山路531号"]),
    ("绵阳市涪城区长虹大道北段某商业楼一层商铺", ["长虹大道北段"]),
    ("被执行人在武侯区某小区有一间临街商铺对外出租", []),  # already anonymised
    ("四川省成都市武侯区人民法院", []),
    ("现场核查，仓库已于2022年退租，无存货", []),
    ("某商业楼一层商铺", []),
])
def test_street_addresses_in_text(text: str, found: list[str]) -> None:
    assert _found(street_addresses, text) == found


# ---------------------------------------------------------------- 隐名

@pytest.mark.parametrize(("name", "ethnicity", "shown", "rule"), [
    ("张建国", "汉族", "张某", "N-HAN"),
    ("欧阳明月", None, "欧阳某", "N-HAN"),  # 复姓 is the surname
    ("买买提·艾力", "维吾尔族", "买某", "N-MINORITY"),
    ("阿依古丽", "维吾尔族", "阿某", "N-MINORITY"),
    ("约翰·史密斯", None, "约某", "N-FOREIGN-CN"),
    ("John Smith", None, "J", "N-FOREIGN-LATIN"),
])
def test_pseudonyms_follow_article_9(name: str, ethnicity: str | None, shown: str, rule: str) -> None:
    assert pseudonym(name, ethnicity) == Pseudonym(shown, rule)


def test_duplicates_are_numbered() -> None:
    out = number_duplicates({"A1": Pseudonym("张某", "N-HAN"), "R1": Pseudonym("张某", "N-HAN"),
                             "R2": Pseudonym("李某", "N-HAN")})
    assert [p.text for p in out.values()] == ["张某1", "张某2", "李某"]
