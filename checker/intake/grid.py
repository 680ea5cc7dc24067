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


_NUMBER_PREFIX = re.compile(r"\s*(?:\d{1,2}[.、．)）]|[一二三四五六七八九十]+[、.．]|[（(]\d{1,2}[)）])\s*")
# "面 谈 地 点:" — a label typed with spaces between its characters
_SPACED_LABEL = re.compile(
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
    lines = text.split("\n")
    pairs = _line_pairs(lines[0], table)
    if pairs is None:
        return _titled_pair_lines(lines, table)
    if len(pairs) == 1 and not pairs[0][2]:
        # "双方签字确认:" over "员工签字:…" / "面谈人签字:…": the lines' own pairs
        inner = _titled_pair_lines(lines, table, known_title=True)
        if inner:
            return inner
    if len(lines) > 1:
        rest = "\n".join(lines[1:]).strip("\n")
        last = pairs[-1]
        last[2] = f"{last[2]}\n{rest}" if last[2] else rest
    return [tuple(p) for p in pairs]


def _line_pairs(line: str, table: AliasTable) -> list[list[str]] | None:
    line = _SPACED_LABEL.sub(lambda m: re.sub(r"[ \u3000]", "", m.group(1)), line)
    hits = [
        (m.start(1), m.end(), m.group(1))
        for m in _INLINE_PAIR.finditer(line)
        if table.lookup(m.group(1)) and _label_like(m.group(1))
    ]
    if not hits or not _NUMBER_PREFIX.fullmatch(line[: hits[0][0]]) and line[: hits[0][0]].strip():
        return None
    pairs = []
    for i, (_start, value_start, label) in enumerate(hits):
        value_end = hits[i + 1][0] if i + 1 < len(hits) else len(line)
        pairs.append([table.lookup(label), label, line[value_start:value_end].strip()])
    return pairs


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
    return not re.search(r"\d{1,2}$", label) and not re.search(r"[,，。；;]", label)


def label_key(cell: GridCell | None, table: AliasTable) -> str | None:
    """The key a cell labels. Narrow label columns wrap ("面谈\n时间") and labels carry a hint
    on a second line ("改进计划\n(请写明完成时间)"): the lines are read as one label."""
    if cell is None:
        return None
    text = cell.text.strip()
    if not text:
        return None
    if "\n" in text:
        joined = text.replace("\n", "")
        return table.lookup(joined) if len(joined) <= 40 else None
    return table.lookup(text)


def read_form(grid: Grid, table: AliasTable) -> list[FoundValue]:
    """All label/value pairs of a form grid, in reading order."""
    found: list[FoundValue] = []
    used: set[int] = set()  # id() of cells already taken as a value

    def take(key: str, cell: GridCell | None, label: str) -> None:
        text = cell.text if cell is not None and id(cell) not in used else ""
        ref = cell.ref if cell is not None else ""
        if cell is not None:
            used.add(id(cell))
        found.append(FoundValue(key, text, ref, label))

    for row in grid.rows:
        row_keys = [label_key(c, table) for c in row]
        block = _person_block(grid, row, table)
        for i, cell in enumerate(row):
            if id(cell) in used:
                continue
            if block is not None:
                if cell is block[1]:
                    used.add(id(cell))
                    continue
                row_keys[i] = _in_block(block[0], row_keys[i])
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
            if _label_row(row, row_keys) and _values_under(grid, cell, table):
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
    return _join_date_time(found)


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
    if sub is None or label_key(sub, table) is None:
        return None
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


def _label_row(row: list[GridCell], row_keys: list[str | None]) -> bool:
    """A row of labels over a row of values: two or more labels and no other text in the row."""
    labels = sum(1 for k in row_keys if k)
    return labels >= 2 and all(k or not c.text.strip() for c, k in zip(row, row_keys, strict=True))


def _alone_in_row(row: list[GridCell], i: int) -> bool:
    return all(not c.text.strip() for j, c in enumerate(row) if j != i)


def _rows_below(grid: Grid, title: GridCell, table: AliasTable, used: set) -> tuple[str, str] | None:
    """A title row ("二、改进计划" across the table) over rows that are not label/value pairs:
    those rows are the value, one line each (a plan table's header row left out)."""
    start = title.row + title.rowspan
    block: list[list[GridCell]] = []
    for row in grid.rows[start:]:
        cells = [c for c in row if c.row >= start and id(c) not in used]
        texts = [c.text.strip() for c in cells]
        # a plan table's header ("序号 | 改进项 | 完成时间") may use label words; it does not end the block
        header = not block and len(cells) >= 3 and looks_like_header(texts, cells)
        if not header and any(label_key(c, table) or _is_inline(c, table) for c in cells):
            break
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
    if not texts or not all(texts) or any(len(t) > 10 for t in texts):
        return False
    return any(c.bold for c in cells) or any(word in t for t in texts for word in HEADER_WORDS)


def _is_inline(cell: GridCell, table: AliasTable) -> bool:
    return bool(split_inline_pairs(cell.text, table))


def _continuation_rows(grid: Grid, label: GridCell, value: GridCell, found: FoundValue, used: set) -> None:
    """A label merged over several rows: the value cells of the rows below belong to it too."""
    for r in range(label.row + 1, label.row + label.rowspan):
        cell = grid.covering.get((r, value.col))
        if cell is None or id(cell) in used or cell is value:
            continue
        used.add(id(cell))
        if cell.text.strip():
            found.text = f"{found.text}\n{cell.text}" if found.text.strip() else cell.text


def normalise_cell_text(text: str) -> str:
    """Folded copy used only for matching; values keep the document's own text."""
    return fold(text)
