"""The managers' page in a real browser: Debian's chromium driven by playwright (never `playwright install`).

A manager drops a draft in (here: the file chooser, then a real drop event), sees the score, the
verdict and the findings by field with the problem words highlighted and the suggestions beside
them, and downloads the annotated Word copy — by keyboard only. No request leaves the service.
In CI (CI=true) a missing chromium or playwright fails the test instead of skipping it.
"""

from __future__ import annotations

import base64
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from checker.service.testing import running_service

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "samples" / "张伟_研发中心_网格表.docx"
CHROMIUM = os.environ.get("CHECKER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _need(condition: bool, why: str) -> None:
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI 必须能运行浏览器测试:{why}(.ci/run 会安装 chromium 与 playwright)")
    pytest.skip(why)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need(False, "没有安装 Python 包 playwright")
    _need(Path(CHROMIUM).is_file(), f"没有 chromium({CHROMIUM});Debian: apt-get install -y chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def base_url():
    with running_service("--workers", "1") as url:
        yield url


def test_manager_checks_a_draft_and_downloads_the_annotated_copy(browser, base_url, tmp_path):
    context = browser.new_context(accept_downloads=True, locale="zh-CN")
    page = context.new_page()
    outside = []
    page.on("request", lambda req: None if req.url.startswith((base_url, "blob:", "data:")) else outside.append(req.url))
    page.goto(base_url + "/")
    assert page.title() == "绩效面谈记录自查"
    assert page.locator("html").get_attribute("lang") == "zh-CN"

    # keyboard: Tab reaches the file button (after the skip link), Enter opens the chooser
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "choose"
    choosers = []
    page.on("filechooser", lambda chooser: choosers.append(chooser))
    page.evaluate("1")  # a round trip: the chooser is intercepted before the key goes down
    page.keyboard.press("Enter")
    for _ in range(300):
        if choosers:
            break
        page.wait_for_timeout(100)
    assert choosers, "Enter on the focused button opened no file chooser"
    choosers[0].set_files(str(DRAFT))

    status = page.locator("#status")
    status.filter(has_text="检查完成").wait_for(timeout=30_000)
    assert page.evaluate("document.activeElement.id") == "result"  # focus moves to the result
    record = page.locator("article.record").first
    score = int(record.locator(".score").inner_text().split()[0])
    verdict = record.locator(".verdict").inner_text()
    assert verdict in ("合格", "需修改", "不合格") and 0 <= score <= 100
    assert f"得分 {score}" in status.inner_text() and verdict in status.inner_text()

    # findings by field: the problem words are marked, the message and suggestion are beside them
    marks = record.locator("section.field mark")
    assert marks.count() >= 1
    field = record.locator("section.field", has=page.locator("mark")).first
    assert field.locator("h4").inner_text()  # the field's Chinese name
    assert not field.locator("h4").inner_text().isascii()
    item = field.locator("ol.findings li").first
    assert item.locator(".message").inner_text()
    assert item.locator(".suggestion").inner_text().startswith("建议:")
    # a marked text is a real part of that field's text
    assert marks.first.inner_text() in field.locator(".text").inner_text()

    # download the annotated Word copy, by keyboard
    download_button = page.locator("#download")
    assert download_button.is_visible() and "Word" in download_button.inner_text()
    download_button.focus()
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "张伟_研发中心_网格表.checked.docx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    comments = zipfile.ZipFile(saved).read("word/comments.xml").decode()
    assert "面谈记录质检" in comments

    # dropping a file on the drop zone works the same way
    page.locator("#again").click()
    data = base64.b64encode(DRAFT.read_bytes()).decode()
    page.evaluate(
        """([data, name]) => {
            const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], name));
            const zone = document.getElementById('drop');
            zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
            zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
        }""",
        [data, "拖进来的.docx"],
    )
    page.locator("#status", has_text="检查完成").wait_for(timeout=30_000)
    assert page.locator("article.record").count() == 1
    assert outside == []  # no CDN, no fonts, nothing beyond the service
    context.close()


def test_page_asks_for_a_token_when_the_service_needs_one(browser):
    with running_service("--workers", "1", env={"CHECKER_TOKENS": "s3cret"}) as url:
        page = browser.new_page()
        page.goto(url + "/")
        page.locator("#file").set_input_files(str(DRAFT))
        page.locator("#token-box").wait_for(state="visible", timeout=30_000)
        assert page.evaluate("document.activeElement.id") == "token"
        page.keyboard.type("s3cret")
        page.keyboard.press("Enter")
        page.locator("#status", has_text="检查完成").wait_for(timeout=30_000)
        assert page.locator("article.record .verdict").count() == 1
        page.close()


def test_docs_render_without_a_cdn(browser, base_url):
    page = browser.new_page()
    outside = []
    page.on("request", lambda req: None if req.url.startswith(base_url) else outside.append(req.url))
    page.goto(base_url + "/docs")
    page.locator(".swagger-ui .opblock").first.wait_for(timeout=30_000)
    assert page.locator(".opblock-summary-path", has_text="/api/v1/audit").count() >= 1
    assert outside == []
    page.close()


