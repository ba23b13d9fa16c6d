"""Generate N realistic, varied closed 终本 cases as JSONL (deterministic by seed).

Usage::

    python bench/generate.py N OUT.jsonl [--seed S] [--rulings FRACTION] [--bad FRACTION]

Each case mutates one sample record of ``corpus/cases/`` (mostly the compliant ones, so the
pass rate lands near the 90 % line): another court (with its 法院代字) and judge, a fresh case
number, all dates shifted together (rulings between 2017 and mid-2026, inside the holiday
calendar), amounts scaled, new party names, and now and then a measure dropped. With
``--rulings`` that fraction of cases gets a published-style ruling text (``OUT.rulings/``),
written from the record with the usual variations (anonymised names, full-width digits) and
occasional defects (obsolete 第五百一十九条, a 60-day objection limit, a missing paragraph).
With ``--bad`` that fraction of lines is broken (malformed JSON or an invalid field).
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import re
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from termination.case import CaseRecord
from termination.text import cn_date

CASES = ROOT / "corpus" / "cases"
COMPLIANT = ("01-compliant-person", "02-compliant-organisation", "19-compliant-2017")

# (court, 法院代字, weight): bigger courts close more cases
COURTS: tuple[tuple[str, str, int], ...] = (
    ("北京市朝阳区人民法院", "京0105", 9), ("北京市海淀区人民法院", "京0108", 7),
    ("上海市浦东新区人民法院", "沪0115", 9), ("广东省广州市天河区人民法院", "粤0106", 6),
    ("广东省深圳市南山区人民法院", "粤0305", 6), ("浙江省杭州市西湖区人民法院", "浙0106", 5),
    ("江苏省南京市鼓楼区人民法院", "苏0106", 5), ("四川省成都市武侯区人民法院", "川0107", 4),
    ("湖北省武汉市江岸区人民法院", "鄂0102", 4), ("河南省郑州市金水区人民法院", "豫0105", 5),
    ("陕西省西安市雁塔区人民法院", "陕0113", 3), ("重庆市渝北区人民法院", "渝0112", 4),
    ("山东省济南市历下区人民法院", "鲁0102", 3), ("甘肃省兰州市城关区人民法院", "甘0102", 2),
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国志红文斌俊峰海燕玉兰春梅晓东立新建华宏亮丹雪梅子豪欣怡宇轩浩然思远佳怡梓涵"
ORG_HEAD = "恒远华泰金盛鑫源宏达永兴瑞丰鼎盛天宇中诚博远正泰汇通隆昌嘉禾海纳"
ORG_TRADE = ("贸易", "建材", "科技", "餐饮管理", "物流", "装饰工程", "商贸", "机械设备", "电子", "房地产开发")
ORG_FORM = ("有限公司", "有限责任公司", "股份有限公司")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LATEST = date(2026, 11, 30)  # the holiday calendar covers 2026; keep every date inside it
EARLIEST_RULING = date(2017, 1, 1)  # 终本规定 in force since 2016-12-01


def _templates() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for p in sorted(CASES.glob("*.json")):
        if p.name.endswith(".expected.json"):
            continue
        out.append((p.stem, json.loads(p.read_text(encoding="utf-8"))))
    if not out:
        raise SystemExit(f"没有找到样本案件：{CASES}")
    return out


def _dates(obj: Any) -> list[date]:
    if isinstance(obj, dict):
        return [d for v in obj.values() for d in _dates(v)]
    if isinstance(obj, list):
        return [d for v in obj for d in _dates(v)]
    if isinstance(obj, str) and _DATE_RE.match(obj):
        return [date.fromisoformat(obj)]
    return []


def _map_strings(obj: Any, fn: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _map_strings(v, fn) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_map_strings(v, fn) for v in obj]
    if isinstance(obj, str):
        return fn(obj)
    return obj


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _organisation(rng: random.Random, city: str) -> str:
    return f"{city}{rng.choice(ORG_HEAD)}{rng.choice(ORG_HEAD)}{rng.choice(ORG_TRADE)}{rng.choice(ORG_FORM)}"


def _scale(value: str | None, factor: Decimal) -> str | None:
    if value is None:
        return None
    return str((Decimal(value) * factor).quantize(Decimal("0.01")))


def mutate(rec: dict[str, Any], rng: random.Random, seq: int, compliant: bool) -> dict[str, Any]:
    """A new plausible case from a sample record."""
    rec = copy.deepcopy(rec)
    court, code, _ = rng.choices(COURTS, weights=[w for *_, w in COURTS])[0]
    city = court[3:6] if court.startswith(("广东", "浙江", "江苏", "四川", "湖北", "河南", "陕西", "山东", "甘肃")) else court[:2]
    # shift every date by one delta so that the ruling falls in 2017 … 2026 and nothing passes LATEST
    all_dates = _dates(rec)
    ruling = date.fromisoformat(rec["termination"]["proposed_date"])
    low = (EARLIEST_RULING - ruling).days
    high = (LATEST - max(all_dates)).days
    delta = timedelta(days=rng.randint(low, max(low, high)))
    rec = _map_strings(rec, lambda s: (date.fromisoformat(s) + delta).isoformat() if _DATE_RE.match(s) else s)
    # new names, applied wherever the old name appears
    renames: dict[str, str] = {}
    for party in [*rec["applicants"], *(r["party"] for r in rec["respondents"])]:
        new = _person(rng) if party["kind"] == "person" else _organisation(rng, city)
        renames[party["name"]] = new
    for party in [*rec["applicants"], *(r["party"] for r in rec["respondents"])]:
        if party.get("agent"):
            renames[party["agent"]["name"]] = _person(rng)
        if party.get("legal_representative"):
            renames[party["legal_representative"]] = _person(rng)
    # six judges per court, the same names on every run (seeded by court code and number)
    judge_name = _person(random.Random(f"{code}-{rng.randint(1, 6)}"))
    if rec.get("judge"):
        renames[rec["judge"]] = judge_name

    def rename(s: str) -> str:
        if s in renames:
            return renames[s]
        for old, new in renames.items():
            if len(old) >= 2 and old in s:
                s = s.replace(old, new)
        return s

    rec = _map_strings(rec, rename)
    rec["court"] = court
    rec["judge"] = judge_name
    filing = date.fromisoformat(rec["filing_date"])
    rec["case_number"] = f"（{filing.year}）{code}执{seq}号"
    basis = rec["basis"]
    basis["issuing_body"] = court
    eff = basis.get("effective_date")
    year = date.fromisoformat(eff).year if eff else filing.year - 1
    basis["document_number"] = f"（{year}）{code}民初{rng.randint(100, 29999)}号"
    # amounts
    factor = Decimal(rng.choice((20, 35, 50, 80, 100, 100, 150, 250, 400))) / 100
    claim = rec["claim"]
    for key in ("amount_due", "interest", "costs", "amount_recovered"):
        if key in claim:
            claim[key] = _scale(claim[key], factor)
    for asset in rec.get("measures", {}).get("assets", []):
        if asset.get("value") is not None:
            asset["value"] = _scale(asset["value"], factor)
    # now and then a measure is missing (a typical defect)
    if not compliant or rng.random() < 0.04:
        m = rec.setdefault("measures", {})
        drop = rng.choice(("consumption_restrictions", "onsite_investigations", "interview", None, None))
        if drop == "interview":
            rec.pop("interview", None)
        elif drop is not None:
            m[drop] = []
    return rec


# ---------------------------------------------------------------- ruling text

_FULLWIDTH = str.maketrans("0123456789()", "０１２３４５６７８９（）")


def _anon(name: str) -> str:
    return name if name.endswith(("公司", "厂", "店", "社", "中心")) else name[0] + "某某"


def _money(x: str, rng: random.Random) -> str:
    v = Decimal(x)
    style = rng.random()
    if style < 0.4:
        return f"{v:,.2f}元"
    if style < 0.7:
        return f"{v:,.2f}元".replace(",", "，")
    return f"{v}元"


def ruling_text(rec: dict[str, Any], rng: random.Random) -> str:
    """A published-style 终本 ruling for the record, with realistic variations and defects."""
    anon = rng.random() < 0.6
    nm = _anon if anon else (lambda s: s)
    ruling = date.fromisoformat(rec["termination"]["proposed_date"])
    m = rec.get("measures", {})
    claim = rec["claim"]
    lines = [rec["court"], "执行裁定书", rec["case_number"]]
    for a in rec["applicants"]:
        lines.append(f"申请执行人：{nm(a['name'])}。")
    for r in rec["respondents"]:
        lines.append(f"被执行人：{nm(r['party']['name'])}。")
    apps = "、".join(nm(a["name"]) for a in rec["applicants"])
    resp = "、".join(nm(r["party"]["name"]) for r in rec["respondents"])
    filing = date.fromisoformat(rec["filing_date"])
    lines.append(
        f"申请执行人{apps}与被执行人{resp}纠纷一案，{rec['basis']['issuing_body']}作出的{rec['basis']['document_number']}"
        f"{rec['basis'].get('document_type') or '民事判决书'}已经发生法律效力。本院于{filing.year}年{filing.month}月{filing.day}日立案执行，"
        f"申请执行标的为{_money(claim['amount_due'], rng)}。"
    )
    events: list[tuple[date, str]] = []
    for n in m.get("enforcement_notices", []):
        events.append((date.fromisoformat(n["issued_on"]), "向被执行人发出执行通知书、报告财产令"))
    for q in m.get("network_inquiries", [])[:2]:
        events.append((date.fromisoformat(q["requested_on"]), "通过网络执行查控系统对被执行人的存款、车辆、不动产、证券等财产进行查询"))
    for c in m.get("consumption_restrictions", []):
        events.append((date.fromisoformat(c["issued_on"]), "对被执行人发出限制消费令"))
    for d in m.get("dishonest_listings", []):
        events.append((date.fromisoformat(d["decided_on"]), "决定将其纳入失信被执行人名单"))
    for o in m.get("onsite_investigations", []):
        events.append((date.fromisoformat(o["date"]), "到被执行人住所地进行现场调查"))
    events = sorted(set(events))
    if rng.random() < 0.05 and events:
        events.pop(rng.randrange(len(events)))  # a measure the ruling forgets to mention
    body = "；".join(f"{d.year}年{d.month}月{d.day}日，本院{what}" for d, what in events)
    lines.append(f"执行过程中，{body}。" if body else "执行过程中，本院依法采取了执行措施。")
    undisposed = [a for a in m.get("assets", []) if a["status"] != "disposed"]
    if undisposed:
        lines.append("经查，被执行人名下有" + "、".join(a["description"] for a in undisposed) + "，因客观原因不能处置。")
    else:
        lines.append("经查，未发现被执行人有其他可供执行的财产。")
    rec_amt = claim.get("amount_recovered")
    if rec_amt is not None and rng.random() > 0.04:
        lines.append(f"本案已执行到位{_money(rec_amt, rng)}。")
    if rec.get("interview") and rng.random() > 0.05:
        lines.append("本院已约谈申请执行人，告知其案件执行情况、财产调查措施、被执行人的财产情况及终结本次执行程序的依据和法律后果。")
    article = "第五百一十九条" if (ruling < date(2022, 4, 10) or rng.random() < 0.04) else "第五百一十七条"
    lines.append(f"依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》{article}之规定，裁定如下：")
    lines.append("终结本次执行程序。")
    if rng.random() > 0.04:
        lines.append("申请执行人发现被执行人有可供执行财产的，可以再次申请执行。被执行人负有继续向申请执行人履行债务的义务。")
    if rng.random() < 0.03:
        lines.append("如不服本裁定，可在收到裁定书之日起六十日内向本院提出执行异议。")
    lines.append("本裁定送达后立即生效。")
    judges = rec["termination"].get("judges") or [rec.get("judge") or "审判员"]
    title = "审判长" if len(judges) >= 3 else "审判员"
    lines.append(f"{title}　{' '.join(judges[0]) if rng.random() < 0.3 else judges[0]}")
    lines.append(cn_date(ruling))
    lines.append(f"书记员　{rec['termination'].get('clerk') or ''}")
    text = "\n".join(lines)
    if rng.random() < 0.3:
        text = text.translate(_FULLWIDTH)
    if rng.random() < 0.1:
        text = text.replace("\n", "")  # one long line, as some portals publish it
    return text + "\n"


# ---------------------------------------------------------------- main


def generate(n: int, out: Path, *, seed: int = 1, rulings: float = 0.0, bad: float = 0.0) -> None:
    """Write ``n`` cases (and their rulings) deterministically."""
    rng = random.Random(seed)
    templates = _templates()
    compliant = [t for t in templates if t[0] in COMPLIANT]
    others = [t for t in templates if t[0] not in COMPLIANT]
    ruling_dir = out.with_suffix(".rulings")
    if rulings > 0:
        ruling_dir.mkdir(parents=True, exist_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for i in range(1, n + 1):
            if bad > 0 and rng.random() < bad:
                fh.write(rng.choice(('{"case": {"court": "残缺的行"', '{"case": {"court": 5}}', "not json")) + "\n")
                continue
            good = rng.random() < 0.93 or not others
            _name, template = rng.choice(compliant if good else others)
            rec = mutate(template, rng, 10000 + i, good)
            record = CaseRecord.model_validate(rec)  # the generator must only write valid records
            closed = record.termination.proposed_date + timedelta(days=rng.randint(0, 20))
            line: dict[str, Any] = {"case": rec, "judge": rec["judge"], "closed_on": closed.isoformat()}
            if rulings > 0 and rng.random() < rulings:
                path = ruling_dir / f"{i:07d}.txt"
                path.write_text(ruling_text(rec, rng), encoding="utf-8")
                line["ruling"] = f"{ruling_dir.name}/{path.name}"
            fh.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Command line: ``generate.py N OUT.jsonl``."""
    p = argparse.ArgumentParser(description="生成用于评查基准测试的已结终本案件（JSONL）")
    p.add_argument("n", type=int, help="案件数")
    p.add_argument("out", type=Path, help="输出 JSONL 文件")
    p.add_argument("--seed", type=int, default=1, help="随机种子（默认 1）")
    p.add_argument("--rulings", type=float, default=0.0, help="附裁定书文本的案件比例（默认 0）")
    p.add_argument("--bad", type=float, default=0.0, help="损坏行的比例（默认 0）")
    args = p.parse_args(argv)
    generate(args.n, args.out, seed=args.seed, rulings=args.rulings, bad=args.bad)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
