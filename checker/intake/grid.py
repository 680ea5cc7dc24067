"""Reading label/value forms out of a grid of cells.

Word tables and Excel form sheets are both grids: rows of cells, some merged.
The parsers turn their format into `GridCell`s (merged cells once, at their
top-left position) and this module finds which cells are labels and where
their values are:

- label beside value ("姓名 | 张三 | 部门 | 技术部"), any number of pairs a row;
- label above value (a row of labels over a row of values);
- a label merged over several rows, each row holding one more line of value;
- label and value in one cell ("面谈地点:3楼会议室", several pairs a line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from checker.intake.fields import AliasTable, fold

# "标签:值" — the label is short and has no colon of its own.
_INLINE_PAIR = re.compile(r"(?:^|(?<=[\s\u3000]))([^\s\u3000:：]{1,16}?)\s*[:：]")


@dataclass
class GridCell:
    text: str
    row: int
    col: int
    ref: str  # "R3C2" (Word) or "B5" (Excel)
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False
    memo: tuple | None = field(default=None, repr=False, compare=False)  # (text, table id, label key)


@dataclass
class FoundValue:
    key: str
    text: str
    ref: str
    label: str


@dataclass
class Grid:
    rows: list[list[GridCell]]
    # (row, col) -> the cell covering it, including the covered parts of merged cells
    covering: dict[tuple[int, int], GridCell] = field(default_factory=dict)

    @classmethod
    def build(cls, rows: list[list[GridCell]]) -> Grid:
        covering = {}
        for row in rows:
            for cell in row:
                for r in range(cell.row, cell.row + cell.rowspan):
                    for c in range(cell.col, cell.col + cell.colspan):
                        covering[(r, c)] = cell
        return cls(rows=rows, covering=covering)


_CJK = re.compile(r"[\u4e00-\u9fff]")
# Patterns of the label tests, compiled once: read_form calls them for every cell of every form.
SENTENCE_MARK = re.compile(r"[,，。；;]")
_TRAILING_NUMBER = re.compile(r"\d{1,2}$")
_NOT_LABEL_MARK = re.compile(r"\d|[,，。；;!！?？]")
_LABEL_PUNCT = re.compile(r"[\s:：_()（）/]+")
# split_compound's separators, compiled by re on first use (most forms never need the second)
_SLASH = r"[/／]"
_JOINED = r"及|和|与"
# "Employee Signature 员工签名:": the English half of a bilingual label before the Chinese one
_ENGLISH_LABEL = re.compile(r"\s*[A-Za-z][A-Za-z '’./&()-]*\s*")
_UNKNOWN_PAIR = re.compile(r"[ \u3000]{2,}[^\s:：,，。;；]{1,8}[:：]")
_TRAILING_ENGLISH = re.compile(r"[ \u3000]{2,}[A-Za-z][A-Za-z '’./&()-]*$")
_NUMBER_PREFIX = re.compile(r"\s*(?:\d{1,2}[.、．)）]|[一二三四五六七八九十]+[、.．]|[（(]\d{1,2}[)）])\s*")


# The next two patterns are compiled on first use (~15 ms for their CJK and full-width classes) and
# run only on lines that have both a colon and a space, without which neither can match.
@cache
def _bilingual_pair() -> re.Pattern:
    return re.compile(
        r"(?:(?<=^)|(?<=[\s\u3000]))([^\s\u3000:：]*[\u4e00-\u9fff][^\s\u3000:：A-Za-z]*)"
        r"[ \u3000]+[A-Za-z][A-Za-z '’./&-]*(?:\([A-Za-z '’./&-]*\))?\s*([:：])"
    )


@cache
def _spaced_label() -> re.Pattern:  # "面 谈 地 点:" — a label typed with spaces between its characters
    return re.compile(
        r"(?:^|(?<=[\s\u3000]))((?:[\u4e00-\u9fff][ \u3000]){1,5}[\u4e00-\u9fff])(?=[ \u3000]*[:：])"
    )


_BARE_TITLE = re.compile(r"[^:：\n]{1,12}[:：]\s*")


def split_inline_pairs(text: str, table: AliasTable) -> list[tuple[str, str, str]] | None:
    """["面谈地点:3楼会议室"] -> [(key, label, value)], or None when the text is not label:value.

    Several pairs may share a line ("姓名:张三    部门:技术部"); each value ends
    where the next known label starts. A first line that is only "标签:" takes
    the following lines as its value; a first line that is an unknown title
    ("双方签字确认:") over lines of pairs gives those pairs.
    """
    if ":" not in text and "：" not in text:
        return None  # every pattern below needs a colon: most value cells end here
    lines = text.split("\n")
    pairs = _line_pairs(lines[0], table)
    if pairs is None:
        return _titled_pair_lines(lines, table)
    if len(pairs) == 1 and not pairs[0][2]:
        # "双方签字确认:" over "员工签字:…" / "面谈人签字:…": the lines' own pairs
        inner = _titled_pair_lines(lines, table, known_title=True)
        if inner:
            return inner
    rest_lines = lines[1:]
    if pairs[-1][2] and pairs[-1][0] in _SIGNED:
        # "员工签字:段芳 2025-07-08" over "上级签字:陈立军 2025-07-08": one signature a line
        while rest_lines:
            more = _line_pairs(rest_lines[0], table)
            if not more or not all(p[0] in _SIGNED for p in more):
                break
            pairs.extend(more)
            rest_lines = rest_lines[1:]
    if rest_lines:
        rest = "\n".join(rest_lines).strip("\n")
        last = pairs[-1]
        last[2] = f"{last[2]}\n{rest}" if last[2] else rest
    return [tuple(p) for p in pairs]


# Labels stand near the start of a line; a huge line (a 1 MB pasted cell) is searched for them only
# in its first characters, so the label patterns never run over the whole of it.
_LABEL_WINDOW = 600


def _line_pairs(line: str, table: AliasTable) -> list[list[str]] | None:
    if len(line) > _LABEL_WINDOW:
        pairs = _line_pairs(line[:_LABEL_WINDOW], table)
        if pairs:
            pairs[-1][2] = (pairs[-1][2] + line[_LABEL_WINDOW:]).strip()
        return pairs
    if (":" in line or "：" in line) and (" " in line or "\u3000" in line):
        line = _spaced_label().sub(lambda m: re.sub(r"[ \u3000]", "", m.group(1)), line)
        # "试用期考核意见 Comments of Appraisal during probation period:": the Chinese label, then its English
        line = _bilingual_pair().sub(lambda m: m.group(1) + m.group(2), line)
    hits = [
        (m.start(1), m.end(), m.group(1))
        for m in _INLINE_PAIR.finditer(line)
        if (table.lookup(m.group(1)) or bare_label(m.group(1)) == DATE) and _label_like(m.group(1))
    ]
    lead = line[: hits[0][0]] if hits else ""
    if not hits or not _NUMBER_PREFIX.fullmatch(lead) and lead.strip() and not _ENGLISH_LABEL.fullmatch(lead):
        return None
    pairs = []
    for i, (_start, value_start, label) in enumerate(hits):
        value_end = hits[i + 1][0] if i + 1 < len(hits) else len(line)
        value = line[value_start:value_end]
        if i + 1 < len(hits):  # "刘佳琪      Position 职位:": the next label's English half is no value
            value = _TRAILING_ENGLISH.sub("", value)
        unknown = _UNKNOWN_PAIR.search(value)  # "配电检修工      导师:曹嘉欣": a label no field knows ends it
        if unknown:
            value = value[: unknown.start()]
        pairs.append([table.lookup(label) or DATE, label, value.strip()])
    if any(p[0] == DATE for p in pairs):  # "考核人:曾少华    日期:…": a signature line
        for p in pairs:
            p[0] = SIGNATURE_OF.get(p[0], p[0])
    return pairs


# A bare "日期" label: one in a document is the record's date; one per signature is no field.
DATE = "_date"
_SIGNED = ("employee_confirmation", "manager_signature", DATE)  # keys of a signature line
SIGNATURE_OF = {"employee_name": "employee_confirmation", "manager_name": "manager_signature"}
_SIGNED_BY = {
    "performance_summary": "manager_signature",
    "manager_name": "manager_signature",
    "manager_signature": "manager_signature",
    "employee_feedback": "employee_confirmation",
    "employee_name": "employee_confirmation",
    "employee_confirmation": "employee_confirmation",
}


_SIGNED_DATE = re.compile(r"\S\s*(?:日期|date)\s*[:：]", re.IGNORECASE)


def bare_label(text: str) -> str | None:
    """ "日期" / "Date 日期" -> DATE; "签字:" / "签名" -> "sign" (whose depends on the group label)."""
    # asked of every short cell of every form: the template's texts repeat, so short ones are memoised
    return _bare_label_memo(text) if len(text) <= 24 else _bare_label(text)


def _bare_label(text: str) -> str | None:
    t = _LABEL_PUNCT.sub("", fold(text)).lower()
    t = t.replace("date", "") if t != "date" else "日期"
    if t in ("日期", "年月日", "签名日期", "签名时间", "签字日期", "签字时间", "签署日期"):
        return DATE  # the date of the sign-off: a single one is the record's date
    if t in ("签字", "签名", "签章", "签字盖章"):
        return "sign"
    return None


_bare_label_memo = lru_cache(maxsize=4096)(_bare_label)


def split_compound(value: FoundValue, table: AliasTable) -> list[FoundValue]:
    """ "员工姓名/工号 | 张三/10023", "部门/职位 | 华东区门店/店长": a label naming two fields over a value
    holding two parts gives both fields; a label naming one thing ("部门/车间") keeps the whole."""
    parts = _label_parts(value.label, _SLASH)
    if len(parts) == 1 and value.text.count("/") == 1:
        parts = _label_parts(value.label, _JOINED)  # "所属部门及岗位 | 华东销售部/大客户经理"
    if len(parts) != 2 or not all(parts):
        return [value]
    keys = [table.lookup(p) for p in parts]
    if keys[0] == "employee_name" and keys[1] is None and re.search(r"(?i)(?:id|编号|工号)$", parts[1]):
        keys[1] = "employee_id"  # "姓名/人员ID | 卢淑华/CW98694"
    texts = [t.strip() for t in re.split(_SLASH, value.text)]
    if keys[0] in _PERSON_KEYS and keys[1] and keys[1] not in _PERSON_KEYS and len(texts) != 2:
        # "部门经理/主管评价": two writers of one evaluation, not two fields
        return [FoundValue(keys[1], value.text, value.ref, value.label)]
    if None in keys or keys[0] == keys[1] or len(texts) != 2 or value.key not in keys:
        return [value]
    return [FoundValue(k, t, value.ref, p) for k, t, p in zip(keys, texts, parts, strict=True)]


def _label_parts(label: str, sep: str) -> tuple[str, ...]:
    """A label's first line cut at `sep` (split_compound); a template's labels recur in every form."""
    return _split_label(label, sep) if len(label) <= 80 else _cut_label(label, sep)


def _cut_label(label: str, sep: str) -> tuple[str, ...]:
    label = fold(label).split("\n")[0].strip().rstrip(":：")
    return tuple(p.strip() for p in re.split(sep, label))


_split_label = lru_cache(maxsize=4096)(_cut_label)


def resolve_dates(found: list[FoundValue]) -> list[FoundValue]:
    """The bare 日期 labels of a document: a single one is the record date (when the document
    has no record-date label); several (one per signature) are no field."""
    dates = [f for f in found if f.key == DATE]
    out = [f for f in found if f.key != DATE]
    if len(dates) == 1 and not any(f.key == "record_date" for f in out):
        d = dates[0]
        out.append(FoundValue("record_date", d.text, d.ref, d.label))
    return out


def _titled_pair_lines(
    lines: list[str], table: AliasTable, known_title: bool = False
) -> list[tuple[str, str, str]] | None:
    rest = [line for line in lines[1:] if line.strip()]
    if not rest or not _BARE_TITLE.fullmatch(lines[0]) or (table.lookup(lines[0]) and not known_title):
        return None
    out = []
    for line in rest:
        pairs = _line_pairs(line, table)
        if pairs is None:
            return None
        out.extend(tuple(p) for p in pairs)
    return out


def _label_like(label: str) -> bool:
    # A date such as "15:00" or a sentence fragment is not a label.
    return not _TRAILING_NUMBER.search(label) and not SENTENCE_MARK.search(label)


def label_key(cell: GridCell | None, table: AliasTable) -> str | None:
    """The key a cell labels. Narrow label columns wrap ("面谈\n时间") and labels carry a hint
    on a second line ("改进计划\n(请写明完成时间)"): the lines are read as one label."""
    if cell is None:
        return None
    if cell.memo is not None and cell.memo[0] == cell.text and cell.memo[1] == id(table):
        return cell.memo[2]
    key = _label_key(cell.text.strip(), table)
    cell.memo = (cell.text, id(table), key)
    return key


def _label_key(text: str, table: AliasTable) -> str | None:
    if not text:
        return None
    if "\n" in text:
        joined = text.replace("\n", "")
        key = table.lookup(joined) if len(joined) <= 40 else None
        if key is None and text.count("\n") == 1 and len(joined) <= 60:
            # "Employee name:\n员工姓名:": a bilingual label, one language a line
            lines = [line.strip() for line in text.split("\n")]
            english = [line for line in lines if not _CJK.search(line)]
            chinese = [line for line in lines if _CJK.search(line)]
            if len(english) == 1 and len(chinese) == 1 and re.search("[A-Za-z]{2}", english[0]):
                key = table.lookup(chinese[0])
        return key
    return table.lookup(text)


def read_form(grid: Grid, table: AliasTable, extras: list[FoundValue] | None = None) -> list[FoundValue]:
    """All label/value pairs of a form grid, in reading order. With `extras`, the pairs whose label
    names no known field ("籍贯 | 湖南长沙", "考核日期 | 2024年10月10日") are added to it (key "")."""
    found: list[FoundValue] = []
    used: set[int] = set()  # id() of cells already taken as a value

    def take(key: str, cell: GridCell | None, label: str) -> None:
        text = cell.text if cell is not None and id(cell) not in used else ""
        ref = cell.ref if cell is not None else ""
        if cell is not None:
            used.add(id(cell))
        if key in SIGNATURE_OF and _SIGNED_DATE.search(text):
            key = SIGNATURE_OF[key]  # "考核人 | 张玉兰 日期:2025-07-07": a signature with its date
        found.extend(split_compound(FoundValue(key, text, ref, label), table))

    tables = row_tables(grid, table)
    for row in grid.rows:
        if row and row[0].row in tables:
            region = tables.pop(row[0].row)
            for r in region.rows:
                used.update(id(c) for c in r)
            if region.key:
                found.append(FoundValue(region.key, region.text(), region.ref, region.label))
            continue
        if row and any(id(c) in used for c in row) and all(id(c) in used or not c.text.strip() for c in row):
            continue
        row_keys = [label_key(c, table) or _bare_key(grid, c, table) for c in row]
        if DATE in row_keys and "employee_name" in row_keys and "manager_name" in row_keys:
            # "受评者 | 评估者 | … | 日期": the date among the two people's names is the talk's
            row_keys = ["interview_time" if k == DATE else k for k in row_keys]
        block = _person_block(grid, row, table)
        label_row = None  # _label_row of the row's keys, asked again only after they change
        for i, cell in enumerate(row):
            if id(cell) in used:
                continue
            if block is not None:
                if cell is block[1]:
                    used.add(id(cell))
                    continue
                row_keys[i] = _in_block(block[0], row_keys[i])
                label_row = None
                if row_keys[i] == "":
                    used.update(id(c) for c in row[i : i + 2])
                    continue
            key = row_keys[i]
            if key is None:
                for k, label, value in split_inline_pairs(cell.text, table) or []:
                    found.append(FoundValue(k, value, cell.ref, label))
                    used.add(id(cell))
                continue
            used.add(id(cell))
            if _group_title(row, row_keys, i):
                continue
            if _alone_in_row(row, i):
                block = _rows_below(grid, cell, table, used)
                if block is not None:
                    found.append(FoundValue(key, block[0], block[1], cell.text.strip()))
                    continue
            beside = row[i + 1] if i + 1 < len(row) else None
            if label_row is None:
                label_row = _label_row(row, row_keys)
            if label_row and _values_under(grid, cell, table):
                beside = None  # "签字 | 日期 | 记录日期 | (空)": the row is labels, the values are below
            if beside is not None and row_keys[i + 1] is None and not _is_inline(beside, table):
                take(key, beside, cell.text.strip())
                _continuation_rows(grid, cell, beside, found[-1], used)
                continue
            below = _value_below(grid, cell, table)
            if below is not None and (beside is None or row_keys[i + 1] is not None):
                take(key, below, cell.text.strip())
            else:
                take(key, None, cell.text.strip())
    if extras is not None:
        extras.extend(_unknown_pairs(grid, table, used))
    return _join_date_time(found)


def _unknown_pairs(grid: Grid, table: AliasTable, used: set[int]) -> list[FoundValue]:
    """Cells nothing took that read as a label of no known field, each with the cell beside it."""
    out = []
    for row in grid.rows:
        cells = [c for c in row if c.row == (row[0].row if row else -1)]
        i = 0
        while i < len(cells):
            cell = cells[i]
            text = cell.text.strip()
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            if (
                id(cell) not in used
                and text
                and _unknown_label_like(text.rstrip(":："))
                and not label_key(cell, table)
                and not bare_label(text)
                and nxt is not None
                and id(nxt) not in used
                and nxt.text.strip()
            ):
                out.append(FoundValue("", nxt.text, nxt.ref, text.rstrip(":：").strip()))
                i += 2
                continue
            i += 1
    return out


@dataclass
class RowTable:
    """A table inside a form whose rows are items, not label/value pairs: a plan table
    (序号 | 改进项目 | 预期结果 | 具体时限) or a rating matrix (评价维度 | 具体表现 | 评分标准 | 得分)."""

    header: list[GridCell]
    rows: list[list[GridCell]]  # header first
    key: str | None  # improvement_plan for a plan table; None for a matrix (no field)
    depth: int = 1  # header rows
    count: int = 0  # item rows (after the header rows; group and subtotal rows follow them)

    @property
    def label(self) -> str:
        return " | ".join(c.text.replace("\n", " ").strip() for c in self.header)

    @property
    def ref(self) -> str:
        return self.rows[1][0].ref if len(self.rows) > 1 else self.header[0].ref

    def text(self) -> str:
        items = self.rows[self.depth : self.depth + self.count]
        lines = [" ".join(c.text.replace("\n", " ").strip() for c in r if c.text.strip()) for r in items]
        return "\n".join(line for line in lines if line)


# Words of a plan table's column titles; a table with them and a time column is a plan.
PLAN_COLUMN_WORDS = ("改进", "措施", "行动", "整改", "提升计划")
_HEADER_CELL_MAX = 24


def row_tables(grid: Grid, table: AliasTable) -> dict[int, RowTable]:
    """First row -> RowTable for every region of the grid that is a header row over item rows:
    three or more short header cells, then rows with their cells in the same columns whose first
    cell is no label. A header made of field labels over a single row is a row of labels over a
    row of values instead (read_form's job)."""
    out: dict[int, RowTable] = {}
    rows = grid.rows
    r = 0
    while r < len(rows):
        header = [c for c in rows[r] if c.row == r]
        texts = [c.text.strip() for c in header]
        if (
            len(header) < 3
            or not all(texts)
            or any(len(t) > _HEADER_CELL_MAX or SENTENCE_MARK.search(t) for t in texts)
            or any(_FULL_DATE.fullmatch(t) for t in texts)  # "实际报到日期 | 2025-01-06 | …": labels, values
        ):
            r += 1
            continue
        keys = [label_key(c, table) for c in header]
        known = [k for k in keys if k and k != "improvement_plan"]
        # "姓名 | 邹晓丽 | 性别 | 女": a label followed by its value is a form row, not column titles
        # (tested first: it is what turns down most rows of a form, before their items are scanned)
        paired = any(
            k
            and k != "improvement_plan"
            and i + 1 < len(header)
            and not keys[i + 1]
            and not _unknown_label_like(header[i + 1].text.strip())
            for i, k in enumerate(keys)
        )
        if paired:
            r += 1
            continue
        # a two-level header ("标准分阶" over A/B/C/D/E, the other titles merged down): the items'
        # cells line up with the header's lowest cells
        depth = max(c.rowspan for c in header)
        if depth > 2 or r + depth > len(rows):
            r += 1
            continue
        bottom = r + depth - 1
        lower = [c for c in rows[bottom] if c.row == bottom] if depth > 1 else []
        leaves = sorted(
            [
                c
                for c in header
                if c.rowspan == depth or not any(x.col >= c.col and x.col < c.col + c.colspan for x in lower)
            ]
            + lower,
            key=lambda c: c.col,
        )
        if depth > 1 and any(len(c.text.strip()) > _HEADER_CELL_MAX for c in lower):
            r += 1
            continue
        shape = [(c.col, c.colspan) for c in leaves]
        items = []
        width = max(c.col + c.colspan for c in leaves)
        inner: list[list[GridCell]] = []  # group titles and subtotal rows inside a matrix: no items
        pending: list[list[GridCell]] = []
        for below in rows[r + depth :]:
            cells = [c for c in below if c.row == below[0].row] if below else []
            if not cells or _is_inline(cells[0], table):
                break
            same = [(c.col, c.colspan) for c in cells] == shape
            # an item may start with a label word ("时间 | 完成工作任务所花费的时间…"); a row of
            # labels, or a label row of another shape, ends the table
            if label_key(cells[0], table) and (
                not same or sum(1 for c in cells if label_key(c, table) or _bare_key(grid, c, table)) >= 2
            ):
                break
            if same:
                items.append(cells)
                inner.extend(pending)
                pending = []
            elif items and max(c.col + c.colspan for c in cells) == width and cells[0].col == leaves[0].col:
                pending.append(cells)  # kept only when more items follow it
            elif not items and len(cells) == 1 and cells[0].colspan > 1:
                pending.append(cells)  # "(A).责任" over the first items
            else:
                break
        folded = [normalise_cell_text(t) for t in texts]
        plan = any(k == "improvement_plan" for k in keys) or any(
            w in t for t in folded for w in PLAN_COLUMN_WORDS
        )
        if not items or (len(items) == 1 and len(known) >= 2) or (not plan and len(items) < 2):
            r += 1
            continue
        if len(known) >= 2 and not plan and len(known) * 2 >= len(header):
            r += 1  # a row of labels over rows of values: the fields are the labels'
            continue
        region = [header, *([lower] if lower else []), *items, *inner]
        out[r] = RowTable(header, region, "improvement_plan" if plan else None, depth, len(items))
        r = max(c.row for row_ in region for c in row_) + 1
    return out


_PERSON_KEYS = ("employee_name", "manager_name")
_PERSON_OWN = ("department", "position", "employee_id", "job_family")  # the manager's own: no field


def _person_block(grid: Grid, row: list[GridCell], table: AliasTable) -> tuple[str, GridCell] | None:
    """A row describing one person: "面谈人 | 姓名 | 李四 | 职务 | 经理" (the first cell may be merged
    down over several such rows). Returns the person's key and the block cell."""
    if not row:
        return None
    r = row[0].row
    first = grid.covering.get((r, 0))
    key = label_key(first, table)
    if key not in _PERSON_KEYS:
        return None
    sub = grid.covering.get((r, first.col + first.colspan))
    sub_key = label_key(sub, table) if sub is not None else None
    if sub_key is None or (
        sub_key in _PERSON_KEYS and re.sub(r"[\s:：]", "", sub.text) not in ("姓名", "名字")
    ):
        return None  # "受评者 | 评估者 | …": a row of labels, not one person's block
    value = grid.covering.get((r, sub.col + sub.colspan))
    if value is None or label_key(value, table) is not None:
        return None
    return key, first


def _in_block(person: str, key: str | None) -> str | None:
    """A sub-label inside a person block: 姓名 is that person's name; the interviewer's own 部门 /
    职务 are no field of the record ("")."""
    if key == "employee_name":
        return person
    if person == "manager_name" and key in _PERSON_OWN:
        return ""
    return key


def _join_date_time(found: list[FoundValue]) -> list[FoundValue]:
    """ "面谈日期" and "面谈时间" as two labels: one interview_time, date then time."""
    its = [f for f in found if f.key == "interview_time" and f.text.strip()]
    if len(its) != 2 or its[0].label == its[1].label:
        return found
    if not any("日期" in f.label for f in its) or not any("时间" in f.label for f in its):
        return found
    its[0].text = f"{its[0].text.strip()} {its[1].text.strip()}"
    return [f for f in found if f is not its[1]]


def _group_title(row: list[GridCell], row_keys: list[str | None], i: int) -> bool:
    """A group title merged down the first column ("绩效评价" over 绩效总结 / 优点 / 不足) has labels
    beside it, not a value: it names a group of fields, not a field."""
    return row[i].rowspan > 1 and i + 1 < len(row) and row_keys[i + 1] is not None


def _value_below(grid: Grid, cell: GridCell, table: AliasTable) -> GridCell | None:
    """The cell right under a label, when it starts in the same column and is a value, not a label."""
    below = grid.covering.get((cell.row + cell.rowspan, cell.col))
    if below is None or below.col != cell.col or label_key(below, table) is not None:
        return None
    return None if _is_inline(below, table) else below


def _values_under(grid: Grid, cell: GridCell, table: AliasTable) -> bool:
    """Under a label row: a value cell as wide as the label, in a row holding no label."""
    below = _value_below(grid, cell, table)
    if below is None or below.colspan > cell.colspan:
        return False
    return not any(label_key(c, table) for c in grid.rows[below.row] if c.row == below.row)


def _bare_key(grid: Grid, cell: GridCell, table: AliasTable) -> str | None:
    """A bare 日期 cell (DATE), or a bare 签字 cell under a group label ("主管意见 | 签字: | 曹俊杰"):
    the signature of whoever writes the group's field."""
    kind = bare_label(cell.text) if len(cell.text) <= 12 else None
    if kind != "sign":
        return kind
    left = grid.covering.get((cell.row, cell.col - 1)) if cell.col else None
    return _SIGNED_BY.get(label_key(left, table) or "") if left is not None else None


def _label_row(row: list[GridCell], row_keys: list[str | None]) -> bool:
    """A row of labels over a row of values: two or more labels, and the other cells (if any) read
    as labels of no known field ("年龄/Age", "转正日期"), not as values; labels the majority."""
    labels = sum(1 for k in row_keys if k)
    filled = [(c, k) for c, k in zip(row, row_keys, strict=True) if c.text.strip()]
    others = [c.text.strip() for c, k in filled if not k]
    # "部门 | 技术部 | 职位 | 工程师": label, value, label, value ... is a form row
    alternating = len(filled) >= 2 and all(bool(k) == (i % 2 == 0) for i, (_, k) in enumerate(filled))
    if others and alternating:
        return False
    return labels >= 2 and labels >= len(others) and all(_unknown_label_like(t) for t in others)


def _unknown_label_like(text: str) -> bool:
    return len(text) <= 16 and "\n" not in text and not _NOT_LABEL_MARK.search(text)


def _alone_in_row(row: list[GridCell], i: int) -> bool:
    return all(not c.text.strip() for j, c in enumerate(row) if j != i)


def _rows_below(grid: Grid, title: GridCell, table: AliasTable, used: set) -> tuple[str, str] | None:
    """A title row ("二、改进计划" across the table) over rows that are not label/value pairs:
    those rows are the value, one line each (a plan table's header row left out)."""
    start = title.row + title.rowspan
    block: list[list[GridCell]] = []
    for n, row in enumerate(grid.rows[start:], start):
        cells = [c for c in row if c.row >= start and id(c) not in used]
        texts = [c.text.strip() for c in cells]
        if block and _labels_over_values(texts, grid.rows[n + 1] if n + 1 < len(grid.rows) else []):
            break  # "本部门意见 | 主管部门意见(可不填写)" over the opinions: the next part of the form
        # a plan table's header ("序号 | 改进项 | 完成时间") may use label words; it does not end the block
        header = not block and len(cells) >= 3 and looks_like_header(texts, cells)
        if not header and any(label_key(c, table) or _is_inline(c, table) for c in cells):
            break
        if block and len(cells) == 1 and _title_row(cells[0]):
            break  # the next question of a question/answer form ("是否需要接受一定的培训")
        if any(c.text.strip() for c in cells):
            block.append(cells)
    if not block:
        return None
    texts = [[c.text.replace("\n", " ").strip() for c in cells if c.text.strip()] for cells in block]
    if len(texts) >= 2 and looks_like_header(texts[0], block[0]):
        texts = texts[1:]
    for cells in block:
        used.update(id(c) for c in cells)
    return "\n".join(" ".join(t) for t in texts), block[0][0].ref


def _labels_over_values(texts: list[str], below: list[GridCell]) -> bool:
    """A row of two or more labels no field knows over a row holding a value (a sentence)."""
    filled = [_BRACKETED.sub("", t) for t in texts if t]
    if len(filled) < 2 or not all(_unknown_label_like(t) for t in filled):
        return False
    return any(c.text.strip() and not _unknown_label_like(c.text.strip()) for c in below)


_FULL_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}[:：]\d{2})?")
_BRACKETED = re.compile(r"[(（][^()（）]{0,20}[)）]")
_FILLED_BY = re.compile(r"[(（]\s*由?[^()（）]{1,10}(?:填写|填)\s*[)）]")
_QUESTION_TITLE = re.compile(r"[?？]|是否|什么|哪些|哪方面|如何|怎样|怎么|谁")


