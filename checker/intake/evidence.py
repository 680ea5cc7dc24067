"""Is a Word document an interview record at all? (issue 8)

A folder saved "as it came" holds standards drafts, test documents and forms of other kinds
next to the records. Reading them as records gives a record full of missing-field findings;
they are reported once, as `not-a-record`, instead. The decision is by how much of a record
the document holds, with the thresholds as data (rules/fields.yaml `record_evidence`):

- it names somebody (`someone`: the interviewee, the interviewer, a signature, a staff number);
- both people of the talk (`people`) are enough;
- otherwise it needs `min_keys` different fields whose labels are on it, `min_interview_keys`
  of them fields only an interview record has (not a name, a date, a place or an organisation
  unit: `generic`);
- a long document (more than `long_document_paragraphs` paragraphs: a standard, a tender, a
  handbook) needs `long_min_keys` / `long_min_interview_keys`: a few labels scattered over
  hundreds of paragraphs are not a form.

Sheets are not tested here: a sheet is a form or a batch by its own structure (xlsx.py).
"""

from __future__ import annotations

from pathlib import Path

from checker.intake.errors import InputError
from checker.intake.fields import AliasTable
from checker.model import FieldValue


def is_record(keys: set[str], table: AliasTable, paragraphs: int = 0) -> bool:
    rules = table.record_evidence
    if not rules:
        return True
    someone = set(rules.get("someone", ()))
    if someone and not keys & someone:
        return False
    if rules.get("people") and set(rules["people"]) <= keys:
        return True  # who talked to whom
    interview = len(keys - set(rules.get("generic", ())))
    if paragraphs > int(rules.get("long_document_paragraphs", 10**9)):
        need_keys, need_interview = rules.get("long_min_keys", 3), rules.get("long_min_interview_keys", 2)
    else:
        need_keys, need_interview = rules.get("min_keys", 2), rules.get("min_interview_keys", 1)
    return len(keys) >= int(need_keys) and interview >= int(need_interview)


def not_a_record(source: str, fields: dict[str, FieldValue], table: AliasTable) -> InputError:
    """The per-file error: names the file, what was found and why that is not a record."""
    labels = "、".join(
        (v.location.label if v.location else "") or table.name(k) for k, v in list(fields.items())[:6]
    )
    what = f"只找到 {len(fields)} 个面谈记录栏目({labels})" if fields else "没有找到面谈记录栏目"
    return InputError(
        "not-a-record",
        f"「{Path(source).name}」不是绩效面谈记录:{what},没有面谈人、绩效评价、改进计划、共识等面谈要素。"
        "如果它确实是面谈记录,请用 checker fields 查看识别结果,并在字段表中补充标签",
    )
