"""Attack campaign against a running ``termination serve`` and the command line (#14).

Run: ``python bench/campaign.py [--requests 10000] [--workers 2] [--concurrency 4] [--kills 40]``

1. Starts ``termination serve`` on a free loopback port, with a private, empty temp folder.
2. Sends ``--requests`` requests to each route family (check, render, calendar, analyze, misc,
   workbench): records drawn at random from the published JSON Schema, mutated sample cases, random
   JSON and bytes, records at the size limits, random query parameters, ruling texts (mutated,
   random, pathological), hostile .docx files (bench/hostile_docx.py) and mutated valid ones; the
   workbench's forms (open, interview, edit, results, download, review) with such drafts.
   Meanwhile a prober asks ``/v1/health`` every 0.25 s: its worst latency shows whether any
   request blocked a worker.
3. Slow clients: connections that send part of their headers, or nothing; with analyze, a burst
   of texts that each run to the analysis deadline, and an ordinary ruling sent behind them.
4. kill -9 of the server in the middle of large uploads.
5. kill -9 of ``termination render`` and ``termination review`` at random moments, then a
   leftover check: the output is absent or complete (5 documents, 3 reports), no hidden
   temporary file, nothing in the temp folder.

Prints a Markdown summary (the tables in docs/service.md) and writes the details as JSON
(``--out``). Exit status 1 if any 5xx was answered or anything was left behind.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import hostile_docx  # noqa: E402
from termination import limits  # noqa: E402
from termination.schema_export import case_schema  # noqa: E402
from tests.service.server import free_port  # noqa: E402

SAMPLES = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "corpus" / "cases").glob("*.json"))
           if not p.name.endswith(".expected.json")]
TERMINATED = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "corpus" / "terminated").glob("*.json"))
              if not p.name.endswith(".expected.json")]
RULINGS = [p.read_bytes().decode("utf-8", "replace") for p in sorted((ROOT / "corpus" / "rulings").glob("*.txt"))]
SCHEMA = case_schema()
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# ---------------------------------------------------------------- random inputs


class Inputs:
    """Random request bodies and parameters (seeded: the same seed sends the same campaign)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self._patterns: dict[str, list[str]] = {}

    # -- values from the published schema

    def _pattern(self, pattern: str) -> str:
        if pattern not in self._patterns:  # a pool of matching strings, drawn once per pattern
            import warnings

            from hypothesis import strategies as st

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                strategy = st.from_regex(pattern, fullmatch=True)
                self._patterns[pattern] = [strategy.example() for _ in range(40)]
        return self.rng.choice(self._patterns[pattern])

    def from_schema(self, node: dict[str, Any], depth: int = 0) -> Any:
        rng = self.rng
        while "$ref" in node:
            node = SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        if "const" in node:
            return node["const"]
        if "enum" in node:
            return rng.choice(node["enum"])
        for key in ("anyOf", "oneOf"):
            if key in node:
                return self.from_schema(rng.choice(node[key]), depth)
        kind = node.get("type")
        if kind == "object":
            props = node.get("properties", {})
            required = set(node.get("required", []))
            keep = 0.35 if depth < 3 else 0.05
            return {k: self.from_schema(v, depth + 1) for k, v in props.items() if k in required or rng.random() < keep}
        if kind == "array":
            low = node.get("minItems", 0)
            return [self.from_schema(node["items"], depth + 1) for _ in range(rng.randint(low, max(low, 3)))]
        if kind == "string":
            if node.get("format") == "date":
                return (date(1900, 1, 1) + timedelta(days=rng.randrange(73000))).isoformat()
            if "pattern" in node:
                return self._pattern(node["pattern"])
            return "".join(rng.choice("张王李赵甲乙丙 0aZ（）\n\t") for _ in range(rng.randint(node.get("minLength", 0), 9)))
        if kind == "integer":
            return rng.randint(node.get("minimum", -5), node.get("maximum", 10))
        if kind == "number":
            return rng.randint(0, 10**9) / 100
        if kind == "boolean":
            return rng.random() < 0.5
        if kind == "null":
            return None
        raise ValueError(node)

    def repaired(self, data: dict[str, Any]) -> dict[str, Any]:
        for i, party in enumerate(data.get("applicants", [])):
            party["id"] = f"A{i + 1}"
        for i, respondent in enumerate(data.get("respondents", [])):
            respondent["party"]["id"] = f"R{i + 1}"
        for items in (data.get("measures") or {}).values():
            for item in items or []:
                if isinstance(item, dict) and "respondent" in item:
                    item["respondent"] = "R1"
        data["filing_date"] = "2020-01-02"
        data.setdefault("termination", {})["proposed_date"] = "2024-06-25"
        data["termination"].pop("served_on", None)
        return data

    # -- mutations of the samples

    def scalar(self) -> Any:
        return self.rng.choice([None, True, False, 0, -1, 10**20, 1e308, "", " ", "R1", "A1", "person",
                                "0001-01-01", "9999-12-31", "2024-02-30", "1e400", "（2024）京0105执1号",
                                "\x00\x1b[2J", "\ud800", "‮", "【待补充：x】", "张" * 5000, [], {}])

    def mutated(self, base: dict[str, Any]) -> Any:
        data = copy.deepcopy(base)
        for _ in range(self.rng.randint(1, 4)):
            paths = list(_paths(data))[1:]
            if not paths:
                break
            path = self.rng.choice(paths)
            parent: Any = data
            for key in path[:-1]:
                parent = parent[key]
            key = path[-1]
            action = self.rng.random()
            if action < 0.15:
                del parent[key]
            elif action < 0.3 and isinstance(parent, list):
                parent.append(copy.deepcopy(parent[key]))
            elif action < 0.45 and isinstance(parent[key], str) and len(parent[key]) == 10 and parent[key][4] == "-":
                shift = self.rng.choice([-40000, -3650, -30, -1, 1, 30, 3650, 40000])
                try:
                    parent[key] = (date.fromisoformat(parent[key]) + timedelta(days=shift)).isoformat()
                except (ValueError, OverflowError):
                    parent[key] = "9998-12-31"
            else:
                parent[key] = self.scalar()
        return data

    def at_limits(self) -> dict[str, Any]:
        data = copy.deepcopy(self.rng.choice(SAMPLES))
        m = data.setdefault("measures", {})
        which = self.rng.choice(["network_inquiries", "clues", "sanctions", "onsite_investigations", "assets"])
        items = m.get(which) or (SAMPLES[0]["measures"].get(which) or [])
        if items:
            m[which] = (items * limits.MAX_ITEMS)[: self.rng.choice([limits.MAX_ITEMS, limits.MAX_ITEMS + 1, 400])]
        if self.rng.random() < 0.3:
            data["court"] = "北" * self.rng.choice([limits.MAX_TEXT, limits.MAX_TEXT + 1])
        if self.rng.random() < 0.3:
            data["claim"]["amount_due"] = self.rng.choice(["999999999999.99", "1000000000000", "999999999999999999"])
        return data

    def case_body(self) -> bytes:
        rng = self.rng
        roll = rng.random()
        if roll < 0.30:
            record = self.from_schema(SCHEMA)
            data: Any = self.repaired(record) if rng.random() < 0.6 else record
        elif roll < 0.75:
            data = self.mutated(rng.choice(SAMPLES))
        elif roll < 0.80:
            data = self.at_limits()
        elif roll < 0.90:
            data = rng.choice(SAMPLES)
        elif roll < 0.95:
            data = self.scalar()
        else:
            return rng.randbytes(rng.randint(0, 400))
        return json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")

    def day(self) -> str:
        return self.rng.choice(["", "2024-06-25", "2024-06-01", "2026-03-20", "0001-01-01", "9998-12-31",
                                "2100-01-01", "1899-12-31", "2024-13-01", "yesterday", "２０２４-０６-２５"])

    # -- rulings

    def ruling_request(self) -> dict[str, Any]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.35:
            text = rng.choice(RULINGS)
            for _ in range(rng.randint(1, 5)):
                at = rng.randrange(len(text) + 1)
                text = text[:at] + rng.choice(["\n" * 50, "（", "）", "裁定如下：", "二〇二四年", "\x00", "‮", "元"]) + text[at + 3:]
            return {"content": text.encode("utf-8"), "headers": {"Content-Type": "text/plain; charset=utf-8"}}
        if roll < 0.37:  # pathological texts: few (each may run to the analysis deadline)
            unit = rng.choice(["\n", "执行", "（", "1", "裁定如下：", "附：相关法律条文\n", " "])
            return {"content": (unit * rng.randint(1000, 100000)).encode("utf-8"), "headers": {"Content-Type": "text/plain"}}
        if roll < 0.65:
            name = rng.choice(sorted(HOSTILE_FILES))
            files = {"file": ("张三诉李四.docx", HOSTILE_FILES[name], "application/octet-stream")}
            return {"files": files} if rng.random() < 0.7 else {"content": HOSTILE_FILES[name], "headers": {"Content-Type": DOCX}}
        if roll < 0.85:
            raw = bytearray(VALID_DOCX)
            for _ in range(rng.randint(1, 8)):
                raw[rng.randrange(len(raw))] = rng.randrange(256)
            return {"files": {"file": ("a.docx", bytes(raw), "application/octet-stream")}}
        if roll < 0.95:
            return {"content": rng.randbytes(rng.randint(0, 3000)), "headers": {"Content-Type": rng.choice(["text/plain", DOCX, ""])}}
        return {"content": b"x", "headers": {"Content-Type": rng.choice(["application/pdf", "multipart/form-data", "image/png"])}}


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield from _paths(value, (*prefix, key))


