"""Word lists from lexicons/*.txt: one entry per line, optional tags after a tab or spaces.

A company adds words without code through config (`[lexicons] judgement = ["……"]`)
or points `--lexicons DIR` at its own folder; files there extend the shipped ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.nlp import prefilter
from checker.resources import data_path

# Lexicons that are grammar, not vocabulary: phrase patterns and the closed word classes they are
# built from ("了", "得多", "还需要"). Teaching those to the segmenter would change how it splits text.
NOT_VOCABULARY = frozenset({"function_words", "judgement_phrases", "numeral_idioms", "job_families"})


@dataclass
class Lexicon:
    name: str
    entries: dict[str, set[str]] = field(default_factory=dict)  # word -> tags
    # compiled alternations by tag: checks ask for them on every record, compiling is the costly part
    _patterns: dict[str | None, re.Pattern | None] = field(default_factory=dict, repr=False, compare=False)
    # word lists by tag: the phrase compiler asks for the same classes ~100 times
    _words: dict[str | None, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def add(self, word: str, tags: set[str] | None = None) -> None:
        word = word.strip()
        if word:
            self.entries.setdefault(word, set()).update(tags or set())
            self._patterns.clear()
            self._words.clear()

    def words(self, tag: str | None = None) -> list[str]:
        """Entries (longest first, so alternations prefer the longest match)."""
        if tag not in self._words:
            chosen = [w for w, t in self.entries.items() if tag is None or tag in t]
            self._words[tag] = sorted(chosen, key=len, reverse=True)
        return list(self._words[tag])

    def pattern(self, tag: str | None = None) -> re.Pattern | None:
        """The words as one alternation (leftmost, then longest match). With a cased word among
        them `re` would try every position; a look-ahead for their first characters spares that."""
        if tag not in self._patterns:
            words = self.words(tag)
            head = prefilter.lead("\ue000", re.IGNORECASE, {0xE000: words}) if words else ""
            regex = "|".join(re.escape(w) for w in words)
            self._patterns[tag] = (
                re.compile(f"{head}(?:{regex})" if head else regex, re.IGNORECASE) if words else None
            )
        return self._patterns[tag]

    def __contains__(self, word: str) -> bool:
        return word in self.entries


def parse_lexicon(name: str, text: str) -> Lexicon:
    lex = Lexicon(name)
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = re.split(r"[\t ]+", line)
        lex.add(parts[0], set(parts[1:]))
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
                target.add(word, tags)

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
