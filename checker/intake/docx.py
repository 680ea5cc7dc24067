"""Word (.docx/.docm/.dotx) -> one Record.

Reads the main document part's XML directly (not python-docx's object model)
so that content controls, tracked insertions, .docm files and malformed
tables are read the same way: text of insertions and content controls is kept,
deletions and the fallback copies of drawings are skipped. Headers, footers
and the document title are never field values.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field

from lxml import etree

from checker.intake.errors import InputError
from checker.intake.evidence import is_record, not_a_record
from checker.intake.fields import AliasTable
from checker.intake.grid import (
    DATE,
    SENTENCE_MARK,
    SIGNATURE_OF,
    FoundValue,
    Grid,
    GridCell,
    looks_like_header,
    read_form,
    resolve_dates,
    split_inline_pairs,
)
from checker.intake.ooxml import Package
from checker.model import FieldValue, Location, Record, trusted

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Qualified tag names, built once: the readers compare tags millions of times in a batch.
W_B = w("b")
W_BODY = w("body")
W_BR = w("br")
W_CHAR = w("char")
W_CR = w("cr")
W_CUSTOMXML = w("customXml")
W_DEL = w("del")
W_DELTEXT = w("delText")
W_GRIDBEFORE = w("gridBefore")
W_GRIDSPAN = w("gridSpan")
W_INS = w("ins")
W_INSTRTEXT = w("instrText")
W_JC = w("jc")
W_MOVEFROM = w("moveFrom")
W_NAME = w("name")
W_OUTLINELVL = w("outlineLvl")
W_P = w("p")
W_PPR = w("pPr")
W_PSTYLE = w("pStyle")
W_R = w("r")
W_RPR = w("rPr")
W_SDT = w("sdt")
W_SDTCONTENT = w("sdtContent")
W_SMARTTAG = w("smartTag")
W_STYLE = w("style")
W_STYLEID = w("styleId")
W_SYM = w("sym")
W_T = w("t")
W_TAB = w("tab")
W_TABS = w("tabs")
W_TBL = w("tbl")
W_TC = w("tc")
W_TCPR = w("tcPr")
W_TR = w("tr")
W_TRPR = w("trPr")
W_TXBXCONTENT = w("txbxContent")
W_VMERGE = w("vMerge")
W_VAL = w("val")

_SKIP = {
    W_TXBXCONTENT,
    W_DEL,
    W_MOVEFROM,
    W_RPR,
    W_PPR,
    f"{{{MC}}}Fallback",
    W_INSTRTEXT,
    W_DELTEXT,
}
# Wingdings / Symbol code points Word uses for ticked and empty boxes.
_SYMBOLS = {
    "F0FE": "☑",
    "F0FD": "☒",
    "F078": "☒",
    "F052": "☑",
    "F0A8": "□",
    "F06F": "□",
    "F0A3": "□",
    "F053": "☒",
}
_MAX_NESTING = 8


@dataclass
class Styles:
    names: dict[str, str] = field(default_factory=dict)  # styleId -> lower-case name
    outline: dict[str, int] = field(default_factory=dict)
    bold: set[str] = field(default_factory=set)

    def is_heading(self, style_id: str) -> bool:
        name = self.names.get(style_id, style_id.lower())
        return (
            name.startswith(("heading", "title", "标题", "subtitle"))
            or style_id in self.outline
            or bool(re.match(r"^heading ?\d", name))
        )


# styles.xml is the same in every file made from one template and costs more to parse than the
# document itself: parsed once per distinct part (its zip CRC, sizes and name identify it).
_STYLES_CACHE: OrderedDict[tuple, Styles] = OrderedDict()
_STYLES_CACHE_SIZE = 64


def read_styles(pkg: Package, main: str) -> Styles:
    parts = [
        _styles_part(pkg, target)
        for rel_type, target in pkg.relationships(main).values()
        if rel_type.endswith("/styles") and pkg.has(target)
    ]
    if len(parts) == 1:
        return parts[0]  # the one styles part, shared from the cache: nothing downstream changes it
    styles = Styles()
    for part in parts:
        styles.names.update(part.names)
        styles.outline.update(part.outline)
        styles.bold |= part.bold
    return styles


def _styles_part(pkg: Package, target: str) -> Styles:
    info = pkg.zip.getinfo(pkg._names[target.lstrip("/")])
    key = (info.CRC, info.file_size, info.compress_size, target)
    cached = _STYLES_CACHE.get(key)
    if cached is None:
        cached = _parse_styles(pkg.xml(target))
        _STYLES_CACHE[key] = cached
        if len(_STYLES_CACHE) > _STYLES_CACHE_SIZE:
            _STYLES_CACHE.popitem(last=False)
    else:
        _STYLES_CACHE.move_to_end(key)
    return cached


_STYLE, _STYLE_ID, _NAME, _VAL = W_STYLE, W_STYLEID, W_NAME, W_VAL
_OUTLINE_PATH, _BOLD_PATH = f"{W_PPR}/{W_OUTLINELVL}", f"{W_RPR}/{W_B}"


def _parse_styles(root: etree._Element) -> Styles:
    styles = Styles()
    for st in root.iter(_STYLE):
        sid = st.get(_STYLE_ID, "")
        name = st.find(_NAME)
        styles.names[sid] = (name.get(_VAL, "") if name is not None else "").lower()
        lvl = st.find(_OUTLINE_PATH)
        if lvl is not None and lvl.get(_VAL, "9").isdigit() and int(lvl.get(_VAL, "9")) < 9:
            styles.outline[sid] = int(lvl.get(_VAL))
        if st.find(_BOLD_PATH) is not None:
            styles.bold.add(sid)
    return styles


# Elements whose subtree a paragraph's text leaves out (text boxes, deletions, fallbacks, nested tables).
_SUBTREES_LEFT_OUT = frozenset((W_TXBXCONTENT, W_DEL, W_MOVEFROM, f"{{{MC}}}Fallback", W_TBL))
_OTHER_TEXT_TAGS = frozenset((W_TAB, W_BR, W_CR, W_SYM))


@dataclass(slots=True)
class Paragraph:
    """A paragraph read in one pass: its visible text and, for a paragraph of plain runs, each run's
    [w:rPr/w:b, holds text] (None when the runs are unusual: paragraph_is_bold reads the tree)."""

    element: etree._Element
    text: str
    runs: list[list] | None


def read_paragraph(p: etree._Element) -> Paragraph:
    """The visible text of a paragraph (insertions and content controls in, deletions out) and its
    runs' boldness facts, from one walk of its nodes.

    lxml's unfiltered iterator is the cheapest way through a small subtree (a tag filter costs more
    to set up than the few nodes of a cell paragraph); the run facts are kept only while every w:t
    is a child of the latest run and no run sits inside another, where they equal what
    paragraph_is_bold's own search would find."""
    parts: list[str] = []
    runs: list[list] = []
    run = rpr = current = None
    simple = True
    for node in p.iter():
        tag = node.tag
        if tag == W_T:
            text = node.text or ""
            parts.append(text)
            if simple:
                if run is None or node.getparent() is not run:
                    simple = False
                elif not current[1] and text.strip():
                    current[1] = True
        elif tag == W_R:
            if run is not None and _inside(node, run, p):
                simple = False
            run, rpr, current = node, None, [None, False]
            runs.append(current)
        elif tag == W_RPR:
            if run is not None and node.getparent() is run:
                rpr = node  # a later w:rPr counts only while no w:b was found
        elif tag == W_B:
            if rpr is not None and current[0] is None and node.getparent() is rpr:
                current[0] = node
        elif tag in _OTHER_TEXT_TAGS:
            parts.append(_text_of(node))
        elif tag in _SUBTREES_LEFT_OUT:
            return Paragraph(p, _run_text_walk(p), None)
    return Paragraph(p, "".join(parts), runs if simple else None)