HOSTILE_FILES: dict[str, bytes] = {}
VALID_DOCX = b""


# ---------------------------------------------------------------- requests per family


FAMILIES = ("check", "render", "calendar", "analyze", "misc", "workbench")


def family_requests(name: str, inputs: Inputs) -> Callable[[], dict[str, Any]]:
    rng = inputs.rng

    def check() -> dict[str, Any]:
        params = {"as_of": inputs.day()} if rng.random() < 0.3 else {}
        return {"method": "POST", "url": "/v1/check", "params": params, "content": inputs.case_body()}

    def render() -> dict[str, Any]:
        roll = rng.random()  # more valid records than for check: most of them reach the documents
        body = (json.dumps(rng.choice(SAMPLES), ensure_ascii=False).encode("utf-8") if roll < 0.35 else
                json.dumps(inputs.mutated(rng.choice(SAMPLES)), ensure_ascii=False).encode("utf-8", "surrogatepass")
                if roll < 0.6 else inputs.case_body())
        params: dict[str, str] = {"draft": rng.choice(["true", "true", "false", "yes", ""]),
                                  "format": rng.choice(["docx", "txt", "txt", "pdf"])}
        if rng.random() < 0.4:
            params["only"] = rng.choice(["ruling", "notice,report", "interview,approval", "x", ","])
        if rng.random() < 0.2:
            params["as_of"] = inputs.day()
        return {"method": "POST", "url": "/v1/render", "params": params, "content": body}

    def calendar() -> dict[str, Any]:
        records: list[Any] = [inputs.mutated(rng.choice(TERMINATED)) if rng.random() < 0.6 else rng.choice(TERMINATED)
                              for _ in range(rng.randint(1, 4))]
        body = json.dumps(records, ensure_ascii=False).encode("utf-8", "surrogatepass")
        if rng.random() < 0.15:
            body = b"\n".join(json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass") for r in records)
        params = {"as_of": rng.choice(["2026-03-20", "2025-12-31", "2026-09-01", inputs.day()]),
                  "format": rng.choice(["json", "ics", "xlsx", "csv"])}
        if rng.random() < 0.2:
            params["soon_days"] = rng.choice(["0", "30", "-1", "99999", "x"])
        if rng.random() < 0.1:
            params[rng.choice(["court", "judge"])] = rng.choice(["北京市朝阳区人民法院", "\x00", "张" * 300])
        return {"method": "POST", "url": "/v1/calendar", "params": params, "content": body}

    def analyze() -> dict[str, Any]:
        return {"method": "POST", "url": "/v1/analyze", **inputs.ruling_request()}

    def misc() -> dict[str, Any]:
        roll = rng.random()
        if roll < 0.3:
            return {"method": "GET", "url": "/v1/rules", "params": {"on": inputs.day()} if rng.random() < 0.7 else {}}
        if roll < 0.4:
            return {"method": "GET", "url": rng.choice(["/v1/schema/case", "/v1/health", "/openapi.json", "/docs"])}
        if roll < 0.55:
            return {"method": rng.choice(["PUT", "DELETE", "PATCH", "GET"]), "url": rng.choice(["/v1/check", "/v1/render", "/v1/analyze"])}
        if roll < 0.7:
            return {"method": "POST", "url": rng.choice(["/v1/check/", "/v2/check", "/v1/../etc/passwd", "/v1/check%00"]),
                    "content": b"{}", "headers": {"Host": "evil.example"}}
        if roll < 0.85:
            return {"method": "POST", "url": "/v1/check", "content": b"{" * 5000 + b"}" * 5000}
        return {"method": "POST", "url": "/v1/check", "content": b"[" + b"1," * 400000 + b"1]"}

    csrf = {"Cookie": "termination_csrf=campaign"}  # the workbench's forms (no Origin: as a non-browser)

    def text(value: Any) -> str:
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    def draft() -> str:
        roll = rng.random()
        data = (rng.choice(SAMPLES) if roll < 0.3 else inputs.mutated(rng.choice(SAMPLES)) if roll < 0.8
                else inputs.from_schema(SCHEMA) if roll < 0.95 else inputs.scalar())
        return text(data)

    def workbench() -> dict[str, Any]:
        roll = rng.random()
        form: dict[str, Any] = {"csrf": "campaign" if rng.random() < 0.95 else "other", "draft": draft(),
                                "skipped": rng.choice(["[]", '["court"]', "x", "[1,2]"])}
        if roll < 0.2:
            body = inputs.case_body().decode("utf-8", "replace")
            form.update(source=rng.choice(["text", "text", "sample", "empty", "upload", "x"]), text=body,
                        sample=rng.choice(["01-compliant-person", "../etc/passwd", ""]))
            url = "/case/open"
        elif roll < 0.4:
            url = "/case/results"
        elif roll < 0.55:
            form["what"] = rng.choice(["json", "ics", "ruling", "notice", "interview", "approval", "report", "x"])
            url = "/case/download"
        elif roll < 0.75:
            form["action"] = rng.choice(["open", "save", "done", "add:applicants", "add:measures.clues", "add:interview",
                                         "remove:applicants.0", "remove:respondents.5", "add:zzz", "remove:", ""])
            for field in rng.sample(WORKBENCH_FIELDS, rng.randint(0, 6)):
                form[f"v:{field}"] = text(inputs.scalar())
            url = "/case/edit"
        elif roll < 0.9:
            key = rng.choice(WORKBENCH_QUESTIONS + ["x", ""])
            form.update(action=rng.choice(["answer", "more", "skip", "reset", "x"]), key=key,
                        again=rng.choice(["", key]))
            form[f"v:{key}"] = text(inputs.scalar())
            url = "/case/interview"
        elif roll < 0.97:
            records = [inputs.mutated(rng.choice(TERMINATED)) if rng.random() < 0.6 else rng.choice(TERMINATED)
                       for _ in range(rng.randint(1, 3))]
            batch = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8", "surrogatepass")
            data = {"csrf": form["csrf"], "sample": rng.choice(["", "1", "0", "x", "100001"]),
                    "seed": rng.choice(["", "7", "-1"]), "stratify": rng.choice(["", "court", "judge", "x"])}
            return {"method": "POST", "url": "/review", "data": data, "headers": csrf,
                    "files": {"batch": ("cases.jsonl", batch, "application/octet-stream")}}
        else:
            return {"method": "GET", "url": rng.choice(["/", "/review", "/login", "/static/x", "/static/htmx.min.js"])}
        return {"method": "POST", "url": url, "content": _urlencoded(form),
                "headers": {**csrf, "Content-Type": "application/x-www-form-urlencoded"}}

    return {"check": check, "render": render, "calendar": calendar, "analyze": analyze, "misc": misc,
            "workbench": workbench}[name]


def _urlencoded(form: dict[str, Any]) -> bytes:
    """A form body; a lone surrogate is sent as the bytes it would be (invalid UTF-8), as a broken client would."""
    from urllib.parse import quote_from_bytes

    return "&".join(f"{quote_from_bytes(k.encode())}={quote_from_bytes(str(v).encode('utf-8', 'surrogatepass'))}"
                    for k, v in form.items()).encode("ascii")


def _workbench_names() -> tuple[list[str], list[str]]:
    """The edit form's fields and the interview's questions, as the workbench lays them out."""
    from termination.workbench import forms
    from termination.workbench.state import evaluate

    fields = sorted({i.path for sample in SAMPLES[:3] for _, section in forms.layout(sample) for i in forms.inputs_of(section)})
    questions = sorted({q.key for draft in ({}, SAMPLES[0], SAMPLES[5]) for q in evaluate(draft).questions})
    return fields, questions


WORKBENCH_FIELDS: list[str] = []
WORKBENCH_QUESTIONS: list[str] = []


def _body(request: dict[str, Any]) -> bytes:
    """What a request sends: its upload, its form (as JSON) or its body."""
    if "files" in request:
        return bytes(next(iter(request["files"].values()))[1])
    if "data" in request:
        return json.dumps(request["data"], ensure_ascii=False).encode("utf-8", "surrogatepass")
    return bytes(request.get("content") or b"")


def _describe(request: dict[str, Any]) -> str:
    """One line naming a request (its route, parameters and body size), for the report."""
    body = _body(request)
    size = len(body) if isinstance(body, (bytes, bytearray)) else 0
    return f"{request['method']} {request['url']} {request.get('params') or ''} {size} bytes".replace("  ", " ")


def run_family(base: str, name: str, count: int, concurrency: int, seed: int, dump: Path | None = None) -> dict[str, Any]:
    inputs = Inputs(seed)
    make = family_requests(name, inputs)
    lock = threading.Lock()
    requests = [make() for _ in range(count)]  # drawn up front: the same seed sends the same requests
    statuses: Counter[int] = Counter()
    latencies: list[float] = []
    five_xx: list[dict[str, Any]] = []
    errors: Counter[str] = Counter()
    spans: list[tuple[float, float, int]] = []  # (start, end, index): what was in flight when a probe was slow
    local = threading.local()

    def send(index: int) -> None:
        request = requests[index]
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base, timeout=90.0)
        started = time.perf_counter()
        try:
            response = local.client.request(**request)
        except httpx.HTTPError as exc:
            with lock:
                errors[type(exc).__name__] += 1
                spans.append((started, time.perf_counter(), index))
            local.client = httpx.Client(base_url=base, timeout=90.0)
            return
        elapsed = time.perf_counter() - started
        with lock:
            spans.append((started, started + elapsed, index))
            statuses[response.status_code] += 1
            latencies.append(elapsed)
            if response.status_code >= 500 and len(five_xx) < 20:
                five_xx.append({"request": _describe(request), "index": index, "params": request.get("params"),
                                "status": response.status_code, "body": response.text[:300]})
                if dump is not None:  # the request as sent, to reproduce it
                    dump.mkdir(parents=True, exist_ok=True)
                    (dump / f"{name}-{index}.bin").write_bytes(_body(request))

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(send, range(len(requests))))
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {"family": name, "requests": count, "seconds": round(time.perf_counter() - started, 1),
            "statuses": dict(sorted(statuses.items())), "5xx": sum(v for k, v in statuses.items() if k >= 500),
            "transport_errors": dict(errors), "p50_ms": round(cuts[49] * 1000, 1), "p99_ms": round(cuts[98] * 1000, 1),
            "max_ms": round(max(latencies, default=0) * 1000, 1), "5xx_samples": five_xx,
            "spans": spans, "described": [_describe(r) for r in requests]}


