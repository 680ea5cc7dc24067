"""Phrase patterns held as data, compiled against the word lists.

A phrase pattern (lexicons/judgement_phrases.txt) is a regular expression whose word
classes are named, not spelled out, so that vocabulary lives in lexicons/ and a word
added there widens every pattern that uses it:

    {tag}          any word of that class in function_words.txt (longest first)
    {lexicon}      any entry of that lexicon (traits, evaluation, judgement ...)
    {lexicon:tag}  its entries with that tag; {lexicon:long} its entries of 2+ characters
    <chars:name>   the one-character members of a class or lexicon, for use inside [...]
    <han>          one Chinese character
    <alnum_han>    one Chinese character or Latin letter
    <end>          the end of a clause: punctuation, a conjunction (但, 就是) or a final particle
    <start>        the start of a clause

Everything else is ordinary `re` syntax. Patterns hold no spaces.

A phrase is compiled when a text first needs it: its word classes make it a regex of
thousands of alternatives (~5-10 ms to compile each, ~0.3 s for all of them), and
`needs()` tells from the words a text contains that most phrases cannot match it
(checker/nlp/prefilter.py), so a short audit compiles only the few it uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from checker.nlp import prefilter
from checker.nlp.lexicon import Lexicon, Lexicons

FUNCTION_WORDS = "function_words"
_MACRO = re.compile(r"\{([a-z_]+)(?::([a-z_]+))?\}|<chars:([a-z_]+)>|<(han|alnum_han|end|start)>")
_PUNCT_END = r"[,，。;；、!！?？…:：)）~～]|$|\s"
_PLACEHOLDER = 0xE000  # private-use characters stand for the word classes in a skeleton


POLARITIES = ("praise", "criticism")


@dataclass
class Phrase:
    kind: str
    source: str
    polarity: str | None = None  # praise / criticism when the class always has one
    compiler: PhraseCompiler | None = field(default=None, repr=False, compare=False)

    @cached_property
    def pattern(self) -> re.Pattern:
        return self.compiler.compile(self.source)

    @cached_property
    def needs(self) -> list[frozenset[str]]:
        """Sets of strings a text must each share one of to match (prefilter atoms)."""
        return self.compiler.atoms(self.source)


class PhraseCompiler:
    """Turns a phrase pattern into a compiled regex using the loaded word lists."""

    def __init__(self, lexicons: Lexicons):
        self.lexicons = lexicons
        self.function_words: Lexicon = lexicons.get(FUNCTION_WORDS)
        self._tags = {t for tags in self.function_words.entries.values() for t in tags}
        conjunctions = self._alternation(self.words("conjunction"))
        particles = "".join(self.words("particle"))
        self.clause_end = (
            rf"(?={_PUNCT_END}|{conjunctions}"
            + (rf"|[{re.escape(particles)}](?:{_PUNCT_END})" if particles else "")
            + ")"
        )

    def words(self, name: str, tag: str | None = None) -> list[str]:
        """A class of function words, or a lexicon's entries (optionally by tag, or 'long')."""
        if tag is None and name in self._tags:
            return self.function_words.words(name)
        lexicon = self.lexicons.get(name)
        if tag == "long":
            return [w for w in lexicon.words() if len(w) > 1]
        return lexicon.words(tag)

    def compile(self, source: str, flags: int = re.IGNORECASE) -> re.Pattern:
        """The pattern, opened by a look-ahead for the characters a match can start with where `re`
        would otherwise try it at every position, and without IGNORECASE where no letter has case
        (prefilter.plan: the same matches, ~3x faster to run, faster to compile)."""
        regex = self.expand(source)
        head, flags = prefilter.plan(*self._skeleton(source, flags))
        return re.compile(f"{head}(?:{regex})" if head else regex, flags)

    def expand(self, source: str) -> str:
        return _MACRO.sub(self._macro, source)

    def atoms(self, source: str, flags: int = re.IGNORECASE) -> list[frozenset[str]]:
        """What every match of the pattern contains (see prefilter.py), read from its skeleton."""
        return prefilter.source_atoms(*self._skeleton(source, flags))

    def _skeleton(self, source: str, flags: int) -> tuple[str, int, dict[int, list[str]]]:
        """The pattern with each word class as one placeholder character (and the words of each):
        parsing that is ~100x faster than parsing the expanded regex."""
        classes: dict[int, list[str]] = {}

        def placeholder(m: re.Match) -> str:
            if not m.group(1):
                return self._macro(m)
            code = _PLACEHOLDER + len(classes)
            classes[code] = self.words(m.group(1), m.group(2))
            return chr(code)

        return _MACRO.sub(placeholder, source), flags, classes

    def _macro(self, m: re.Match) -> str:
        name, tag, chars, builtin = m.groups()
        if name:
            return f"(?:{self._alternation(self.words(name, tag))})"
        if chars:
            return re.escape("".join(w for w in self.words(chars) if len(w) == 1))
        return {
            "han": r"[\u4e00-\u9fff]",
            "alnum_han": r"[\u4e00-\u9fffA-Za-z]",
            "end": self.clause_end,
            "start": r"(?:^|(?<=[,，、;；。:：\s]))",
        }[builtin]

    @staticmethod
    def _alternation(words: list[str]) -> str:
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)"


def load_phrases(compiler: PhraseCompiler, lexicon_name: str) -> list[Phrase]:
    """Every entry of a phrase lexicon, in file order (earlier patterns win an overlap)."""
    phrases = []
    for source, tags in compiler.lexicons.get(lexicon_name).entries.items():
        kind = next(iter(sorted(tags - set(POLARITIES))), "phrase")
        polarity = next((t for t in POLARITIES if t in tags), None)
        phrases.append(Phrase(kind, source, polarity, compiler))
    return phrases