def _inside(node: etree._Element, ancestor: etree._Element, stop: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _text_of(node: etree._Element) -> str:
    tag = node.tag
    if tag == W_TAB:
        return "" if node.getparent().tag == W_TABS else "\t"  # a tab stop of the paragraph's properties
    if tag == W_SYM:
        return _SYMBOLS.get((node.get(W_CHAR) or "").upper()[-4:], "□")
    return "\n"  # br, cr


def _run_text_walk(element: etree._Element) -> str:
    out: list[str] = []
    stack = [iter([element])]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        tag = node.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W_T:
            out.append(node.text or "")
        elif tag == W_TAB:
            out.append("\t")
        elif tag in (W_BR, W_CR):
            out.append("\n")
        elif tag == W_SYM:
            out.append(_SYMBOLS.get((node.get(W_CHAR) or "").upper()[-4:], "□"))
        elif tag == W_TBL:
            continue  # nested tables are read as tables, not as paragraph text
        else:
            stack.append(iter(node))
    return "".join(out)


def paragraph_is_bold(p: etree._Element | Paragraph, styles: Styles) -> bool:
    """Every run holding text is bold (its own w:b, or the paragraph style's); False without text."""
    para = p if isinstance(p, Paragraph) else read_paragraph(p)
    if para.runs is None:
        return _paragraph_is_bold_search(para.element, styles)
    seen_text = False
    style_bold = None
    for b, text in para.runs:
        if not text:
            continue
        seen_text = True
        if b is None:
            if style_bold is None:
                style_bold = _style_is_bold(para.element, styles)
            if not style_bold:
                return False  # most value cells stop at their first run
        elif b.get(W_VAL, "true") in ("0", "false"):
            return False
    return seen_text


def _style_is_bold(p: etree._Element, styles: Styles) -> bool:
    if not styles.bold:
        return False
    style = _first_property(p, W_PPR, W_PSTYLE)
    return style is not None and style.get(W_VAL, "") in styles.bold


def _paragraph_is_bold_search(p: etree._Element, styles: Styles) -> bool:
    """paragraph_is_bold for runs inside runs or text outside runs (ruby, odd generators)."""
    style_bold = _style_is_bold(p, styles)
    seen_text = False
    for r in p.iter(W_R):
        if not any((t.text or "").strip() for t in r.iter(W_T)):
            continue
        seen_text = True
        b = r.find(_RUN_BOLD_PATH)
        if b is None:
            if not style_bold:
                return False
        elif b.get(W_VAL, "true") in ("0", "false"):
            return False
    return seen_text


_RUN_BOLD_PATH = f"{W_RPR}/{W_B}"


def paragraph_style(p: etree._Element) -> str:
    style = _first_property(p, W_PPR, W_PSTYLE)
    return style.get(W_VAL, "") if style is not None else ""


def block_children(container):
    """Paragraphs and tables in document order, looking through content controls and custom XML.
    `container` is an element or a list of its children (a caller that already has them)."""
    for child in container:
        tag = child.tag
        if tag in (W_P, W_TBL):
            yield child
        elif tag in _BLOCK_WRAPPERS:
            inner = child.find(W_SDTCONTENT) if tag == W_SDT else child
            if inner is not None:
                yield from block_children(inner)


_BLOCK_WRAPPERS = frozenset((W_SDT, W_CUSTOMXML, W_INS, W_SMARTTAG))
_ROW_WRAPPERS = frozenset((W_SDT, W_CUSTOMXML))


# ---------------------------------------------------------------- tables


def _row_cells(children):
    """The w:tc of a row (an element, or the list of its children), through content controls."""
    for child in children:
        tag = child.tag
        if tag == W_TC:
            yield child
        elif tag in _ROW_WRAPPERS:
            inner = child.find(W_SDTCONTENT) if tag == W_SDT else child
            if inner is not None:
                yield from _row_cells(inner)


def _table_rows(tbl: etree._Element):
    for child in tbl:
        tag = child.tag
        if tag == W_TR:
            yield child
        elif tag in _ROW_WRAPPERS:
            inner = child.find(W_SDTCONTENT) if tag == W_SDT else child
            if inner is not None:
                yield from _table_rows(inner)


def _first_property(children, props_tag: str, tag: str) -> etree._Element | None:
    """element.find("<props_tag>/<tag>") over a list of children, without ElementPath."""
    for child in children:
        if child.tag == props_tag:
            for prop in child:
                if prop.tag == tag:
                    return prop
    return None


def _cell_parts(tc: etree._Element) -> tuple[int, str | None, list]:
    """A cell's grid span and vMerge value (from its first w:tcPr) and its blocks (block_children),
    from one pass over its children."""
    props = None
    blocks = []
    for child in tc:
        tag = child.tag
        if tag in (W_P, W_TBL):
            blocks.append(child)
        elif tag == W_TCPR:
            if props is None:
                props = child
        elif tag in _BLOCK_WRAPPERS:
            inner = child.find(W_SDTCONTENT) if tag == W_SDT else child
            if inner is not None:
                blocks.extend(block_children(inner))
    if props is None:
        return 1, None, blocks
    gs = vm = None
    for prop in props:
        tag = prop.tag
        if tag == W_GRIDSPAN and gs is None:
            gs = prop
        elif tag == W_VMERGE and vm is None:
            vm = prop
    span = 1
    if gs is not None and (gs.get(W_VAL) or "1").isdigit():
        span = max(1, min(int(gs.get(W_VAL)), 64))
    return span, (vm.get(W_VAL, "continue") if vm is not None else None), blocks


def cell_text(blocks: list, styles: Styles, depth: int) -> tuple[str, bool]:
    """A cell's text (its paragraphs a line each, nested tables as lines) and whether it is all bold."""
    lines: list[str] = []
    bold = True
    any_text = False
    for block in blocks:
        if block.tag == W_P:
            para = read_paragraph(block)
            text = para.text
            lines.append(text)
            if text.strip():
                any_text = True
                bold = bold and paragraph_is_bold(para, styles)
        elif depth < _MAX_NESTING:
            lines.extend(table_as_lines(block, styles, depth + 1))
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines), bold and any_text


