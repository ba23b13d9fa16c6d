"""Reading case records, with one-line Chinese errors, and writing files atomically."""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from termination.case import CaseRecord
from termination.errors import CaseFileError

_MESSAGES: dict[str, str] = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段（不属于案件数据结构，请检查拼写）",
    "date_from_datetime_parsing": "应为有效日期，格式 YYYY-MM-DD",
    "date_parsing": "应为有效日期，格式 YYYY-MM-DD",
    "date_type": "应为日期字符串，格式 YYYY-MM-DD",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "decimal_parsing": "应为金额数字（元）",
    "decimal_type": "应为金额数字（元）",
    "decimal_max_places": "金额最多保留两位小数",
    "string_type": "应为字符串",
    "string_unicode": "含有无效的 Unicode 字符（孤立的代理码点）",
    "list_type": "应为数组",
    "model_type": "应为对象",
    "dict_type": "应为对象",
    "greater_than_equal": "不得小于 {ge}",
    "less_than_equal": "不得大于 {le}",
    "string_too_short": "不得为空",
    "string_too_long": "最多 {max_length} 个字符",
    "too_long": "最多 {max_length} 项",
    "too_short": "至少需要 {min_length} 项",
    "union_tag_invalid": "kind 应为 person（自然人）或 organisation（组织）",
    "union_tag_not_found": "缺少 kind 字段（person 或 organisation）",
}


def describe(exc: ValidationError) -> tuple[str, str]:
    """The first validation error as ``(field path, Chinese message)``."""
    err = exc.errors(include_url=False)[0]
    loc = ".".join(str(p) for p in err["loc"] if p not in ("person", "organisation"))
    kind = err["type"]
    ctx: dict[str, Any] = err.get("ctx") or {}
    if kind == "value_error":
        msg = str(ctx.get("error", err["msg"]))
        head, sep, tail = msg.partition("：")
        if sep and head.isascii():
            loc, msg = head, tail  # the validator names the exact field itself
        return loc or "案件", msg
    if kind == "literal_error":
        return loc, f"取值应为：{ctx.get('expected', '')}"
    template = _MESSAGES.get(kind)
    msg = template.format(**ctx) if template else f"不符合要求（{err['msg']}）"
    return loc or "案件", msg


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
    """Parse and validate a case record from a path, JSON text/bytes or a dict.

    Raises:
        CaseFileError: with ``field`` set and a one-line Chinese message.
    """
    data: Any = source
    if isinstance(source, Path):
        try:
            data = source.read_bytes()
        except FileNotFoundError:
            raise CaseFileError("文件不存在") from None
        except IsADirectoryError:
            raise CaseFileError("这是一个目录，不是案件文件") from None
        except PermissionError:
            raise CaseFileError("没有读取该文件的权限") from None
        except OSError as exc:
            raise CaseFileError(f"无法读取文件（错误号 {exc.errno}）") from None
    if isinstance(data, (bytes, str)):
        if not data.strip():
            raise CaseFileError("内容为空，应为案件 JSON 对象", field="案件")
        try:
            data = json.loads(data)
        except UnicodeDecodeError:
            raise CaseFileError("不是 UTF-8 编码的 JSON", field="案件") from None
        except json.JSONDecodeError as exc:
            raise CaseFileError(f"不是有效的 JSON：第{exc.lineno}行第{exc.colno}列附近有语法错误", field="案件") from None
        except RecursionError:
            raise CaseFileError("JSON 嵌套层数过深", field="案件") from None
        except ValueError:  # e.g. an integer literal longer than Python's digit limit
            raise CaseFileError("JSON 中有超长的数字", field="案件") from None
    if not isinstance(data, Mapping):
        raise CaseFileError("案件数据应为 JSON 对象", field="案件")
    try:
        return CaseRecord.model_validate(data)
    except ValidationError as exc:
        field, msg = describe(exc)
        raise CaseFileError(msg, field=field) from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers never see a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; outputs are ordinary documents
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