def in_flight(result: dict[str, Any], at: float, latency: float) -> list[str]:
    """The requests of a family that overlapped a health probe sent at ``at``."""
    return [result["described"][i] for start, end, i in result["spans"] if start < at + latency and end > at]


# ---------------------------------------------------------------- the server


class Server:
    """``termination serve`` in its own process group, with a private temp folder."""

    def __init__(self, workers: int, tmp: Path, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.tmp = tmp
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "termination", "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--workers", str(workers), "--log-level", "warning"],
            cwd=ROOT, env={**os.environ, "TMPDIR": str(tmp), **(env or {})}, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/v1/health", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.3)
        raise RuntimeError("the server did not start")

    def pids(self) -> list[int]:
        out = subprocess.run(["ps", "-o", "pid=", "-g", str(self.proc.pid)], capture_output=True, text=True).stdout
        return [int(p) for p in out.split()]

    def rss_mb(self) -> float:
        total = 0
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return total / 1024

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()


class Prober(threading.Thread):
    """Asks /v1/health every 0.25 s and keeps the latencies and the server's memory."""

    def __init__(self, server: Server) -> None:
        super().__init__(daemon=True)
        self.server = server
        self.latencies: list[float] = []
        self.times: list[float] = []
        self.failures = 0
        self.rss: list[float] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.server.base, timeout=60) as client:
            while not self.stopped.wait(0.25):
                started = time.perf_counter()
                try:
                    client.get("/v1/health").raise_for_status()
                    self.latencies.append(time.perf_counter() - started)
                    self.times.append(started)
                except httpx.HTTPError:
                    self.failures += 1
                self.rss.append(self.server.rss_mb())


