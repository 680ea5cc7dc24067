"""The HTTP service, started for real (`checker serve`, gunicorn + uvicorn worker) on loopback."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
import time
import urllib.parse
import zipfile
from pathlib import Path

import httpx
import pytest

from checker.service.testing import running_service

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DOCX = SAMPLES / "张伟_研发中心_网格表.docx"
XLSX = SAMPLES / "陈晨_财务_表单.xlsx"
TOKEN = "test-token-1"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def base_url():
    with running_service(
        "--workers", "1", "--max-upload-mb", "1", env={"CHECKER_TOKENS": f"other,{TOKEN}"}
    ) as url:
        yield url


@pytest.fixture(scope="module")
def client(base_url):
    with httpx.Client(base_url=base_url, headers=AUTH, timeout=60) as c:
        yield c


# ---------------------------------------------------------------- health, auth, binding


def test_health_ready_and_page_need_no_token(base_url):
    with httpx.Client(base_url=base_url, timeout=30) as anon:
        assert anon.get("/healthz").json() == {"status": "ok"}
        ready = anon.get("/readyz")
        assert ready.status_code == 200 and ready.json()["checks"] == {
            "small_lane": True,
            "big_lane": True,
            "jobs": True,
        }
        page = anon.get("/")
        assert page.status_code == 200 and "面谈记录" in page.text
        assert anon.get("/openapi.json").json()["paths"]["/api/v1/audit"]["post"]


@pytest.mark.parametrize(
    "method,path",
    [
        ("GET", "/api/v1/rules"),
        ("POST", "/api/v1/audit"),
        ("POST", "/api/v1/jobs"),
        ("GET", "/v1/rules"),
        ("POST", "/v1/records"),
    ],
)
def test_every_api_route_needs_a_token(base_url, method, path):
    with httpx.Client(base_url=base_url, timeout=30) as anon:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
            resp = anon.request(
                method, path, content=b'{"x": 1}' if method == "POST" else None, headers=headers
            )
            assert resp.status_code == 401, (path, headers)
            assert (
                resp.json()["error"]["code"] == "unauthorized" and "令牌" in resp.json()["error"]["message"]
            )
            assert resp.headers["www-authenticate"] == "Bearer"


def test_refuses_to_bind_beyond_loopback_without_tokens():
    exe = Path(sys.executable).parent / "checker"
    env = {k: v for k, v in __import__("os").environ.items() if k != "CHECKER_TOKENS"}
    done = subprocess.run(
        [str(exe), "serve", "--host", "0.0.0.0", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode != 0 and "拒绝启动" in done.stderr and "CHECKER_TOKENS" in done.stderr


# ---------------------------------------------------------------- audits


def test_raw_upload_matches_cli(client):
    resp = client.post("/api/v1/audit", params={"filename": XLSX.name}, content=XLSX.read_bytes())
    assert resp.status_code == 200
    cli = subprocess.run(
        [str(Path(sys.executable).parent / "checker"), "audit", "--format", "json", str(XLSX)],
        capture_output=True,
        text=True,
    )
    expected = json.loads(cli.stdout)["records"][0]
    [got] = resp.json()["records"]
    assert got["source"] == XLSX.name
    assert got["fields"] == expected["fields"]
    assert [(f["rule"], f["start"], f["end"]) for f in got["findings"]] == [
        (f["rule"], f["start"], f["end"]) for f in expected["findings"]
    ]
    assert (got["score"], got["verdict"]) == (expected["score"], expected["verdict"])


def test_multipart_several_files_and_x_filename(client):
    files = [("file", ("zhang.docx", DOCX.read_bytes())), ("files", ("chen.xlsx", XLSX.read_bytes()))]
    report = client.post("/api/v1/audit", files=files).json()
    assert [r["source"] for r in report["records"]] == ["zhang.docx", "chen.xlsx"]
    assert report["records"][0]["fields"]["employee_name"] == "张伟"
    assert report["summary"]["records"] == 2
    named = client.post(
        "/api/v1/audit", content=DOCX.read_bytes(), headers={"X-Filename": urllib.parse.quote("张伟.docx")}
    )
    assert named.json()["records"][0]["source"] == "张伟.docx"
    boundary = "b0undary"
    body = (
        (
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''{urllib.parse.quote('王芳.docx')}\r\n\r\n"
        ).encode()
        + DOCX.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    extended = client.post(
        "/api/v1/audit", content=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    assert extended.json()["records"][0]["source"] == "王芳.docx"


def test_json_records_and_bad_requests(client):
    payload = [{"绩效总结": "沟通能力强"}, {"改进计划": "提升数据分析能力"}]
    report = client.post("/api/v1/audit", json=payload).json()
    assert "vague-rating" in {f["rule"] for f in report["records"][0]["findings"]}
    assert {"plan-no-quantity", "plan-no-deadline"} <= {f["rule"] for f in report["records"][1]["findings"]}
    bad = client.post("/api/v1/audit", content=b"{not json", headers={"Content-Type": "application/json"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad-json"
    assert client.post("/api/v1/audit", content=b"").status_code == 400
    assert client.post("/api/v1/nothing", content=b"x").status_code == 404
    assert client.post("/api/v1/audit", params={"format": "pdf"}, json=payload).status_code == 400


COPIED = (
    "本季度主导完成了订单中心支付模块的重构,上线后未出现严重故障,并带教两名新同事熟悉代码规范和发布流程。"
)


def test_one_upload_is_one_batch_for_the_cross_record_rules(client):
    """Records sent together are compared with each other (copied-text), in a JSON body and across the
    files of one multipart upload; a record sent alone is never compared with another request's."""
    records = [{"员工姓名": name, "部门": "研发中心", "绩效总结": COPIED} for name in ("张伟", "李娜")]
    report = client.post("/api/v1/audit", json=records).json()
    copied = [[f for f in r["findings"] if f["rule"] == "copied-text"] for r in report["records"]]
    assert not copied[0] and len(copied[1]) == 1 and "张伟" in copied[1][0]["message"]

    files = [
        ("files", (f"{i}.json", json.dumps(rec, ensure_ascii=False).encode()))
        for i, rec in enumerate(records)
    ]
    report = client.post("/api/v1/audit", files=files).json()
    copied = [[f for f in r["findings"] if f["rule"] == "copied-text"] for r in report["records"]]
    assert not copied[0] and len(copied[1]) == 1 and "0.json" in copied[1][0]["message"]

    alone = client.post("/api/v1/audit", json=records[1]).json()
    assert "copied-text" not in {f["rule"] for f in alone["records"][0]["findings"]}


