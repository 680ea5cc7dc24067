"""Label -> canonical field key, driven by the alias table in rules/fields.yaml."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from checker.resources import data_path, load_yaml_file

# Marks templates put on labels that say nothing about which field it is.
_REQUIRED_MARK = re.compile(r"[（(【\[]\s*(必填|必选|选填|可选|必须填写|签字|签名|手写)\s*[)）】\]]")
_WRAPPED_TITLE = re.compile(r"^[【\[〖]\s*([^】\]〗]{2,20})\s*[】\]〗]$")
_WRAP_OPENERS = ("【", "[", "〖")
_BRACKETED_HINT = re.compile(r"[（(【\[][^）)】\]]{0,40}[)）】\]]")
_NOISE = re.compile(r"[\s*＊※★☆:：_＿·•●.。、\u200b-\u200f\ufeff]+")
_LEADING_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.．]|[IVX]{1,4}[、.．]|\d{1,2}[、.．)）]|[（(][一二三四五六七八九十\d]{1,2}[)）])"
)


def fold(text: str) -> str:
    """Full-width -> half-width, compatibility forms folded (NFKC keeps CJK as is)."""
    return unicodedata.normalize("NFKC", text)


def normalize_label(text: str) -> str:
    # a label is normalised several times on its way through AliasTable.match: short ones are memoised
    return _normalize_memo(text) if len(text) <= 80 else _normalize_label(text)


def _normalize_label(text: str) -> str:
    label = fold(text).strip()
    if label[:1] in _WRAP_OPENERS:
        label = _WRAPPED_TITLE.sub(r"\1", label)  # "【试用期自我评价】": a title in brackets is the title
    label = _LEADING_NUMBER.sub("", label)
    label = _REQUIRED_MARK.sub("", label)
    label = _NOISE.sub("", label)
    return label


_normalize_memo = lru_cache(maxsize=8192)(_normalize_label)


@dataclass
class Match:
    """How a label was recognised: the key, and how sure (lower tier = closer to a listed alias)."""

    key: str
    tier: int  # 0 listed alias (or a hint/number/bracket form of one), 1 bilingual, 2 qualified, 3 key words
    alias: str  # the listed alias that decided it (normalised)
    role: str = ""  # "<who> + <what>" labels: the person key of <who>


@dataclass
class AliasTable:
    aliases: dict[str, str] = field(default_factory=dict)  # normalised alias -> key
    names: dict[str, str] = field(default_factory=dict)  # key -> display name (Chinese)
    required: list[str] = field(default_factory=list)
    order: dict[str, int] = field(default_factory=dict)  # normalised alias -> position in its key's list
    # aliases too generic to be the tail of a longer label ("完成时间" is no 面谈时间)
    exact_only: set[str] = field(default_factory=set)
    # head words of a label that mean the same as a listed alias's head ("待提升领域" = "待提升方面")
    head_synonyms: dict[str, str] = field(default_factory=dict)
    keywords: dict[str, list[str]] = field(default_factory=dict)  # key -> words of a question-style label
    prefer: dict[str, list[str]] = field(default_factory=dict)  # key -> labels, most preferred first
    # who writes a field: a label marked as written by the employee is never the manager's field
    writer_marks: list[str] = field(default_factory=list)
    # "<who> + <what>" labels: person key -> {what: field} ("经理反馈" = the manager's evaluation)
    by_role: dict[str, dict[str, str]] = field(default_factory=dict)
    displaced: dict[str, str] = field(default_factory=dict)  # a field's losing label -> the field it is
    writer_redirect: dict[str, str] = field(default_factory=dict)
    record_evidence: dict = field(default_factory=dict)
    traditional: dict[int, str] = field(default_factory=dict)  # str.translate table: 員 -> 员
    _cache: dict = field(default_factory=dict, repr=False, compare=False)
    _traditional_chars: frozenset = field(default=frozenset(), repr=False, compare=False)

    def add(self, key: str, aliases: list[str], name: str | None = None) -> None:
        self.names.setdefault(key, name or (aliases[0] if aliases else key))
        if name:
            self.names[key] = name
        # how many aliases name `key`, kept up to date below (a recount per alias was quadratic)
        count = sum(1 for k in self.aliases.values() if k == key)
        for alias in [key, *aliases]:
            norm = normalize_label(str(alias))
            count += self.aliases.get(norm) != key
            self.aliases[norm] = key
            self.order.setdefault(norm, count)
        self._cache.clear()

    def extend_from_file(self, path: Path) -> None:
        data = load_yaml_file(path) or {}
        if not isinstance(data, dict) or not isinstance(data.get("fields", {}), dict):
            raise ValueError(f"{path}: 字段别名表格式不对,应为 fields: {{键: {{aliases: [...]}}}}")
        for key, spec in (data.get("fields") or {}).items():
            spec = spec or {}
            if isinstance(spec, list):
                spec = {"aliases": spec}
            self.add(str(key), [str(a) for a in spec.get("aliases", [])], spec.get("name"))
        if data.get("required"):
            self.required = [str(k) for k in data["required"]]
        labels = data.get("labels") or {}
        if not isinstance(labels, dict):
            raise ValueError(f"{path}: labels 应为映射(exact_only、head_synonyms、keywords、prefer……)")
        pairs = str(labels.get("traditional") or "")
        self.traditional.update({ord(t): s for t, s in zip(pairs[0::2], pairs[1::2], strict=False)})
        self.exact_only |= {normalize_label(str(a)) for a in labels.get("exact_only") or []}
        self.head_synonyms.update(
            {str(k): str(v or "") for k, v in (labels.get("head_synonyms") or {}).items()}
        )
        for key, words in (labels.get("keywords") or {}).items():
            self.keywords.setdefault(str(key), []).extend(str(w) for w in words or [])
        for key, order in (labels.get("prefer") or {}).items():
            self.prefer[str(key)] = [normalize_label(str(a)) for a in order or []]
        for person, words in (labels.get("by_role") or {}).items():
            self.by_role.setdefault(str(person), {}).update(
                {str(w): str(k) for w, k in (words or {}).items()}
            )
        self.displaced.update({str(k): str(v) for k, v in (labels.get("displaced") or {}).items()})
        writer = labels.get("employee_writes") or {}
        self.writer_marks.extend(str(m) for m in writer.get("marks") or [])
        self.writer_redirect.update({str(k): str(v) for k, v in (writer.get("redirect") or {}).items()})
        if isinstance(data.get("record_evidence"), dict):
            self.record_evidence.update(data["record_evidence"])
        self._cache.clear()

    def lookup(self, label: str) -> str | None:
        """The canonical key a label names, or None when it names no known field."""
        found = self.match(label)
        return found.key if found else None

    def match(self, label: str) -> Match | None:
        """The key a label names and how it was recognised, or None."""
        cached = self._cache.get(label, 0)  # only labels that pass the test below are cached
        if cached != 0:
            return cached
        if not label or len(label) > 80 or _NOT_A_LABEL.fullmatch(label):
            return None  # a sentence, a number or a date is never a label
        original = label
        label = self.simplified(label)
        found = self._match(label)
        if found is not None:
            key = found.key
            norm = normalize_label(label)
            # "被面谈人(签字)", "受谈人签名", "面谈人签字日期": the person's signature, not their name
            cores = {norm, _BRACKETED_HINT.sub("", norm), _ASCII_WORD.sub("", norm).strip("()/")}
            if key in _SIGNATURE_OF and (
                _SIGNATURE_MARK.search(fold(label))
                or any(part.endswith(_SIGNATURE_SUFFIXES) for core in cores for part in core.split("/"))
            ):
                found = Match(_SIGNATURE_OF[key], found.tier, found.alias, found.role)
            # "工作总结(员工填写)", "员工个人总结": the employee's own view, not the manager's evaluation
            elif key in self.writer_redirect and any(m in fold(label) for m in self.writer_marks):
                found = Match(self.writer_redirect[key], found.tier, found.alias, found.role)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[original] = found
        return found

    def simplified(self, label: str) -> str:
        """The label with the traditional characters of `labels.traditional` made simplified; the
        table is applied only to a label holding one of them (str.translate costs a lookup a character)."""
        if not self.traditional:
            return label
        if len(self._traditional_chars) != len(self.traditional):  # the table only grows
            self._traditional_chars = frozenset(map(chr, self.traditional))
        return label if self._traditional_chars.isdisjoint(label) else label.translate(self.traditional)

    def rank(self, label: str) -> tuple[int, int]:
        """How strongly a label names its key: lower wins when two labels of a document compete
        for one key. The key's `prefer` list (fields.yaml) first, then exact before looser matches,
        then the alias's place in the key's list."""
        found = self.match(label)
        if found is None:
            return (99, 99)
        prefer = self.prefer.get(found.key, [])
        norm = normalize_label(label)
        if found.role == "manager_name" or self._written_by_manager(norm, found.key):
            return (1, 0)  # "部门负责人意见", "项目经理评价", "上级评价意见": the manager's own words
        stripped = _BRACKETED_HINT.sub("", norm)
        for i, alias in enumerate(prefer):
            if alias in (norm, stripped, found.alias):
                return (i, 0)
        return (len(prefer) + found.tier, self.order.get(found.alias, 50))

    def _written_by_manager(self, norm: str, key: str) -> bool:
        """A label that starts with the interviewer ("上级评价意见") and names a field the
        interviewer writes (`by_role`)."""
        if key not in self.by_role.get("manager_name", {}).values():
            return False
        return any(
            self.aliases.get(norm[:i]) == "manager_name" and norm[i:] in self.aliases
            for i in range(1, min(len(norm) - 1, 6))
        )

    def nearest(self, label: str) -> tuple[str, str] | None:
        """For a label no field knows: the key of the most similar alias and that alias, so a user
        can add the label in one line ("绩效面谈要点" -> performance_summary, via "面谈要点")."""
        norm = normalize_label(self.simplified(label))
        norm = _BRACKETED_HINT.sub("", norm) or norm
        if not norm:
            return None
        grams = _bigrams(norm)
        if not grams:
            return None
        best: tuple[float, str, str] | None = None
        for alias, key in self.aliases.items():
            shared = grams & _bigrams(alias)
            if not shared or alias == key:
                continue
            score = len(shared) / len(grams) + len(shared) / max(len(_bigrams(alias)), 1)
            if best is None or score > best[0]:
                best = (score, key, alias)
        return (best[1], best[2]) if best and best[0] >= 0.6 else None

    def _match(self, label: str) -> Match | None:
        key = self._lookup(label)
        if key is not None:
            return Match(key, 0, self._decided_by(label, key))
        if len(label) > 80 or _LABEL_WITH_VALUE.search(fold(label).strip()):
            return None  # "工号:L5465" is a label with its value, not a label
        norm = normalize_label(label)
        if not norm:
            return None
        # "被面谈人ID", "员工账号": the employee's number; another person's number is no field
        id_suffix = _ID_SUFFIX.search(norm)
        if id_suffix and id_suffix.start() >= 2:
            person = self._lookup(norm[: id_suffix.start()])
            staff_number = id_suffix.group(0) in _STAFF_NUMBER
            return Match("employee_id", 0, norm) if person == "employee_name" and staff_number else None
        # "Employee Name 员工姓名": the Chinese part of a bilingual label
        if _CJK.search(norm) and sum(len(w) for w in _ASCII_WORD.findall(norm)) >= 3:
            chinese = _chinese_part(norm)
            key = self._lookup(chinese) if len(chinese) >= 2 else None
            if key is not None:
                return Match(key, 1, self._decided_by(chinese, key))
            found = self._match(chinese) if len(chinese) >= 2 and chinese != norm else None
            if found is not None:
                return found
            norm = chinese
        core = _BRACKETED_HINT.sub("", norm)
        raw = _BRACKETED_HINT.sub("", fold(label)).strip().rstrip(":：")
        found = None if _VALUE_MARK.search(raw) else self._qualified(core)
        for sep in ("和", "与", "及"):  # "下一步的工作和绩效的改进方向": the parts of a joined label
            if found is None and sep in core and not _VALUE_MARK.search(raw):
                *_, last = core.split(sep)
                last = last.replace("的", "")
                found = self._qualified(last) or (
                    Match(self.aliases[last], 2, last) if last in self.aliases else None
                )
        if found is not None:
            return found
        if _QUESTION.search(core) and len(norm) <= 60:
            return self._by_keywords(core)
        return None

    def _decided_by(self, label: str, key: str) -> str:
        norm = normalize_label(label)
        for candidate in _candidates(norm):
            if self.aliases.get(candidate) == key:
                return candidate
        return norm

    def _qualified(self, core: str) -> Match | None:
        """ "年终绩效等级", "短期改进措施", "待提升领域": a listed alias as the label's head (the end of
        a Chinese noun phrase) after a short qualifier; a head word may be a listed synonym."""
        if not 3 <= len(core) <= 12 or _VALUE_MARK.search(core):
            return None
        forms = [core]
        for word, same in self.head_synonyms.items():
            if word and core.endswith(word) and len(core) > len(word):
                forms.append(core[: -len(word)] + same)
        for form in forms:
            if form != core and form in self.aliases and form not in self.exact_only:
                return Match(self.aliases[form], 2, form)
            for i in range(1, len(form) - 1):
                tail, head = form[i:], form[:i]
                key = self.aliases.get(tail)
                if key is None or tail in self.exact_only or len(head) > 4:
                    continue
                if set(head) & _NOT_A_QUALIFIER:
                    return None  # "已达成共识", "无异议": a value, not a label
                person = self.aliases.get(head)
                if person in _OTHER_PERSON:
                    # "上级评价意见": what the interviewer writes (a `by_role` field) is the record's;
                    # "上级职务", "面谈人部门": the interviewer's own, no field of the record
                    if key in self.by_role.get(person or "", {}).values():
                        return Match(key, 2, tail, role=person or "")
                    return None
                return Match(key, 2, tail)
            # "项目经理评价", "经理反馈", "员工自我总结": who writes it and what it is
            for i in range(1, len(form)):
                head, tail = form[:i], form[i:]
                person = self.aliases.get(head)
                by_role = self.by_role.get(person or "", {})
                if tail in by_role and not set(head) & _NOT_A_QUALIFIER:
                    return Match(by_role[tail], 2, head, role=person or "")
        return None

    def _by_keywords(self, core: str) -> Match | None:
        """A question as a label ("你希望公司提供哪些支持?"): the key whose key words it uses,
        the word the question asks about ("哪些支持") counting double."""
        best: tuple[int, int, str] | None = None
        for key, words in self.keywords.items():
            score = 0
            for word in words:
                at = core.find(word)
                if at < 0:
                    continue
                score += len(word)
                if _QUESTION_WORD.search(core[max(0, at - 4) : at]):
                    score += len(word)
            if score and (best is None or score > best[0]):
                best = (score, -len(key), key)
        return Match(best[2], 3, best[2]) if best else None

    def _lookup(self, label: str) -> str | None:
        if not label or len(label) > 60:
            return None
        norm = normalize_label(label)
        # "本季度工作表现(主管填写,包括主要业绩与不足)": the hint in brackets does not count
        if not norm or len(_BRACKETED_HINT.sub("", norm)) > 24:
            return None
        candidates = _candidates(norm)
        for candidate in candidates:
            key = self.aliases.get(candidate)
            if key:
                return key
        for candidate in candidates:
            key = self._prefix_match(candidate)
            if key:
                return key
        return None

    def _prefix_match(self, norm: str) -> str | None:
        # "面谈地点说明", "员工签字日期": the longest alias the label starts with,
        # when what follows is only a hint word, never another name ("员工绩效面谈记录表").
        # Shortest suffix first = longest alias; the label's one tail of each suffix length is looked
        # up, not every suffix tried (a 20,000-row sheet calls this for every cell).
        for size in _HINT_SUFFIX_LENGTHS:
            if len(norm) - size < 2:
                break
            alias = norm[:-size]
            if norm[-size:] in _HINT_SUFFIXES and alias in self.aliases:
                return self.aliases[alias]
        return None

    def name(self, key: str) -> str:
        return self.names.get(key, key)


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LABEL_WITH_VALUE = re.compile(r"[:：][ \t\u3000]*[^\s]")
_NOT_A_LABEL = re.compile(r"[\d\s.,:/\-+%年月日时分秒]+")
_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z&'’\-]*")
# a label asking *what* ("有什么意见", "哪些支持", "需要改善的地方"), not *whether* or *how much*
_QUESTION = re.compile(r"什么|哪些|哪方面|哪几|怎样的|何种|(?:方面|地方|之处)$")
_QUESTION_WORD = re.compile(r"哪些|什么|哪方面|怎样的|如何|哪几")
# A qualifier never holds these: "已达成共识", "无异议", "没有分歧" are values, not labels
_NOT_A_QUALIFIER = set("无没不未已了很较均都是有请")
_ID_SUFFIX = re.compile(r"(?:id|no|code|编码|账号|帐号|工号|编号)$", re.IGNORECASE)
_STAFF_NUMBER = ("编码", "工号", "编号")  # "员工编码": the staff number; "员工ID" is a system key, no field
_OTHER_PERSON = {"manager_name", "manager_signature"}
_VALUE_MARK = re.compile(r"\d|[,，。；;!！]")
_SIGNATURE_MARK = re.compile(r"[(（【\[]\s*(签字|签名|签章|盖章|手签)\s*[)）】\]]")
_SIGNATURE_OF = {"employee_name": "employee_confirmation", "manager_name": "manager_signature"}
_SIGNATURE_SUFFIXES = ("签字", "签名", "签章", "签字日期", "签名日期", "签字确认", "确认")
_HINT_SUFFIXES = {
    "日期",
    "时间",
    "签字",
    "签名",
    "及日期",
    "和日期",
    "年月日",
    "情况",
    "内容",
    "描述",
    "说明",
    "栏",
    "事项",
    "记录",
    "签字日期",
    "签名日期",
    "确认",
    "姓名",
    "清单",
    "列表",
    "明细",
}
_HINT_SUFFIX_LENGTHS = sorted({len(s) for s in _HINT_SUFFIXES})


# Two-character words too common in labels to show which field a label is about
_COMMON_BIGRAMS = {
    "面谈",
    "员工",
    "人员",
    "姓名",
    "日期",
    "时间",
    "名称",
    "信息",
    "是否",
    "情况",
    "内容",
    "部门",
}


def _chinese_part(norm: str) -> str:
    """The Chinese words of a bilingual label: "Employee Name 员工姓名" -> "员工姓名", "Job Title (职称)"
    -> "职称", "试用期工作总结(由本人填写)Summery … (recorded by your self)" -> "试用期工作总结(由本人填写)"."""
    text = _ASCII_WORD.sub("", norm)
    while "()" in text or "（）" in text:
        text = text.replace("()", "").replace("（）", "")
    text = text.strip("/").lstrip(")）").rstrip("(（")
    while text[:1] in ("(", "（") and text[-1:] in (")", "）") and _balanced(text[1:-1]) == 0:
        text = text[1:-1].strip("/")
    while _balanced(text) < 0 and text[-1:] in (")", "）"):
        text = text[:-1]
    while _balanced(text) > 0 and text[:1] in ("(", "（"):
        text = text[1:]
    return text.strip("/")


def _balanced(text: str) -> int:
    return text.count("(") + text.count("（") - text.count(")") - text.count("）")


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} - _COMMON_BIGRAMS


def _candidates(norm: str) -> list[str]:
    out = [norm]
    stripped = _BRACKETED_HINT.sub("", norm)
    if stripped != norm:
        out.append(stripped)
    for sep in ("/", "及", "和", "与"):
        if sep in stripped:
            first, last = stripped.split(sep, 1)
            # "存在问题与改进方向": the second of two named things is the section's point
            parts = [last, first] if sep == "与" else [first]
            out.extend(parts)
            # "改进的建议和指导" = "改进建议"
            out.extend(p.replace("的", "") for p in parts if "的" in p)
    # "存在的分歧" = "存在分歧"; "上级综合评价" = "综合评价" (who writes it is not part of the name)
    if "的" in stripped:
        out.append(stripped.replace("的", ""))
    for role in _ROLE_PREFIXES:
        if stripped.startswith(role) and len(stripped) - len(role) >= 3:
            out.append(stripped[len(role) :])
    return out


_ROLE_PREFIXES = ("直接上级", "直属上级", "上级", "主管", "面谈人", "部门")


@lru_cache(maxsize=8)
def load_alias_table(extra: tuple[str, ...] = ()) -> AliasTable:
    table = AliasTable()
    table.extend_from_file(data_path("rules") / "fields.yaml")
    for path in extra:
        table.extend_from_file(Path(path))
    return table
