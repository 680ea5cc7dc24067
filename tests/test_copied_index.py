"""The copied-text index (checker/checks/textindex.py) and the batch's record table (BatchRecords) give
what the datasketch-based index and the per-record PastRecords gave: the same LSH bands, MinHash
values, shingle sets, findings (count, best similarity, records listed) and employee lookups. The
comparisons with datasketch itself run where it is installed (it is no longer a dependency); the
recorded values below were taken from datasketch 2.0.0."""

from __future__ import annotations

import gc
import json
import random
import subprocess
import sys
import weakref
import zlib

import pytest

from checker import Checker
from checker.checks import textindex
from checker.checks.copied import CopiedTextParams, _finding, describe, jaccard, point_words, same_employee
from checker.checks.crossrecord import BatchRecords, CrossRecordStage, PastRecord, identity
from checker.config import Config
from checker.model import RecordReport

# MinHashLSH(threshold, num_perm) -> (b, r), datasketch 2.0.0
DATASKETCH_BANDS = {(0.5, 64): (14, 4), (0.6, 64): (10, 6), (0.7, 64): (8, 8), (0.8, 64): (5, 11),
                    (0.9, 64): (3, 21), (0.5, 128): (25, 5), (0.7, 128): (14, 9), (0.9, 128): (5, 25)}  # fmt: skip
SAMPLE = "1. 主导完成订单中心支付模块重构,6月上线后未出现P1级故障\n2. 沟通能力强,执行力有待提高"
SAMPLE_MINHASH = [13784095, 99889080, 50115067, 140606372, 44541996, 68801212, 162356222, 31899750]

PHRASES = ["主导完成订单中心支付模块重构,6月上线后未出现P1级故障", "本季度销售额完成率112%,新签客户8家",
           "客户满意度从91%提升到95%,投诉量下降20%", "沟通能力强,执行力有待提高", "工作态度认真负责",
           "按时完成月度结账,差错0次", "在618大促期间协调三个部门完成备货,缺货率控制在2%以内",
           "完成新员工培训12场,覆盖86人", "全年安全生产无事故,良品率99.2%", "3月盘点中发现库存差异并追回损失4.6万元"]  # fmt: skip


def test_bands_are_datasketchs_for_the_packs_params():
    for pack in ("default", "strict"):
        params = Checker(Config(rules=pack)).engine.pack.params["copied-text"]
        assert (params.threshold, params.num_perm) in DATASKETCH_BANDS
    for (threshold, num_perm), bands in DATASKETCH_BANDS.items():
        assert textindex.lsh_bands(threshold, num_perm) == bands


def test_bands_match_datasketch_over_a_grid():
    lsh = pytest.importorskip("datasketch.lsh")
    for num_perm in (16, 32, 64, 128):
        for threshold in [t / 20 for t in range(2, 20)]:
            expected = lsh._optimal_param(threshold, num_perm, 0.5, 0.5)
            assert textindex.lsh_bands(threshold, num_perm) == expected, (threshold, num_perm)


def test_minhash_is_datasketchs():
    grams = textindex.shingle_strings(point_words(SAMPLE), 3)
    assert textindex.minhash(grams, 64)[:8].tolist() == SAMPLE_MINHASH
    assert textindex.minhash(set(), 64).tolist() == [2**32 - 1] * 64  # datasketch's empty MinHash


def test_minhash_matches_datasketch_on_many_texts():
    datasketch = pytest.importorskip("datasketch")
    rng = random.Random(5)
    seed = datasketch.MinHash(num_perm=64, hashfunc=zlib.crc32)
    for _ in range(50):
        grams = textindex.shingle_strings(point_words("\n".join(rng.sample(PHRASES, 3))), 3)
        mh = datasketch.MinHash(
            num_perm=64, hashfunc=zlib.crc32, permutations=seed.permutations, scheme=seed.scheme
        )
        mh.update_batch([g.encode("utf-8") for g in grams])
        assert mh.hashvalues.tolist() == textindex.minhash(grams, 64).tolist()


def _random_words(rng: random.Random) -> list[str]:
    alphabet = "工作认真负责表现良好客户满意度提升ABCxyz0123456789" + "".join(map(chr, range(0x4E00, 0x4E40)))
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.choice((0, 1, 2, 3, 4, 9, 30)))) for _ in range(3)
    ]


def test_shingle_codes_are_the_shingle_sets():
    rng = random.Random(3)
    texts = [_random_words(rng) for _ in range(300)]
    for k in (2, 3, 4):
        for a, b in zip(texts, texts[1:], strict=False):
            set_a, set_b = textindex.shingle_strings(a, k), textindex.shingle_strings(b, k)
            codes_a, codes_b = textindex.shingle_codes(a, k), textindex.shingle_codes(b, k)
            assert len(codes_a) == len(set_a) and list(codes_a) == sorted(codes_a)
            common = len(set(codes_a.tolist()) & set(codes_b.tolist()))
            assert common == len(set_a & set_b)


def test_minhash_of_codes_is_the_minhash_of_the_shingles():
    """The index hashes a new text from its shingle codes (each read back to its shingle): the same
    values as from the shingle strings, for short words, empty points and any characters; k = 4
    (hashed codes) falls back to the strings."""
    rng = random.Random(11)
    texts = [_random_words(rng) for _ in range(300)] + [[""], ["", "甲"], ["工作"], ["𠀀𠀁𠀂"]]
    for k in (2, 3, 4):
        for words in texts:
            codes = textindex.shingle_codes(words, k)
            want = textindex.minhash(textindex.shingle_strings(words, k), 64).tolist()
            assert textindex.minhash_of_codes(codes, words, k, 64).tolist() == want, (k, words)