def test_unreadable_upload_is_reported_not_failed(client):
    report = client.post("/api/v1/audit?filename=a.docx", content=b"PK\x03\x04 truncated").json()
    assert report["records"] == [] and report["errors"][0]["code"] == "corrupt"


def test_rules_and_disable(client):
    rules = client.get("/api/v1/rules").json()
    assert {"missing-field", "vague-rating", "unconfirmed"} <= {r["id"] for r in rules["rules"]}
    unknown = client.post(
        "/api/v1/audit", params={"disable": "no-such-rule"}, json={"绩效总结": "沟通能力强"}
    )
    assert unknown.status_code == 400 and "no-such-rule" in unknown.json()["error"]["message"]
    assert "没有规则" in unknown.json()["error"]["message"]
    off = client.post(
        "/api/v1/audit", params={"disable": "vague-rating,missing-field"}, json={"绩效总结": "沟通能力强"}
    ).json()
    assert not {"vague-rating", "missing-field"} & {f["rule"] for f in off["records"][0]["findings"]}
    listed = client.get("/api/v1/rules", params={"disable": "vague-rating"}).json()
    assert [r["enabled"] for r in listed["rules"] if r["id"] == "vague-rating"] == [False]
    strict = client.post("/api/v1/audit", params={"rules": "strict"}, json={"绩效总结": "沟通能力强"}).json()
    assert strict["rule_pack"].startswith("strict")
    assert (
        client.post("/api/v1/audit", params={"rules": "../../etc/passwd"}, json={"a": "b"}).status_code == 400
    )


