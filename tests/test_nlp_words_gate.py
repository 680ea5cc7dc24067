"""A judged point is segmented only when its words could make case words or habit spans; the gate
that decides must let through every text whose words do make some."""

from __future__ import annotations

import pytest

from checker.nlp.analysis import TextAnalyzer
from checker.nlp.lexicon import load_lexicons
from tests.fixtures.labelled import OWN_SETS, SHARED_SETS, labelled_texts
from tests.fixtures.shared import needs_shared

# one text per way case words come about (and one with no way at all)
PATHS = [
    "整理过客户档案",  # an action word with 过
    "整理了",  # an action word with 了
    "调换了无障碍房间",  # a finished action
    "多次牵头组织跨部门协调会",  # a repeated act
    "在6月盘点中表现突出",  # an event in a frame
    "获得一等奖",  # an example
    "方案被采纳",  # a work object and an action on it
    "经常延期",  # a habit
    "工作认真负责",
]


@pytest.fixture(scope="module")
def analyzer() -> TextAnalyzer:
    return TextAnalyzer(load_lexicons())


def test_every_text_whose_words_count_is_segmented(analyzer):
    _assert_gate_keeps_what_counts(analyzer, [*labelled_texts(OWN_SETS), *PATHS])


@needs_shared(bool(SHARED_SETS), "labelled sets not present (../shared/eval/*.jsonl)")
def test_gate_on_the_shared_labelled_sets(analyzer):
    _assert_gate_keeps_what_counts(analyzer, labelled_texts(SHARED_SETS))


def _assert_gate_keeps_what_counts(analyzer, texts: list[str]) -> None:
    missed = []
    for text in texts:
        cases, habitual = analyzer._words_matter(text)
        if (analyzer._case_words(text) and not cases) or (analyzer._habit_spans(text) and not habitual):
            missed.append(text)
    assert missed == []
    skipped = sum(1 for t in texts if not any(analyzer._words_matter(t)))
    assert skipped > len(texts) / 2  # the gate does skip most texts


def test_each_way_to_a_case_word(analyzer):
    for text in PATHS[:-2]:
        assert analyzer._case_words(text) and analyzer._words_matter(text)[0], text
    assert analyzer._habit_spans("经常延期") and analyzer._words_matter("经常延期")[1]
    assert analyzer._words_matter("工作认真负责") == (False, False)
