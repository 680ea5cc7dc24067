"""Load test of the HTTP service on loopback: throughput and latency of typical drafts, alone and
with one big (20,000-row) upload running alongside.

    .venv/bin/python benchmarks/service_load.py                 # starts `checker serve` itself
    .venv/bin/python benchmarks/service_load.py --url http://127.0.0.1:8080 --token T

Four runs, each `--requests` requests (default 1,000) from `--clients` (default 20) concurrent
keep-alive connections, every request a multipart upload of samples/张伟_研发中心_网格表.docx:
  1. the same draft every time (what an upload form sees when managers re-check a draft; the
     service answers repeats from its in-memory result cache);
  2. a distinct draft name every time (nothing cached: every request is read and checked);
  3. and 4. the same two with one 20,000-row sheet uploaded (POST /api/v1/audit) alongside.
Prints errors, requests/s and p50/p95/p99, and the targets of issue 13 — printed, not asserted.

The client is a minimal HTTP/1.1 client on asyncio streams rather than httpx: on a 2-core machine
the load generator shares the CPU with the service, and httpx costs several times more CPU per
request, which would be measured as service latency. Loopback only; every run is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "samples" / "张伟_研发中心_网格表.docx"
TARGET_RPS, TARGET_P95, TARGET_RATIO = 200, 0.150, 2.0


class Connection:
    """One keep-alive HTTP/1.1 connection; requests are pre-encoded bytes."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def request(self, data: bytes, timeout: float) -> tuple[int, int]:
        if self.writer is None:
            await self.open()
        try:
            return await asyncio.wait_for(self._exchange(data), timeout)
        except BaseException:
            self.close()
            raise

    async def _exchange(self, data: bytes) -> tuple[int, int]:
        self.writer.write(data)
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        length = int(headers.get("content-length", "0"))
        body_size = 0
        while body_size < length:
            chunk = await self.reader.read(min(1 << 20, length - body_size))
            if not chunk:
                raise ConnectionError("connection closed mid-body")
            body_size += len(chunk)
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, body_size

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def multipart_request(host: str, path: str, name: str, data: bytes, token: str | None) -> bytes:
    boundary = uuid.uuid4().hex
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode() + data + f"\r\n--{boundary}--\r\n".encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {len(body)}\r\n" + (f"Authorization: Bearer {token}\r\n" if token else "") + "\r\n"
    )
    return head.encode() + body


async def load(host, port, requests: list[bytes], clients: int, timeout: float) -> dict:
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    for item in requests:
        queue.put_nowait(item)
    latencies: list[float] = []
    errors: dict[str, int] = {}

    async def client() -> None:
        conn = Connection(host, port)
        while True:
            try:
                data = queue.get_nowait()
            except asyncio.QueueEmpty:
                break
            start = time.perf_counter()
            try:
                status, _ = await conn.request(data, timeout)
                if status != 200:
                    errors[f"HTTP {status}"] = errors.get(f"HTTP {status}", 0) + 1
            except Exception as exc:  # counted, never fatal
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                continue
            latencies.append(time.perf_counter() - start)
        conn.close()

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - start
    return {"elapsed": elapsed, "latencies": latencies, "errors": errors, "requests": len(requests)}


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def report(label: str, result: dict) -> dict:
    lat = result["latencies"]
    errors = sum(result["errors"].values())
    rps = len(lat) / result["elapsed"] if result["elapsed"] else 0
    figures = {
        "rps": rps,
        "p50": percentile(lat, 50),
        "p95": percentile(lat, 95),
        "p99": percentile(lat, 99),
        "errors": errors,
    }
    detail = f" {result['errors']}" if errors else ""
    print(
        f"{label:44s} {result['requests']:5d} 请求  错误 {errors}{detail}  {rps:6.0f} 请求/秒  "
        f"p50 {figures['p50'] * 1000:6.1f} ms  p95 {figures['p95'] * 1000:6.1f} ms  p99 {figures['p99'] * 1000:6.1f} ms",
        flush=True,
    )
    return figures


def big_sheet(rows: int) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("面谈记录")
    ws.append(["员工姓名", "部门", "面谈人", "面谈时间", "面谈地点", "绩效总结", "改进计划", "资源支持", "员工签字", "记录日期"])
    plans = ["提升数据分析能力", "每月参加1次数据分析培训,季度末独立完成报告", "加强沟通"]
    summaries = ["沟通能力强", "在X项目中协调三个部门解决接口冲突,沟通能力强", "工作认真负责"]
    for i in range(rows):
        ws.append(
            [f"员工{i:05d}", f"部门{i % 37}", f"主管{i % 211}", "2024-06-03 15:00", "3楼会议室",
             summaries[i % 3] + f"(第{i}条)", plans[i % 3], "无" if i % 4 else "申请测试环境2台,由IT部6月前到位",
             "" if i % 5 == 0 else f"员工{i:05d} 2024-06-04", "2024-06-04"]
        )  # fmt: skip
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


