"""The hot path calls jieba directly; spaCy's blank zh pipeline over the same jieba must give the
same tokens with the same offsets, on every labelled text (and on whitespace it has to skip). The
labelled sets of ../shared are checked on their own: skipped without it, failing under CI=true."""

from __future__ import annotations

import pytest

from checker.nlp import pipeline
from checker.nlp.lexicon import load_lexicons
from checker.nlp.points import split_points
from tests.fixtures.labelled import OWN_SETS, SHARED_SETS, labelled_texts
from tests.fixtures.shared import needs_shared

SPACED = [
    "沟通 能力强,  在X项目中\t协调三个部门",
    " 开头有空格 ",
    "中英 mixed text 2024-09-30 前完成\r\n第二行\u3000全角空格",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def segmenters():
    pipeline.ensure_words(load_lexicons().all_words())  # as the analyzer teaches it
    yield
    pipeline.use_segmenter("jieba")


def _differ(texts: list[str]) -> list[str]:
    """The texts (and points of them) the two segmenters split differently."""
    points = [p.text for t in texts for p in split_points(t)]
    return [t for t in [*texts, *points] if pipeline.segment.__wrapped__(t) != pipeline.spacy_segment(t)]


def test_direct_jieba_equals_spacy_blank_zh(segmenters):
    texts = labelled_texts(OWN_SETS)
    assert len(texts) > 1000
    assert _differ([*texts, *SPACED]) == []


@needs_shared(bool(SHARED_SETS), "labelled sets not present (../shared/eval/*.jsonl)")
def test_direct_jieba_equals_spacy_on_the_shared_sets(segmenters):
    texts = labelled_texts(SHARED_SETS)
    assert len(texts) > 200
    assert _differ(texts) == []


def test_offsets_point_into_the_text(segmenters):
    for text in SPACED:
        tokens = pipeline.segment(text)
        assert all(text[t.start : t.end] == t.text and not t.text.isspace() for t in tokens)
    assert [t.text for t in pipeline.segment("沟通 能力强")] == ["沟通", "能力", "强"]


def test_nlp_section_of_the_config_chooses_the_segmenter(tmp_path, monkeypatch):
    from checker.api import Checker
    from checker.config import ConfigError, load_config

    used = []
    real = pipeline.spacy_segment
    monkeypatch.setattr(pipeline, "spacy_segment", lambda text: used.append(text) or real(text))
    (tmp_path / ".checker.toml").write_text('[nlp]\nsegmenter = "spacy"\n', encoding="utf-8")
    checker = Checker(load_config(tmp_path / ".checker.toml"))
    try:
        analysis = checker.analyzer.analyze("他很认真负责,在X项目中协调了三个部门")
        assert analysis.judgements and used  # the evidence finder asked spaCy for the words
    finally:
        pipeline.use_segmenter("jieba")
    (tmp_path / ".checker.toml").write_text('[nlp]\nsegmenter = "pkuseg"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(tmp_path / ".checker.toml")


def test_prefix_dictionary_cache_is_jiebas_own(tmp_path, monkeypatch):
    import jieba

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with open(pipeline.SMALL_DICT, "rb") as fh:
        expected = jieba.Tokenizer.gen_pfdict(fh)
    built = pipeline._prefix_dict(jieba)  # no cache yet: built and written
    assert list((tmp_path / "checker").glob("jieba-prefix-*.bin"))
    loaded = pipeline._prefix_dict(jieba)  # from the cache
    assert built == expected and loaded == expected
