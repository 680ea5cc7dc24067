"""Word lists from lexicons/*.txt: one entry per line, optional tags after a tab or spaces.

A company adds words without code through config (`[lexicons] judgement = ["……"]`)
or points `--lexicons DIR` at its own folder; files there extend the shipped ones.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.nlp import prefilter
from checker.resources import data_path

# Lexicons that are grammar, not vocabulary: phrase patterns and the closed word classes they are
# built from ("了", "得多", "还需要"). Teaching those to the segmenter would change how it splits text.
NOT_VOCABULARY = frozenset(
    {
        "function_words", "judgement_phrases", "numeral_idioms", "job_families",
        # policy phrases matched on raw text (printed confirmations, assent replies, "no disagreement")
        "agreement", "confirmation", "employee_voice",
    }
)  # fmt: skip


@dataclass
class Lexicon:
    name: str
    entries: dict[str, set[str]] = field(default_factory=dict)  # word -> tags
    # compiled alternations by tag: checks ask for them on every record, compiling is the costly part
    _patterns: dict[str | None, re.Pattern | None] = field(default_factory=dict, repr=False, compare=False)
    # word lists by tag: the phrase compiler asks for the same classes ~100 times
    _words: dict[str | None, list[str]] = field(default_factory=dict, repr=False, compare=False)
    # answers callers derive from the entries (see memo), dropped with the caches above
    _memos: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)

    def add(self, word: str, tags: set[str] | None = None) -> None:
        word = word.strip()
        if word:
            self.entries.setdefault(word, set()).update(tags or set())
            self._patterns.clear()
            self._words.clear()
            self._memos.clear()

    def memo(self, name: str) -> dict:
        """A dict where a caller keeps answers worked out from these entries (which tag a text names,
        say); emptied whenever a word is added, so an answer never outlives the entries it came from."""
        memo = self._memos.get(name)
        if memo is None:
            memo = self._memos[name] = {}
        return memo

    def words(self, tag: str | None = None) -> list[str]:
        """Entries (longest first, so alternations prefer the longest match)."""
        if tag not in self._words:
            chosen = [w for w, t in self.entries.items() if tag is None or tag in t]
            self._words[tag] = sorted(chosen, key=len, reverse=True)
        return list(self._words[tag])

    def pattern(self, tag: str | None = None) -> re.Pattern | None:
        """The words as one alternation (leftmost, then longest match). With a cased word among
        them `re` would try every position; a look-ahead for their first characters spares that.
        Without one, IGNORECASE changes nothing and is left out."""
        if tag not in self._patterns:
            words = self.words(tag)
            head, flags = prefilter.plan("\ue000", re.IGNORECASE, {0xE000: words})
            regex = "|".join(re.escape(w) for w in words)
            self._patterns[tag] = (
                re.compile(f"{head}(?:{regex})" if head else regex, flags) if words else None
            )
        return self._patterns[tag]

    def matcher(self, tag: str | None = None) -> WordScanner | re.Pattern | None:
        """What `pattern()` finds, by a word scanner where IGNORECASE changes nothing (no cased word):
        compiling a big alternation costs ~50 ms of a cold start, the scanner nothing."""
        words = self.words(tag)
        if not words:
            return None
        return self.pattern(tag) if prefilter._cased("".join(words)) else WordScanner(words)

    def __contains__(self, word: str) -> bool:
        return word in self.entries


_SENTENCES_KEPT = 4096  # sentences whose words a word scanner keeps


class WordMatch:
    """The part of a re.Match a word scanner gives: start(), end(), span(), group()."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self) -> str:
        return self._text


