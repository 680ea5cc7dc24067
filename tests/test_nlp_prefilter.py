"""The literal prefilter skips a phrase pattern only on texts it cannot match: what it reads from a
pattern must hold for every match, and the judgements found must be those of running every pattern."""

from __future__ import annotations

import re

import pytest

from checker.nlp.judgement import NOT_JUDGEMENT, JudgementFinder, JudgementHit, _add
from checker.nlp.lexicon import load_lexicons
from checker.nlp.phrases import PhraseCompiler
from checker.nlp.prefilter import LiteralGate, lead, pattern_atoms
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
    found += [recognizer.dates, recognizer.named_periods, *numbers.PATTERNS.values()]
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