def _batch(count: int, seed: int) -> list[RecordReport]:
    """Records whose evaluations are 2-4 stock phrases (copies, reorderings and near-copies), some of
    the same employee (same id, or same name with or without a department)."""
    rng = random.Random(seed)
    records = []
    for i in range(count):
        fields = {
            "performance_summary": "。".join(rng.sample(PHRASES[: rng.choice((4, 10))], rng.randint(2, 4)))
        }
        person = rng.randrange(count // 3)
        if rng.random() < 0.7:
            fields["employee_id"] = f"E{person}"
        fields["employee_name"] = "王李张刘"[person % 4] + "伟芳娜敏"[person // 4 % 4]
        if rng.random() < 0.6:
            fields["department"] = "一二"[person % 2] + "部"
        records.append(RecordReport(source="b.jsonl", index=i, sheet=f"第{i + 1}行", fields=fields))
    return records


def _reference(records: list[RecordReport], params: CopiedTextParams) -> list[tuple | None]:
    """What the datasketch index gave (the rule before checker/checks/textindex.py), ties in input order."""
    datasketch = pytest.importorskip("datasketch")
    seed = datasketch.MinHash(num_perm=params.num_perm, hashfunc=zlib.crc32)
    bands = datasketch.MinHashLSH(threshold=params.threshold, num_perm=params.num_perm)
    lsh = datasketch.MinHashLSH(num_perm=params.num_perm, params=(bands.b, bands.r))
    seen, out = [], []
    for rec in records:
        words = point_words(rec.fields["performance_summary"])
        if sum(map(len, words)) < params.min_chars:
            out.append(None)
            continue
        grams = textindex.shingle_strings(words, params.shingle)
        mh = datasketch.MinHash(
            num_perm=params.num_perm, hashfunc=zlib.crc32, permutations=seed.permutations, scheme=seed.scheme
        )
        mh.update_batch([g.encode("utf-8") for g in grams])
        similar = []
        for key in sorted(lsh.query(mh)):
            other_grams, other = seen[key]
            if not same_employee(rec.fields, other.fields):
                score = jaccard(grams, other_grams)
                if score >= params.threshold:
                    similar.append((score, describe(other.source, other.sheet, other.fields)))
        similar.sort(key=lambda s: -s[0])
        out.append(
            (len(similar), max(s for s, _ in similar), [lbl for _, lbl in similar]) if similar else None
        )
        lsh.insert(len(seen), mh, check_duplication=False)
        seen.append((grams, rec))
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_stage_finds_what_the_datasketch_index_found(checker_instance, seed):
    records = _batch(600, seed)
    rule = checker_instance.engine.pack.get("copied-text")
    params = checker_instance.engine.pack.params["copied-text"]
    expected = _reference(records, params)
    stage = CrossRecordStage(checker_instance.engine)
    found = [stage.feed(r.model_copy(deep=True)) for r in records]
    assert sum(e is not None and e[0] > 1 for e in expected) > 100  # copies, near-copies, same employees
    for rec, out, exp in zip(records, found, expected, strict=True):
        got = [f.message for f in out.findings if f.rule == "copied-text"]
        want = []
        if exp:
            count, best, labels = exp
            text = rec.fields["performance_summary"]
            want = [
                _finding(rule, "performance_summary", text, labels, count, best, params, "绩效总结").message
            ]
        assert got == want, rec.index


def test_same_employee_and_lookup_are_as_before():
    rng = random.Random(8)
    batch, kept = BatchRecords(), []
    for i in range(400):
        fields = {
            "employee_name": rng.choice(["张伟", "李娜", "", " 张 伟"]),
            "improvement_plan": f"计划{i % 7}",
        }
        if rng.random() < 0.5:
            fields["employee_id"] = rng.choice(["E1", "E2", "E3"])
        if rng.random() < 0.5:
            fields["department"] = rng.choice(["一部", "二部"])
        rec = PastRecord("b.jsonl", fields, i, f"第{i}行")
        emp_id, name, dept = identity(fields)
        assert batch.same_employee(emp_id, name, dept) == [
            n for n, r in enumerate(kept) if same_employee(fields, r.fields)
        ]
        old = [r for r in kept if identity(r.fields)[0] == emp_id] if emp_id and any(
            identity(r.fields)[0] == emp_id for r in kept
        ) else [r for r in kept if name and identity(r.fields)[1:] == (name, dept) and not (emp_id and identity(r.fields)[0])]  # fmt: skip
        assert batch.lookup(emp_id, name, dept) == old
        assert batch.add(rec) == i and batch.record(i) == rec
        kept.append(rec)


def test_stage_keeps_no_record_alive(checker_instance):
    stage = CrossRecordStage(checker_instance.engine)
    fed = []
    for i, rec in enumerate(_batch(50, 3)):
        stage.feed(rec)
        if i % 10 == 0:
            fed.append(weakref.ref(rec))
        del rec
    gc.collect()
    assert all(ref() is None for ref in fed)


def test_a_batch_audit_loads_neither_datasketch_nor_scipy(tmp_path):
    summary = "。".join(PHRASES[:4])
    rows = [
        {"工号": f"E{i}", "员工姓名": name, "绩效总结": summary} for i, name in enumerate(["张伟", "李娜"])
    ]
    path = tmp_path / "b.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    code = (
        "import sys; from checker import Checker; "
        f"r = Checker().audit_paths([{str(path)!r}]); "
        "print([f.rule for f in r.records[1].findings if f.rule == 'copied-text'], "
        "sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.stdout.strip() == "['copied-text'] []", proc.stderr