class WordScanner:
    """finditer / search / match of the alternation `w1|w2|…` (words in that order) without `re`:
    leftmost first; at one position the word listed first (a list sorted longest first gives the
    longest); no overlaps. Only for words without cased letters (IGNORECASE is no concern)."""

    def __init__(self, words: list[str]):
        self._rank: dict[str, int] = {}
        for i, word in enumerate(words):
            if word:
                self._rank.setdefault(word, i)
        sizes: dict[str, set[int]] = {}
        for word in self._rank:
            sizes.setdefault(word[0], set()).add(len(word))
        self._sizes = {c: tuple(sorted(n)) for c, n in sizes.items()}
        # the words by their first two characters: which of them a text holds is found from the
        # pairs of characters it has (a set intersection), not by trying every position
        by_pair: dict[str, list[str]] = {}
        for word in self._rank:
            if len(word) > 1:
                by_pair.setdefault(word[:2], []).append(word)
        self._by_pair = {pair: tuple(found) for pair, found in by_pair.items()}
        self._pairs = frozenset(by_pair)
        self._chars = frozenset(w for w in self._rank if len(w) == 1)
        self._across = tuple(w for w in self._rank if prefilter.across_sentences(w))
        self._sentences: dict[str, tuple[str, ...]] = {}  # a sentence -> the words it holds

    def _held(self, text: str) -> set[str]:
        """The words the text holds, found sentence by sentence (see prefilter.sentences)."""
        parts = prefilter.sentences(text)
        if len(parts) < 2:
            return set(self._held_in(text))
        held, memo = set(), self._sentences
        for sentence in parts:
            known = memo.get(sentence)
            if known is None:
                if len(memo) >= _SENTENCES_KEPT:
                    memo.clear()
                known = memo[sentence] = self._held_in(sentence)
            held.update(known)
        held.update(w for w in self._across if w in text)
        return held

    def _held_in(self, text: str) -> tuple[str, ...]:
        held = list(self._chars.intersection(text)) if self._chars else []
        for pair in self._pairs.intersection(map(operator.add, text, text[1:])):
            held += [word for word in self._by_pair[pair] if word in text]
        return tuple(held)

    def _at(self, text: str, i: int) -> str | None:
        sizes = self._sizes.get(text[i])
        if not sizes:
            return None
        best, rank = None, None
        for n in sizes:
            if i + n > len(text):
                break
            word = text[i : i + n]
            r = self._rank.get(word)
            if r is not None and (rank is None or r < rank):
                best, rank = word, r
        return best

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else min(endpos, len(text))
        part = text[pos:end]
        rank = self._rank
        first: dict[int, str] = {}  # where a held word starts -> the word listed first of those there
        for word in self._held(part):
            i = part.find(word)
            while i >= 0:
                other = first.get(i)
                if other is None or rank[word] < rank[other]:
                    first[i] = word
                i = part.find(word, i + 1)
        after = 0
        for i in sorted(first):
            if i >= after:  # leftmost first, no overlaps
                word = first[i]
                after = i + len(word)
                yield WordMatch(pos + i, pos + after, word)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> WordMatch | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0) -> WordMatch | None:
        word = self._at(text, pos) if pos < len(text) else None
        return WordMatch(pos, pos + len(word), word) if word else None


def parse_lexicon(name: str, text: str) -> Lexicon:
    lex = Lexicon(name)
    entries = lex.entries  # filled directly: add() per line was ~40 ms of a cold start
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, *tags = [part for part in line.replace("\t", " ").split(" ") if part]
        entries.setdefault(word, set()).update(tags)
    return lex


@dataclass
class Lexicons:
    by_name: dict[str, Lexicon] = field(default_factory=dict)

    def get(self, name: str) -> Lexicon:
        return self.by_name.setdefault(name, Lexicon(name))

    def load_dir(self, folder: Path) -> None:
        for path in sorted(Path(folder).glob("*.txt")):
            loaded = parse_lexicon(path.stem, path.read_text(encoding="utf-8"))
            target = self.get(path.stem)
            for word, tags in loaded.entries.items():
                target.entries.setdefault(word, set()).update(tags)
            target._patterns.clear()
            target._words.clear()

    def add_words(self, extra: dict[str, list[str]]) -> None:
        for name, words in extra.items():
            for entry in words:
                parts = re.split(r"[\t ]+", entry.strip())
                self.get(name).add(parts[0], set(parts[1:]))

    def all_words(self) -> set[str]:
        """Vocabulary for the segmenter: every entry except patterns and closed word classes."""
        return {w for name, lex in self.by_name.items() if name not in NOT_VOCABULARY for w in lex.entries}


def load_lexicons(
    extra_dirs: tuple[str, ...] = (), extra_words: dict[str, list[str]] | None = None
) -> Lexicons:
    lexicons = Lexicons()
    lexicons.load_dir(data_path("lexicons"))
    for folder in extra_dirs:
        lexicons.load_dir(Path(folder))
    if extra_words:
        lexicons.add_words(extra_words)
    return lexicons
