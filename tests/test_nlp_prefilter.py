"""The literal prefilter skips a phrase pattern only on texts it cannot match: what it reads from a
pattern must hold for every match, and the judgements found must be those of running every pattern."""

from __future__ import annotations

import random
import re

import pytest

from checker.nlp.judgement import NOT_JUDGEMENT, JudgementFinder, JudgementHit, _add
from checker.nlp.lexicon import load_lexicons
from checker.nlp.phrases import PhraseCompiler
from checker.nlp.prefilter import DIGIT, Alternation, LiteralGate, lead, pattern_atoms
from tests.fixtures.labelled import OWN_SETS, SHARED_SETS, labelled_texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return labelled_texts(OWN_SETS + SHARED_SETS)


@pytest.fixture(scope="module")
def finder() -> JudgementFinder:
    return JudgementFinder(load_lexicons())


def atoms_of(source: str) -> list[set[str]]:
    return [set(a) for a in pattern_atoms(re.compile(source, re.IGNORECASE))]


def test_what_a_pattern_needs():
    assert atoms_of("认真|负责") == [{"认真", "负责"}]
    assert atoms_of("(?:很|非常)?认真(?=负责)") == [{"认真"}, {"负责"}]
    assert atoms_of("[好棒]得{1,3}x?") == [{"好得", "棒得"}]
    assert atoms_of("(?<![不没])完成") == [{"完成"}]
    assert atoms_of("做[^,，]{0,8}?完成") == [{"做"}, {"完成"}]
    assert atoms_of("(?:能|会).*(?:做好|OK)") == [{"能", "会"}]  # "OK" may match "ok": no atom
    assert atoms_of("KPI达标") == [{"达标"}]
    assert atoms_of("a?|b") == [] and atoms_of(r"(\w)\1") == []


def test_digits_and_letters_of_a_pattern_without_ignorecase():
    def atoms(source: str, flags: int = 0) -> list[set[str]]:
        return [set(a) for a in pattern_atoms(re.compile(source, flags))]

    assert atoms(r"\d+个") == [{DIGIT}, {"个"}]
    assert atoms(r"[\d一二]月") == [{DIGIT, "一", "二"}, {"月"}]
    assert atoms(r"Q[1-4]") == [{"Q1", "Q2", "Q3", "Q4"}]
    assert atoms(r"Q[1-4]", re.IGNORECASE) == [{"1", "2", "3", "4"}]  # q3 matches too
    assert atoms(r"[^\d]月|\w") == []
    gate = LiteralGate([[frozenset({DIGIT})], [frozenset({DIGIT, "三"})]])
    assert [gate.may(i, gate.scan("第３名")) for i in (0, 1)] == [True, True]  # a full-width digit is \d
    assert [gate.may(i, gate.scan("第三名")) for i in (0, 1)] == [False, True]
    assert gate.select(0, 2, gate.scan("第三名")) == 0b10


def test_word_classes_read_from_the_skeleton():
    lexicons = load_lexicons()
    compiler = PhraseCompiler(lexicons)
    traits = set(lexicons.get("traits").words())
    evaluation = set(lexicons.get("evaluation").words())
    found = [set(a) for a in compiler.atoms("{traits}{degree}*{evaluation}(?!{progress})")]
    assert evaluation in found
    assert any(a <= traits | {p for w in traits for p in re.split(r"[A-Za-z]+", w) if p} for a in found)


def test_every_match_passes_the_gate(finder, texts):
    patterns = [p.pattern for p in finder._ordered] + [finder.words, finder.circumstance]
    gate = finder._gate
    missed = []
    for text in texts:
        found = gate.scan(text)
        missed += [(i, text) for i, p in enumerate(patterns) if not gate.may(i, found) and p.search(text)]
    assert missed == []


def test_gated_judgements_equal_running_every_pattern(finder, texts):
    def ungated(text: str) -> list[JudgementHit]:
        hits: list[JudgementHit] = []
        patterns = [(p.kind, p.pattern, p.polarity) for p in finder._ordered] + [("word", finder.words, None)]
        for kind, pattern, polarity in patterns:
            for m in pattern.finditer(text):
                if not finder.circumstance.search(text, 0, m.start()):
                    _add(
                        hits,
                        JudgementHit(kind, *m.span(), m.group(), polarity or finder._polarity(m.group())),
                    )
        return hits

    for text in texts:
        expected = sorted((h for h in ungated(text) if h.kind != NOT_JUDGEMENT), key=lambda h: h.start)
        got = [h for h in finder.find(text) if h.kind not in ("idiom",)]
        assert got == expected, text


