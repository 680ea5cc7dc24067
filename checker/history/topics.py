"""What employees ask for and disagree about: key phrases of 资源支持, 员工意见, 分歧 and 职业发展,
grouped into topics, counted per job family and department, latest quarter against the one before.

1. phrases: each text is segmented by the checker's own segmenter (checker.nlp.pipeline, jieba with
   the project dictionary) and cut into runs of content words: nouns and noun-like words by the
   dictionary's part-of-speech tags, words the dictionary does not know (联调, CRM), and the words of
   lexicons/topics/; stop words (lexicons/stopwords_topics.txt, lexicons/topics/stopwords_extra.txt),
   verbs, adjectives, numbers and punctuation end a run. "希望增加2套独立测试环境" -> 测试环境.
   Single words jieba's IDF table (jieba.analyse) calls common (IDF < 5: 公司, 系统) are dropped.
2. topics: near-phrases count together: lexicons/topics/groups.txt names groups (测试资源: 测试环境
   测试设备 测试机 ...), and phrases that start with the same word and end in a resource word
   (lexicons/topics/heads.txt: 资源, 环境, 设备, 服务器 ...) group by themselves, with the bare first word: 设计资源 / 设计
   -> one topic, and 测试服务器 joins 测试资源 because that group's name is 测试 + a resource word.
3. ranking, per group (a job family, a department), in the latest quarter: TF-IDF over records:
   (records of the group mentioning the topic / records of the group) x log((all records + 1) /
   (records mentioning it + 1)): a topic every group raises (培训) ranks below one this group raises
   more than others. A topic needs at least 2 records.
4. each topic is written the way HR reads it, with example quotes linked to their records:
   技术序列:12 条记录提到「测试资源」(占该序列 30%),较上季度增加 8 条
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from checker.resources import data_path

TOPIC_FIELDS = {"resource_support": "资源支持", "employee_feedback": "员工意见", "disagreements": "分歧",
                "career_development": "职业发展"}  # fmt: skip
KINDS = {"job_family": "岗位序列", "department": "部门"}
MIN_RECORDS = 2
COMMON_IDF = 5.0
_KEEP_TAG = re.compile(r"^(n|vn|an|l|j|eng|nz|nt|ns)")
_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_CLAUSE = re.compile(r"[^。;;!!??\n]+")


@dataclass
class TopicLexicon:
    stop: set[str] = field(default_factory=set)
    groups: dict[str, str] = field(default_factory=dict)  # surface -> topic name
    heads: set[str] = field(default_factory=set)
    keep: set[str] = field(default_factory=set)  # words kept in phrases whatever their tag
    by_modifier: dict[str, str] = field(default_factory=dict)  # "测试" -> "测试资源"


def _lines(path: Path) -> list[str]:
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def load_topic_lexicon(extra_dirs: Iterable[str | Path] = ()) -> TopicLexicon:
    """The shipped lists, extended by the same files in any --lexicons / lexicon_dirs folder."""
    lex = TopicLexicon()
    for folder in [data_path("lexicons"), *map(Path, extra_dirs)]:
        lex.stop.update(w.split()[0] for w in _lines(folder / "stopwords_topics.txt"))
        lex.stop.update(w.split()[0] for w in _lines(folder / "topics" / "stopwords_extra.txt"))
        lex.heads.update(w.split()[0] for w in _lines(folder / "topics" / "heads.txt"))
        for line in _lines(folder / "topics" / "groups.txt"):
            name, _, rest = line.replace(":", ":").partition(":")
            name = name.strip()
            for surface in [name, *rest.split()]:
                lex.groups[surface] = name
    from checker.nlp.pipeline import segment

    for surface, name in lex.groups.items():
        tokens = [t.text for t in segment(surface)]
        lex.keep.update(t for t in tokens if t not in lex.stop)
        if surface == name and len(tokens) >= 2 and tokens[-1] in lex.heads:  # 测试资源: 测试 + a resource word
            lex.by_modifier["".join(tokens[:-1])] = name
    lex.keep.update(lex.heads)
    return lex


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """word -> part-of-speech tag, from the dictionary the segmenter uses (third column)."""
    from checker.nlp.pipeline import SMALL_DICT

    path = SMALL_DICT
    if not path.is_file():
        import jieba

        path = Path(jieba.get_dict_file().name)
    tags = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3:
                tags[parts[0]] = parts[2]
    return tags


@lru_cache(maxsize=1)
def _idf() -> dict[str, float]:
    try:
        import jieba.analyse

        return jieba.analyse.TFIDF().idf_freq
    except Exception:  # pragma: no cover - jieba without its IDF table
        return {}


def _content(token: str, lex: TopicLexicon) -> bool:
    if token in lex.stop:
        return False
    if token in lex.keep:
        return True
    if not _CONTENT.search(token) or token.isdigit():
        return False
    tag = _tags().get(token)
    if tag is None:  # unknown to the dictionary: a domain word (联调, CRM) unless a single character
        return len(token) >= 2 or token.isascii()
    return bool(_KEEP_TAG.match(tag))


def phrases(text: str, lex: TopicLexicon) -> list[tuple[str, tuple[str, ...], int, int]]:
    """(surface, tokens, start, end) of each key phrase in the text, in order."""
    from checker.nlp.pipeline import segment

    out = []
    run: list = []

    def close():
        if not run:
            return
        if len(run) <= 3:
            pieces = [run]
        else:  # long runs: adjacent pairs
            pieces = [run[i : i + 2] for i in range(len(run) - 1)]
        for piece in pieces:
            surface = "".join(t.text for t in piece)
            if len(piece) == 1 and (len(surface) < 2 or _idf().get(surface, 99) < COMMON_IDF) and surface not in lex.groups:
                continue
            out.append((surface, tuple(t.text for t in piece), piece[0].start, piece[-1].end))
        run.clear()

    for token in segment(text):
        if _content(token.text, lex):
            run.append(token)
        else:
            close()
    close()
    return out


def topic_of(surface: str, tokens: tuple[str, ...], lex: TopicLexicon) -> tuple[str, str | None]:
    """(group key, topic name if the lexicon names it)."""
    for i in range(len(tokens)):  # the phrase or its tail ("专用测试服务器" -> "测试服务器")
        tail = "".join(tokens[i:])
        if tail in lex.groups:
            return lex.groups[tail], lex.groups[tail]
    if len(tokens) >= 2 and tokens[-1] in lex.heads:
        for i in range(len(tokens) - 1):
            modifier = "".join(tokens[i:-1])
            if modifier in lex.by_modifier:
                name = lex.by_modifier[modifier]
                return name, name
        return "".join(tokens[:-1]), None  # 设计资源 / 设计支持 / 设计 (支持 is a stop word): one topic
    return surface, None


def quote_at(text: str, start: int, end: int, width: int = 60) -> str:
    for m in _CLAUSE.finditer(text):
        if m.start() <= start < m.end():
            clause = m.group().strip()
            if len(clause) <= width:
                return clause
            offset = max(0, start - m.start() - width // 3)
            return ("…" if offset else "") + clause[offset : offset + width] + "…"
    return text[max(0, start - 20) : end + 20]


@dataclass
class Mention:
    record_id: int
    record_key: str
    source: str
    sheet: str
    employee_name: str
    month: str
    field: str
    quote: str
    surface: str

    def to_dict(self) -> dict:
        return {"record_id": self.record_id, "record_key": self.record_key, "source": self.source,
                "sheet": self.sheet, "employee_name": self.employee_name, "month": self.month,
                "field": self.field, "field_name": TOPIC_FIELDS.get(self.field, self.field),
                "quote": self.quote, "phrase": self.surface}  # fmt: skip


def record_topics(rec, lex: TopicLexicon) -> dict[str, tuple[str | None, Mention]]:
    """topic key -> (lexicon name, first mention) for one stored record."""
    found: dict[str, tuple[str | None, Mention]] = {}
    for key in TOPIC_FIELDS:
        text = rec.texts.get(key, "")
        if not text:
            continue
        for surface, tokens, start, end in phrases(text, lex):
            topic, name = topic_of(surface, tokens, lex)
            if topic not in found:
                found[topic] = (name, Mention(rec.id, rec.record_key, rec.source, rec.sheet, rec.employee_name,
                                              rec.month, key, quote_at(text, start, end), surface))  # fmt: skip
    return found


def quarter_of(month: str) -> str:
    """"2024-05" -> "2024-Q2"; "" for an unknown month."""
    if not re.match(r"^\d{4}-\d{2}$", month or ""):
        return ""
    return f"{month[:4]}-Q{(int(month[5:]) - 1) // 3 + 1}"


def previous_quarter(quarter: str) -> str:
    year, q = int(quarter[:4]), int(quarter[-1])
    return f"{year - 1}-Q4" if q == 1 else f"{year}-Q{q - 1}"


def quarter_name(quarter: str) -> str:
    return f"{quarter[:4]}年第{'一二三四'[int(quarter[-1]) - 1]}季度" if quarter else ""


def group_label(kind: str, name: str) -> str:
    if kind == "job_family" and not name.endswith("序列") and name != "未填写":
        return f"{name}序列"
    return name


@dataclass
class Topic:
    kind: str
    group: str
    key: str
    label: str
    count: int
    total: int
    previous: int
    previous_total: int
    score: float
    forms: dict[str, int]
    examples: list[Mention]

    @property
    def share(self) -> float:
        return self.count / self.total if self.total else 0.0

    @property
    def delta(self) -> int:
        return self.count - self.previous

    def sentence(self) -> str:
        unit = "序列" if self.kind == "job_family" else "部门"
        text = f"{group_label(self.kind, self.group)}:{self.count} 条记录提到「{self.label}」(占该{unit} {self.share:.0%})"
        if not self.previous_total:
            return text + ",上季度无记录可比"
        if self.delta > 0:
            return text + f",较上季度增加 {self.delta} 条"
        if self.delta < 0:
            return text + f",较上季度减少 {-self.delta} 条"
        return text + ",与上季度持平"

    def to_dict(self) -> dict:
        return {"group": self.group, "topic": self.label, "records": self.count, "group_records": self.total,
                "share": round(self.share, 3), "previous": self.previous, "previous_group_records": self.previous_total,
                "delta": self.delta, "score": round(self.score, 4), "forms": self.forms,
                "sentence": self.sentence(), "examples": [m.to_dict() for m in self.examples]}  # fmt: skip


@dataclass
class TopicSection:
    kind: str
    quarter: str
    previous: str
    groups: dict[str, list[Topic]]
    records: int  # records of the quarter with text to read
    without_text: int  # records stored with store_text = false (hashes only)

    def to_dict(self) -> dict:
        return {"by": self.kind, "by_name": KINDS[self.kind], "quarter": self.quarter,
                "quarter_name": quarter_name(self.quarter), "previous": self.previous,
                "records": self.records, "records_without_text": self.without_text,
                "groups": {g: [t.to_dict() for t in ts] for g, ts in self.groups.items()}}  # fmt: skip


def _group_value(rec, kind: str) -> str:
    if kind == "job_family":
        return rec.job_family_norm or "未填写"
    return rec.department or "未填写"


def analyse_topics(records: list, kinds: Iterable[str] = ("job_family", "department"), top: int = 5,
                   lexicon: TopicLexicon | None = None, quarter: str | None = None,
                   examples: int = 3) -> list[TopicSection]:  # fmt: skip
    """Topics per group of each kind, in `quarter` (default: the latest quarter with records) against
    the quarter before. `records` are checker.history.store.StoredRecord (or anything with .texts,
    .month, .job_family_norm, .department, .id ...)."""
    lex = lexicon or load_topic_lexicon()
    with_text = [r for r in records if any(r.texts.get(k) for k in TOPIC_FIELDS)]
    without = sum(1 for r in records if not any(r.texts.get(k) for k in TOPIC_FIELDS) and r.hashes)
    quarters = sorted({quarter_of(r.month) for r in with_text} - {""})
    current = quarter or (quarters[-1] if quarters else "")
    if not current:
        return [TopicSection(kind, "", "", {}, 0, without) for kind in kinds]
    before = previous_quarter(current)
    found = {r.id: record_topics(r, lex) for r in with_text if quarter_of(r.month) in (current, before)}
    now = [r for r in with_text if quarter_of(r.month) == current]
    prev = [r for r in with_text if quarter_of(r.month) == before]
    df = Counter(key for r in now for key in found[r.id])
    sections = []
    for kind in kinds:
        groups: dict[str, list] = {}
        for r in now:
            groups.setdefault(_group_value(r, kind), []).append(r)
        prev_groups: dict[str, list] = {}
        for r in prev:
            prev_groups.setdefault(_group_value(r, kind), []).append(r)
        out: dict[str, list[Topic]] = {}
        for name in sorted(groups, key=lambda g: (-len(groups[g]), g)):
            members = groups[name]
            counts = Counter(key for r in members for key in found[r.id])
            prev_counts = Counter(key for r in prev_groups.get(name, []) for key in found[r.id])
            topics = []
            for key, count in counts.items():
                if count < MIN_RECORDS:
                    continue
                score = count / len(members) * math.log((len(now) + 1) / (df[key] + 1) + 1)
                mentions = [found[r.id][key][1] for r in members if key in found[r.id]]
                forms = Counter(m.surface for m in mentions)
                named = next((found[r.id][key][0] for r in members if key in found[r.id]), None)
                label = named or forms.most_common(1)[0][0]
                picked, quotes = [], set()
                for m in sorted(mentions, key=lambda m: m.record_id):  # different wordings first
                    if m.quote not in quotes:
                        quotes.add(m.quote)
                        picked.append(m)
                topics.append(Topic(kind, name, key, label, count, len(members), prev_counts.get(key, 0),
                                    len(prev_groups.get(name, [])), score, dict(forms.most_common()),
                                    picked[:examples]))  # fmt: skip
            topics.sort(key=lambda t: (-t.score, -t.count, t.label))
            kept, seen = [], set()
            for t in topics:  # pieces of one longer phrase ("设备故障" / "故障影响") cover the same records
                ids = frozenset(r.id for r in members if t.key in found[r.id])
                if ids not in seen:
                    seen.add(ids)
                    kept.append(t)
            out[name] = kept[:top]
        sections.append(TopicSection(kind, current, before, out, len(now), without))
    return sections
