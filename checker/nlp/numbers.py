"""Numbers in Chinese text: Arabic and Chinese numerals, percentages, frequencies, ranks, thresholds."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from checker.nlp.lexicon import parse_lexicon
from checker.nlp.prefilter import compile_fast, pattern_atoms
from checker.resources import data_path

CN_DIGITS = "零一二两三四五六七八九十百千万半几"
_CN_NUM = rf"[{CN_DIGITS}]+"
_NUM = rf"(?:\d+(?:[.,]\d+)*|{_CN_NUM})"

# A measure word makes a Chinese numeral a count ("三个部门", "两本", "一次"):
# without one, 一/十 inside ordinary words (一起, 十分) are not numbers.
MEASURE = (
    "次|个|家|本|项|篇|种|名|人|位|件|单|台|门|场|份|条|处|笔|起|轮|期|页|章|节|套|张|块|批|类|款|版|遍|课时|学时|小时|"
    "分钟|秒|天|日|周|月|年|季度|元|万元|万|千|百|亿|分|点|级|星|倍|成|组|支|例|床|间|道|回|趟|单位|公里|吨|箱|"
    "米|岁|道|等奖|等功|h|ms|s|k|w|W|K|%"
)
PATTERNS = {
    "percent": compile_fast(
        rf"(?:\d+(?:\.\d+)?\s*[%％‰]|百分之[{CN_DIGITS}\d.]+|一半|\d+(?:\.\d+)?\s*个百分点|{_CN_NUM}个百分点|[{CN_DIGITS}]成)"
    ),
    "frequency": compile_fast(
        rf"每(?:[{CN_DIGITS}\d]*)(?:个)?(?:天|日|周|星期|月|季度|季|年|半年|学期|班|次|单|人|批次|批|期|轮|场|趟|节|堂)|每逢|日均|周均|月均|人均|(?:一|两|三|\d)周一次"
    ),
    "rank": compile_fast(
        rf"(?:第\s*{_NUM}\s*(?:名|位)|(?<!提)前\s*{_NUM}(?:名)?(?![天周月年])|[Tt]op\s*\d+|排名第?\s*{_NUM}"
        # "位列全区第三", "排第一", "倒数第二", "全区最低": a place in a ranking without 名
        rf"|(?:排|位列|位居|名列|居|列)[^,，。;；\d{CN_DIGITS}]{{0,4}}第\s*{_NUM}|倒数第\s*{_NUM}"
        r"|全(?:区|市|省|国|店|组|科|院|校|年级|部|公司|集团|行|大区|片区|仓|厂|车间)(?:最高|最低|最多|最少|最快|第一)"
        # a grade on a scale: A级, B+档, 五星
        r"|(?<![A-Za-z])[A-D]\+?[级档]|[一二三四五1-5]星级?)"
    ),
    "threshold": compile_fast(
        rf"(?:不低于|不少于|不超过|不高于|不多于|至少|最多|低于|高于|超过|达到|控制在|降到|降低到|降至|提升到|提升至|提高到|提高至|缩短到|缩短至|保持在)\s*{_NUM}"
        r"|(?:以上|以下|以内)"
    ),
    "count": compile_fast(rf"{_NUM}(?:多|来|余)?\s*(?:{MEASURE})|\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?"),
    "zero": compile_fast(
        r"零(?:故障|事故|差错|失误|投诉|客诉|缺陷|返工|违规|安全事故|bug|BUG)|无一|全部|全员"
        # a zero target or record of any kind: 零违章, 零延误, 零断链 (not 零售, 零件, 零基础, 从零)
        rf"|(?<![{CN_DIGITS}\d从找])零(?!售|件|部件|星|散|碎|食|钱|工|点|下|基础|用|头|花|容忍|担)[\u4e00-\u9fff]"
        r"|[为至]零|(?:降|减少|控制)(?:到|在)零|清零|归零|无(?:重大|一起)?(?:安全|质量|责任|交通)?(?:事故|差错|投诉|客诉)"
    ),
}


class Quantity(NamedTuple):
    # a tuple: ~100 bytes a span instead of ~330 for a frozen dataclass with its __dict__ (the analysis
    # cache of a 100k-row export holds hundreds of thousands), and built faster
    kind: str
    start: int
    end: int
    text: str


def find_quantities(text: str, may: int | None = None) -> list[Quantity]:
    """The quantities of a text; `may`: which kinds of PATTERNS (bits, in order) may match it, from
    needs() and a scan of the text (None: all). A kind that cannot match takes no character."""
    found: list[Quantity] = []
    taken = bytearray(len(text))  # 1 where an earlier kind took the character
    for i, (kind, pattern) in enumerate(PATTERNS.items()):
        if may is not None and not may >> i & 1:
            continue
        for m in pattern.finditer(text):
            start, end = m.span()
            if end == start or taken.find(1, start, end) >= 0:
                continue
            if kind == "count" and (_is_idiom_numeral(text, start, end) or _is_vague(m.group())):
                continue
            found.append(Quantity(kind, start, end, m.group()))
            taken[start:end] = b"\x01" * (end - start)
    return sorted(found, key=lambda q: q.start)


@cache
def needs() -> list[list[frozenset[str]]]:
    """What every match of each kind's pattern holds (prefilter atoms), in the order of PATTERNS."""
    return [pattern_atoms(pattern) for pattern in PATTERNS.values()]


@cache
def _idioms() -> re.Pattern:
    """Numerals inside idioms and articles (lexicons/numeral_idioms.txt): 一起, 十分, 一亩三分地, 成为一名."""
    lexicon = parse_lexicon(
        "numeral_idioms", (data_path("lexicons") / "numeral_idioms.txt").read_text("utf-8")
    )
    return re.compile("|".join(lexicon.entries) or "(?!)")


def _is_vague(numeral: str) -> bool:
    """ "几遍", "几个", "好几次": a count with no figure at all (十几万, 几十个 keep one)."""
    return numeral.lstrip("好").startswith("几") and not re.match(r"几\s*[十百千万]", numeral)


# "一次合格率", "首次解决率": the name of a metric, not a count
_METRIC_NAME = re.compile(r"[一首]次性?[\u4e00-\u9fff]{2}率")


def _is_idiom_numeral(text: str, start: int, end: int) -> bool:
    if text[start].isdigit():  # "360度评估": a digit inside a name
        return bool(_idioms().search(text[start : end + 2]))
    if _METRIC_NAME.match(text, start):
        return True
    if text[start - 1 : start] == "第" and text[end - 1 : end] == "个":  # "第一个到岗": an ordinal
        return True
    window = text[max(0, start - 2) : end + 2]
    return bool(_idioms().search(window))


def cn_to_int(numeral: str) -> int | None:
    """Chinese numeral -> int, for display in `checker tokens`."""
    try:
        import cn2an

        return int(cn2an.cn2an(numeral, "smart"))
    except Exception:  # cn2an raises ValueError and others for non-numerals
        return None