def test_gate_finds_strings_that_start_inside_others():
    gate = LiteralGate(
        [[frozenset({"认真负责"})], [frozenset({"真负"})], [frozenset({"认真"})], [frozenset({"责任"})]]
    )
    found = gate.scan("工作认真负责任")
    assert [gate.may(i, found) for i in range(4)] == [True, True, True, True]
    found = gate.scan("认真")
    assert [gate.may(i, found) for i in range(4)] == [False, False, True, False]


def test_a_long_text_is_scanned_sentence_by_sentence(texts):
    gate = LiteralGate(
        [[frozenset({"强。按"})], [frozenset({"提高"})], [frozenset({"？"})], [frozenset({DIGIT})]]
    )
    text = "沟通能力强。按时完成月度结账，差错0次。执行力有待提高？"
    for _ in range(2):  # the second time from what was kept of each sentence
        assert [gate.may(i, gate.scan(text)) for i in range(4)] == [True, True, True, True]
    assert [gate.may(i, gate.scan("沟通能力强。工作认真负责按时完成任务。")) for i in range(4)] == [False] * 4
    finder_gate = JudgementFinder(load_lexicons())._gate
    rng = random.Random(3)
    long = [end.join(rng.sample(texts, 3)) for end in ("。", "！", "；") for _ in range(300)]
    for text in [*texts, *long, *long]:
        assert finder_gate.scan(text) == finder_gate._scan(text), text


def test_the_idiom_pattern_runs_where_an_idiom_may_stand(finder, texts):
    from checker.nlp.judgement import _idioms

    idioms = _idioms()
    rng = random.Random(4)
    long = [end.join(rng.sample(texts, 3)) for end in ("。", "？") for _ in range(300)]
    assert "兢兢业业" in idioms
    two = "工作认真负责，按时完成各项任务。对待同事热情友好，兢兢业业。"
    assert finder._may_hold_idiom(two) and not finder._may_hold_idiom(two.replace("兢兢业业", "很认真"))
    for text in [*texts, *long, *long]:
        if any(text[i : i + 4] in idioms for i in range(len(text))):
            assert finder._may_hold_idiom(text), text


def test_where_a_match_can_start():
    assert lead("(?<=[a-z])认真|负责", re.IGNORECASE) == "(?=[认负])"
    assert lead("(?:很|非常)?认真", 0) == "(?=[很非认])"
    assert lead(r"(?<![\d月])\d{1,2}[日号]", 0) == r"(?=[\d])"
    assert lead("认真|负责", 0) == ""  # re skips to 认/负 by itself
    assert lead("KPI|认真", 0) == "" and lead("KPI|认真", re.IGNORECASE) == "(?=[K认])"
    assert lead("a?", 0) == "" and lead("[^,]好", 0) == "" and lead(r"(\w)\1", 0) == ""


_HEAD = re.compile(r"\(\?=\[(?:\\.|[^\\\]])*\]\)\(\?:(.*)\)", re.DOTALL)


def _patterns_with_heads():
    from checker.nlp import criteria, numbers, timex

    lexicons = load_lexicons()
    found = [timex.DURATION_BOUND, timex.MILESTONE_BEFORE, timex.MILESTONE_AT, timex.SPECIFIC_TIME]
    recognizer = timex.TimeRecognizer(lexicons)
    found += [recognizer.dates.whole, recognizer.named_periods.whole, *numbers.PATTERNS.values()]
    found += [*recognizer.dates.parts, *recognizer.named_periods.parts]
    finder = criteria.CriteriaFinder(lexicons)
    found += [finder.verbs, finder.nouns, criteria._PASSED, criteria._EVERY, criteria._TITLE]
    found += [lexicons.get(name).pattern() for name in ("traits", "measurable", "sensitive", "locations")]
    compiler = PhraseCompiler(lexicons)
    for source in lexicons.get("judgement_phrases").entries:
        found.append(compiler.compile(source))
    return found


def test_a_look_ahead_changes_no_match(texts):
    checked = 0
    variants = [*texts, *(t.swapcase() for t in texts if t != t.swapcase())]
    for pattern in _patterns_with_heads():
        head = _HEAD.fullmatch(pattern.pattern)
        if head is None:
            continue
        checked += 1
        plain = re.compile(head.group(1), pattern.flags)
        for text in variants:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert checked > 20


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


