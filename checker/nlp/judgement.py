"""Finding judgements of the employee in a point (vague-rating).

A judgement is found by structure, so that unseen wording is still caught:

- a quality noun with an evaluation after it: 沟通能力 + 强, 执行力 + 有待提高 (traits.txt + evaluation.txt);
- a graded or negated evaluation: 比较粗放, 不够及时, 有点急, 很好的 (degree adverb + evaluation word);
- an evaluation as a complement: 做得用心, 控制得还可以;
- an evaluation closing a clause after its subject: 门店形象好, 上手快, 原则性强;
- a shortfall as what still needs doing (需进一步增强) or a verdict on duties in general
  (能按时完成领导交办的各项任务);
- a judgement word or idiom on its own: 认真负责, 兢兢业业, 顶梁柱, 达到预期 (judgement.txt);
- any common four-character idiom closing a clause: 做事瞻前顾后, 质量参差不齐 (data/idioms.txt,
  written by build_dict from jieba's dictionary), so unseen idioms of appraisal are caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from checker.nlp.lexicon import Lexicons

# Adverbs that may stand between a subject and its evaluation ("执行力也比较强", "主动性差点意思")
DEGREE = (
    r"(?:也|都|还|仍|却|就|比较|较为|较|很|非常|十分|特别|相当|极|挺|蛮|偏|过于|略|稍|明显|有点|有些|"
    r"不太|还算|算是|一直|总体|整体|基本|真的|确实|是|越来越|更加|更|做得|得)*"
)
# Adverbs that make the next word an evaluation ("比较粗放", "不够及时", "有点急"): grading or negation
GRADING = (
    r"(?:很|非常|十分|特别|相当|极其|极为|颇为|颇|比较|较为|较|挺|蛮|过于|太|偏|略显|稍显|有点儿?|有些|"
    r"不够|不太|不大|不是很|不怎么|没那么|不|欠|还算|算是|越来越|更加|愈发)"
)
_PUNCT_END = r"[,，。;；、!！?？…:：)）~～]|$|\s"
# a clause ends at punctuation, a conjunction, or a sentence-final particle ("还可以吧", "挺稳的呀")
_CLAUSE_END = rf"(?={_PUNCT_END}|但|就是|只是|可是|不过|而且|并且|也|[吧啊呀啦嘛哈呢哦哟](?:{_PUNCT_END}))"
# Before a one-character evaluation at a clause end: characters that make it part of a verb or noun
# (提高, 加强, 做好, 尽快, 标准, 水准, 出差, 误差, 应急, 削弱, 升高)
_VERB_HEAD = "提加增最搞做问刚恰正只降变改调尽标批水校瞄对基勉出误落时紧应告削减升放"
# Adverbs that grade whatever short word closes the clause ("很上心", "不太集中", "比较潦草")
STRONG_GRADING = r"(?:很|非常|十分|特别|相当|极其|比较|较为|挺|蛮|过于|太|不够|不太|不大|不是很|稍显|略显|有点儿?|有些|还欠|欠)"
# 得 as a complement marker ("写得潦草"), not inside a verb (取得, 获得, 记得, 值得)
_COMPLEMENT = r"(?<=[\u4e00-\u9fff])(?<![取获赢记懂觉值显使免难晓舍博搏落])得"
_ALNUM_HAN = r"[\u4e00-\u9fffA-Za-z]"
# "需进一步增强", "还要继续提高", "亟待改进": a shortfall stated as what still needs doing
_STILL_NEEDS = re.compile(
    r"(?:有待|还需要?|仍需要?|尚需|亟需|亟待|还要|还得|仍要|需要|需)(?:进一步|再|继续|持续|更加|多多?|大力|努力)?"
    r"(?:加强|提高|提升|增强|改进|改善|强化|完善|磨练|磨炼|历练|锻炼|规范)"
)
# "能按时完成领导交办的各项任务", "能够较好地完成本职工作", "能严格按照规程作业":
# a verdict on duties in general, or the employee's manner of work as a capability
_CAN_DO_DUTIES = re.compile(
    r"能够?[^,，。;；]{0,8}?完成(?:了)?[^,，。;；]{0,8}?(?:各项|本职|分内|日常|交办|交代|安排的|岗位职责|工作任务)"
    r"|能够?(?:严格|认真|主动|积极|及时|虚心|耐心|自觉|按时|按要求|较好地|很好地|圆满)"
)
# "善于钻研", "敢于碰硬", "乐于助人", "不善于表达": a disposition of the employee
# "容易急躁", "容易手忙脚乱": a tendency of the employee (not "不容易", "容易的")
_DISPOSITION = re.compile(
    r"(?:不?善于|敢于|勇于|乐于|勤于|精于|长于|不善|不敢|不愿|不肯|(?<![不很])容易(?!的)|(?<![不首])肯(?![定德])"
    r")[\u4e00-\u9fff]"
    # "爱琢磨", "爱偷懒": a habit of mind held as a quality
    r"|(?:不)?怕(?:吃苦|吃亏|苦|累|脏|麻烦|困难|担责任?|得罪人|出错)"
    r"|(?:爱|喜欢)(?:琢磨|钻研|学习|动脑筋?|思考|偷懒|抱怨|较真|计较|发脾气|推诿|拖延|找借口)"
)
# "有自己的风格", "有独到的见解": an own way of working, held as a quality
_OWN_WAY = re.compile(
    r"有(?:自己|独到|独特|一定)的?(?:风格|想法|见解|见地|思路|主见|方法|打法|理解|看法|一套|章法)"
)


# "深受观众喜爱", "广受好评", "备受客户信赖": acclaim with no occasion named
_ACCLAIM = re.compile(
    r"(?:深受|广受|备受|颇受)[\u4e00-\u9fff]{0,8}?"
    r"(?:喜爱|欢迎|好评|信赖|信任|认可|尊重|赞誉|称赞|青睐|肯定|赞扬|表扬)"
)
# "各项指标均已完成", "全部任务都按时完成": duties in general declared done
_ALL_DONE = re.compile(
    r"(?:各项|全部|所有)(?:工作任务|工作|任务|指标|目标)(?:均|都|全部|也)?"
    r"(?:已经?|能够?|按时|按期|顺利|较好地|很好地)*(?:完成|达成|达标)"
)
# "业务水平有了提高", "能力有所提升": progress of a trait, stated without a case
# "进步大", "成长很快", "长进神速": the pace of a change in the employee, no case given
_PACE = re.compile(
    rf"(?:进步|成长|长进|提高|提升|变化){DEGREE}(?:大|快|迅速|神速|显著|飞快)(?:了|多了)?{_CLAUSE_END}"
)
# "拖拖拉拉", "大大咧咧", "认认真真": a reduplicated (AABB) manner word closing a clause
_AABB = re.compile(rf"([\u4e00-\u9fff])\1([\u4e00-\u9fff])\2{_CLAUSE_END}")
_AABB_NOT = frozenset(
    {"方方面面", "点点滴滴", "家家户户", "条条框框", "上上下下", "日日夜夜", "时时刻刻", "来来回回"}
)
# "成熟多了", "笨了点", "慢半拍": an evaluation graded by a comparison or a shortfall
_BY_COMPARISON = r"(?:多了|了不少|了很多|了许多|得多|了点儿?|了一点儿?|了些|一拍|半拍)"
# "组员都服他", "客人都指名找她", "大家都愿意跟她搭档": the people around the employee, all of them,
# receiving the employee well or badly (no occasion named)
_COLLECTIVE = re.compile(
    r"(?:大家|大伙儿?|同事|客户|顾客|客人|组员|队员|班员|家长|学生|学员|领导|老人|家属|居民|听众|观众|患者|病人|"
    r"工友|徒弟|下属|团队成员|全员)(?:们)?(?:都|全都|普遍|个个|多次|屡次|频频|一致|纷纷|经常)(?:很|非常|特别|挺|比较)?"
    r"(?:说好|认可|服|愿意|乐意|喜欢|爱找|抢着|点名|指名|信任|信赖|夸|称赞|满意|放心|佩服|尊重|买账|认他|认她|"
    r"竖大拇指|表扬|夸奖|点赞|好评|肯定|有意见|不满|抱怨|反感|头疼|怕)"
)
_PROGRESS = r"(?:有了?|有所|得到了?)(?:明显|很大|较大|一定|长足)?的?(?:提高|提升|进步|增强|长进|改善|加强)"


_VIRTUES = (
    "爱心|灵气|潜力|担当|魄力|闯劲|干劲|韧劲|冲劲|拼劲|钻劲|眼力见儿?|头脑|天赋|一套|两把刷子|"
    "主见|定力|恒心|毅力|上进心|集体荣誉感|荣誉感|同理心|分寸感?"
)

IDIOMS = Path(__file__).resolve().parent / "data" / "idioms.txt"
_FOUR_HAN = re.compile(rf"[\u4e00-\u9fff]{{4}}{_CLAUSE_END}")


@cache
def _idioms() -> frozenset[str]:
    if not IDIOMS.is_file():
        return frozenset()
    return frozenset(IDIOMS.read_text(encoding="utf-8").split())


# The subject right before an evaluation is a circumstance, not the employee: "市场环境不好", "行情一般"
_CIRCUMSTANCE = re.compile(
    rf"(?:市场|行情|大环境|环境|形势|经济|天气|气候|政策|客流|生意|淡季|旺季|大盘){DEGREE}(?:不|没有?)?$"
)


@dataclass(frozen=True)
class JudgementHit:
    kind: str  # trait | graded | complement | predicate | verdict | word
    start: int
    end: int
    text: str


class JudgementFinder:
    def __init__(self, lexicons: Lexicons):
        traits = _alternation(lexicons.get("traits").words())
        evaluations = lexicons.get("evaluation").words()
        evals = _alternation(evaluations)
        single = "".join(w for w in evaluations if len(w) == 1)
        multi = _alternation([w for w in evaluations if len(w) > 1])
        self.patterns: list[tuple[str, re.Pattern]] = [
            ("trait", re.compile(rf"(?:{traits}){DEGREE}(?:{evals})", re.IGNORECASE)),
            ("graded", re.compile(rf"{GRADING}{DEGREE}(?:{evals})")),
            ("complement", re.compile(rf"{_COMPLEMENT}{DEGREE}(?:{evals})")),
            ("graded", re.compile(rf"{STRONG_GRADING}[\u4e00-\u9fff]{{1,3}}?{_CLAUSE_END}")),
            ("complement", re.compile(rf"{_COMPLEMENT}{DEGREE}[\u4e00-\u9fff]{{1,3}}?{_CLAUSE_END}")),
            ("predicate", re.compile(rf"(?<={_ALNUM_HAN})(?:{multi}){_CLAUSE_END}")),
            # an evaluation that is a whole clause, its subject (the employee) left out: "细心,核对单据…"
            ("predicate", re.compile(rf"(?:^|(?<=[,，、;；。:：\s]))(?:{multi}){_CLAUSE_END}")),
            ("verdict", _STILL_NEEDS),
            ("verdict", _CAN_DO_DUTIES),
            ("verdict", _DISPOSITION),
            # "有较强的责任心", "有一定感染力": a trait held to a degree
            ("trait", re.compile(rf"有(?:一定|较强|很强|极强|很大|较大|较好|很好|良好)的?(?:{traits})")),
            ("verdict", _OWN_WAY),
            ("verdict", _ACCLAIM),
            ("verdict", _ALL_DONE),
            ("verdict", _PACE),
            # "成熟多了", "稳重了不少", "细心得多": an evaluation graded by a comparison
            ("graded", re.compile(rf"(?:{multi}){_BY_COMPARISON}")),
            ("graded", re.compile(rf"(?<=[^{_VERB_HEAD}\W\d_])[{single}]{_BY_COMPARISON}")),
            ("verdict", _COLLECTIVE),
            # "有责任心", "没有耐心", "缺乏韧劲", "有一套": a quality held or lacked, ungraded
            (
                "trait",
                re.compile(
                    rf"(?:(?<!没)有|没有|缺乏|缺少|欠缺)(?:{traits}|{_VIRTUES}){_CLAUSE_END}", re.IGNORECASE
                ),
            ),
            ("trait", re.compile(rf"(?:{traits}){DEGREE}{_PROGRESS}", re.IGNORECASE)),
            # a trait negated at a clause end, whatever the (possibly misspelt) word: 态度不端证, 执行力不行
            (
                "trait",
                re.compile(rf"(?:{traits}){DEGREE}不[\u4e00-\u9fff]{{1,3}}?{_CLAUSE_END}", re.IGNORECASE),
            ),
            ("predicate", re.compile(rf"(?<=[^{_VERB_HEAD}\W\d_])[{single}]{_CLAUSE_END}")),
        ]
        words = lexicons.get("judgement").pattern()
        if words is not None:
            self.patterns.append(("word", words))

    def find(self, text: str) -> list[JudgementHit]:
        hits: list[JudgementHit] = []
        for kind, pattern in self.patterns:
            for m in pattern.finditer(text):
                if not _CIRCUMSTANCE.search(text, 0, m.start()):
                    _add(hits, JudgementHit(kind, m.start(), m.end(), m.group()))
        for m in _AABB.finditer(text):
            if m.group()[:4] not in _AABB_NOT:
                _add(hits, JudgementHit("idiom", m.start(), m.start() + 4, m.group()[:4]))
        idioms = _idioms()
        for m in _FOUR_HAN.finditer(text):
            if m.group() in idioms:
                _add(hits, JudgementHit("idiom", m.start(), m.end(), m.group()))
        return sorted(hits, key=lambda h: h.start)


def _add(hits: list[JudgementHit], hit: JudgementHit) -> None:
    if hit.end > hit.start and not any(h.start < hit.end and hit.start < h.end for h in hits):
        hits.append(hit)


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, words)) or "(?!)"