def _title_row(cell: GridCell) -> bool:
    """A full-width row that is a title of its own (a question, a bold short line, or a section bar
    naming who fills it in: "考评内容(由直接上级填写)Appraisal (recorded by supervisor)"), not an answer."""
    text = cell.text.strip()
    if _FILLED_BY.search(text) and "\n" not in text and not re.search(r"[。；;]", text):
        return True
    text = re.sub(r"\s*[(（]?[A-Za-z][A-Za-z&'’ \-]*[)）]?\s*", "", text)  # the English of a bilingual bar
    if (
        not text
        or "\n" in text
        or len(text) > 40
        or re.search(r"[。；;]", text)
        or re.search(r"[☑☒□√]", text)
    ):
        return False
    return bool(_QUESTION_TITLE.search(text)) or (cell.bold and len(text) <= 20)


HEADER_WORDS = (
    "序号",
    "项目",
    "内容",
    "措施",
    "标准",
    "时间",
    "负责",
    "目标",
    "完成",
    "事项",
    "计划",
    "备注",
    "编号",
)


def looks_like_header(texts: list[str], cells: list[GridCell]) -> bool:
    """The first row of a plan table: short texts, bold or made of column-title words."""
    if not texts or not all(texts) or any(len(t) > 24 for t in texts):
        return False
    worded = sum(1 for t in texts if any(word in t for word in HEADER_WORDS))
    if any(len(t) > 10 for t in texts):  # "改进项目/Item | 措施/Action | 完成时间/Due Date"
        return worded >= 2
    return any(c.bold for c in cells) or worded >= 1


def _is_inline(cell: GridCell, table: AliasTable) -> bool:
    return bool(split_inline_pairs(cell.text, table))


def _continuation_rows(grid: Grid, label: GridCell, value: GridCell, found: FoundValue, used: set) -> None:
    """A label merged over several rows: the value cells of the rows below belong to it too."""
    for r in range(label.row + 1, label.row + label.rowspan):
        cell = grid.covering.get((r, value.col))
        if cell is None or id(cell) in used or cell is value:
            continue
        if bare_label(cell.text) or len(cell.text) <= 12 and cell.text.strip().endswith((":", "：")):
            break  # "主管意见 | 签字: | 曹俊杰": the rows below hold the signature, not more opinion
        used.add(id(cell))
        if cell.text.strip():
            found.text = f"{found.text}\n{cell.text}" if found.text.strip() else cell.text


def normalise_cell_text(text: str) -> str:
    """Folded copy used only for matching; values keep the document's own text."""
    return fold(text)