def table_grid(tbl: etree._Element, styles: Styles, table_no: int, depth: int = 0) -> Grid:
    rows: list[list[GridCell]] = []
    open_vmerge: dict[int, GridCell] = {}
    for r, tr in enumerate(_table_rows(tbl)):
        row: list[GridCell] = []
        cells = list(tr)  # each child once: the row's properties and its cells come from this list
        col = 0
        before = _first_property(cells, W_TRPR, W_GRIDBEFORE)
        if before is not None and (before.get(W_VAL) or "0").isdigit():
            col = int(before.get(W_VAL))
        where = f"表{table_no} 第{r + 1}行第"
        for tc in _row_cells(cells):
            span, vmerge, blocks = _cell_parts(tc)
            if vmerge == "continue" and col in open_vmerge:
                above = open_vmerge[col]
                above.rowspan = r - above.row + 1
                col += span
                continue
            text, bold = cell_text(blocks, styles, depth)
            # text, row, col, ref, rowspan, colspan, bold: positional (a keyword call costs twice as much)
            cell = GridCell(text, r, col, f"{where}{col + 1}列", 1, span, bold)
            if vmerge == "restart":
                open_vmerge[col] = cell
            else:
                open_vmerge.pop(col, None)
            row.append(cell)
            col += span
        rows.append(row)
    return Grid.build(rows)


