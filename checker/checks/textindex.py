"""The copied-text index: the texts of one field seen so far in a batch, to find the near-identical ones.

It gives exactly what datasketch's MinHashLSH gave (which the rule used before): the same MinHash
values ("affine32" scheme: permutations from np.random.RandomState(1), the MurmurHash3 finalizer on each
shingle's CRC-32, a*h+b in uint32), the same bands and rows (the optimum datasketch computes, found
here without scipy), so the same candidates; and candidates are still decided by the exact Jaccard
similarity of the shingle sets. What changed is the cost: datasketch costs 1.2-1.7 s to import (it
imports scipy.integrate), ~1.7 ms per record in MinHash objects and Python sets of strings, and 6 KB+
kept per record; a 100k-row export would need 600 MB+.

So: each DISTINCT shingle set is stored once (an export has many records with the same evaluation), as
a sorted int64 array of shingle codes in one growing buffer; records point to it. A 3-gram's code is
its three code points packed in 21 bits each (exact: no collision at all); for shingles longer than 3
characters it is a 64-bit BLAKE2b hash, and two distinct shingles of a batch colliding (about n^2/2^65:
1e-9 for 200k distinct shingles) would only nudge one similarity by one shingle. Texts are known again
by a 64-bit hash of their code array and LSH band keys are 64-bit hashes of the band's values: a
collision there (same odds) would merge two texts or add a candidate that the exact Jaccard still has
to pass. Band keys live in a sorted numpy array (searched with np.searchsorted) plus a dict of the
latest ones, merged into the array when it grows (log-structured): about 12 bytes per band and text.
"""

from __future__ import annotations

import hashlib
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import cache, partial

import numpy as np

_MAX32 = 0xFFFFFFFF
_BITS = 21  # a code point fits in 21 bits; 3 of them (+1 so that no char is 0) in 63
_POINT = (1 << _BITS) - 1
_ZERO = np.zeros(1, np.int64)
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@cache
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) as datasketch's MinHashLSH chooses them: the pair minimising the equally weighted
    probabilities of a false positive (integral of 1-(1-s^r)^b over [0, threshold]) and of a false
    negative (over [threshold, 1]). datasketch integrates with scipy's quad; the integrands are
    polynomials of degree b*r <= num_perm, which Gauss-Legendre with num_perm/2+1 nodes integrates exactly."""
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 1)
    pairs = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    b, r = (np.array(column, float)[:, None] for column in zip(*pairs, strict=True))

    def integral(lo: float, hi: float, miss: bool) -> np.ndarray:
        half = (hi - lo) / 2
        hit = 1 - (1 - (half * nodes + (hi + lo) / 2) ** r) ** b
        return half * ((1 - hit if miss else hit) @ weights)

    error = integral(0.0, threshold, miss=False) * 0.5 + integral(threshold, 1.0, miss=True) * 0.5
    return pairs[int(np.argmin(error))]  # the first of equals, as datasketch keeps it


@cache
def permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations for seed 1: a odd, b any, uint32."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


class _Crc32(dict):
    """Shingle -> its CRC-32 (what datasketch hashes), computed once: the shingles of an export's texts
    repeat from text to text. Keyed by the shingle, or by its code when `shingle` reads the code back
    (shingle_codes, k <= 3). Cleared when it grows past LIMIT, so memory stays bounded."""

    LIMIT = 100_000

    def __init__(self, shingle: Callable[[object], str] = str) -> None:
        super().__init__()
        self.shingle = shingle

    def __missing__(self, key) -> int:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[key] = zlib.crc32(self.shingle(key).encode("utf-8"))
        return value


_CRC32 = _Crc32()


@cache
def _code_crc32(k: int) -> _Crc32:
    """The CRC-32 of each shingle code of shingle_codes(words, k), k <= 3."""
    return _Crc32(partial(_unpack, k=k))


def minhash(grams: Iterable[str], num_perm: int) -> np.ndarray:
    """The MinHash values (uint32) datasketch's MinHash(num_perm, hashfunc=crc32) gives for these shingles."""
    grams = grams if isinstance(grams, (set, frozenset, list, tuple)) else list(grams)
    return _minhash(np.fromiter(map(_CRC32.__getitem__, grams), np.uint32, len(grams)), num_perm)


