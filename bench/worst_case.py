"""The cost of the largest valid requests, route by route (#14: every request's cost is bounded).

Run: ``python bench/worst_case.py [--repeat 3]``

Sends, through the service application in this process (no network), the most expensive requests
the limits of ``termination/limits.py`` let through: a case record at every limit (100 applicants,
100 respondents, 1,000 items in every list of measures) to check and render; a calendar of as
many records as the 2 MiB body holds, in each format; a ruling text of 200,000 characters (real
rulings repeated) to analyze. Prints the slowest of ``--repeat`` runs of each, in seconds, and
the body size: each must stay far inside the 30 s time limit.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402

from termination import limits  # noqa: E402
from termination.service.app import DEFAULT_MAX_BODY, Settings, create_app  # noqa: E402

CASE = json.loads((ROOT / "corpus" / "cases" / "01-compliant-person.json").read_text(encoding="utf-8"))
TERMINATED = json.loads((ROOT / "corpus" / "terminated" / "01-served-before-national-day.json").read_text(encoding="utf-8"))
RULINGS = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "corpus" / "rulings").glob("*.txt"))]


def record_at_the_limits() -> dict[str, Any]:
    """Case 01 with MAX_PARTIES applicants and respondents and MAX_ITEMS items in each list of measures."""
    data = copy.deepcopy(CASE)
    applicant, respondent = data["applicants"][0], data["respondents"][0]
    data["applicants"] = [{**copy.deepcopy(applicant), "id": f"A{i + 1}", "name": f"申请人{i + 1}"}
                          for i in range(limits.MAX_PARTIES)]
    data["respondents"] = []
    for i in range(limits.MAX_PARTIES):
        one = copy.deepcopy(respondent)
        one["party"].update(id=f"R{i + 1}", name=f"被执行人{i + 1}")
        data["respondents"].append(one)
    for key, items in data["measures"].items():
        if isinstance(items, list) and items:
            grown = [copy.deepcopy(items[i % len(items)]) for i in range(limits.MAX_ITEMS)]
            for i, item in enumerate(grown):
                if "respondent" in item:
                    item["respondent"] = f"R{i % limits.MAX_PARTIES + 1}"
            data["measures"][key] = grown
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    record = json.dumps(record_at_the_limits(), ensure_ascii=False).encode("utf-8")
    one = json.dumps(TERMINATED, ensure_ascii=False).encode("utf-8")
    calendar = b"[" + b",".join([one] * ((DEFAULT_MAX_BODY - 2) // (len(one) + 1))) + b"]"
    text = "\n".join(RULINGS)
    ruling = (text * (limits.RULING_MAX_CHARS // len(text) + 1))[: limits.RULING_MAX_CHARS].encode("utf-8")
    requests: list[tuple[str, str, bytes, dict[str, str]]] = [
        ("check, record at every limit", "/v1/check", record, {}),
        ("render .docx (draft, 5 documents)", "/v1/render?draft=true", record, {}),
        ("render .txt (draft, 5 documents)", "/v1/render?draft=true&format=txt", record, {}),
        *[(f"calendar .{fmt}, body full of records", f"/v1/calendar?as_of=2026-03-20&format={fmt}", calendar, {})
          for fmt in ("json", "xlsx", "ics")],
        ("analyze, 200,000 characters of rulings", "/v1/analyze", ruling, {"Content-Type": "text/plain"}),
    ]
    print("| request | body | status | slowest of %d, s |\n|---|---:|---:|---:|" % args.repeat)
    with TestClient(create_app(Settings()), raise_server_exceptions=False) as client:
        for label, url, body, headers in requests:
            assert len(body) <= DEFAULT_MAX_BODY, label
            times, status = [], 0
            for _ in range(args.repeat):
                started = time.perf_counter()
                status = client.post(url, content=body, headers=headers).status_code
                times.append(time.perf_counter() - started)
            print(f"| {label} | {len(body) / 2**20:.2f} MiB | {status} | {max(times):.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
