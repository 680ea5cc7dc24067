"""The segmenter: jieba, called directly, loaded once per process and lazily.

spaCy's blank `zh` pipeline with `segmenter = "jieba"` tokenizes a text as
`jieba.cut(text, cut_all=False)` does, minus the whitespace tokens; the hot path
calls that same jieba function itself and keeps the offsets (tests/test_nlp_segmenter.py
checks token for token, with offsets, that both agree on every labelled text).
Measured at issue 10 (load ~0.5): `import spacy` alone took ~1.1 s, more than the
whole cold-start budget of a one-draft audit (1.2 s), and building a spaCy Doc
(vocab look-ups, Token objects) took ~20% of all analysis time (~240 µs of a
point's ~340 µs segmentation; jieba.cut itself ~115 µs). spaCy's pipeline stays
available: `[nlp] segmenter = "spacy"` in .checker.toml uses it for everything,
and `checker tokens` shows its tokens.

No model is downloaded: the blank pipeline has only a tokenizer. jieba reads a
trimmed dictionary shipped in checker/nlp/data/ (built from jieba's own
dict.txt by `python -m checker.nlp.build_dict`; 72k instead of 349k words, so
it loads several times faster); without that file it uses jieba's full one.
The prefix dictionary jieba builds from that file (~0.3 s) is kept in the user's
cache folder (not /tmp, which a reboot empties) as a string of words and an array
of frequencies, which loads in ~30 ms (jieba's own marshal cache of the dict: ~150 ms). Domain words from lexicons/ are in
the trimmed dictionary already; words a company adds are added to jieba here so
they stay whole (执行力, 客诉率).
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
import threading
import types
from array import array
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

SMALL_DICT = Path(__file__).resolve().parent / "data" / "jieba_small.txt"
SEGMENTERS = ("jieba", "spacy")
_lock = threading.Lock()
_jieba = None
_nlp = None
_segmenter = "jieba"
_added: set[str] = set()
_pending: set[str] = set()  # registered before jieba was loaded


class Token(NamedTuple):  # a tuple: built ~40 times per point, a frozen dataclass costs 3x as much
    text: str
    start: int
    end: int


def use_segmenter(name: str) -> None:
    """`jieba` (the default) or `spacy` (its blank zh pipeline over the same jieba: same tokens, slower)."""
    global _segmenter
    if name not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {name!r}; one of {', '.join(SEGMENTERS)}")
    if name != _segmenter:
        _segmenter = name
        _forget_cuts()


def _load(words: frozenset[str]):
    global _jieba
    with _lock:
        if _jieba is None:
            _jieba = _load_jieba()
        new = (words | _pending) - _added
        _pending.clear()
        if new:
            _add_words(new)
            _added.update(new)
            _forget_cuts()
    return _jieba


def register_words(words: set[str]) -> None:
    """Words every segmentation keeps whole from now on; jieba learns them when it loads (or now)."""
    with _lock:
        _pending.update(set(words) - _added)
    if _jieba is not None and _pending:
        _load(frozenset())


def _load_jieba():
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)  # jieba logs its cache build to stderr otherwise
    jieba.dt.tmp_dir = _cache_dir()
    if SMALL_DICT.is_file():
        jieba.set_dictionary(str(SMALL_DICT))
        freq, total = _prefix_dict(jieba)
        with jieba.dt.lock:
            jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = freq, total, True
    jieba.initialize()  # a no-op once initialised; else jieba's own cached load
    return jieba


def _prefix_dict(jieba) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary of SMALL_DICT (word -> frequency, each prefix -> 0), as jieba builds
    it (Tokenizer.gen_pfdict, ~0.3 s), kept in the cache folder as one string of words and one array
    of frequencies: that loads in ~30 ms, where jieba's own marshal of the dict took ~150 ms."""
    stat = SMALL_DICT.stat()
    key = f"{SMALL_DICT}|{stat.st_size}|{stat.st_mtime_ns}|1".encode()
    cache = Path(_cache_dir()) / f"jieba-prefix-{hashlib.md5(key).hexdigest()[:16]}.bin"
    try:
        with open(cache, "rb") as fh:
            words, freqs, total = marshal.load(fh)
        counts = array("q")
        counts.frombytes(freqs)
        return dict(zip(words.split("\n"), counts, strict=True)), total
    except (OSError, EOFError, ValueError, TypeError):
        pass
    with open(SMALL_DICT, "rb") as fh:
        freq, total = jieba.Tokenizer.gen_pfdict(fh)
    try:
        fd, tmp = tempfile.mkstemp(dir=cache.parent)
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(("\n".join(freq), array("q", freq.values()).tobytes(), total), fh)
        os.replace(tmp, cache)
    except OSError:
        pass  # no cache folder: built again next time
    return freq, total


