"""Generate the two .docx sample rulings of this folder (run: python corpus/rulings/make_docx.py).

The texts are written here by hand; one keeps its enforcement measures in a table, the other
its signature block, so that the reader's table handling is exercised.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import docx
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent

Block = str | list[list[str]]  # a paragraph, or a table given as rows of cells

SICHUAN: list[Block] = [
    "四川省成都市武侯区人民法院",
    "执行裁定书",
    "（2023）川0107执8123号",
    "申请执行人：成都某某建筑劳务有限公司，住所地四川省成都市武侯区某某大道一段8号。",
    "法定代表人：邓某某，执行董事。",
    "被执行人：何某某，男，1988年12月30日出生，汉族，住四川省成都市武侯区。",
    "申请执行人成都某某建筑劳务有限公司与被执行人何某某追偿权纠纷一案，本院（2023）川0107民初3456号民事判决"
    "已经发生法律效力。申请执行人于2023年6月5日向本院申请执行，本院于2023年6月6日立案，执行标的为86,420元。",
    "本院执行过程中采取的执行措施如下表：",
    [
        ["时间", "执行措施", "结果"],
        ["2023年6月8日", "发出执行通知书、报告财产令", "被执行人未履行，未报告财产"],
        ["2023年6月9日", "网络执行查控系统查询存款、车辆、不动产、证券等", "冻结银行存款2,420元并扣划"],
        ["2023年7月12日", "现场调查（被执行人住所地）", "未发现可供执行财产"],
        ["2023年7月20日", "限制消费令", "已送达"],
        ["2023年7月20日", "纳入失信被执行人名单", "已公布"],
    ],
    "被执行人名下除已扣划的存款外，无其他可供执行的财产。本案已执行到位2,420元，剩余84,000元未执行到位。",
    "2023年9月4日，本院约谈申请执行人法定代表人邓某某，告知案件执行情况、财产调查情况、终结本次执行程序的依据"
    "及法律后果，申请执行人对终结本次执行程序无异议并签字确认。",
    "本院认为，本案已穷尽财产调查措施，未发现被执行人有其他可供执行的财产，申请执行人签字确认同意终结本次执行程序。"
    "依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条规定，裁定如下：",
    "终结本次执行程序。",
    "申请执行人发现被执行人有可供执行财产的，可以向本院申请恢复执行，申请恢复执行不受申请执行时效期间的限制。"
    "被执行人负有继续向申请执行人履行债务的义务。",
    "本裁定送达后立即生效。",
    "审判员　唐某",
    "二〇二三年九月十五日",
    "书记员　蒋某",
]

HUBEI: list[Block] = [
    "湖北省武汉市洪山区人民法院",
    "执 行 裁 定 书",
    "（2021）鄂0111执9001号",
    "申请执行人：武汉某某物业服务有限公司，住所地湖北省武汉市洪山区某某路5号。",
    "法定代表人：胡某，经理。",
    "被执行人：程某某，女，1990年2月3日出生，汉族，住湖北省武汉市洪山区。",
    "本院在执行申请执行人武汉某某物业服务有限公司与被执行人程某某物业服务合同纠纷一案中，执行依据为本院作出的"
    "（2021）鄂0111民初5001号民事调解书，被执行人应支付物业服务费及滞纳金共计人民币12,600元。"
    "申请执行人于2021年11月15日申请执行，本院于2021年11月16日立案。",
    "执行中，本院于2021年11月18日向被执行人发出执行通知书、报告财产令；2021年11月19日通过网络执行查控系统查询，"
    "被执行人名下银行账户均无余额，无车辆、不动产登记；2021年12月20日对被执行人作出限制消费令；"
    "因被执行人不属于应当纳入失信被执行人名单的情形，本院未将其纳入失信被执行人名单。",
    "本案实际执行到位0元。",
    "2022年2月28日，本院向申请执行人送达《拟终结本次执行程序告知书》，告知执行情况、财产调查措施、被执行人财产情况、"
    "终结本次执行程序的依据及法律后果，申请执行人未提出异议。",
    "本院认为，本案经穷尽财产调查措施，未发现被执行人有可供执行的财产。依照《最高人民法院关于适用〈中华人民共和国"
    "民事诉讼法〉的解释》第五百一十七条之规定，裁定如下：",
    "终结本次执行程序。",
    "申请执行人发现被执行人有可供执行财产的，可以向本院申请恢复执行。被执行人负有继续向申请执行人履行债务的义务。",
    "当事人、利害关系人认为终结本次执行程序违反法律规定的，可以依照《中华人民共和国民事诉讼法》第二百三十二条的"
    "规定提出书面异议。",
    "本裁定送达后立即生效。",
    [
        ["审判员", "宋某"],
        ["", "二〇二二年三月十日"],
        ["书记员", "邹某"],
    ],
]


def build(blocks: list[Block], target: Path) -> None:
    """Write ``blocks`` to ``target`` as a .docx (atomically: temp file, then os.replace)."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "仿宋"
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋")
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=len(block[0]))
        for row, values in zip(table.rows, block, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    fd, tmp = tempfile.mkstemp(suffix=".docx", dir=target.parent)
    os.close(fd)
    try:
        document.save(tmp)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; the sample is an ordinary repository file
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def main() -> None:
    build(SICHUAN, HERE / "zb_2023_sichuan_table.docx")
    build(HUBEI, HERE / "zb_2022_hubei_517_early.docx")


if __name__ == "__main__":
    main()