def table_as_lines(tbl: etree._Element, styles: Styles, depth: int = 0) -> list[str]:
    """A plan table as text: header row left out, each other row one line, cells joined by a space."""
    grid = table_grid(tbl, styles, 0, depth)
    rows = [[c.text.replace("\n", " ").strip() for c in row] for row in grid.rows]
    rows = [r for r in rows if any(r)]
    if len(rows) >= 2 and looks_like_header(rows[0], grid.rows[0]):
        rows = rows[1:]
    return [" ".join(c for c in r if c) for r in rows]


def form_in_table(
    tbl: etree._Element,
    styles: Styles,
    table_no: int,
    table: AliasTable,
    depth: int = 0,
    extras: list[FoundValue] | None = None,
):
    """The label/value pairs of a table; a layout table that only wraps the real form (a one-cell
    frame, a letterhead column) is looked through to the tables nested in its cells. Pairs of
    labels no field knows go to `extras`."""
    found = read_form(table_grid(tbl, styles, table_no), table, extras)
    if len(found) >= 2 or depth >= _MAX_NESTING:
        return found
    nested = []
    for tr in _table_rows(tbl):
        for tc in _row_cells(tr):
            for inner in (b for b in block_children(tc) if b.tag == W_TBL):
                nested.extend(form_in_table(inner, styles, table_no, table, depth + 1))
    return nested if len(nested) > len(found) else found


