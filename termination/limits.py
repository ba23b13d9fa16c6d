"""The cost bound of one request: every limit on input, in one place, with the reason for each.

Everything a request can make the service do is bounded by these numbers, so that no request
runs for long and none holds a worker while others wait (docs/service.md, "Cost of a request").
The case record's limits are part of its published JSON Schema (they are pydantic constraints,
so the schema and the validator are generated from the same numbers).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Final

# ---------------------------------------------------------------- dates

#: The earliest date a record may hold. A birth date is the oldest date a record needs: the
#: oldest living person was born after 1900; every court date is decades later (民事诉讼法 1991,
#: 终本 2015). Dates before this are typos (0001-01-01) that break date arithmetic.
DATE_MIN: Final = dt.date(1900, 1, 1)
#: The latest date. Expiries and renewals run years into the future (a seizure of real estate for
#: up to three years, renewable; a dishonest listing for up to five), so the bound is generous; a
#: record dated in the 22nd century is a typo, and date arithmetic stays far below year 9999.
DATE_MAX: Final = dt.date(2099, 12, 31)
#: The same range as a JSON Schema pattern on ``YYYY-MM-DD`` (years 1900–2099).
DATE_PATTERN: Final = r"^(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}$"
#: A date-time with an offset (RFC 3339, as case systems send it: ``2023-08-28T16:00:00Z``); the record
#: reads its Beijing day (case.py ``_day``). The validator also takes it without offset (Beijing time).
DATETIME_PATTERN: Final = (
    r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    r"(\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
)
DATE_RANGE_MESSAGE: Final = f"日期应在 {DATE_MIN.isoformat()} 至 {DATE_MAX.isoformat()} 之间"


def in_date_range(day: dt.date) -> dt.date:
    """``day`` if it lies in [DATE_MIN, DATE_MAX]; otherwise ValueError with the Chinese message."""
    if not DATE_MIN <= day <= DATE_MAX:
        raise ValueError(DATE_RANGE_MESSAGE)
    return day


# ---------------------------------------------------------------- amounts

#: The largest amount (元): below 一万亿元, the largest amount the capitals of a ruling
#: (壹仟亿…) are written for; the largest enforcement claims in China are in the tens of 亿元.
MONEY_MAX: Final = Decimal("999999999999.99")
#: An amount as text: up to 12 integer digits and 2 decimals (thousands separators are also read).
MONEY_PATTERN: Final = r"^[0-9]{1,12}(\.[0-9]{1,2})?$"

# ---------------------------------------------------------------- sizes

#: Applicants, respondents: far above joint enforcement cases seen in practice.
MAX_PARTIES: Final = 100
#: Items of any list of the record (each timeline of measures, judges, scopes…): a case with a
#: thousand network inquiries would have queried every week for twenty years.
MAX_ITEMS: Final = 1000
#: Characters of the court's full name: the longest (新疆维吾尔自治区高级人民法院生产建设兵团分院) has
#: 22; the documents carry it where at most 255 characters fit (the author of a .docx).
MAX_COURT_NAME: Final = 100
#: Characters of any text field of the record; the longest real ones (the obligation of the
#: judgment, a verification result) are a few hundred characters.
MAX_TEXT: Final = 10000

# ---------------------------------------------------------------- ruling files (.docx)

#: Sum of the uncompressed sizes of all entries of a .docx: a long real ruling is well below 1 MB
#: uncompressed; python-docx reads every entry into memory.
DOCX_MAX_UNCOMPRESSED: Final = 50 * 1024 * 1024
#: Entries in a .docx (a ruling has about a dozen; images and headers add a few each).
DOCX_MAX_ENTRIES: Final = 1000
#: The XML of one part (word/document.xml…), parsed into a tree by lxml.
DOCX_MAX_XML: Final = 20 * 1024 * 1024
#: Characters of ruling text analysed: a ruling is 2,000–20,000 characters; analysis takes about
#: 1 s per 200,000 characters of ordinary text.
RULING_MAX_CHARS: Final = 200_000
#: Seconds one analysis may run in the service before its process is killed (422): an ordinary
#: text at RULING_MAX_CHARS takes about 1 s.
ANALYSIS_SECONDS: Final = 5.0
#: Analyses that may wait for the analysis process of one service worker while it runs another.
#: Each runs at most ANALYSIS_SECONDS, so the last one waiting ends within 5 × 5 s = 25 s, inside
#: the 30 s time limit; one more is answered 429 at once instead of waiting for a 503 (#14
#: campaign: eight texts that each ran to the deadline made an ordinary analysis wait 30 s and
#: time out). The service lowers it when its time limit is shorter (``analysis_queue``).
ANALYSIS_QUEUE: Final = 4
#: Address space of the service's analysis process (python-docx, lxml and jieba need ~300 MB).
ANALYSIS_MEMORY: Final = 2 * 1024**3
#: Seconds a client has to send a request's headers (``TERMINATION_HEADER_TIMEOUT``): a slow
#: client cannot hold a connection open by sending them a byte at a time.
HEADER_SECONDS: Final = 10.0
#: Bytes of a ruling file read from disk (command line, review): checked before reading it.
RULING_MAX_FILE: Final = 50 * 1024 * 1024

# ---------------------------------------------------------------- case numbers

#: 省、自治区、直辖市高级人民法院的法院代字（《关于人民法院案件案号的若干规定》第四条第二、三款）:
#: the short names of the provinces (内 for 内蒙古), 军 (军事法院), 兵 (兵团分院).
PROVINCES: Final = "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵"
#: 法院代字: 最高法 (第四条第一款), or the high court's code plus the two-digit code of an
#: intermediate or the four-digit code of a basic court (第五条).
COURT_CODE_PATTERN: Final = f"(?:最高法|[{PROVINCES}](?:[0-9]{{2}}|[0-9]{{4}})?)"
#: 案号：“（”+收案年度+“）”+法院代字+类型代字+案件编号+“号”（第三条）, for enforcement cases (执, 执恢).
_YEAR, _KIND, _SEQ = "(?:19|20)[0-9]{2}", "执恢|执", "[0-9]{1,8}"
#: The published pattern (JSON Schema, ECMA-262 syntax).
CASE_NUMBER_PATTERN: Final = f"^（{_YEAR}）{COURT_CODE_PATTERN}(?:{_KIND}){_SEQ}号$"
#: The same pattern with the parts named, for code.
CASE_NUMBER_RE: Final = re.compile(
    f"^（(?P<year>{_YEAR})）(?P<court>{COURT_CODE_PATTERN})(?P<kind>{_KIND})(?P<seq>{_SEQ})号$"
)
