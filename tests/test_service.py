"""The HTTP service, started for real on loopback and called over HTTP."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def base_url():
    """`checker serve` in its own process on a free loopback port."""
    exe = Path(sys.executable).parent / "checker"
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", "0", "--max-upload-mb", "1"], stderr=subprocess.PIPE, text=True
    )
    line = proc.stderr.readline()
    url = line.split("http://", 1)[1].split("/", 1)[0]
    base = f"http://{url}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=10)


def call(url, data=None, headers=None):
    req = urllib.request.Request(
        url, data=data, headers=headers or {}, method="POST" if data is not None else "GET"
    )
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def test_health_and_rules(base_url):
    assert call(base_url + "/healthz") == (200, {"status": "ok"})
    status, rules = call(base_url + "/v1/rules")
    assert status == 200 and {r["id"] for r in rules["rules"]} >= {
        "missing-field",
        "vague-rating",
        "unconfirmed",
    }


def test_raw_upload_matches_cli(base_url):
    path = SAMPLES / "陈晨_财务_表单.xlsx"
    status, report = call(
        base_url + "/v1/audit?filename=" + urllib.request.quote(path.name), path.read_bytes()
    )
    assert status == 200
    cli = subprocess.run(
        [str(Path(sys.executable).parent / "checker"), "audit", "--format", "json", str(path)],
        capture_output=True,
        text=True,
    )
    expected = json.loads(cli.stdout)["records"][0]
    [got] = report["records"]
    assert got["fields"] == expected["fields"]
    assert [(f["rule"], f["start"], f["end"]) for f in got["findings"]] == [
        (f["rule"], f["start"], f["end"]) for f in expected["findings"]
    ]


def test_multipart_upload(base_url):
    path = SAMPLES / "张伟_研发中心_网格表.docx"
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="zhang.docx"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    status, report = call(
        base_url + "/v1/audit", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    assert status == 200
    assert report["records"][0]["source"] == "zhang.docx"
    assert report["records"][0]["fields"]["employee_name"] == "张伟"


def test_records_endpoint_and_bad_requests(base_url):
    payload = [{"绩效总结": "沟通能力强"}, {"改进计划": "提升数据分析能力"}]
    status, report = call(base_url + "/v1/records", json.dumps(payload, ensure_ascii=False).encode())
    assert status == 200
    assert "vague-rating" in {f["rule"] for f in report["records"][0]["findings"]}
    assert {"plan-no-quantity", "plan-no-deadline"} <= {f["rule"] for f in report["records"][1]["findings"]}
    assert call(base_url + "/v1/records", b"{not json")[0] == 400
    assert call(base_url + "/v1/nothing", b"x")[0] == 404


def test_unreadable_upload_is_reported_not_failed(base_url):
    status, report = call(base_url + "/v1/audit?filename=a.docx", b"PK\x03\x04 truncated")
    assert status == 200 and report["records"] == []
    assert report["errors"][0]["code"] == "corrupt"


def test_oversized_upload_is_refused(base_url):
    status, body = call(base_url + "/v1/audit?filename=big.docx", os.urandom(1024) * 1100)
    assert status == 413 and body["error"]["code"] == "too-large"