def test_an_alternation_one_branch_at_a_time_finds_what_the_alternation_finds(texts):
    from checker.nlp.timex import TimeRecognizer

    recognizer = TimeRecognizer(load_lexicons())
    variants = [*texts, *(t.swapcase() for t in texts if t != t.swapcase())]
    for alternation in (recognizer.dates, recognizer.named_periods):
        assert alternation._exact
        gate, count = LiteralGate(alternation.needs()), len(alternation.parts)
        for text in variants:
            expected = _spans(alternation.whole.finditer(text))
            assert _spans(alternation.finditer(text)) == expected, text
            assert _spans(alternation.finditer(text, gate.select(0, count, gate.scan(text)))) == expected, (
                text
            )


def test_an_alternation_takes_the_first_branch_at_the_leftmost_position():
    sources = ["ab", "a", "b+c", "x(?=y)y"]
    alternation, whole = Alternation(sources), re.compile("|".join(f"(?:{s})" for s in sources))
    for text in ("abbc ac", "aabbbcab", "bca", "xyxab", ""):
        assert _spans(alternation.finditer(text)) == _spans(whole.finditer(text)), text
    assert _spans(alternation.finditer("abbc", 0b110)) == [(0, 1, "a"), (1, 4, "bbc")]  # "ab" ruled out
    for sources in (["(a)\\1", "b"], ["a?", "b"]):  # a back-reference, an empty match: run whole
        alternation = Alternation(sources)
        assert not alternation._exact
        assert _spans(alternation.finditer("aab")) == _spans(alternation.whole.finditer("aab"))


def _gated_groups(analyzer) -> dict[str, tuple[int, list]]:
    """The steps whose patterns the analyzer's scan rules out: (their group, their patterns in order)."""
    from checker.nlp import analysis, criteria, numbers, timex

    times, finder = analyzer.times, analyzer.criteria_finder
    own = {
        "generic_time": analyzer.generic_time, "directions": analyzer.directions,
        "form_weight": analyzer.form_weight, "specific_time": timex.SPECIFIC_TIME, "title": analysis._TITLE,
        "named_code": analyzer.named_code, "quoted": analyzer.quoted, "person": analyzer.person,
        "named_occasion": analyzer.named_occasion, "lead_time": analysis._LEAD_TIME,
    }  # fmt: skip
    return {
        "numbers": (analyzer._number_group, list(numbers.PATTERNS.values())),
        "times": (
            analyzer._time_group,
            [*times.dates.parts, *times.named_periods.parts, times.periods, timex.DURATION_BOUND]
            + [timex.MILESTONE_BEFORE, timex.MILESTONE_AT, times.non_deadlines],
        ),
        "criteria": (
            analyzer._criteria_group,
            [finder.outcomes, *(p for _, p in criteria._PATTERNS), finder.verbs, criteria._ALONE],
        ),
        "own": (analyzer._own_group, [own[name] for name in analysis._OWN]),
    }


def test_every_match_of_every_step_passes_the_gate(texts):
    from checker.nlp.analysis import _MASK, TextAnalyzer

    analyzer = TextAnalyzer(load_lexicons())
    judge = analyzer.judge
    judge.scan("")  # builds the gate
    # numbers and criteria run on the text with its times blanked out, gated by the scan of the
    # text itself: a string found in the masked text is in the text unless it holds the blank
    gate = judge._gate
    assert not [s for s in [*gate._chars, *gate._pairs] if _MASK in s]
    assert not [s for _, longer in gate._pairs.values() for s, _ in longer if _MASK in s]
    groups = _gated_groups(analyzer)
    for name, (group, patterns) in groups.items():
        assert judge._groups[group][1] == len(patterns), name
    missed = []
    for text in texts:
        found = judge.scan(text)
        for name, (group, patterns) in groups.items():
            may = judge.opened(group, found)
            missed += [
                (name, i, text)
                for i, p in enumerate(patterns)
                if p is not None and not may >> i & 1 and p.search(text)
            ]
    assert missed == []


def test_gated_steps_find_what_ungated_ones_find(texts):
    from checker.nlp.analysis import TextAnalyzer
    from checker.nlp.numbers import find_quantities

    analyzer = TextAnalyzer(load_lexicons())
    judge, times, finder = analyzer.judge, analyzer.times, analyzer.criteria_finder
    for text in texts:
        found = judge.scan(text)
        assert times.find(text, judge.opened(analyzer._time_group, found)) == times.find(text)
        assert find_quantities(text, judge.opened(analyzer._number_group, found)) == find_quantities(text)
        assert finder.find(text, judge.opened(analyzer._criteria_group, found)) == finder.find(text)