# ---------------------------------------------------------------- the body


@dataclass
class _Collector:
    table: AliasTable
    source: str
    values: dict[str, FieldValue] = field(default_factory=dict)
    dates: list[FoundValue] = field(default_factory=list)  # bare 日期 labels, resolved at the end
    extras: list[FoundValue] = field(default_factory=list)  # labels of no known field, with values
    moved: set[str] = field(default_factory=set)  # keys filled by a displaced summary, not their own label

    def signed_above(self, pairs: list[tuple[str, str, str, str]]) -> None:
        """The people named on the line above a line of dates signed: their names are signatures."""
        for key, label, value, where in pairs:
            if key not in SIGNATURE_OF:
                continue
            current = self.values.get(key)
            if current is not None and current.location and current.location.cell == where:
                del self.values[key]
            self.put(SIGNATURE_OF[key], value, where, label)

    def finish(self) -> None:
        for f in resolve_dates(self.dates):
            self.put(f.key, f.text, f.ref, f.label)

    def put(self, key: str, text: str, where: str, label: str) -> None:
        text = text.strip("\n")
        if key == DATE:
            self.dates.append(FoundValue(key, text, where, label))
            return
        current = self.values.get(key)
        # The first place a field is filled wins; an empty earlier label is replaced; a stronger
        # label of the same field (fields.yaml `prefer`) replaces a weaker one.
        stronger = (
            current is not None
            and text.strip()
            and current.location is not None
            and self.table.rank(label) < self.table.rank(current.location.label)
            and self.table.rank(label)[0] < len(self.table.prefer.get(key, ()))
        )
        own = key in self.moved and text.strip()  # "员工自评" after a displaced summary: its own label wins
        if current is None or (not current.text.strip() and text.strip()) or stronger or own:
            self.moved.discard(key)
            self.values[key] = body_value(text, self.source, where, label)
            if stronger:
                self._displaced(key, current.text, current.location.cell, current.location.label)
        elif current.text.strip() and text.strip() and current.location and current.location.label != label:
            self._displaced(key, text, where, label)

    def _displaced(self, key: str, text: str, where: str, label: str) -> None:
        """A summary that lost to the manager's evaluation ("试用期间工作总结" next to "部门负责人意见")
        is the employee's own account (fields.yaml `labels.displaced`), unless the manager wrote it."""
        target = self.table.displaced.get(key)
        found = self.table.match(label)
        if target and target not in self.values and found is not None and found.role != "manager_name":
            self.moved.add(target)
            self.values[target] = body_value(text, self.source, where, label)

    def put_found(self, found: list[FoundValue]) -> None:
        for f in found:
            self.put(f.key, f.text, f.ref, f.label)


def body_value(text: str, source: str, where: str, label: str) -> FieldValue:
    """FieldValue(text, Location(source, "正文", where, label)) built without pydantic's validation
    (model.trusted): every part is a str this reader made, and a form has dozens of them."""
    location = trusted(Location, {"file": source, "part": "正文", "cell": where, "label": label})
    return trusted(FieldValue, {"text": text, "location": location})


def _is_section_title(para: Paragraph, styles: Styles) -> bool:
    p, text = para.element, para.text
    style = paragraph_style(p)
    if style and styles.is_heading(style):
        return True
    if _first_property(p, W_PPR, W_OUTLINELVL) is not None:
        return True
    stripped = text.strip()
    if _PART_TITLE.match(stripped) and len(stripped) <= 60 and not SENTENCE_MARK.search(stripped):
        return True  # "V. GOALS FOR NEXT REVIEW PERIOD (下一审查期目标)", "第二部分  绩效改进计划"
    if len(stripped) > 30 or SENTENCE_MARK.search(stripped):
        return False
    if paragraph_is_bold(para, styles):
        return True
    if _NUMBERED_LABEL.match(stripped):
        return True  # "1. 基本信息:"
    return bool(_CHINESE_NUMBERED.match(stripped))


# compiled once: every body paragraph of every form is tested against them
_NUMBERED_LABEL = re.compile(r"^\d{1,2}[、.．]\s*[^\s:：]{1,12}[:：]$")
_CHINESE_NUMBERED = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_PART_TITLE = re.compile(r"^(?:[IVX]{1,4}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+)[.、．]\s*\S|^第[一二三四五六七八九十]+部分")


