"""The segmenter: spaCy's blank `zh` pipeline with jieba, loaded once per process and lazily.

No model is downloaded: the blank pipeline has only a tokenizer, and jieba's
dictionary ships inside the jieba package. Domain words from lexicons/ are
added to jieba so they stay whole (执行力, 抗压能力, 客诉率).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import lru_cache

_lock = threading.Lock()
_nlp = None
_added: set[str] = set()


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def _load(words: frozenset[str]):
    global _nlp
    with _lock:
        if _nlp is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)  # jieba logs its cache build to stderr otherwise
            import spacy

            _nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        new = words - _added
        if new:
            import jieba

            for word in sorted(new):
                if len(word) > 1 and " " not in word:
                    jieba.add_word(word, freq=20000)
            _added.update(new)
            segment.cache_clear()
    return _nlp


def ensure_words(words: set[str]) -> None:
    _load(frozenset(words))


@lru_cache(maxsize=50_000)
def segment(text: str) -> tuple[Token, ...]:
    nlp = _nlp if _nlp is not None else _load(frozenset())
    doc = nlp.make_doc(text)
    return tuple(Token(t.text, t.idx, t.idx + len(t.text)) for t in doc if not t.is_space)
