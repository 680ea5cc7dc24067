"""Skip a pattern on a text that lacks the literals every match of it needs.

The phrase patterns (lexicons/judgement_phrases.txt, ~50 of them, most opening with a
class of hundreds of words) were run with finditer on every point, and most find
nothing: matching them was most of the judgement finder's time. Every match of
`{traits}{degree}*{evaluation}` contains a trait word and an evaluation word; a text
with no trait word cannot match, whatever else it holds.

At compile time each pattern is read (its `re` parse tree) into *atoms*: sets of
strings of which any match contains at least one (a literal run, a word class, a
one-character class, a positive look-around, any digit). Per text one pass finds which
atoms occur: the characters and pairs of characters of the text are intersected with
those the strings open with, and only the longer strings opening with a pair the text
holds are looked for. A pattern runs only where all of its atoms occur, so its matches
are exactly those of running it everywhere. Only what is certain becomes an atom: optional
parts, negative look-arounds, ranges and categories give none, and a string with
cased letters drops its atom (IGNORECASE may match it in other letters).
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre_c
    import sre_parse

_MEMO = 4096  # answers kept per group of patterns (select), sentences scanned (scan)
_SHORT = 24  # a text up to so many characters is scanned whole
_ENDS = "。！？!?；;"  # what ends a sentence
_SENTENCE_ENDS = frozenset(_ENDS)
_SENTENCE_END = re.compile(f"[{_ENDS}]")
_SENTENCES = re.compile(f"[^{_ENDS}]*(?:[{_ENDS}]+|$)")  # up to and with the ends (and "" last)


def sentences(text: str) -> list[str]:
    """A long text's sentences with their end marks ("…有待提高。", "…差错0次。"), in order: they
    make up the text. A short text is one. Sentences recur across points where whole points do
    not, so what is found in a text by looking for strings is kept by sentence; a string is found
    in a text if in one of its sentences, or across a sentence end (see across_sentences)."""
    return _SENTENCES.findall(text)[:-1] if len(text) > _SHORT else [text]  # [-1]: "" at the end


def across_sentences(s: str) -> bool:
    """Whether the string may occur across the end of a sentence: it holds an end before its last
    character (the character before where one sentence stops and the next begins)."""
    return bool(_SENTENCE_END.search(s, 0, len(s) - 1))


_MAX_STRINGS = 300  # bigger sets of strings are cut into shorter atoms (fewer strings to look up)
_REPEATS = {sre_c.MAX_REPEAT, sre_c.MIN_REPEAT} | (
    {sre_c.POSSESSIVE_REPEAT} if hasattr(sre_c, "POSSESSIVE_REPEAT") else set()
)


def _cased(s: str) -> bool:
    """Has a letter with case (IGNORECASE may match it in another letter: K, ſ, İ)."""
    return s.lower() != s.upper()


# An atom string that stands for any character `\d` matches (a decimal digit of any script): the
# gate looks for one with a regex, not by its characters (a noncharacter no pattern holds)
DIGIT = "\U0010fffe\\d"
_ANY_DIGIT = re.compile(r"\d")
_SMALL_RANGE = 64  # a range of at most this many characters is read as a set of them: [1-4]


def source_atoms(skeleton: str, flags: int, classes: dict[int, list[str]]) -> list[frozenset[str]]:
    """The atoms of a pattern whose word classes are placeholder characters (`classes`: their words)."""
    tree = sre_parse.parse(skeleton, flags)
    return _Reader(classes, flags | tree.state.flags).atoms(tree)


def pattern_atoms(pattern: re.Pattern) -> list[frozenset[str]]:
    tree = _PARSED.get(pattern) or sre_parse.parse(pattern.pattern, pattern.flags)
    return _Reader({}, pattern.flags | tree.state.flags).atoms(tree)


def word_atoms(words: list[str], flags: int = re.IGNORECASE) -> list[frozenset[str]]:
    """The atoms of the alternation of some words (a lexicon's pattern), without parsing it."""
    if not words or "" in words:
        return []  # an empty word matches anywhere
    if not (flags & re.IGNORECASE and _cased("".join(words))):
        return [frozenset(words)]  # each word matches only itself
    reader = _Reader({}, flags)
    return reader._branch([reader._word_atoms(w) for w in words])


class _Reader:
    def __init__(self, classes: dict[int, list[str]], flags: int = re.IGNORECASE):
        # without IGNORECASE a cased letter matches only itself ("Q3", "OKR"): it may be an atom
        self.ignore_case = bool(flags & re.IGNORECASE)
        self.classes = classes
        self._uncased = {k: None if self._cased("".join(v)) else set(v) for k, v in classes.items()}

    def _cased(self, s: str) -> bool:
        return self.ignore_case and _cased(s)

    def _chars(self, av) -> set[str] | None:
        """The characters a set ([...]) matches, when it lists them (literals, small ranges)."""
        chars: set[str] = set()
        for o, a in av:
            if o is sre_c.LITERAL and a not in self.classes:
                chars.add(chr(a))
            elif o is sre_c.RANGE and a[1] - a[0] < _SMALL_RANGE:
                chars.update(map(chr, range(a[0], a[1] + 1)))
            else:
                return None
        return None if not chars or self._cased("".join(chars)) else chars

    def _digit_atom(self, av) -> frozenset[str] | None:
        r"""A set with `\d` in it, besides listed characters: "a digit or one of these" ([\d零一二])."""
        digits = [(o, a) for o, a in av if o is sre_c.CATEGORY and a is sre_c.CATEGORY_DIGIT]
        rest = [(o, a) for o, a in av if (o, a) not in digits]
        chars = self._chars(rest) if rest else set()
        return frozenset({DIGIT, *chars}) if digits and chars is not None else None

    def _options(self, op, av) -> set[str] | None:
        """All the strings one node can match, when they are few and have no cased letters."""
        if op is sre_c.LITERAL and av in self.classes:
            return self._uncased[av]
        if op is sre_c.LITERAL:
            return None if self._cased(chr(av)) else {chr(av)}
        if op is sre_c.IN and av:
            return self._chars(av)
        if op is sre_c.BRANCH:
            options: set[str] = set()
            for alt in av[1]:
                sub = self.finite(alt)
                if sub is None:
                    return None
                options |= sub
            return options
        if op is sre_c.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            return self.finite(av[3])
        return None

    def finite(self, items) -> set[str] | None:
        strings = {""}
        for op, av in items:
            options = self._options(op, av)
            if options is None or len(strings) * len(options) > _MAX_STRINGS:
                return None
            strings = {a + b for a in strings for b in options}
        return strings

    def atoms(self, items) -> list[frozenset[str]]:
        """Sets of strings; every match of the node list contains one string of each set."""
        found: list[frozenset[str]] = []
        run: set[str] = {""}  # the strings the consecutive finite nodes so far can match

        def flush():
            nonlocal run
            if run and "" not in run:
                found.append(frozenset(run))
            run = {""}

        for op, av in items:
            whole = self._options(op, av)
            if whole is not None and len(run) * len(whole) <= _MAX_STRINGS:
                run = {a + b for a in run for b in whole}
                continue
            if op in _REPEATS and av[0] >= 1:  # its first round joins what came before: "好得{1,3}"
                first = self.finite(av[2])
                if first is not None and run != {""} and len(run) * len(first) <= _MAX_STRINGS:
                    run = {a + b for a in run for b in first}
                    flush()
                    continue
            flush()
            if whole is not None:
                run = whole
            elif op is sre_c.LITERAL and av in self.classes:  # a class with cased words: their uncased parts
                found += self._branch([self._word_atoms(w) for w in self.classes[av]])
            elif op is sre_c.SUBPATTERN and not av[1] and not av[2]:
                found += self.atoms(av[3])
            elif op in _REPEATS and av[0] >= 1:
                found += self.atoms(av[2])
            elif op is sre_c.ASSERT:  # a positive look-around: its text is in the text too
                found += self.atoms(av[1])
            elif op is sre_c.BRANCH:
                found += self._branch([self.atoms(alt) for alt in av[1]])
            elif op is sre_c.IN and self._digit_atom(av):
                found.append(self._digit_atom(av))
            # anything else (optional, negative, ranges, back-references, flags) requires nothing
        flush()
        return [a for a in found if a]

    def _word_atoms(self, word: str) -> list[frozenset[str]]:
        parts = "".join("\0" if self._cased(c) else c for c in word).split("\0")
        return [frozenset({part}) for part in parts if part]

    @staticmethod
    def _branch(alternatives: list[list[frozenset[str]]]) -> list[frozenset[str]]:
        """One atom for an alternation: a string of one atom of each alternative (the smallest)."""
        union: set[str] = set()
        for sub in alternatives:
            if not sub:
                return []
            union |= min(sub, key=_rarity)
        return [frozenset(union)]


def _rarity(atom: frozenset[str]) -> int:
    """How often a text may hold an atom, to choose one per alternative: fewer strings are rarer,
    and any digit is among the commonest."""
    return len(atom) + (_MAX_STRINGS if DIGIT in atom else 0)


class LiteralGate:
    """Which of the given patterns may match a text: `may(i, scan(text))`, from their atoms."""

    def __init__(self, needs: Iterable[list[frozenset[str]]]):
        self.needed: list[int] = []  # per pattern, the bits of its atoms
        bits: dict[frozenset[str], int] = {}
        for atoms in needs:
            mask = 0
            for atom in atoms:
                mask |= 1 << bits.setdefault(atom, len(bits))
            self.needed.append(mask)
        own: dict[str, int] = {}
        for atom, bit in bits.items():
            flag = 1 << bit
            for s in atom:
                own[s] = own.get(s, 0) | flag
        self._digit = own.pop(DIGIT, 0)  # the atoms a digit satisfies
        # a text holds a string of two or more characters only where it holds its first two: the
        # strings are looked up by the pairs of characters of the text (a set intersection, in C)
        self._chars = {s: m for s, m in own.items() if len(s) == 1}
        pairs: dict[str, list] = {}  # a pair -> [its own atoms, (a longer string, its atoms) …]
        for s, m in own.items():
            if len(s) > 2:
                pairs.setdefault(s[:2], [0]).append((s, m))
            elif len(s) == 2:
                pairs.setdefault(s, [0])[0] |= m
        self._pairs = {pair: (found[0], tuple(found[1:])) for pair, found in pairs.items()}
        self._char_set, self._pair_set = frozenset(self._chars), frozenset(self._pairs)
        # a text is scanned sentence by sentence (see sentences())
        ends = _SENTENCE_ENDS  # (a set test first: the gate holds thousands of strings, few with an end)
        self._across = tuple((s, m) for s, m in own.items() if not ends.isdisjoint(s) and across_sentences(s))
        self._sentences: dict[str, int] = {}
        self._memo: dict[tuple[int, int], dict[int, int]] = {}  # see select()
        self._reads: dict[tuple[int, int], int] = {}

    def scan(self, text: str) -> int:
        """The atoms that occur in the text, as bits."""
        parts = sentences(text)
        if len(parts) < 2:
            return self._scan(text)
        found, memo = 0, self._sentences
        for sentence in parts:
            known = memo.get(sentence)
            if known is None:
                if len(memo) >= _MEMO:
                    memo.clear()
                known = memo[sentence] = self._scan(sentence)
            found |= known
        for s, mask in self._across:
            if s in text:
                found |= mask
        return found

    def _scan(self, text: str) -> int:
        found = self._digit if self._digit and _ANY_DIGIT.search(text) else 0
        chars, pairs = self._chars, self._pairs
        for char in self._char_set.intersection(text):
            found |= chars[char]
        for pair in self._pair_set.intersection(map(operator.add, text, text[1:])):
            mask, longer = pairs[pair]
            found |= mask
            for s, mask in longer:
                if s in text:
                    found |= mask
        return found

    def may(self, index: int, found: int) -> bool:
        needed = self.needed[index]
        return found & needed == needed

    def select(self, first: int, count: int, found: int) -> int:
        """Which of the patterns first … first+count-1 may match, as bits 0 … count-1. Texts share
        the few atoms such a group reads, so the answer is kept by those atoms."""
        group = (first, count)
        memo = self._memo.get(group)
        if memo is None:
            memo = self._memo[group] = {}
            self._reads[group] = functools.reduce(operator.or_, self.needed[first : first + count], 0)
        key = found & self._reads[group]
        bits = memo.get(key)
        if bits is None:
            bits = sum(
                1 << i for i, need in enumerate(self.needed[first : first + count]) if key & need == need
            )
            if len(memo) >= _MEMO:
                memo.clear()
            memo[key] = bits
        return bits


# ---------------------------------------------------------------- where a match can start
# `re` skips quickly over positions where no match can start only when a pattern opens with a
# literal or a set of characters; one that opens with a look-behind, an optional part or a cased
# word (traits has "PPT"; `re` then gives up its shortcut) is tried at every position, through
# every alternative. A look-ahead for the characters a match can open with, `(?=[…])(?:…)`,
# turns those positions down at once; it changes no match (dates: 14 -> 3.5 µs a point).

_CATEGORIES = {
    sre_c.CATEGORY_DIGIT: r"\d",
    sre_c.CATEGORY_NOT_DIGIT: r"\D",
    sre_c.CATEGORY_SPACE: r"\s",
    sre_c.CATEGORY_NOT_SPACE: r"\S",
    sre_c.CATEGORY_WORD: r"\w",
    sre_c.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = {sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT}
_GROUPS = {sre_c.SUBPATTERN} | ({sre_c.ATOMIC_GROUP} if hasattr(sre_c, "ATOMIC_GROUP") else set())


def _openers(items, classes: dict[int, list[str]]) -> tuple[list[str], bool] | None:
    """Class items (`re` syntax) a match of the node list can open with, and whether it can be empty;
    None when unknown (., negated sets, back-references)."""
    parts: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre_c.LITERAL:
            words = classes.get(av, [chr(av)])
            parts += [re.escape(w[0]) for w in words if w]
            return parts, "" in words
        if op is sre_c.IN:
            for o, a in av:
                if o is sre_c.LITERAL:
                    parts.append(re.escape(chr(a)))
                elif o is sre_c.RANGE:
                    parts.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
                elif o is sre_c.CATEGORY and a in _CATEGORIES:
                    parts.append(_CATEGORIES[a])
                else:
                    return None
            return parts, False
        if op is sre_c.BRANCH:
            empty = False
            for alt in av[1]:
                sub = _openers(alt, classes)
                if sub is None:
                    return None
                parts += sub[0]
                empty = empty or sub[1]
        elif op in _GROUPS:
            sub = _openers(av[3] if op is sre_c.SUBPATTERN else av, classes)
            if sub is None:
                return None
            parts += sub[0]
            empty = sub[1]
        elif op in _REPEATS:
            sub = _openers(av[2], classes)
            if sub is None:
                return None
            parts += sub[0]
            empty = sub[1] or av[0] == 0
        else:
            return None
        if not empty:
            return parts, False
    return parts, True


def _has_shortcut(items, flags: int, classes: dict[int, list[str]]) -> bool:
    """Whether `re` already skips to where a match can start (a leading literal or character set)."""
    while items and items[0][0] is sre_c.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = items[0][1][3]
    if not items:
        return False
    op, av = items[0]
    ignore = bool(flags & re.IGNORECASE)

    def plain(code: int) -> bool:  # a literal `re` can skip to
        return not (ignore and _cased(chr(code)))

    if op is sre_c.LITERAL and av in classes:  # a word class: an alternation of its words
        words = classes[av]
        return bool(words) and all(w and plain(ord(w[0])) for w in words)
    if op is sre_c.LITERAL:
        return plain(av)
    if op is sre_c.BRANCH:
        return all(
            alt and alt[0][0] is sre_c.LITERAL and alt[0][1] not in classes and plain(alt[0][1])
            for alt in av[1]
        )
    if op is sre_c.IN:
        return all(o is sre_c.LITERAL and plain(a) for o, a in av) or not ignore
    return False


def lead(skeleton: str, flags: int, classes: dict[int, list[str]] | None = None) -> str:
    """`(?=[…])` for a pattern (its skeleton: word classes as placeholder characters), or "" when
    `re` has its own shortcut, the pattern can match nothing, or what opens a match is unknown."""
    return plan(skeleton, flags, classes)[0]


def plan(
    skeleton: str, flags: int, classes: dict[int, list[str]] | None = None, tree=None
) -> tuple[str, int]:
    """(the look-ahead to open the pattern with, or ""; the flags to compile it with). `tree`: the
    skeleton parsed already.

    IGNORECASE is dropped when the pattern holds no cased letter: it then changes no match, and
    compiling a range such as [\u4e00-\u9fff] under it costs ~10 ms (`re` folds every character)."""
    classes = classes or {}
    tree = sre_parse.parse(skeleton, flags) if tree is None else tree
    if flags & re.IGNORECASE and not _case_matters(tree, classes):
        flags &= ~re.IGNORECASE
    inline = tree.state.flags & ~flags & ~(re.UNICODE | re.IGNORECASE)  # (?x) must stay at the start
    if inline or flags & (re.VERBOSE | re.LOCALE) or _has_shortcut(tree, flags, classes):
        return "", flags
    found = _openers(tree, classes)
    if found is None or found[1] or not found[0]:
        return "", flags
    return "(?=[" + "".join(dict.fromkeys(found[0])) + "])", flags


_BROAD = {sre_c.CATEGORY_WORD, sre_c.CATEGORY_NOT_WORD, sre_c.CATEGORY_NOT_DIGIT, sre_c.CATEGORY_NOT_SPACE}


@lru_cache(maxsize=256)
def _range_cased(lo: int, hi: int) -> bool:
    return hi - lo > 0x30000 or _cased("".join(map(chr, range(lo, hi + 1))))


def _case_matters(items, classes: dict[int, list[str]]) -> bool:
    """Whether IGNORECASE could change a match: a cased letter in a literal, set or word class, or a
    back-reference to text that may hold cased letters; True for anything not understood."""
    cased = broad = backref = False
    stack = [items]
    while stack:
        for op, av in stack.pop():
            if op is sre_c.LITERAL:
                cased |= _cased("".join(classes[av])) if av in classes else _cased(chr(av))
            elif op is sre_c.NOT_LITERAL:
                cased, broad = cased or _cased(chr(av)), True
            elif op is sre_c.IN:
                for o, a in av:
                    if o is sre_c.LITERAL:
                        cased |= _cased(chr(a))
                    elif o is sre_c.RANGE:
                        cased |= _range_cased(*a)
                    elif o is sre_c.NEGATE or (o is sre_c.CATEGORY and a in _BROAD):
                        broad = True
            elif op is sre_c.ANY:
                broad = True
            elif op is sre_c.GROUPREF:
                backref = True
            elif op is sre_c.BRANCH:
                stack += av[1]
            elif op is sre_c.SUBPATTERN and not av[1] and not av[2]:
                stack.append(av[3])
            elif op in _REPEATS:
                stack.append(av[2])
            elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
                stack.append(av[1])
            elif op is not sre_c.AT:
                return True
    return cased or (backref and broad)


# compile_fast's parse of each source (its look-ahead adds nothing a match needs), read again for
# atoms and by Alternation: parsing is most of what the gate costs a cold start
_PARSED: dict[re.Pattern, sre_parse.SubPattern] = {}


def compile_fast(source: str, flags: int = 0, tree=None) -> re.Pattern:
    """re.compile, with a look-ahead for the characters a match opens with where that helps (and
    without IGNORECASE where it changes nothing). `tree`: the source parsed already."""
    tree = sre_parse.parse(source, flags) if tree is None else tree
    head, compiled_flags = plan(source, flags, tree=tree)
    pattern = re.compile(f"{head}(?:{source})" if head else source, compiled_flags)
    _PARSED[pattern] = tree
    return pattern


# ---------------------------------------------------------------- an alternation, one branch at a time
class Alternation:
    """finditer of `(?:a0)|(?:a1)|…` that runs only the alternatives a text may match.

    A big alternation (the date or period patterns of timex) is tried at each position where one of
    its many opening characters stands (一, 上, 年 …), through every alternative. Each alternative
    run alone gets its own skip to where it can start, and one whose atoms a text lacks (see
    LiteralGate) is not run at all. The matches are those of the alternation: at the leftmost
    position where any alternative matches, the first such alternative's match (its own match
    there, as the alternation would try it), then on from its end. That needs alternatives that
    never match empty and refer to no group; otherwise the alternation itself runs.
    """

    def __init__(self, sources: list[str], flags: int = 0):
        self.sources, self.flags, self.count = list(sources), flags, len(sources)
        self._trees = [sre_parse.parse(source, flags) for source in self.sources]
        self._exact = all(tree.getwidth()[0] > 0 and not _refers(tree) for tree in self._trees)
        self._compiled: list[re.Pattern | None] = [None] * self.count  # compiled on first need
        self._chosen: dict[int, list[re.Pattern]] = {}  # by `may`: the alternatives it leaves

    @cached_property
    def whole(self) -> re.Pattern:
        return compile_fast("|".join(f"(?:{source})" for source in self.sources), self.flags)

    @property
    def parts(self) -> list[re.Pattern]:
        return [self._part(i) for i in range(self.count)]

    def _part(self, i: int) -> re.Pattern:
        part = self._compiled[i]
        if part is None:
            part = self._compiled[i] = compile_fast(self.sources[i], self.flags, self._trees[i])
        return part

    def needs(self) -> list[list[frozenset[str]]]:
        """The atoms of each alternative, in order (bit i of `may` in finditer is alternative i)."""
        return [_Reader({}, self.flags | tree.state.flags).atoms(tree) for tree in self._trees]

    def finditer(self, text: str, may: int | None = None) -> Iterator[re.Match]:
        """The matches in the text; `may`: which alternatives may match it (bits), None for all."""
        if not self._exact:
            return self.whole.finditer(text)
        key = -1 if may is None else may & ((1 << self.count) - 1)
        parts = self._chosen.get(key)
        if parts is None:
            parts = self._chosen[key] = [self._part(i) for i in range(self.count) if key >> i & 1]
        if len(parts) == 1:
            return parts[0].finditer(text)
        return _merged(parts, text)


def _merged(parts: list[re.Pattern], text: str) -> Iterator[re.Match]:
    ahead = [p.search(text) for p in parts]  # each alternative's leftmost match from where we are
    while True:
        best = None
        for m in ahead:
            if m is not None and (best is None or m.start() < best.start()):
                best = m  # the leftmost; at one position the first alternative
        if best is None:
            return
        yield best
        end = best.end()
        for i, m in enumerate(ahead):
            if m is not None and m.start() < end:
                ahead[i] = parts[i].search(text, end)


def _refers(items) -> bool:
    """Whether a pattern refers to a group (a back-reference or a conditional)."""
    for op, av in items:
        if op in (sre_c.GROUPREF, sre_c.GROUPREF_EXISTS):
            return True
        if op is sre_c.BRANCH and any(_refers(alt) for alt in av[1]):
            return True
        if op is sre_c.SUBPATTERN and _refers(av[3]):
            return True
        if op in _REPEATS and _refers(av[2]):
            return True
        if op in (sre_c.ASSERT, sre_c.ASSERT_NOT) and _refers(av[1]):
            return True
        if op is getattr(sre_c, "ATOMIC_GROUP", None) and _refers(av):
            return True
    return False
