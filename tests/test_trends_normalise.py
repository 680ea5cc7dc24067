"""Job family and grade normalisation (rules/normalise.yaml), and a company's own table over it."""

from __future__ import annotations

import pytest

from checker.normalise import UNKNOWN, load_normaliser, normalise_grade, normalise_job_family


@pytest.mark.parametrize(
    "text,family",
    [("T序列", "技术"), ("技术序列", "技术"), ("研发", "技术"), ("研发类", "技术"), ("Ｔ序列", "技术"), (" tech ", "技术"),
     ("P序列", "产品"), ("营销序列", "销售"), ("销售", "销售"), ("客服", "运营"), ("职能类", "职能"), ("制造", "生产"),
     ("", UNKNOWN), ("/", UNKNOWN), ("教学序列", "教学序列")],
)  # fmt: skip
def test_job_family(text, family):
    assert normalise_job_family(text) == family


@pytest.mark.parametrize(
    "text,grade",
    [("A", "A"), ("优秀", "A"), ("A级", "A"), ("a", "A"), ("S", "S"), ("卓越", "S"), ("B+", "B"), ("良好", "B"),
     ("A(优秀)", "A"), ("C级", "C"), ("待改进", "C"), ("不合格", "D"), ("", UNKNOWN), ("X", "X")],
)  # fmt: skip
def test_grade(text, grade):
    assert normalise_grade(text) == grade


def test_company_table_merges_over_shipped(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("job_family:\n  数据: [数据, 数据序列, D序列]\n  交付: [实施]\ngrade:\n  A: [优+]\n", encoding="utf-8")
    n = load_normaliser([extra])
    assert n.job_family("数据序列") == "数据"  # moved from 技术 to the company's own family
    assert n.job_family("D序列") == "数据"
    assert n.job_family("实施") == "交付"
    assert n.job_family("T序列") == "技术"
    assert n.grade("优+") == "A"
    assert n.rank("grade", "S") < n.rank("grade", "A") < n.rank("grade", "D")


def test_config_normalise_key(tmp_path):
    from checker.config import load_config

    (tmp_path / "mine.yaml").write_text("job_family:\n  交付: [实施]\n", encoding="utf-8")
    (tmp_path / ".checker.toml").write_text('normalise = ["mine.yaml"]\n', encoding="utf-8")
    config = load_config(tmp_path / ".checker.toml")
    assert config.normalise == [str((tmp_path / "mine.yaml").resolve())]
    assert load_normaliser(config.normalise).job_family("实施") == "交付"
