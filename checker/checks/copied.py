"""copied-text: near-identical evaluation or plan text for different employees in one batch.

"走过场": the same evaluation pasted for several employees. Each field in scope is compared, as a
set of character shingles (its points in any order, numbering, blanks and punctuation aside), with
the same field of the records before it in the batch: MinHash LSH (datasketch) finds the candidates
in constant time per record, so a 10k-record batch stays fast (benchmarks/copied_text.py), and the
exact Jaccard similarity of the shingle sets decides. Texts shorter than min_chars (stock phrases
such as "工作认真负责,表现良好") are left out, and so are two records of the same employee. The later
record is reported and names the earlier ones (records already handed on are not changed: streaming).
In a pack example the other record is written inline under `other.` keys."""

from __future__ import annotations

import re
import zlib
from functools import cache

from pydantic import BaseModel, ConfigDict

from checker.checks.base import CheckContext, Rule, check_kind, finding, is_placeholder
from checker.checks.crossrecord import CrossContext, cross_record_kind, identity
from checker.model import Finding
from checker.nlp.points import split_points

INLINE = "other."
_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


class CopiedTextParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # texts shorter than this (characters, punctuation and blanks aside) are stock phrases: not compared
    min_chars: int = 30
    # Jaccard similarity of the shingle sets from which two texts count as copies
    threshold: float = 0.7
    shingle: int = 3
    num_perm: int = 64
    max_listed: int = 3


def point_words(text: str) -> list[str]:
    """The words of each point of a field: numbering, blanks and punctuation removed."""
    return ["".join(_KEEP.findall(p.text)) for p in split_points(text)]


def normalise(text: str) -> str:
    return "".join(point_words(text))


def shingles(text: str | list[str], k: int) -> set[str]:
    """Character k-grams of each point, so that reordered points give the same set."""
    out: set[str] = set()
    for words in point_words(text) if isinstance(text, str) else text:
        if len(words) <= k:
            out.add(words)
        out.update(words[i : i + k] for i in range(len(words) - k + 1))
    return out


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def same_employee(a: dict[str, str], b: dict[str, str]) -> bool:
    (id_a, name_a, dept_a), (id_b, name_b, dept_b) = identity(a), identity(b)
    if id_a and id_b:
        return id_a == id_b
    return bool(name_a) and name_a == name_b and (not dept_a or not dept_b or dept_a == dept_b)


def describe(source: str, sheet: str, fields: dict[str, str]) -> str:
    where = f"{source} [{sheet}]" if sheet else source
    name = "".join((fields.get("employee_name") or "").split())
    return f"{where} {name}" if name else where


def _finding(
    rule, key, text, similar: list[tuple[float, str]], params: CopiedTextParams, name: str
) -> Finding:
    stripped = text.strip()
    start = text.find(stripped)
    shown = "、".join(f"「{label}」" for _, label in similar[: params.max_listed])
    if len(similar) > params.max_listed:
        shown += f" 等{len(similar)}条"
    best = max(s for s, _ in similar)
    return finding(
        rule, key, text, start, start + len(stripped), others=shown, count=len(similar),
        similarity=f"{best:.0%}", name=name,
    )  # fmt: skip


@check_kind("copied-text", CopiedTextParams)
def check_copied_inline(rule: Rule, params: CopiedTextParams, ctx: CheckContext) -> list[Finding]:
    """A field nearly identical to the same field of another employee's record in the batch (cross-record)."""
    other = {k[len(INLINE) :]: v.text for k, v in ctx.record.fields.items() if k.startswith(INLINE)}
    if not other:
        return []  # the cross-record stage compares real records
    mine = ctx.record.field_texts()
    if same_employee(mine, other):
        return []
    out = []
    for key in rule.fields:
        text, theirs = mine.get(key, ""), other.get(key, "")
        if is_placeholder(text, ctx.settings) or len(normalise(text)) < params.min_chars:
            continue
        score = jaccard(shingles(text, params.shingle), shingles(theirs, params.shingle))
        if score >= params.threshold:
            label = describe(other.get("source", "另一条记录"), "", other)
            out.append(_finding(rule, key, text, [(score, label)], params, ctx.field_name(key)))
    return out


def _hash(data: bytes) -> int:
    return zlib.crc32(data)


@cache
def _lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows for a threshold: datasketch finds them by numerical integration (tens of ms),
    so once per process, not once per upload."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


@cache
def _seed(num_perm: int):
    """The shared permutations every MinHash of a run is built from."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, hashfunc=_hash)


class _Index:
    """The texts of one field seen so far in the batch: MinHash LSH plus the shingle sets to verify.

    The LSH is built when a second text arrives: a one-draft audit never loads datasketch."""

    def __init__(self, params: CopiedTextParams):
        self.params = params
        self.lsh = None
        self.entries: list[tuple[set[str], dict[str, str], str]] = []

    def query_and_add(self, words: list[str], fields: dict[str, str], label: str) -> list[tuple[float, str]]:
        grams = shingles(words, self.params.shingle)
        similar = []
        if self.entries:
            if self.lsh is None:
                self._build()
            mh = self._minhash(grams)
            for key in sorted(self.lsh.query(mh)):  # ties in similarity: the earlier record first
                other_grams, other_fields, other_label = self.entries[key]
                if same_employee(fields, other_fields):
                    continue
                score = jaccard(grams, other_grams)
                if score >= self.params.threshold:
                    similar.append((score, other_label))
            self.lsh.insert(len(self.entries), mh, check_duplication=False)
        self.entries.append(
            (grams, {k: fields.get(k, "") for k in ("employee_id", "employee_name", "department")}, label)
        )
        return sorted(similar, key=lambda s: -s[0])

    def _build(self) -> None:
        from datasketch import MinHashLSH  # loaded when a batch first needs it (~0.5 s)

        bands = _lsh_bands(self.params.threshold, self.params.num_perm)
        self.lsh = MinHashLSH(threshold=self.params.threshold, num_perm=self.params.num_perm, params=bands)
        for key, (grams, _, _) in enumerate(self.entries):
            self.lsh.insert(key, self._minhash(grams), check_duplication=False)

    def _minhash(self, grams: set[str]):
        from datasketch import MinHash

        seed = _seed(self.params.num_perm)
        mh = MinHash(
            num_perm=self.params.num_perm, hashfunc=_hash, permutations=seed.permutations, scheme=seed.scheme
        )
        mh.update_batch([g.encode("utf-8") for g in grams])
        return mh


@cross_record_kind("copied-text")
def cross_copied(rule: Rule, params: CopiedTextParams, ctx: CrossContext) -> list[Finding]:
    rec = ctx.record
    out = []
    for key in rule.fields:
        text = rec.fields.get(key, "")
        if not text or ctx.is_placeholder(key):
            continue
        words = point_words(text)
        if sum(map(len, words)) < params.min_chars:
            continue
        if key not in ctx.state:
            ctx.state[key] = _Index(params)
        index = ctx.state[key]
        similar = index.query_and_add(words, rec.fields, describe(rec.source, rec.sheet, rec.fields))
        if similar:
            out.append(_finding(rule, key, text, similar, params, ctx.field_name(key)))
    return out