def _import_jieba():
    """`import jieba` without pkg_resources (~0.5 s), which jieba imports only to open its own files.

    With the import blocked, jieba falls back to opening them by path, which is what
    pkg_resources does for a package installed as plain files."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # `import pkg_resources` raises ImportError
    try:
        import jieba
    finally:
        if blocked and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _cache_dir() -> str:
    """Where jieba keeps its prefix-dictionary cache: the user's cache folder, else the temp folder."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "checker")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return tempfile.gettempdir()
    return folder if os.access(folder, os.W_OK) else tempfile.gettempdir()


def _spacy_nlp():
    """spaCy's blank zh pipeline over the (already set up) jieba."""
    global _nlp
    _load(frozenset())
    with _lock:
        if _nlp is None:
            spacy = _import_spacy()
            _nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    return _nlp


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
    jieba = _jieba
    known = jieba.dt.FREQ
    for word in sorted(words):
        if len(word) > 1 and " " not in word and not known.get(word):
            jieba.add_word(word, freq=20000)


def ensure_words(words: set[str]) -> None:
    _load(frozenset(words))


def _forget_cuts() -> None:
    """Segmentations made before a change of words or segmenter are stale."""
    segment.cache_clear()
    _cut_block.cache_clear()


# Few texts are segmented twice except right away (habit spans, then case words) or as follow-up
# items; per-text results live in the analyzer's cache, and segmenting a text again takes its
# blocks from _cut_block. 1,024 token tuples are ~3 MB (4,096 were ~11 MB; 50,000 up to ~135 MB on
# a 100k-row export).
@lru_cache(maxsize=1024)
def segment(text: str) -> tuple[Token, ...]:
    """The words of a text with their offsets; whitespace is no word."""
    if _segmenter == "spacy":
        return spacy_segment(text)
    if _jieba is None:
        _load(frozenset())
    tokens: list[Token] = []
    at = 0
    new = tuple.__new__  # Token(...) goes through a Python-level __new__, three times slower
    # jieba.cut splits a text into blocks (runs of its re_han_default characters, and what lies
    # between) and cuts each block on its own: the words of a text are those of its blocks, one
    # after another, and a clause of one point ("沟通能力强", "执行力有待提高") recurs in many others
    for block in _jieba.re_han_default.split(text):
        if block:
            tokens += [new(Token, (word, at + start, at + end)) for word, start, end in _cut_block(block)]
            at += len(block)
    return tuple(tokens)


# a block is a clause or less: 4,096 of them with their words are ~4 MB (blocks of the labelled texts)
@lru_cache(maxsize=4096)
def _cut_block(block: str) -> tuple[tuple[str, int, int], ...]:
    """jieba's words of one block (what jieba.cut gives for it inside any text) with their offsets
    in the block, whitespace left out."""
    words, end = [], 0
    for word in _jieba.cut(block, cut_all=False):
        start, end = end, end + len(word)
        if word and not word.isspace():
            words.append((word, start, end))
    return tuple(words)


def spacy_segment(text: str) -> tuple[Token, ...]:
    """The same words through spaCy's blank zh pipeline (what `checker tokens` shows)."""
    doc = _spacy_nlp().make_doc(text)
    return tuple(Token(t.text, t.idx, t.idx + len(t.text)) for t in doc if not t.is_space)