def _centered(p: etree._Element) -> bool:
    jc = _first_property(p, W_PPR, W_JC)
    return jc is not None and jc.get(W_VAL, "") == "center"


def _numbered_section(text: str, pairs) -> bool:
    return len(pairs) == 1 and bool(pairs[0][2].strip()) and bool(_NUMBERED_TITLE.match(text))


_NUMBERED_TITLE = re.compile(r"\s*\d{1,2}[、.．]\s*\S")


def parse_docx(pkg: Package, source: str, table: AliasTable) -> list[Record]:
    main = pkg.main_part()
    if main is None or not pkg.has(main):
        raise InputError("not-docx", "不是 Word 文档:找不到正文部分")
    root = pkg.xml(main)
    body = root.find(W_BODY)
    if body is None:
        raise InputError("not-docx", "不是 Word 文档:正文为空")
    styles = read_styles(pkg, main)
    out = _Collector(table, source)
    section: str | None = None
    section_label = ""
    section_lines: list[str] = []
    section_where = ""
    paragraph_no = 0
    table_no = 0
    previous_pairs: list[tuple[str, str, str, str]] = []  # the last "标签:值" line, for a date line under it

    section_had_pairs = False

    def close_section() -> None:
        nonlocal section, section_lines, section_had_pairs
        # a title over "标签:值" lines ("八、签字确认") is a heading, not a field of its own
        if section is not None and not (section_had_pairs and not section_lines):
            while section_lines and not section_lines[-1].strip():
                section_lines.pop()
            out.put(section, "\n".join(section_lines), section_where, section_label)
        section, section_lines, section_had_pairs = None, [], False

    for block in block_children(body):
        if block.tag == W_TBL:
            table_no += 1
            found = form_in_table(block, styles, table_no, table, extras=out.extras)
            if section is not None and len(found) < 2:
                if len(found) == 1 and found[0].key == section and found[0].text.strip():
                    section_lines.append(found[0].text)  # the section's plan table, not the rows around it
                else:
                    section_lines.extend(table_as_lines(block, styles))
                continue
            close_section()
            out.put_found(found)
            continue
        paragraph_no += 1
        para = read_paragraph(block)
        text = para.text
        if not text.strip():
            continue
        where = f"第{paragraph_no}段"
        stripped = text.strip()
        title_key = table.lookup(stripped) if len(stripped) <= 30 else None
        if title_key and not out.values and section is None and table_no == 0 and _centered(block):
            continue  # the document's own title ("绩效改进计划" centred on top), not a section
        if title_key:
            close_section()
            section, section_label, section_where = title_key, stripped, where
            continue
        pairs = split_inline_pairs(text, table)
        if pairs and _numbered_section(text, pairs):
            close_section()  # "2. 绩效总结:本季度……" and the lines after it
            section, section_label, section_where = pairs[0][0], pairs[0][1], where
            section_lines = [pairs[0][2]]
            continue
        if pairs:
            if len(pairs) == 1 and not pairs[0][2].strip():
                close_section()
                section, section_label, section_where = pairs[0][0], pairs[0][1], where
                continue
            if all(key == DATE for key, _, _ in pairs):
                out.signed_above(previous_pairs)  # "考核人:张三   被考核人:李四" over "日期:…   日期:…"
            for key, label, value in pairs:
                out.put(key, value, where, label)
            previous_pairs = [(key, label, value, where) for key, label, value in pairs]
            section_had_pairs = section is not None
            continue
        if _is_section_title(para, styles):
            close_section()
            continue
        if section is not None:
            section_lines.append(text)
    close_section()
    out.finish()
    if not out.values:
        raise InputError(
            "no-fields", "没有识别出任何面谈记录字段:文件可能不是面谈记录模板(可用 checker fields 查看)"
        )
    if not is_record(set(out.values), table, paragraph_no):
        raise not_a_record(source, out.values, table)
    extra = {f.label: body_value(f.text, source, f.ref, f.label) for f in out.extras}
    return [Record(source=source, fields=out.values, extra=extra)]
