"""The one input layer: case records from files, folders and bytes, with Chinese errors.

Every command (``check``, ``render``, ``review``, ``calendar``), the Python API and the HTTP
service read case records through this module, so they accept the same inputs:

* **shapes** — a case file (one JSON object, on one line or pretty-printed); a JSON array of
  cases; JSON Lines (one case per line); a folder of such files (``*.json`` and ``*.jsonl``,
  not ``*.expected.json``). Each case may be a bare record or a wrapper
  ``{"case": {…}, "ruling": "…", "judge": "…", "closed_on": "…"}`` (the review's line format;
  ``check`` and ``calendar`` read its ``case``);
* **encodings** — detected in a fixed, principled order: a byte-order mark (UTF-8, UTF-16,
  UTF-32); UTF-16 without a mark (a zero byte beside the first character, which in a JSON
  document is ASCII); strict UTF-8; strict GB18030 (a superset of GBK and GB2312, which Chinese
  Windows and many case systems write). Text that is valid UTF-8 is read as UTF-8;
* **errors** — every validation error of a record, each naming the field (its Chinese term from
  ``corpus/glossary.yaml`` and its path) and what is expected; JSON syntax errors with line and
  column, and a hint when the cause is Chinese (full-width) punctuation typed with an IME;
* **consistency** — the case number against the court and the dates
  (:mod:`termination.courts`): contradictions that cannot both be true are errors, those that
  are merely unusual are warnings.
"""

from __future__ import annotations

import argparse
import codecs
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from termination import glossary
from termination.case import CASE_NUMBER_RE, CaseRecord
from termination.courts import check_case_number
from termination.errors import CaseFileError, Problem

#: keys of the wrapper line ``{"case": …, "ruling": …}`` besides ``case``
WRAPPER_KEYS = frozenset({"case", "ruling", "judge", "closed_on"})
#: file names a folder is read for
SUFFIXES = (".json", ".jsonl", ".ndjson")
ENCODINGS_LABEL = "UTF-8、UTF-16 或 GB18030（GBK）"

_MESSAGES: dict[str, str] = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段（不属于案件数据结构，请检查拼写）",
    "date_from_datetime_parsing": "应为有效日期，格式 YYYY-MM-DD",
    "date_from_datetime_inexact": "应为日期，不带时间，格式 YYYY-MM-DD",
    "date_parsing": "应为有效日期，格式 YYYY-MM-DD",
    "date_type": "应为日期字符串，格式 YYYY-MM-DD",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "decimal_parsing": "应为金额数字（元），如 12345.67",
    "decimal_type": "应为金额数字（元），如 12345.67",
    "decimal_max_places": "金额最多保留两位小数",
    "decimal_max_digits": "金额位数过多",
    "decimal_whole_digits": "金额位数过多",
    "string_type": "应为文字（字符串）",
    "string_unicode": "含有无效的 Unicode 字符（孤立的代理码点）",
    "list_type": "应为数组（方括号 [ ] 中的若干项）",
    "model_type": "应为对象（花括号 {{ }} 中的若干字段）",
    "model_attributes_type": "应为对象（花括号 {{ }} 中的若干字段）",
    "dict_type": "应为对象（花括号 {{ }} 中的若干字段）",
    "greater_than_equal": "不得小于 {ge}",
    "greater_than": "应大于 {gt}",
    "less_than_equal": "不得大于 {le}",
    "string_too_long": "最多 {max_length} 个字符",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "union_tag_invalid": "kind 应为 person（自然人）或 organisation（组织）",
    "union_tag_not_found": "缺少 kind 字段（person 自然人或 organisation 组织）",
}

#: Chinese (full-width) punctuation an IME types in place of JSON's ASCII punctuation
_IME = {"“": '"', "”": '"', "＂": '"', "，": ",", "：": ":", "｛": "{", "｝": "}", "［": "[", "］": "]",
        "‘": "'", "’": "'"}