def test_formats(client):
    def audit(fmt, path=DOCX):
        return client.post(
            "/api/v1/audit", params={"format": fmt}, files={"file": (path.name, path.read_bytes())}
        )

    html = audit("html")
    assert html.headers["content-type"].startswith("text/html") and "张伟" in html.text
    sarif = audit("sarif").json()
    assert sarif["version"] == "2.1.0"
    xlsx = audit("xlsx")
    assert zipfile.ZipFile(io.BytesIO(xlsx.content)).namelist()
    docx = audit("docx")
    assert docx.status_code == 200 and "attachment" in docx.headers["content-disposition"]
    assert urllib.parse.quote("张伟_研发中心_网格表.checked.docx") in docx.headers["content-disposition"]
    comments = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/comments.xml").decode()
    assert "面谈记录质检" in comments
    sheet = audit("docx", XLSX)
    assert sheet.status_code == 200 and sheet.headers["content-type"].endswith("spreadsheetml.sheet")
    nothing = client.post("/api/v1/audit", params={"format": "docx"}, json={"绩效总结": "沟通能力强"})
    assert nothing.status_code == 422 and nothing.json()["error"]["code"] == "no-annotated-copy"


def test_legacy_paths_still_answer(client):
    assert {r["id"] for r in client.get("/v1/rules").json()["rules"]} >= {"missing-field"}
    report = client.post("/v1/audit", params={"filename": DOCX.name}, content=DOCX.read_bytes()).json()
    assert report["records"][0]["fields"]["employee_name"] == "张伟"
    records = client.post(
        "/v1/records", content=json.dumps({"绩效总结": "沟通能力强"}, ensure_ascii=False).encode()
    ).json()
    assert "vague-rating" in {f["rule"] for f in records["records"][0]["findings"]}


# ---------------------------------------------------------------- limits


def test_oversized_upload_is_refused_before_the_body_is_read(base_url):
    """A declared 60 MB body gets 413 although not one byte of it is sent."""
    host, port = urllib.parse.urlsplit(base_url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            (
                "POST /api/v1/audit?filename=big.xlsx HTTP/1.1\r\nHost: x\r\n"
                f"Authorization: Bearer {TOKEN}\r\nContent-Length: {60 * 1024 * 1024}\r\n\r\n"
            ).encode()
        )
        answer = _read_until_closed(sock).decode("utf-8", "replace")
    assert answer.startswith("HTTP/1.1 413") and "too-large" in answer


def _read_until_closed(sock: socket.socket) -> bytes:
    """The whole answer: the server may send the headers and the body in separate segments."""
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_oversized_uploads_sent_in_full_or_chunked_get_413(client):
    big = b"x" * (2 * 1024 * 1024)
    resp = client.post("/api/v1/audit?filename=big.csv", content=big)
    assert resp.status_code == 413 and resp.json()["error"]["code"] == "too-large"

    def chunks():
        for _ in range(4):
            yield b"y" * (512 * 1024)

    chunked = client.post("/api/v1/audit?filename=big.csv", content=chunks())
    assert chunked.status_code == 413


# ---------------------------------------------------------------- jobs


def wait_job(client, job_id, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = client.get(f"/api/v1/jobs/{job_id}").json()
        if state["status"] in ("done", "failed"):
            return state
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} not finished: {state}")


def test_jobs_accept_then_report(client):
    files = [("file", (p.name, p.read_bytes())) for p in sorted(SAMPLES.glob("*.docx"))]
    accepted = client.post("/api/v1/jobs", files=files)
    assert (
        accepted.status_code == 202
        and accepted.headers["location"] == f"/api/v1/jobs/{accepted.json()['id']}"
    )
    state = wait_job(client, accepted.json()["id"])
    assert state["status"] == "done" and state["progress"]["files_done"] == state["progress"]["files"] == 4
    assert state["progress"]["records"] == 4 == len(state["result"]["records"])
    assert sorted(r["source"] for r in state["result"]["records"]) == sorted(
        p.name for p in SAMPLES.glob("*.docx")
    )
    again = client.get(state["result_url"])
    assert again.status_code == 200 and json.loads(again.content)["summary"]["records"] == 4