async def run(args, base: str) -> None:
    url = urlsplit(base)
    host, port = url.hostname, url.port or 80
    draft = DRAFT.read_bytes()
    path = "/api/v1/audit?format=json"
    same = [multipart_request(host, path, DRAFT.name, draft, args.token)] * args.requests

    def distinct(run: str) -> list[bytes]:  # new names every run: nothing may come from the cache
        return [multipart_request(host, path, f"草稿{run}{i:05d}.docx", draft, args.token) for i in range(args.requests)]

    print(f"服务 {base};{args.clients} 个并发客户端;典型草稿 {DRAFT.name}({len(draft) // 1024} KB);CPU 核心 {os.cpu_count()};"
          f"开始时的系统负载 {os.getloadavg()[0]:.1f}(别的进程也在用 CPU 时,数字会变差)")  # fmt: skip
    await load(host, port, same[: args.clients * 5], args.clients, args.timeout)  # warm up connections and caches

    alone_same = report("1. 同一份草稿(结果缓存命中)", await load(host, port, same, args.clients, args.timeout))
    alone_new = report("2. 每次不同的草稿(无缓存,每次都读取检查)", await load(host, port, distinct("A"), args.clients, args.timeout))

    sheet = big_sheet(args.big_rows)
    print(f"大表:{args.big_rows} 行,{len(sheet) / 1048576:.1f} MB,与下面两轮同时上传(POST /api/v1/audit)", flush=True)
    big_request = multipart_request(host, "/api/v1/audit?format=json", "大表.xlsx", sheet, args.token)

    async def big() -> tuple[float, int, int]:
        conn = Connection(host, port)
        start = time.perf_counter()
        try:
            status, size = await conn.request(big_request, args.big_timeout)
        finally:
            conn.close()
        return time.perf_counter() - start, status, size

    big_task = asyncio.create_task(big())
    await asyncio.sleep(0.5)  # the upload is being read and checked
    with_same = report("3. 同一份草稿 + 大表同时上传", await load(host, port, same, args.clients, args.timeout))
    with_new = report("4. 不同的草稿 + 大表同时上传", await load(host, port, distinct("B"), args.clients, args.timeout))
    overlapped = not big_task.done()
    seconds, status, size = await big_task
    print(f"   大表:HTTP {status},{seconds:.1f} 秒,返回 {size / 1048576:.1f} MB;"
          f"{'两轮小请求都在大表处理期间完成' if overlapped else '注意:大表在第4轮结束前已完成'}")  # fmt: skip

    print("\n目标(issue 13;只打印,不断言):")

    def line(ok: bool, text: str) -> None:
        print(f"  [{'达到' if ok else '未达到'}] {text}")

    for label, alone, both in (("同一份草稿", alone_same, with_same), ("不同的草稿", alone_new, with_new)):
        line(alone["errors"] == 0 and both["errors"] == 0, f"{label}:0 错误(单独 {alone['errors']},有大表 {both['errors']})")
        line(alone["rps"] >= TARGET_RPS, f"{label}:≥ {TARGET_RPS} 请求/秒(实测 {alone['rps']:.0f})")
        line(alone["p95"] <= TARGET_P95, f"{label}:p95 ≤ {TARGET_P95 * 1000:.0f} ms(实测 {alone['p95'] * 1000:.1f} ms)")
        ratio = both["p95"] / alone["p95"] if alone["p95"] else float("inf")
        line(ratio <= TARGET_RATIO, f"{label}:有大表同时上传时 p95 ≤ 2 倍(实测 {both['p95'] * 1000:.1f} ms,{ratio:.2f} 倍)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="已在运行的服务(只允许本机地址);不给则自动启动 checker serve")
    parser.add_argument("--token", default=os.environ.get("CHECKER_LOAD_TOKEN"), help="访问令牌")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000, help="每轮的请求数(上限 20000)")
    parser.add_argument("--big-rows", type=int, default=20000)
    parser.add_argument("--timeout", type=float, default=30.0, help="单个小请求的超时(秒)")
    parser.add_argument("--big-timeout", type=float, default=300.0)
    parser.add_argument("--workers", type=int, default=None, help="自动启动时的应用进程数(默认每核一个)")
    args = parser.parse_args()
    args.requests = max(args.clients, min(args.requests, 20000))
    args.big_rows = max(1, min(args.big_rows, 200000))
    if args.url:
        host = urlsplit(args.url).hostname or ""
        from checker.service.settings import is_loopback

        if not is_loopback(host):
            print("只在本机(loopback)上压测:--url 必须是 127.0.0.1 / ::1 / localhost", file=sys.stderr)
            return 2
        asyncio.run(run(args, args.url.rstrip("/")))
        return 0
    from checker.service.testing import running_service

    extra = ["--workers", str(args.workers)] if args.workers else []
    extra += ["--request-seconds", str(args.big_timeout)]
    env = {"CHECKER_TOKENS": args.token} if args.token else {}
    with running_service(*extra, env=env) as base:
        asyncio.run(run(args, base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
