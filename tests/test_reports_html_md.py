"""HTML and Markdown reports: parsed back, every finding and every unreadable file present."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.reports.common import common_root, relative_source
from tests.fixtures.reports_support import broken_file, load_json, run_audit, sample_inputs


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    run_audit([*sample_inputs(), broken_file(out)], out, ["json", "html", "md"])
    return out


class ReportParser(HTMLParser):
    """Collects the text, the <mark> text per (record, finding number) and external references."""

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.marks: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.external: list[str] = []
        self.record = ""
        self.open_marks: list[list[int]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("class") == "record":
            self.record = attrs["id"]
        if tag == "mark":
            self.open_marks.append([int(n) for n in (attrs.get("data-findings") or "").split()])
        for key in ("src", "href"):
            if attrs.get(key) and not attrs[key].startswith("#"):
                self.external.append(attrs[key])
        if tag == "link":
            self.external.append(str(attrs))

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data):
        self.text.append(data)
        for numbers in self.open_marks:
            for n in numbers:
                self.marks[(self.record, n)].append(data)


@pytest.fixture(scope="module")
def parsed(out):
    parser = ReportParser()
    parser.feed((out / "report.html").read_text(encoding="utf-8"))
    parser.close()
    return parser, load_json(out)


def _ordered(rec: dict) -> list[dict]:
    order = {k: i for i, k in enumerate(rec["fields"])}
    return sorted(
        rec["findings"], key=lambda f: (order.get(f["field"], len(order)), f["start"], f["end"], f["rule"])
    )


def test_html_is_self_contained(parsed):
    parser, _ = parsed
    assert parser.external == []


def test_html_has_summary_and_every_finding_highlighted(parsed):
    parser, report = parsed
    text = "".join(parser.text)
    assert "合格率" in text and "无法读取的文件" in text
    for i, rec in enumerate(report["records"], 1):
        assert f"得分 {rec['score']}" in text
        for n, f in enumerate(_ordered(rec), 1):
            assert f["message"] in text
            assert f["suggestion"] in text
            marked = "".join(parser.marks[(f"r{i}", n)])
            assert marked == (f["text"] or "(空)"), (rec["source"], f)


def test_html_lists_unreadable_files(parsed):
    parser, report = parsed
    text = "".join(parser.text)
    assert report["errors"]
    inputs = [*sample_inputs(), *(Path(err["source"]) for err in report["errors"])]
    for err in report["errors"]:
        # named relative to the folder the inputs share (where the checkout sits decides which that is)
        shown = relative_source(err["source"], common_root(inputs))
        assert shown in text and err["message"] in text


def test_html_parses_with_lxml(out):
    lxml_html = pytest.importorskip("lxml.html")
    tree = lxml_html.parse(str(out / "report.html"))
    assert len(tree.xpath("//section[@class='record']")) == len(load_json(out)["records"])
    assert tree.xpath("//style[contains(., '@media print')]")


def test_markdown_has_a_section_per_record_and_every_finding(out):
    md = (out / "report.md").read_text(encoding="utf-8")
    report = load_json(out)
    sections = [line for line in md.splitlines() if line.startswith("## ") and "得分" in line]
    assert len(sections) == len(report["records"])
    plain = md.replace("\\", "")
    for rec in report["records"]:
        for f in rec["findings"]:
            assert f["message"] in plain and f["suggestion"] in plain
            assert f"**{f['text']}**" in plain if f["text"] and "\n" not in f["text"] else True
    for err in report["errors"]:
        assert err["message"] in plain
