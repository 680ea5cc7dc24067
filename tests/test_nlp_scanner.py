"""A word scanner finds what the alternation of its words finds with `re` (leftmost; at one position
the word listed first; no overlaps), so the judgement words and polarity lists need no compiling."""

from __future__ import annotations

import random
import re

import pytest

from checker.nlp.lexicon import WordScanner, load_lexicons
from tests.fixtures.labelled import OWN_SETS, SHARED_SETS, labelled_texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The labelled texts, and points of several sentences made of them (as in an export's summary
    column): a scanner keeps what each sentence holds, so a sentence comes back in many texts."""
    found = labelled_texts(OWN_SETS + SHARED_SETS)
    rng = random.Random(5)
    joined = [end.join(rng.sample(found, 3)) for end in ("。", "！", "；", "?") for _ in range(300)]
    return found + joined + [found[0] + "。" + found[1]] * 2


def spans(matcher, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, str]]:
    found = matcher.finditer(text, pos) if endpos is None else matcher.finditer(text, pos, endpos)
    return [(m.start(), m.end(), m.group()) for m in found]


def test_order_of_the_list_decides_at_one_position():
    words = ["认真", "认真负责", "负责", "责任心"]  # not longest first: 认真 wins over 认真负责
    scanner, regex = WordScanner(words), re.compile("|".join(words))
    for text in ("工作认真负责任心强", "认真负责", "负责任心", "", "无关"):
        assert spans(scanner, text) == spans(regex, text)
    assert spans(scanner, "工作认真负责任心强") == [(2, 4, "认真"), (4, 6, "负责")]
    assert scanner.search("很负责", 0, 2) is None and scanner.match("负责", 0).span() == (0, 2)


def test_words_across_the_end_of_a_sentence():
    words = ["强。按时", "按时", "有待提高", "高。", "。"]
    scanner, regex = WordScanner(words), re.compile("|".join(words))
    text = "沟通能力强。按时完成月度结账，差错0次。执行力有待提高。按时完成月度结账，差错0次。"
    for _ in range(2):  # the second time from what was kept of each sentence
        assert spans(scanner, text) == spans(regex, text)
        assert spans(scanner, text, 5, 30) == spans(regex, text, 5, 30)
    assert (4, 8, "强。按时") in spans(scanner, text)


def test_judgement_and_polarity_lists_equal_their_alternations(texts):
    lexicons = load_lexicons()
    evaluation, judgement = lexicons.get("evaluation"), lexicons.get("judgement")
    lists = [
        judgement.words(),
        evaluation.words("criticism") + judgement.words("criticism") + ["不", "没", "未", "欠", "缺", "差"],
        evaluation.words("praise") + judgement.words("praise"),
    ]
    for words in lists:
        scanner, regex = WordScanner(words), re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
        for text in texts:
            assert spans(scanner, text) == spans(regex, text), text
            assert spans(scanner, text, 3, 20) == spans(regex, text, 3, 20), text
    assert isinstance(judgement.matcher(), WordScanner)
    assert isinstance(lexicons.get("traits").matcher(), re.Pattern)  # a cased word: re with IGNORECASE