def test_job_in_another_format_and_unknown_jobs(client):
    accepted = client.post(
        "/api/v1/jobs", params={"format": "xlsx"}, files={"file": (XLSX.name, XLSX.read_bytes())}
    )
    state = wait_job(client, accepted.json()["id"])
    assert "result" not in state and state["summary"]["records"] == 1
    download = client.get(state["result_url"])
    assert download.headers["content-type"].endswith("spreadsheetml.sheet")
    assert client.get("/api/v1/jobs/" + "0" * 32).status_code == 404
    assert client.get("/api/v1/jobs/../../etc").status_code == 404


def test_small_requests_are_answered_while_a_big_job_runs(client):
    """A 3,000-row sheet as a job: small drafts keep being answered (the big lane is separate)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["员工姓名", "面谈人", "面谈时间", "面谈地点", "绩效总结", "改进计划", "资源支持", "员工签字"])
    for i in range(3000):
        ws.append(
            [
                f"员工{i}",
                "刘洋",
                "2024-06-03",
                "3楼会议室",
                f"沟通能力强,第{i}项工作完成",
                "提升数据分析能力",
                "无",
                "",
            ]
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    job = client.post("/api/v1/jobs?filename=big.xlsx", content=buffer.getvalue()).json()
    small_times = []
    while True:
        start = time.monotonic()
        resp = client.post("/api/v1/audit", json={"绩效总结": f"沟通能力强 {len(small_times)}"})
        small_times.append(time.monotonic() - start)
        assert resp.status_code == 200
        state = client.get(f"/api/v1/jobs/{job['id']}").json()
        if state["status"] in ("done", "failed") or len(small_times) >= 400:
            break
    assert state["status"] in ("running", "done")
    assert len(small_times) >= 3  # several small answers came back while the job ran
    assert sorted(small_times)[len(small_times) // 2] < 1.0
    assert wait_job(client, job["id"])["summary"]["records"] == 3000


# ---------------------------------------------------------------- the record database, only when configured


def test_results_are_stored_only_when_the_record_database_is_set_to_save(tmp_path):
    import sqlite3

    db = tmp_path / "history.sqlite"
    config = tmp_path / "checker.toml"
    config.write_text(f'[history]\nurl = "{db}"\nsave = true\n', encoding="utf-8")
    with (
        running_service("--workers", "1", "--config", str(config)) as url,
        httpx.Client(base_url=url, timeout=60) as c,
    ):
        first = c.post("/api/v1/audit", files={"file": (DOCX.name, DOCX.read_bytes())})
        second = c.post(
            "/api/v1/audit", files={"file": (DOCX.name, DOCX.read_bytes())}
        )  # not served from a cache
        assert first.status_code == second.status_code == 200
        assert (
            first.headers["x-checker-saved-run"].isdigit() and second.headers["x-checker-saved-run"].isdigit()
        )
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from runs").fetchone()[0] == 2
        assert conn.execute("select count(*) from records").fetchone()[0] == 2


def test_a_request_past_its_time_budget_gets_504_and_the_service_stays_ready():
    sheet = SAMPLES / "销售部_2024Q2_汇总.xlsx"
    with (
        running_service("--workers", "1", "--request-seconds", "0.05") as url,
        httpx.Client(base_url=url, timeout=60) as c,
    ):
        resp = c.post(
            "/api/v1/audit", params={"filename": sheet.name, "format": "xlsx"}, content=sheet.read_bytes()
        )
        assert resp.status_code == 504 and resp.json()["error"]["code"] == "timeout"
        assert "/api/v1/jobs" in resp.json()["error"]["message"]
        time.sleep(0.5)
        assert c.get("/readyz").status_code == 200  # the killed process was replaced


def test_an_export_goes_to_the_big_lane_and_a_draft_to_the_small_one(client):
    """A sheet of 1,500 rows is ~80 KB as .xlsx (far under the upload size that used to decide) but
    over a second of checking: the niced big lane takes it, so drafts never queue behind it."""
    from tests.test_service_weight import export_sheet

    draft = client.post("/api/v1/audit", files={"file": (DOCX.name, DOCX.read_bytes())})
    assert draft.status_code == 200 and draft.headers["x-checker-lane"] == "small"
    export = client.post("/api/v1/audit?filename=导出.xlsx", content=export_sheet(1500))
    assert export.status_code == 200 and export.headers["x-checker-lane"] == "big"
    assert export.headers["x-checker-records"] == "1500"