# ---------------------------------------------------------------- slow clients and kills


def slow_clients(server: Server, n: int, header_timeout: float) -> dict[str, Any]:
    host, port = "127.0.0.1", server.port
    socks = [socket.create_connection((host, port)) for _ in range(n)]
    for i, s in enumerate(socks):
        if i % 2:
            s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nX-Slow: ")
    started = time.monotonic()
    closed = 0
    for s in socks:
        s.settimeout(max(0.1, header_timeout + 5 - (time.monotonic() - started)))
        try:
            while s.recv(4096):
                pass
            closed += 1
        except OSError:
            pass
        s.close()
    return {"connections": n, "closed_by_server": closed, "seconds": round(time.monotonic() - started, 1)}


def analysis_burst(server: Server, n: int) -> dict[str, Any]:
    """``n`` texts that each run to the analysis deadline, sent at once, then an ordinary ruling:
    it must be answered (analysed, or 429 at once), never left to time out behind the others."""
    statuses: Counter[int] = Counter()
    hostile = ("申请执行人" * (limits.RULING_MAX_CHARS // 5)).encode()  # about 15 s of analysis: to the deadline

    def post(content: bytes) -> tuple[int, float]:
        started = time.perf_counter()
        try:
            response = httpx.post(f"{server.base}/v1/analyze", content=content,
                                  headers={"Content-Type": "text/plain"}, timeout=90)
        except httpx.HTTPError:
            return 0, time.perf_counter() - started
        return response.status_code, time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=n) as pool:
        futures = [pool.submit(post, hostile) for _ in range(n)]
        time.sleep(1.0)
        ordinary, seconds = post(RULINGS[0].encode("utf-8"))
        for future in futures:
            statuses[future.result()[0]] += 1
    statuses[ordinary] += 1
    return {"requests": n + 1, "statuses": dict(sorted(statuses.items())),
            "5xx": sum(v for k, v in statuses.items() if k >= 500 or k == 0),
            "ordinary_status": ordinary, "ordinary_ms": round(seconds * 1000, 1)}


def kill_server_mid_upload(workers: int, rounds: int, rng: random.Random) -> dict[str, Any]:
    """kill -9 the whole server while large uploads are in flight; then search its temp folder."""
    leftovers: list[str] = []
    big = hostile_docx.package(hostile_docx.document_xml(hostile_docx.paragraph("张三欠款。执行裁定书")),
                               extra={"word/media/image1.png": os.urandom(1_500_000)})
    for _ in range(rounds):
        tmp = Path(tempfile.mkdtemp(prefix="campaign-server-"))
        server = Server(workers, tmp)
        threads = [threading.Thread(target=_quiet_post, args=(server.base, big)) for _ in range(4)]
        for t in threads:
            t.start()
        time.sleep(rng.uniform(0.05, 0.6))
        server.kill()
        for t in threads:
            t.join(30)
        leftovers += [str(p) for p in tmp.rglob("*") if p.name != "jieba.cache"]
        leftovers += [f"processes still running: {pids}" for pids in [_alive_in_session(server.proc.pid, 5.0)] if pids]
        shutil.rmtree(tmp, ignore_errors=True)
    return {"kills": rounds, "leftovers": leftovers}


def _quiet_post(base: str, data: bytes) -> None:
    try:
        httpx.post(f"{base}/v1/analyze", files={"file": ("张三.docx", data, "application/octet-stream")}, timeout=30)
    except httpx.HTTPError:
        pass


def _alive_in_session(sid: int, wait: float) -> list[str]:
    """Processes of session ``sid`` still running (zombies waiting for init do not count) after ``wait`` s."""
    deadline = time.monotonic() + wait
    while True:
        out = subprocess.run(["ps", "-o", "pid=,stat=", "-s", str(sid)], capture_output=True, text=True).stdout
        alive = [line.split()[0] for line in out.splitlines() if line.split() and not line.split()[1].startswith("Z")]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


def cli_kills(kind: str, rounds: int, rng: random.Random) -> dict[str, Any]:
    """kill -9 ``termination render`` / ``review`` at a random moment; check what is left."""
    complete = {"render": 5, "review": 3}[kind]
    outcomes: Counter[str] = Counter()
    leftovers: list[str] = []
    durations: list[float] = []
    for i in range(rounds):
        work = Path(tempfile.mkdtemp(prefix=f"campaign-{kind}-"))
        tmp, out = work / "tmp", work / "out"
        tmp.mkdir()
        if kind == "render":
            argv = ["render", str(ROOT / "corpus" / "cases" / "01-compliant-person.json"), "-o", str(out)]
        else:
            batch = work / "cases.jsonl"
            batch.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in (TERMINATED * 60)), encoding="utf-8")
            argv = ["review", str(batch), "-o", str(out), "--no-progress", "--workers", "2"]
        # calibrate on the first rounds, then kill anywhere in the run, mostly near its end (the writing)
        typical = statistics.median(durations) if durations else 3.0
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "termination", *argv], cwd=ROOT, env={**os.environ, "TMPDIR": str(tmp)},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        if i < 3:
            proc.wait(timeout=300)
            durations.append(time.monotonic() - started)
            outcomes["finished (calibration)"] += 1
        else:
            at = typical * (rng.uniform(0.85, 1.05) if rng.random() < 0.7 else rng.uniform(0.1, 1.0))
            time.sleep(at)
            finished = proc.poll() is not None
            try:
                os.kill(proc.pid, signal.SIGKILL)  # the command only: its worker processes must end by themselves
            except ProcessLookupError:
                pass
            proc.wait(timeout=60)
            outcomes["finished before the kill" if finished else "killed"] += 1
        files = sorted(p.name for p in out.iterdir()) if out.exists() else []
        if out.exists() and len(files) != complete:
            leftovers.append(f"{out}: incomplete set {files}")
        leftovers += [str(p) for p in work.rglob(".*")]  # hidden staging folders or temporary files
        leftovers += [str(p) for p in tmp.rglob("*") if p.name != "jieba.cache"]
        stray = _alive_in_session(proc.pid, wait=10.0)
        if stray:
            leftovers.append(f"processes still running: {stray}")
            for pid in stray:
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except ProcessLookupError:
                    pass
        shutil.rmtree(work, ignore_errors=True)
    return {"kind": kind, "rounds": rounds, "outcomes": dict(outcomes), "leftovers": leftovers,
            "median_run_s": round(statistics.median(durations), 2) if durations else None}


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10000, help="requests per route family")
    parser.add_argument("--families", default=",".join(FAMILIES),
                        help="route families to send, comma-separated (each has its own seed: a piece sends what the whole would)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--kills", type=int, default=40, help="kill -9 rounds per command (render, review)")
    parser.add_argument("--server-kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", type=Path, default=Path("campaign.json"))
    args = parser.parse_args(argv)

    global VALID_DOCX
    WORKBENCH_FIELDS[:], WORKBENCH_QUESTIONS[:] = _workbench_names()
    print("making the hostile files …", flush=True)
    for name, make in hostile_docx.HOSTILE.items():
        HOSTILE_FILES[name] = make()
    VALID_DOCX = hostile_docx.valid(RULINGS[0][:3000])
    report: dict[str, Any] = {"machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
                              "seed": args.seed, "families": [], "hostile_files": {k: len(v) for k, v in HOSTILE_FILES.items()}}
    tmp = Path(tempfile.mkdtemp(prefix="campaign-tmp-"))
    server = Server(args.workers, tmp, env={"TERMINATION_HEADER_TIMEOUT": "3"})
    prober = Prober(server)
    prober.start()
    try:
        for family in args.families.split(","):
            print(f"{family}: {args.requests} requests …", flush=True)
            window = time.perf_counter()
            result = run_family(server.base, family, args.requests, args.concurrency, args.seed + FAMILIES.index(family),
                                dump=args.out.with_suffix(".5xx"))
            during = [(lat, at) for at, lat in zip(prober.times, prober.latencies) if at >= window]
            result["health_max_ms"] = round(max(during, default=(0.0, 0.0))[0] * 1000, 1)
            result["slowest_probes"] = [{"ms": round(lat * 1000, 1), "in_flight": in_flight(result, at, lat)}
                                        for lat, at in sorted(during, reverse=True)[:3]]
            del result["spans"], result["described"]
            result["load_average"] = round(os.getloadavg()[0], 1)  # other work on the machine, at the family's end
            print(f"  {result['statuses']}  5xx={result['5xx']}  p50={result['p50_ms']} ms  max={result['max_ms']} ms", flush=True)
            report["families"].append(result)
        report["slow_clients"] = slow_clients(server, 40, 3.0)
        if "analyze" in args.families.split(","):
            print("a burst of analyses that run to their deadline …", flush=True)
            report["analysis_burst"] = analysis_burst(server, 8 * args.workers)
    finally:
        prober.stopped.set()
        prober.join()
        server.stop()
    # jieba keeps its dictionary cache (no case data) in the temp folder; anything else is a leftover
    report["temp_folder_after_requests"] = [str(p) for p in tmp.rglob("*") if p.name != "jieba.cache"]
    shutil.rmtree(tmp, ignore_errors=True)
    lat = prober.latencies
    report["health_probe"] = {"probes": len(lat), "failures": prober.failures,
                              "p50_ms": round(statistics.median(lat) * 1000, 1) if lat else None,
                              "max_ms": round(max(lat) * 1000, 1) if lat else None,
                              "max_rss_mb": round(max(prober.rss), 0) if prober.rss else None}
    rng = random.Random(args.seed)
    print("kill -9 of the server during uploads …", flush=True)
    report["server_kills"] = kill_server_mid_upload(args.workers, args.server_kills, rng)
    for kind in ("render", "review"):
        print(f"kill -9 of termination {kind} …", flush=True)
        report[f"{kind}_kills"] = cli_kills(kind, args.kills, rng)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    print("\n| family | requests | 2xx | 4xx | 5xx | p50 ms | p99 ms | max ms | health max ms |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in report["families"]:
        two = sum(v for k, v in r["statuses"].items() if 200 <= int(k) < 300)
        four = sum(v for k, v in r["statuses"].items() if 400 <= int(k) < 500)
        print(f"| {r['family']} | {r['requests']} | {two} | {four} | {r['5xx']} | {r['p50_ms']} | {r['p99_ms']} "
              f"| {r['max_ms']} | {r['health_max_ms']} |")
    hp = report["health_probe"]
    print(f"\nhealth probe: {hp['probes']} probes, {hp['failures']} failed, p50 {hp['p50_ms']} ms, max {hp['max_ms']} ms; "
          f"server memory at most {hp['max_rss_mb']} MB")
    print(f"slow clients: {report['slow_clients']}")
    leftovers = (report["temp_folder_after_requests"] + report["server_kills"]["leftovers"]
                 + report["render_kills"]["leftovers"] + report["review_kills"]["leftovers"])
    for kind in ("render", "review"):
        k = report[f"{kind}_kills"]
        print(f"kill -9 {kind}: {k['outcomes']}, leftovers {len(k['leftovers'])}")
    print(f"kill -9 server during uploads: {report['server_kills']['kills']} kills, leftovers {len(report['server_kills']['leftovers'])}")
    if "analysis_burst" in report:
        print(f"analysis burst: {report['analysis_burst']}")
    total_5xx = sum(r["5xx"] for r in report["families"]) + report.get("analysis_burst", {}).get("5xx", 0)
    print(f"\ntotal 5xx: {total_5xx}; leftovers: {len(leftovers)}; details in {args.out}")
    return 1 if total_5xx or leftovers else 0


if __name__ == "__main__":
    raise SystemExit(main())
