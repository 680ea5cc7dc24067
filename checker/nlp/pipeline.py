"""The segmenter: spaCy's blank `zh` pipeline with jieba, loaded once per process and lazily.

No model is downloaded: the blank pipeline has only a tokenizer. jieba reads a
trimmed dictionary shipped in checker/nlp/data/ (built from jieba's own
dict.txt by `python -m checker.nlp.build_dict`; 72k instead of 349k words, so
it loads several times faster); without that file it uses jieba's full one.
Domain words from lexicons/ are in the trimmed dictionary already; words a
company adds are added to jieba here so they stay whole (执行力, 客诉率).
"""

from __future__ import annotations

import logging
import sys
import threading
import types
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SMALL_DICT = Path(__file__).resolve().parent / "data" / "jieba_small.txt"
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
            _nlp = _blank_zh()
        new = words - _added
        if new:
            _add_words(new)
            _added.update(new)
            segment.cache_clear()
    return _nlp


def _blank_zh():
    import jieba

    jieba.setLogLevel(logging.WARNING)  # jieba logs its cache build to stderr otherwise
    if SMALL_DICT.is_file():
        jieba.set_dictionary(str(SMALL_DICT))  # before spaCy's first jieba call initialises it
    spacy = _import_spacy()
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def _import_spacy():
    """`import spacy` without its command-line package (spacy.cli pulls in weasel, httpx, rich: ~0.3 s).

    spacy/__init__ only re-exports `spacy.cli.info.info`; a stand-in that imports
    the real one when called takes its place during the import, then is removed,
    so a later `import spacy.cli` gets the real package.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stubs = {
        name: types.ModuleType(name) for name in ("spacy.cli", "spacy.cli.info") if name not in sys.modules
    }

    def info(*args, **kwargs):
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    for stub in stubs.values():
        stub.info = info
    sys.modules.update(stubs)
    try:
        import spacy
    except (ImportError, AttributeError):
        # a spaCy release that needs more of spacy.cli at import: drop the stand-ins, import plainly
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        stubs = {}
        import spacy
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    return spacy


def _add_words(words: set[str]) -> None:
    import jieba

    known = jieba.dt.FREQ
    for word in sorted(words):
        if len(word) > 1 and " " not in word and not known.get(word):
            jieba.add_word(word, freq=20000)


def ensure_words(words: set[str]) -> None:
    _load(frozenset(words))


@lru_cache(maxsize=50_000)
def segment(text: str) -> tuple[Token, ...]:
    nlp = _nlp if _nlp is not None else _load(frozenset())
    doc = nlp.make_doc(text)
    return tuple(Token(t.text, t.idx, t.idx + len(t.text)) for t in doc if not t.is_space)
