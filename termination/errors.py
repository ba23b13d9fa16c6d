"""One exception hierarchy for the whole package.

::

    TerminationError                 base; ``str(err)`` is one Chinese line for users
    ├── InputError                   bad user input (exit code 2, HTTP 400/422)
    │   ├── CaseFileError            a case record that cannot be read or validated
    │   └── RulingFileError          a ruling text/.docx that cannot be read
    ├── OutputError                  an output could not be written (disk full, no permission; exit 4)
    ├── RuleFileError                a rule file in ``rulesets/`` violates the contract
    ├── CalendarNotCovered           a date outside the years the holiday calendar knows
    ├── NotReadyError                a final document was asked for a case that is not ready
    ├── WithheldError                the ruling may not be published on the internet (exit code 5)
    ├── EngineError                  the rules engine failed (internal, never bad input)
    └── RenderError                  a template or document failed to render (internal)

Every error carries ``field`` (the dotted location of the problem, when known) so the CLI
and the HTTP service can name it without parsing the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

#: What must never be printed verbatim in a message or a log line: C0/C1 controls (ESC
#: sequences, NUL, line breaks that forge a second line), lone surrogates (they cannot be
#: encoded), and the invisible Unicode format characters (bidi overrides, zero-width) that make a
#: line read differently from what it holds.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def escape_controls(text: str) -> str:
    """``text`` with every unsafe character written as ``\\xNN`` / ``\\uNNNN`` (one printable line)."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


class TerminationError(Exception):
    """Base class: ``message`` is a one-line Simplified Chinese explanation."""

    exit_code: int = 3

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        # A field path or message may quote input (a misspelt key): still one printable line.
        return escape_controls(f"{self.field}：{self.message}" if self.field else self.message)


class InputError(TerminationError):
    """The user's input is wrong; nothing was produced."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One problem of an input record: where (``field`` path and its Chinese ``label``) and what."""

    field: str
    message: str
    label: str = ""
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"{self.label}（{self.field}）" if self.label and self.label != self.field else self.field
        return escape_controls(f"{where}：{self.message}" if where else self.message)


class CaseFileError(InputError):
    """A case record is not valid JSON or does not satisfy the case schema.

    ``problems`` lists every problem found (the message and field are those of the first).
    """

    def __init__(self, message: str, *, field: str | None = None, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message, field=field)
        self.problems = problems or (Problem(field or "", message),)

    def __str__(self) -> str:
        first = str(self.problems[0]) if self.problems[0].field == (self.field or "") else super().__str__()
        more = len(self.problems) - 1
        return f"{first}（另有 {more} 处问题）" if more > 0 else first


class RulingFileError(InputError):
    """A ruling file (.txt/.docx) cannot be read."""


#: errno → what a user reads (the system's own text is English)
_ERRNO_TEXT: dict[str, str] = {
    "ENOSPC": "磁盘空间已满", "EDQUOT": "超出磁盘配额", "EACCES": "没有权限", "EPERM": "没有权限",
    "EROFS": "文件系统只读", "ENOENT": "路径不存在", "ENOTDIR": "路径中有一项不是目录", "EISDIR": "这是一个目录",
    "EEXIST": "已存在", "EFBIG": "文件过大", "EIO": "输入输出错误", "EMFILE": "打开的文件过多",
    "ENAMETOOLONG": "文件名过长", "EXDEV": "不能跨文件系统移动", "ENOTEMPTY": "目录不为空",
}


def os_error_text(exc: OSError) -> str:
    """A Chinese reason for an operating-system error (``磁盘空间已满``…), with its errno name."""
    import errno as errno_names

    name = errno_names.errorcode.get(exc.errno or 0, "")
    return _ERRNO_TEXT.get(name, f"系统错误 {name or exc.errno}")


class OutputError(TerminationError):
    """An output (documents, reports, a calendar) could not be written: nothing half-written is left."""

    exit_code = 4

    @classmethod
    def from_os_error(cls, exc: OSError, target: object) -> OutputError:
        """``无法写入：磁盘空间已满`` naming ``target`` as the field."""
        return cls(f"无法写入：{os_error_text(exc)}", field=str(target))


class RuleFileError(TerminationError):
    """A rule file violates the rule contract (``path: CODE: loc: message``)."""

    exit_code = 2


class CalendarNotCovered(TerminationError):
    """The statutory-holiday calendar has no data for the year asked about."""


class NotReadyError(TerminationError):
    """A final document was requested for a case whose decision is not ready."""

    exit_code = 1

    def __init__(self, message: str, *, missing: list[str] | None = None) -> None:
        super().__init__(message)
        self.missing = missing or []


class WithheldError(TerminationError):
    """法释〔2016〕19号第四条 keeps this ruling off the internet; ``reasons`` gives each provision.

    ``notice`` is what 第六条 says to publish instead (case number, court, date, reason).
    """

    exit_code = 5

    def __init__(self, message: str, *, reasons: list[str], notice: str) -> None:
        super().__init__(message)
        self.reasons = reasons
        self.notice = notice


class EngineError(TerminationError):
    """The rules engine failed; this is our bug, not the user's."""


class RenderError(TerminationError):
    """A template or document failed to render; this is our bug, not the user's."""