_IME_NAMES = {"“": "中文左引号", "”": "中文右引号", "＂": "全角引号", "，": "中文逗号", "：": "中文冒号",
              "｛": "全角花括号", "｝": "全角花括号", "［": "全角方括号", "］": "全角方括号",
              "‘": "中文单引号", "’": "中文单引号"}


# ---------------------------------------------------------------- field labels


# ---------------------------------------------------------------- decoding


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def detect_encoding(data: bytes) -> str | None:
    """The encoding of ``data`` by the order in the module docstring; None if none fits."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:2]  # JSON starts with an ASCII character: its zero byte shows UTF-16's byte order
    if len(head) == 2 and head[1] == 0 and head[0] != 0:
        return "utf-16-le"
    if len(head) == 2 and head[0] == 0 and head[1] != 0:
        return "utf-16-be"
    for name in ("utf-8", "gb18030"):
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        return name
    return None


def decode(data: bytes, *, what: str = "文件") -> str:
    """Bytes to text by :func:`detect_encoding` (a BOM is dropped).

    Raises:
        CaseFileError: no supported encoding fits.
    """
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) and 0 not in data[:2]:
        try:  # the common case, decoded once
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    name = detect_encoding(data)
    if name is not None:
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            pass
    raise CaseFileError(f"{what}的文字编码无法识别，应为 {ENCODINGS_LABEL}", field="案件")


# ---------------------------------------------------------------- JSON with IME hints


def ime_hint(text: str, pos: int) -> str:
    """A hint when a JSON syntax error at ``pos`` comes from full-width punctuation, else ``""``.

    An IME's quotes break a document where they are used or a little later, so the whole line
    of the error (and the line before it) is searched.
    """
    start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, pos))) + 1
    end = text.find("\n", pos)
    found = [ch for ch in dict.fromkeys(text[start: end if end >= 0 else None]) if ch in _IME]
    if not found:
        return ""
    names = "、".join(f"{_IME_NAMES[ch]}{ch}" for ch in found)
    ascii_ = " ".join(dict.fromkeys(_IME[ch] for ch in found))
    return f"。此处有{names}：JSON 的标点须为英文半角 {ascii_}（请将输入法切换为英文标点后重新输入）"


def _json_error(exc: json.JSONDecodeError, text: str, line_offset: int = 0) -> str:
    line = exc.lineno + line_offset
    return f"不是有效的 JSON：第{line}行第{exc.colno}列附近有语法错误{ime_hint(text, exc.pos)}"


def parse_json(text: str) -> Any:
    """``json.loads`` with one-line Chinese errors.

    Raises:
        CaseFileError: empty, not JSON (with line, column and IME hint), too deep, or a number
            too long.
    """
    if not text.strip():
        raise CaseFileError("内容为空，应为案件 JSON 对象", field="案件")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseFileError(_json_error(exc, text), field="案件") from None
    except RecursionError:
        raise CaseFileError("JSON 嵌套层数过深", field="案件") from None
    except ValueError:  # e.g. an integer literal longer than Python's digit limit
        raise CaseFileError("JSON 中有超长的数字", field="案件") from None


# ---------------------------------------------------------------- validation


def problems_of(exc: ValidationError, prefix: str = "") -> tuple[Problem, ...]:
    """Every error of a pydantic validation, as problems naming the field (Chinese term and path)."""
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = ".".join(str(p) for p in err["loc"] if p not in ("person", "organisation"))
        if prefix and loc.startswith(prefix):
            loc = loc[len(prefix):]
        kind = err["type"]
        ctx: dict[str, Any] = err.get("ctx") or {}
        if kind == "value_error":
            for line in str(ctx.get("error", err["msg"])).splitlines():
                head, sep, tail = line.partition("：")
                if sep and head.isascii() and " " not in head:
                    out.append(Problem(head, tail, glossary.path_label(head)))  # the validator names the field
                else:
                    out.append(Problem(loc or "案件", line, glossary.path_label(loc)))
            continue
        if kind == "literal_error":
            msg = f"取值应为：{str(ctx.get('expected', '')).replace(' or ', '、')}"
        elif kind == "string_too_short":
            n = int(ctx.get("min_length", 1))
            msg = "不得为空" if n <= 1 else f"至少需要 {n} 个字"
        else:
            try:
                msg = _MESSAGES[kind].format(**ctx)
            except (KeyError, IndexError, ValueError):
                msg = f"不符合要求（{err['msg']}）"
        out.append(Problem(loc or "案件", msg, glossary.path_label(loc)))
    return tuple(out)


def describe(exc: ValidationError) -> tuple[str, str]:
    """The first validation error as ``(field path, Chinese message)``."""
    first = problems_of(exc)[0]
    return first.field, first.message


def consistency(record: CaseRecord) -> tuple[Problem, ...]:
    """Contradictions between case number, court and dates (errors and warnings)."""
    m = CASE_NUMBER_RE.match(record.case_number)
    if m is None:
        return ()
    found = check_case_number(int(m["year"]), m["court"], record.court, record.filing_date,
                              record.application_received_on)
    return tuple(Problem(i.field, i.message, glossary.path_label(i.field), i.severity) for i in found)


def validate(data: Any, *, strict: bool = True) -> tuple[CaseRecord, tuple[Problem, ...]]:
    """Validate one case record (a dict) and check its consistency.

    Returns:
        The record and its warnings.

    Raises:
        CaseFileError: every problem of the record (``.problems``), schema errors first.
    """
    if not isinstance(data, Mapping):
        raise CaseFileError("案件数据应为 JSON 对象（花括号 { } 中的若干字段）", field="案件")
    try:
        record = CaseRecord.model_validate(data)
    except ValidationError as exc:
        problems = problems_of(exc)
        raise CaseFileError(problems[0].message, field=problems[0].field, problems=problems) from None
    found = consistency(record)
    errors = tuple(p for p in found if p.severity == "error")
    if errors and strict:
        raise CaseFileError(errors[0].message, field=errors[0].field, problems=errors)
    return record, tuple(p for p in found if p.severity == "warning")


def unwrap(data: Any) -> tuple[Any, dict[str, Any]]:
    """``(case, wrapper fields)`` of an item that may be a ``{"case": …}`` wrapper.

    Raises:
        CaseFileError: a wrapper with keys it does not know.
    """
    if isinstance(data, Mapping) and "case" in data:
        unknown = sorted(set(data) - WRAPPER_KEYS)
        if unknown:
            raise CaseFileError(f"未知字段（含 case 的对象只能有 {'、'.join(sorted(WRAPPER_KEYS))}）",
                                field=str(unknown[0]))
        return data["case"], {k: v for k, v in data.items() if k != "case"}
    return data, {}


def iso_date(value: str) -> date:
    """argparse type for YYYY-MM-DD dates, within the dates a record may hold (termination.limits)."""
    from termination.limits import DATE_RANGE_MESSAGE, in_date_range

    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{value}”无效，应为 YYYY-MM-DD") from None
    try:
        return in_date_range(day)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{value}”：{DATE_RANGE_MESSAGE}") from None


def load_case(source: str | bytes | Path | Mapping[str, Any]) -> CaseRecord:
    """Parse and validate one case record from a path, JSON text/bytes or a dict.

    A file or text holding a ``{"case": …}`` wrapper, or JSON Lines / an array of exactly one
    case, is read as that case.

    Raises:
        CaseFileError: with ``field`` set, a one-line Chinese message and every problem in
            ``.problems``.
    """
    if isinstance(source, Mapping):
        return validate(unwrap(source)[0])[0]
    if isinstance(source, Path):
        data = read_bytes(source)
        where = source.name
    else:
        data = source.encode("utf-8") if isinstance(source, str) else source
        where = ""
    items = list(parse_document(data, where))
    if len(items) != 1:
        raise CaseFileError(f"应只有一件案件，却有 {len(items)} 件", field="案件")
    item = items[0]
    if item.record is None:
        raise CaseFileError(item.problems[0].message, field=item.problems[0].field, problems=item.problems)
    return item.record


# ---------------------------------------------------------------- documents, files and folders


@dataclass(frozen=True)
class Item:
    """One case read from an input, or the problems that kept it from being read."""

    source: str  # where: the file name, with 第N行 (JSON Lines) or 第N项 (array)
    record: CaseRecord | None
    extra: Mapping[str, Any]
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    line: int | None = None

    @property
    def ok(self) -> bool:
        """Whether the record was read."""
        return self.record is not None


def _item(data: Any, source: str, line: int | None) -> Item:
    try:
        case, extra = unwrap(data)
        record, warnings = validate(case)
    except CaseFileError as exc:
        return Item(source, None, {}, exc.problems, line=line)
    return Item(source, record, extra, (), warnings, line=line)


def _looks_like_jsonl(text: str) -> bool:
    for line in text.splitlines():
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except (ValueError, RecursionError):
                return False
    return False


def parse_document(data: bytes, where: str = "") -> Iterator[Item]:
    """The cases in one document: a JSON object, a JSON array, or JSON Lines (any supported encoding)."""
    sep = "：" if where else ""
    try:
        text = decode(data)
        try:
            doc = parse_json(text)
        except CaseFileError:
            if not _looks_like_jsonl(text):
                raise
            doc = None
    except CaseFileError as exc:
        yield Item(where, None, {}, exc.problems)
        return
    if isinstance(doc, list):
        if not doc:
            yield Item(where, None, {}, (Problem("案件", "数组中没有案件"),))
        for n, element in enumerate(doc, start=1):
            yield _item(element, f"{where}{sep}第{n}项", n)
        return
    if doc is not None:
        yield _item(doc, where, None)
        return
    for n, line in enumerate(text.splitlines(), start=1):  # JSON Lines
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            msg = f"不是有效的 JSON：第{exc.colno}列附近有语法错误{ime_hint(line, exc.pos)}"
            yield Item(f"{where}{sep}第{n}行", None, {}, (Problem("案件", msg),), line=n)
            continue
        except (ValueError, RecursionError):
            yield Item(f"{where}{sep}第{n}行", None, {}, (Problem("案件", "JSON 嵌套过深或数字过长"),), line=n)
            continue
        yield _item(value, f"{where}{sep}第{n}行", n)


def read_bytes(path: Path) -> bytes:
    """A file's bytes, with one-line Chinese errors."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CaseFileError("文件不存在") from None
    except IsADirectoryError:
        raise CaseFileError("这是一个目录，不是案件文件") from None
    except PermissionError:
        raise CaseFileError("没有读取该文件的权限") from None
    except OSError as exc:
        raise CaseFileError(f"无法读取文件（错误号 {exc.errno}）") from None


def case_files(path: Path) -> list[Path]:
    """The case files of a folder (``*.json``, ``*.jsonl``, ``*.ndjson``; not ``*.expected.json``)."""
    return sorted(f for f in path.iterdir()
                  if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith(".")
                  and not f.name.endswith(".expected.json"))


def read_items(paths: Sequence[Path]) -> Iterator[Item]:
    """Every case in the given files and folders, in order; unreadable ones as problem items."""
    for path in paths:
        if path.is_dir():
            files = case_files(path)
            if not files:
                yield Item(str(path), None, {}, (Problem("", "目录中没有案件文件（.json 或 .jsonl）"),))
            for f in files:
                yield from _read_file(f)
        else:
            yield from _read_file(path)


def _read_file(path: Path) -> Iterator[Item]:
    try:
        data = read_bytes(path)
    except CaseFileError as exc:
        yield Item(str(path), None, {}, (Problem("", exc.message),))
        return
    yield from parse_document(data, str(path))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers never see a half-written file, and a killed
    process leaves none (:func:`termination.outputs.write_file`)."""
    from termination.outputs import write_file

    write_file(path, data)

