"""POST /v1/render?publish=true: the published ruling and the clerk's report, or 451 when 第四条 withholds it."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from fastapi.testclient import TestClient

from termination.publish import REPORT_FILE, RULING_FILE

ROOT = Path(__file__).resolve().parents[2]
PERSONAL = ROOT / "tests" / "publish" / "cases" / "personal-data.json"


def test_publish_returns_the_published_ruling_and_the_report(client: TestClient) -> None:
    response = client.post("/v1/render", params={"publish": "true", "format": "txt"}, content=PERSONAL.read_bytes())
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    files = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(files.namelist()) == sorted([f"{RULING_FILE}.txt", REPORT_FILE])
    text = files.read(f"{RULING_FILE}.txt").decode("utf-8")
    assert "13812345678" not in text and "110105198002030035" not in text and "住北京市朝阳区。" in text


def test_a_withheld_ruling_is_451_with_what_article_6_publishes(client: TestClient) -> None:
    record = json.loads(PERSONAL.read_text(encoding="utf-8"))
    record["cause"] = "离婚纠纷"
    response = client.post("/v1/render", params={"publish": "true"}, content=json.dumps(record, ensure_ascii=False))
    assert response.status_code == 451
    body = response.json()
    assert body["type"].endswith("/withheld") and "第四条第（四）项" in body["detail"] and "不公开理由" in body["detail"]


def test_publish_with_draft_is_a_bad_parameter(client: TestClient) -> None:
    response = client.post("/v1/render", params={"publish": "true", "draft": "true"}, content=PERSONAL.read_bytes())
    assert response.status_code == 422 and "草稿不在互联网公布" in response.json()["detail"]
