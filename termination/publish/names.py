"""隐名处理: who is named by surname only, and how the name is written (法释〔2016〕19号第八条、第九条).

第八条 names three groups: the parties (and their legal representatives) of 婚姻家庭、继承纠纷
cases; victims, civil plaintiffs in a criminal case (附带民事诉讼原告人), witnesses and experts;
minors and their legal representatives. A 终本 ruling of ordinary civil enforcement names its
natural-person parties in full (第十一条第（一）项); organisations are never 隐名.

第九条 writes the name: the surname stays and 某 replaces the given name (compound surnames
such as 欧阳 stay whole); a minority name keeps its first character; a foreign name translated
into Chinese keeps its first character, and a name in Latin letters keeps its first letter
only. Names that become the same get 1, 2, … (第九条第二款).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# 复姓 (GB/T 17751 lists them with the single surnames); a name starting with one keeps both characters.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 闾丘 端木 西门 南宫 独孤 "
    "万俟 申屠 太史 澹台 公冶 宗政 濮阳 淳于 单于 呼延 赫连 百里 东郭 拓跋 司空 左丘 第五 公羊 谷梁 梁丘 "
    "子车 颛孙 鲜于 仲孙 巫马 公西 漆雕 乐正 壤驷 公良 夹谷 宰父 段干 羊舌 微生 梁丘 东门 西门 "
    "南门 太叔 叔孙 公门 钟离 司寇 亓官 乌孙 完颜 东里 呼衍 闻人".split()
)
_LATIN_RE = re.compile(r"[A-Za-z]")
_FOREIGN_SEPARATORS = "·•・.．"


@dataclass(frozen=True)
class Pseudonym:
    """How a name is written in the published version, and the rule behind it."""

    text: str
    rule: str  # N-HAN / N-MINORITY / N-FOREIGN-CN / N-FOREIGN-LATIN (rulesets/publication.yaml)


def pseudonym(name: str, ethnicity: str | None) -> Pseudonym:
    """The 隐名 form of one natural person's name (before duplicates are numbered)."""
    name = name.strip()
    if _LATIN_RE.search(name):
        # 法释〔2016〕19号第九条第一款第（三）项：英文姓名保留第一个英文字母，删除其他内容
        first = _LATIN_RE.search(name)
        assert first is not None
        return Pseudonym(first[0].upper(), "N-FOREIGN-LATIN")
    if ethnicity and ethnicity.strip() not in ("汉族", "汉"):
        # 第九条第一款第（二）项：少数民族姓名，保留第一个字，其余内容以“某”替代
        return Pseudonym(name[0] + "某", "N-MINORITY")
    if any(s in name for s in _FOREIGN_SEPARATORS):
        # 第九条第一款第（三）项：外国人姓名的中文译文，保留第一个字，其余内容以“某”替代
        return Pseudonym(name[0] + "某", "N-FOREIGN-CN")
    # 第九条第一款第（一）项：保留姓氏，名字以“某”替代
    surname = name[:2] if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else name[:1]
    return Pseudonym(surname + "某", "N-HAN")


def number_duplicates(names: dict[str, Pseudonym]) -> dict[str, Pseudonym]:
    """第九条第二款：names that became the same get 1, 2, … after them (in the given order).

    ``names`` maps a person's key (party id) to the pseudonym; a pseudonym used by one
    person only stays as it is.
    """
    counts: dict[str, int] = {}
    for p in names.values():
        counts[p.text] = counts.get(p.text, 0) + 1
    seen: dict[str, int] = {}
    out: dict[str, Pseudonym] = {}
    for key, p in names.items():
        if counts[p.text] > 1:
            seen[p.text] = seen.get(p.text, 0) + 1
            out[key] = Pseudonym(f"{p.text}{seen[p.text]}", p.rule)
        else:
            out[key] = p
    return out