def minhash_of_codes(codes: np.ndarray, words: list[str], k: int, num_perm: int) -> np.ndarray:
    """minhash(shingle_strings(words, k)) from the text's shingle codes (shingle_codes(words, k)): the
    same set of shingles, one per code, so the same values. Codes of longer shingles are hashes that
    cannot be read back: those texts are shingled again."""
    if k * _BITS > 63:
        return minhash(shingle_strings(words, k), num_perm)
    crc = _code_crc32(k)
    return _minhash(np.fromiter(map(crc.__getitem__, codes.tolist()), np.uint32, codes.size), num_perm)


def _minhash(hv: np.ndarray, num_perm: int) -> np.ndarray:
    """MinHash values from the CRC-32 of each distinct shingle (modified in place)."""
    if not hv.size:
        return np.full(num_perm, _MAX32, np.uint32)
    s1, m1, s2, m2, s3 = _FMIX32
    hv ^= hv >> s1
    hv *= m1
    hv ^= hv >> s2
    hv *= m2
    hv ^= hv >> s3
    a, b = permutations(num_perm)
    return np.minimum.reduce(hv[:, None] * a + b, axis=0)


def band_keys(values: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One 64-bit key per band (its number and its rows' values): equal keys are datasketch's same bucket."""
    raw = values.astype("<u4").tobytes()
    width = 4 * rows
    return np.array(
        [_digest(i.to_bytes(2, "little") + raw[i * width : (i + 1) * width]) for i in range(bands)], np.uint64
    )


def _digest(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def shingle_strings(words: list[str], k: int) -> set[str]:
    """Character k-grams of each point (a point shorter than k is one shingle)."""
    out: set[str] = set()
    for w in words:
        if len(w) <= k:
            out.add(w)
        out.update(w[i : i + k] for i in range(len(w) - k + 1))
    return out


def shingle_codes(words: list[str], k: int) -> np.ndarray:
    """The distinct codes of shingle_strings(words, k), sorted (int64): each point's code points as a
    numpy array, k shifted views of it packed together."""
    if k * _BITS > 63:
        grams = shingle_strings(words, k)
        return np.unique(np.array([_digest(g.encode("utf-8")) for g in grams], np.uint64).view(np.int64))
    parts = []
    for w in words:
        if len(w) < k:
            parts.append(np.array([_pack(w, k)], np.int64))
            continue
        points = np.frombuffer(w.encode("utf-32-le"), np.uint32).astype(np.int64) + 1
        count = len(points) - k + 1
        codes = points[:count]
        for j in range(1, k):
            codes = (codes << _BITS) | points[j : j + count]
        parts.append(codes)
    if not parts:
        return np.empty(0, np.int64)
    return _distinct(parts[0] if len(parts) == 1 else np.concatenate(parts))


def _distinct(codes: np.ndarray) -> np.ndarray:
    """np.unique(codes) for a 1-d array (sorted, each value once), without its generic steps: this
    runs for every new text of a batch."""
    if codes.size < 2:
        return codes.copy()
    codes = np.sort(codes)
    keep = np.empty(codes.size, bool)
    keep[0] = True
    np.not_equal(codes[1:], codes[:-1], out=keep[1:])
    return codes[keep]


def _pack(word: str, k: int) -> int:
    code = 0
    for j in range(k):
        code = (code << _BITS) | (ord(word[j]) + 1 if j < len(word) else 0)
    return code


def _unpack(code: int, k: int) -> str:
    """The shingle a code of shingle_codes stands for (k <= 3): its code points, 0 for none (a short word)."""
    points = [(code >> (_BITS * (k - 1 - j))) & _POINT for j in range(k)]
    return "".join(chr(p - 1) for p in points if p)


class _Buckets:
    """Band key -> text numbers: a sorted array pair, plus a dict of the latest keys merged into it
    once it holds a sixteenth as many (each merge is a linear pass: stable sort of two sorted runs)."""

    def __init__(self) -> None:
        self.keys = np.empty(0, np.uint64)
        self.texts = np.empty(0, np.int32)
        self.recent: dict[int, list[int]] = {}
        self.recent_count = 0

    def get(self, keys: np.ndarray) -> set[int]:
        out: set[int] = set()
        if self.keys.size:
            lo = self.keys.searchsorted(keys, "left").tolist()
            hi = self.keys.searchsorted(keys, "right").tolist()
            for start, end in zip(lo, hi, strict=True):
                if end > start:
                    out.update(self.texts[start:end].tolist())
        for key in keys.tolist():
            out.update(self.recent.get(key, ()))
        return out

    def add(self, keys: np.ndarray, text: int) -> None:
        for key in keys.tolist():
            self.recent.setdefault(key, []).append(text)
        self.recent_count += keys.size
        if self.recent_count >= max(4096, self.keys.size // 16):
            self._merge()

    def _merge(self) -> None:
        new_keys = np.fromiter((k for k, ts in self.recent.items() for _ in ts), np.uint64, self.recent_count)
        new_texts = np.fromiter((t for ts in self.recent.values() for t in ts), np.int32, self.recent_count)
        keys = np.concatenate((self.keys, new_keys))
        order = np.argsort(keys, kind="stable")
        self.keys, self.texts = keys[order], np.concatenate((self.texts, new_texts))[order]
        self.recent, self.recent_count = {}, 0


class _Growing:
    """A numpy array appended to in place, so one buffer holds every text's codes (capacity grows by a
    quarter: copying is rare next to the rest, and at most a fifth of it is unused)."""

    def __init__(self, dtype) -> None:
        self.data = np.empty(1024, dtype)
        self.size = 0

    def extend(self, values: np.ndarray) -> None:
        need = self.size + len(values)
        if need > len(self.data):
            self._grow(need)
        self.data[self.size : need] = values
        self.size = need

    def append(self, value: int) -> None:
        if self.size == len(self.data):
            self._grow(self.size + 1)
        self.data[self.size] = value
        self.size += 1

    def _grow(self, need: int) -> None:
        grown = np.empty(max(need, len(self.data) * 5 // 4), self.data.dtype)
        grown[: self.size] = self.data[: self.size]
        self.data = grown


class TextIndex:
    """The distinct texts of one field seen so far in the batch, each with its near-identical ones
    (LSH candidates whose exact similarity reaches the threshold: found once, when a text first comes,
    and kept on both sides, so a text that comes again costs a lookup) and the records that wrote it."""

    # raw texts remembered, so that a text pasted again is not split and hashed again: an export of
    # 100k rows holds ~20k distinct summaries; 8,192 made a sixth of the rows hash theirs again (~6 MB)
    RECENT = 32_768

    def __init__(self, params) -> None:
        self.k, self.num_perm, self.threshold = params.shingle, params.num_perm, params.threshold
        self.max_listed = params.max_listed
        self.bands, self.rows = lsh_bands(params.threshold, params.num_perm)
        self.known: dict[int, int] = {}  # hash of a text's codes -> its number
        # raw text -> its number, -1 when not compared (too short); oldest first (an OrderedDict: a
        # dict's first item after many deletions at the front costs a scan of them, ~40 us here)
        self.recent: OrderedDict[str, int] = OrderedDict()
        self.codes = _Growing(np.int64)
        self.bounds = _Growing(np.int64)  # text t's codes: codes[bounds[t]:bounds[t+1]]
        self.bounds.extend(np.zeros(1, np.int64))
        self.buckets = _Buckets()
        # text -> its similar texts, each as (number << 32 | shingles in common): 8 bytes, exact
        self.near: list[array | None] = []
        self.sizes = array("i")  # text -> how many shingles
        self.writers: list[int | list[int]] = []  # text -> record number(s), in input order
        self.counts = array("i")  # text -> how many records wrote it
        self.firsts = array("i")  # text -> the first of them
        self.text_of = array("i")  # record number -> text, -1 for a record without one

    def remembered(self, raw: str) -> int | None:
        return self.recent.get(raw)

    def remember(self, raw: str, text: int) -> None:
        if len(self.recent) >= self.RECENT:
            self.recent.popitem(last=False)  # the oldest
        self.recent[raw] = text

    def text(self, words: list[str]) -> int:
        """The number of the text these point words make (its shingle set), added if new."""
        codes = shingle_codes(words, self.k)
        digest = _digest(codes.tobytes())
        text = self.known.get(digest)
        if text is None:
            text = self._add_text(digest, codes, words)
        return text

    def query_and_add(
        self, text: int, record: int, same_employee: Callable[[], set[int]]
    ) -> tuple[int, float, list[int]] | None:
        """The earlier records of other employees with a similar text: (how many, the best similarity,
        the first max_listed of them: most similar first, the earlier among equals); None when there is
        none. Then the record is added as a writer of `text`."""
        found = self._similar(text, same_employee)
        self._add_writer(text, record)
        return found

    def _similar(self, text: int, same_employee) -> tuple | None:
        counts, firsts, sizes, size = self.counts, self.firsts, self.sizes, self.sizes[text]
        live = []
        count = 0  # records of the texts in `live`
        for link in self.near[text] or ():
            other = link >> 32
            writers = counts[other]
            if writers:
                count += writers
                common = link & 0xFFFFFFFF
                union = size + sizes[other] - common
                live.append((-(common / union if union else 0.0), firsts[other], other))
        if counts[text] and size:
            count += counts[text]
            live.append((-1.0, firsts[text], text))  # earlier records of this text (an empty set: like none)
        if not live:
            return None
        skip = self._same(live, same_employee())
        if skip:
            return self._similar_but(live, skip)
        live.sort()
        first: list[tuple[float, int]] = []
        for key in live:
            if len(first) == self.max_listed and key[:2] > first[-1]:
                break  # this text's records, and those of every text after it, come after those listed
            first = sorted(first + [(key[0], n) for n in self._writers(key[2])[: self.max_listed]])
            first = first[: self.max_listed]
        return count, -live[0][0], [n for _, n in first]

    def _same(self, live: list[tuple[float, int, int]], same: set[int]) -> set[int]:
        """The records of the same employee among the writers of these texts."""
        if not same:
            return set()
        texts = {t for _, _, t in live}
        return {n for n in same if n < len(self.text_of) and self.text_of[n] in texts}

    def _similar_but(self, live: list[tuple[float, int, int]], skip: set[int]) -> tuple | None:
        """_similar when some writers are the same employee as the record: those are left out."""
        count, best, first = 0, 0.0, []
        for score, _, other in live:
            writers = [n for n in self._writers(other) if n not in skip]
            if writers:
                count, best = count + len(writers), max(best, -score)
                first.extend((score, n) for n in writers[: self.max_listed])
        if not count:
            return None
        return count, best, [n for _, n in sorted(first)[: self.max_listed]]

    def _writers(self, text: int) -> list[int]:
        writers = self.writers[text]
        return [writers] if isinstance(writers, int) else writers

    def _add_text(self, digest: int, codes: np.ndarray, words: list[str]) -> int:
        text = len(self.writers)
        keys = band_keys(minhash_of_codes(codes, words, self.k, self.num_perm), self.bands, self.rows)
        found = self.buckets.get(keys)
        candidates = np.fromiter(sorted(found), np.int64, len(found))
        self.near.append(None)
        if candidates.size:
            common, union = self._jaccard(codes, candidates)
            scores = np.divide(common, union, out=np.zeros(common.size), where=union > 0)
            similar = (scores >= self.threshold).nonzero()[0]
            if similar.size:
                self._link(text, candidates[similar], common[similar])
        self.known[digest] = text
        self.codes.extend(codes)
        self.sizes.append(codes.size)
        self.bounds.append(self.codes.size)
        self.buckets.add(keys, text)
        self.writers.append(-1)
        self.counts.append(0)
        self.firsts.append(-1)
        return text

    def _link(self, text: int, others: np.ndarray, shared: np.ndarray) -> None:
        """A new text and its similar ones: each link kept on both sides."""
        near = self.near[text] = array("q")
        near.frombytes(((others << 32) | shared).tobytes())
        for other, link in zip(others.tolist(), ((text << 32) | shared).tolist(), strict=True):
            theirs = self.near[other]
            if theirs is None:
                self.near[other] = array("q", (link,))
            else:
                theirs.append(link)

    def _jaccard(self, codes: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Sizes of the intersection and union of `codes` with each candidate's codes (sorted, distinct:
        one searchsorted for all of them), for the exact Jaccard similarity."""
        starts, sizes = self.bounds.data[at], self.bounds.data[at + 1] - self.bounds.data[at]
        ends = sizes.cumsum()
        theirs = self.codes.data[(starts - (ends - sizes)).repeat(sizes) + np.arange(ends[-1])]
        if codes.size:
            where = np.minimum(codes.searchsorted(theirs), codes.size - 1)
            hits = np.concatenate((_ZERO, (codes[where] == theirs).cumsum()))
        else:
            hits = np.zeros(theirs.size + 1, np.int64)
        common = hits[ends] - hits[ends - sizes]
        return common, codes.size + sizes - common

    def _add_writer(self, text: int, record: int) -> None:
        writers = self.writers[text]
        if isinstance(writers, list):
            writers.append(record)
        else:  # one record, the common case, costs no list
            self.writers[text] = record if writers < 0 else [writers, record]
        self.counts[text] += 1
        if self.firsts[text] < 0:
            self.firsts[text] = record
        self.text_of.extend([-1] * (record + 1 - len(self.text_of)))
        self.text_of[record] = text
