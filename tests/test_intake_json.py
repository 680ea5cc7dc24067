"""JSON, JSONL and CSV records, in input order, with canonical keys or aliases."""

from __future__ import annotations

import json

import pytest

from checker.intake.errors import InputError
from checker.intake.reader import read_bytes


def read(data: bytes, name: str, table):
    return [r.field_texts() for r in read_bytes(data, name, table)]


def test_single_object_list_and_records_wrapper(alias_table):
    one = json.dumps(
        {"员工姓名": "张三", "improvement_plan": ["每月1次培训", "9月底前通过考试"]}, ensure_ascii=False
    )
    [rec] = read(one.encode(), "a.json", alias_table)
    assert rec == {"employee_name": "张三", "improvement_plan": "每月1次培训\n9月底前通过考试"}
    many = json.dumps({"records": [{"被面谈人": "甲"}, {"被面谈人": "乙"}]}, ensure_ascii=False)
    assert [r["employee_name"] for r in read(many.encode(), "b.json", alias_table)] == ["甲", "乙"]


def test_jsonl_one_record_per_line_in_order(alias_table):
    lines = "\n".join(json.dumps({"performance_summary": f"第{i}条"}, ensure_ascii=False) for i in range(5))
    records = read(lines.encode(), "c.jsonl", alias_table)
    assert [r["performance_summary"] for r in records] == [f"第{i}条" for i in range(5)]


def test_gbk_encoded_json_and_csv(alias_table):
    data = json.dumps({"员工姓名": "张三", "面谈地点": "会议室"}, ensure_ascii=False).encode("gbk")
    assert read(data, "gbk.json", alias_table)[0]["location"] == "会议室"
    csv_text = "员工姓名,面谈人,面谈时间,面谈地点,绩效总结\n张三,李四,2024-06-03,会议室,表现良好\n"
    [rec] = read(csv_text.encode("gb18030"), "batch.csv", alias_table)
    assert rec["manager_name"] == "李四"


def test_broken_json_names_the_line(alias_table):
    with pytest.raises(InputError) as err:
        read(b'{"a": 1}\n{broken\n', "d.jsonl", alias_table)
    assert err.value.code == "bad-json" and "第2行" in err.value.message


def test_json_with_no_known_key_is_an_error_not_empty_records(alias_table):
    with pytest.raises(InputError) as err:
        read(b'[{"file": "a.docx", "records": []}, {"file": "b.docx"}]', "expected.json", alias_table)
    assert err.value.code == "no-fields"
    # one unknown object among known ones stays a record: records keep input order
    assert len(read('[{"员工姓名": "张三"}, {"x": 1}]'.encode(), "mixed.json", alias_table)) == 2
