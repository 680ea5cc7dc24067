#!/usr/bin/env python3
"""Generate the "unseen" document set: filled 绩效面谈记录 in layouts the dev set lacks.

    python tests/docset/gen_unseen.py [OUT_DIR]     # default: tests/docset/unseen/

Writes *.docx, *.xlsx and expected.json (same format and conventions as
../../../shared/eval/docs/expected.json, see that folder's README.md), then
checks that every expected value occurs in its document. Deterministic.

Every point of the evaluative fields and every plan item comes from a pool
that carries its label (per shared/eval/LABELING.md); findings are computed
from those labels, the placeholders put in on purpose and the real
interview / record datetimes.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

import openpyxl
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent

REQUIRED = [
    "employee_name", "manager_name", "interview_time", "location", "performance_summary",
    "consensus", "disagreements", "improvement_plan", "resource_support", "employee_confirmation",
]  # fmt: skip
MIN_FIELDS = REQUIRED
VAGUE_FIELDS = ["performance_summary", "strengths", "weaknesses", "kpi_result"]
# shared/eval/docs/README.md says an unconfirmed record also carries missing-field on
# employee_confirmation, but the dev expected.json (and gen_dev.py) do not. Follow the
# dev gold; see tests/docset/README.md.
CONFIRMATION_EMPTY_ALSO_MISSING = False
PLACEHOLDERS = {"", "无", "/", "——", "—", "待填", "略", "见附件"}
NO_DISAGREEMENT = re.compile(r"无分歧|无异议|没有分歧|意见一致")


def norm(s):
    return re.sub(r"\s+", "", str(s or ""))


def is_placeholder(s):
    s = norm(s)
    return s in PLACEHOLDERS or s.startswith("请填写") or ("□" in s and "☑" not in s and "√" not in s)


def xl_text(v):
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M") if (v.hour or v.minute) else v.strftime("%Y-%m-%d")
    if isinstance(v, dt.date):
        return v.strftime("%Y-%m-%d")
    return "" if v is None else str(v)


def fmt_dt(d, fmt, end=None):
    forms = {
        "iso": lambda: f"{d:%Y-%m-%d}",
        "iso_t": lambda: f"{d:%Y-%m-%d %H:%M}",
        "iso_range": lambda: f"{d:%Y-%m-%d %H:%M}-{end:%H:%M}",
        "cn": lambda: f"{d.year}年{d.month}月{d.day}日",
        "cn_t": lambda: f"{d.year}年{d.month}月{d.day}日 {d:%H:%M}",
        "cn_range": lambda: f"{d.year}年{d.month}月{d.day}日 {d:%H:%M}-{end:%H:%M}",
        "slash_range": lambda: f"{d.year}/{d.month}/{d.day} {d:%H:%M}-{end:%H:%M}",
        "dot": lambda: f"{d:%Y.%m.%d}",
        "dot_range": lambda: f"{d:%Y.%m.%d} {d:%H:%M}-{end:%H:%M}",
    }
    return forms[fmt]()


# ---------------------------------------------------------------- record
class Rec:
    def __init__(self):
        self.v, self.lab, self.ph, self.xl, self.over = {}, {}, set(), {}, {}
        self.plan_rows = None
        self.it = self.rd = None
        self.shown = set()

    def set(self, k, paras, labels=None):
        self.v[k] = list(paras)
        if labels is not None:
            self.lab[k] = list(labels)

    def text(self, k):
        if k in self.over:
            return self.over[k]
        if k in self.xl:
            return xl_text(self.xl[k])
        if k == "improvement_plan" and self.plan_rows is not None and k not in self.ph:
            return "\n".join(" ".join(c for c in row) for row in self.plan_rows)
        return "\n".join(self.v.get(k, []))

    def present(self, k):
        return k in self.shown and k not in self.ph and norm(self.text(k)) != ""


def is_late(it, rd):
    start, end, it_time = it
    rdt, rd_time = rd
    if it_time and rd_time:
        a, b = rdt - start > dt.timedelta(hours=24), rdt - end > dt.timedelta(hours=24)
        assert a == b and rdt >= start, ("ambiguous lateness", it, rd)
        return a
    days = (rdt.date() - start.date()).days
    assert days == 0 or days >= 2, ("ambiguous lateness", it, rd)
    return days >= 2


def findings(r):
    out = set()
    for k in REQUIRED:
        if k != "employee_confirmation" and not r.present(k):
            out.add(("missing-field", k))
    if not r.present("employee_confirmation"):
        out.add(("unconfirmed", "employee_confirmation"))
        if CONFIRMATION_EMPTY_ALSO_MISSING:
            out.add(("missing-field", "employee_confirmation"))
    for k in VAGUE_FIELDS:
        if r.present(k) and any(r.lab[k]):
            out.add(("vague-rating", k))
    if r.present("improvement_plan"):
        labs = r.lab["improvement_plan"]
        if any(nq for nq, _ in labs):
            out.add(("plan-no-quantity", "improvement_plan"))
        if any(nd for _, nd in labs):
            out.add(("plan-no-deadline", "improvement_plan"))
    if r.present("record_date") and r.present("interview_time") and r.it and r.rd and is_late(r.it, r.rd):
        out.add(("late-record", "record_date"))
    return sorted(out)


def check_rec(r):
    for k in r.shown:
        if k not in REQUIRED and k != "record_date":
            continue
        if k == "disagreements" and norm(r.text(k)) == "无" and k not in r.ph:
            assert NO_DISAGREEMENT.search(r.text("consensus")), r.text("consensus")
            continue
        assert (k in r.ph) == is_placeholder(r.text(k)), (k, r.text(k))


def expected_fields(r):
    keys = sorted(r.shown | set(MIN_FIELDS))
    return {k: (r.text(k) if k in r.shown else "") for k in keys}


# ---------------------------------------------------------------- pools
# points: (text, vague); flat plan items: (text, no_quantity, no_deadline);
# table plan items: (item, standard, time limit) -- an empty / vague standard or
# limit gives the label.
VAGUE = [
    "工作认真负责,积极主动。",
    "专业能力较强,值得肯定。",
    "团队合作意识有待提高。",
    "整体表现一般,还需努力。",
    "执行力强,责任心强。",
    "沟通协调能力较差。",
    "工作态度端正,表现良好。",
    "做事不够细心。",
]
VAGUE_STRONG = ["学习能力强,肯吃苦。", "为人踏实,乐于助人。"]
VAGUE_WEAK = ["计划性不足。", "创新意识有待加强。"]
VAGUE_KPI = ["各项指标完成得还不错。"]

DEPTS = {
    "log": dict(
        dept=["物流部", "仓储中心"],
        pos=["仓库主管", "物流专员", "调度员"],
        fam=["运营序列"],
        idp="L",
        loc=["仓储中心办公室", "物流部会议室"],
        sup=[
            "Q2仓库盘点差异率0.8%,比Q1下降0.4个百分点。",
            "5月牵头完成新仓搬迁,3天内转移库存1.2万件,未发生货损,组织能力强。",
            "6月有3批次出库单因拣货错误被客户退回,复核环节执行不到位。",
            "本季度平均发货时效由36小时缩短至28小时。",
        ],
        kpi=["发货准时率97%,目标95%。"],
        strong=["6月暴雨期间提前调整运输路线,12车货物全部按时送达。"],
        weak=["4月有2次未按时提交周度库存报表。"],
        plan=[
            ("9月30日前将盘点差异率降到0.5%以下", False, False),
            ("两个月内将客户投诉响应时间缩短到4小时以内", False, False),
            ("每周整理1次库存异常清单", False, True),
            ("年底前提升仓储规划能力", True, False),
            ("加强团队沟通", True, True),
        ],
        tab=[
            ("盘点差异率", "降到0.5%以下", "2024年9月30日"),
            ("叉车操作证", "取得叉车操作证", "10月31日前"),
            ("库存异常清单", "每周1次", ""),
            ("仓储规划能力", "提升规划水平", "年底前"),
            ("团队沟通", "加强沟通", "持续"),
        ],
        res=["申请配置手持盘点终端2台,由IT部8月15日前到位。", "公司报销叉车操作证培训费用。"],
        fb=["认可评价,希望增加旺季临时人手。"],
        career=["希望两年内成长为区域仓储经理。"],
        prev=["上期约定的拣货复核制度已执行,6月差错率下降。"],
    ),
    "pur": dict(
        dept=["采购部"],
        pos=["采购专员", "采购工程师"],
        fam=["职能序列", "供应链序列"],
        idp="P",
        loc=["采购部会议室", "5楼小会议室"],
        sup=[
            "Q2完成采购订单312笔,平均交期缩短2天。",
            "4月通过重新招标将包装材料单价降低6%,全年预计节约成本18万元,谈判能力突出。",
            "5月有1家新引入供应商未完成资质审核即下单,流程意识需加强。",
            "本季度完成供应商现场审核4家。",
        ],
        kpi=["采购成本降低率5.2%,目标5%。"],
        strong=["5月供应商断货时2天内找到替代货源,保障了产线供应。"],
        weak=["6月有2份采购合同因附件不全被法务退回。"],
        plan=[
            ("Q3末前完成2次供应商现场审核", False, False),
            ("下次面谈前独立完成年度采购成本分析报告", False, False),
            ("每月参加2次行业交流活动", False, True),
            ("8月底前加强供应商管理", True, False),
            ("提高工作效率", True, True),
        ],
        tab=[
            ("供应商审核", "完成2家现场审核", "Q3末"),
            ("成本分析报告", "独立完成年度采购成本分析报告", "下次面谈前"),
            ("行业交流", "每月参加2次", ""),
            ("谈判技巧", "提升谈判技巧", "年底前"),
            ("专业学习", "", "尽快"),
        ],
        res=["安排参加集团采购管理培训,共6课时。", "开通ERP供应商评估模块权限,7月20日前完成。"],
        fb=["对评价无异议,希望简化小额采购审批。"],
        career=["计划考取CPSM采购经理人证书。"],
        prev=["上期约定的供应商分级已完成,A类供应商名单已发布。"],
    ),
    "mkt": dict(
        dept=["市场部", "品牌中心"],
        pos=["市场专员", "新媒体运营", "品牌经理"],
        fam=["营销序列"],
        idp="M",
        loc=["市场部会议室", "线上(飞书会议)"],
        sup=[
            "6月策划的618线上活动带来新增注册用户8600人,超出目标15%。",
            "Q2公众号发文24篇,平均阅读量由2100提升到3500,内容策划能力强。",
            "5月有1次活动物料因审批延误晚到两天,导致门店陈列推迟。",
            "本季度完成3场行业展会的参展筹备,共收集有效线索420条。",
        ],
        kpi=["新增线索完成率108%,活动ROI 1:3.2。"],
        strong=["618活动中独立完成了投放方案,点击率比上次活动高1.2个百分点。"],
        weak=["5月活动复盘报告延期一周提交。"],
        plan=[
            ("9月30日前将公众号平均阅读量提升到4000", False, False),
            ("Q3末前完成2场线下沙龙活动的策划与执行", False, False),
            ("每周输出1篇竞品分析简报", False, True),
            ("下半年提升数据分析能力", True, False),
            ("多学习行业知识", True, True),
        ],
        tab=[
            ("公众号运营", "平均阅读量达到4000", "9月30日前"),
            ("线下沙龙", "策划并执行2场", "Q3末"),
            ("竞品分析", "每周1篇简报", ""),
            ("数据分析能力", "提高分析水平", "下半年"),
            ("行业知识", "多学习", "逐步"),
        ],
        res=["申请数据分析工具年费账号1个,8月前开通。", "品牌总监每两周安排1次一对一辅导。"],
        fb=["认可评价,希望增加活动预算审批的灵活性。"],
        career=["希望明年负责品牌整合营销项目。"],
        prev=["上期约定的活动复盘模板已建立并在4月启用。"],
    ),
    "rd": dict(
        dept=["研发中心", "算法组"],
        pos=["算法工程师", "嵌入式工程师", "测试开发工程师"],
        fam=["技术序列"],
        idp="R",
        loc=["研发中心会议室", "B座301"],
        sup=[
            "Q2交付推荐模型2个版本,线上点击率提升3.1%。",
            "5月定位并修复了固件升级失败的问题,售后返修量当月下降40%,问题分析能力强。",
            "6月代码评审被退回5次,主要原因是缺少单元测试。",
            "本季度带教实习生2名,均通过转正答辩。",
        ],
        kpi=["项目按期交付率92%,缺陷逃逸率0.6%。"],
        strong=["4月主导完成模型训练平台迁移,训练耗时缩短30%。"],
        weak=["Q2有2次需求评审未提前准备技术方案。"],
        plan=[
            ("9月30日前将模块单元测试覆盖率提升至75%", False, False),
            ("Q3末前完成特征平台设计文档并通过评审", False, False),
            ("每月在组内分享1次技术专题", False, True),
            ("10月前提升系统设计能力", True, False),
            ("持续提升代码质量", True, True),
        ],
        tab=[
            ("单元测试覆盖率", "提升至75%", "9月30日前"),
            ("特征平台设计", "完成设计文档并通过评审", "Q3末"),
            ("技术分享", "每月1次", ""),
            ("系统设计能力", "提升", "10月前"),
            ("代码质量", "提高代码质量", "持续"),
        ],
        res=["申请GPU服务器算力配额增加50%,由平台组8月前落实。", "安排架构师每月指导1次。"],
        fb=["认可评价,希望减少临时插入的需求。"],
        career=["希望三年内成长为算法方向技术专家。"],
        prev=["上期约定的代码规范培训已参加,评审退回率下降。"],
    ),
    "svc": dict(
        dept=["客户服务部"],
        pos=["客服专员", "售后工程师"],
        fam=["服务序列"],
        idp="C",
        loc=["客服中心3号室", "客户服务部会议室"],
        sup=[
            "Q2日均处理工单58单,客户满意度4.7分。",
            "6月处理一起重大投诉,当天上门更换设备,客户撤回投诉,服务意识强。",
            "首次解决率80%,低于88%的目标。",
            "5月质检抽查中有3通录音未按规范结束语结束通话。",
        ],
        kpi=["满意度4.7分,首次解决率80%。"],
        strong=["新系统上线首周整理了30条常见问题解答,被全组采用。"],
        weak=["5月有2次工单超过48小时未回复。"],
        plan=[
            ("8月底前首次解决率提升至86%", False, False),
            ("下次面谈前质检合格率达到95%以上", False, False),
            ("每周参加1次业务知识测验", False, True),
            ("Q3末前提高服务意识", True, False),
            ("加强业务学习", True, True),
        ],
        tab=[
            ("首次解决率", "提升至86%", "8月31日前"),
            ("质检合格率", "达到95%以上", "下次面谈前"),
            ("业务测验", "每周1次", ""),
            ("服务意识", "提高服务意识", "Q3末"),
            ("业务学习", "加强学习", "长期"),
        ],
        res=["中心每周安排1次业务答疑会。", "提供售后维修案例库的访问权限。"],
        fb=["认可评价,希望优化排班减少连续夜班。"],
        career=["希望明年转岗至质检岗位。"],
        prev=["上期约定的话术考试已于5月通过。"],
    ),
}

CONSENSUS = [
    ("双方对本期评价结果和改进计划达成一致,无分歧。", "无"),
    ("双方对考核结果无异议,同意按改进计划执行。", "无"),
    ("双方确认本期绩效等级,同意下次面谈时回顾改进项落实情况。",
     "员工认为Q2目标偏高,希望下期结合旺季调整;上级同意在制定Q3目标时参考去年同期数据。"),
    ("双方同意下季度以降本增效为工作重点。",
     "员工对绩效等级有不同意见,认为应评为A;上级说明了评定依据,员工保留意见。"),
]  # fmt: skip

SURN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖"
GIVEN = ["晓峰", "丽娟", "志明", "海波", "雅婷", "建国", "俊杰", "慧敏", "文静", "子轩", "梓涵", "宏伟", "玉兰",
         "晨曦", "嘉欣", "泽宇", "思琪", "永强", "秋菊", "天翔", "若曦", "明轩", "佳琪", "浩宇"]  # fmt: skip


class Names:
    def __init__(self, rng):
        self.rng, self.used = rng, set()

    def __call__(self):
        while True:
            n = self.rng.choice(SURN) + self.rng.choice(GIVEN)
            if n not in self.used:
                self.used.add(n)
                return n


MARKS = {None: "", "num": "{i}. ", "cn": "{i}、", "paren": "({i})", "dot": "●", "dash": "- "}


def set_points(r, k, pts, mark=None):
    texts = [(MARKS[mark].format(i=i) + t if mark and len(pts) > 1 else t) for i, (t, _) in enumerate(pts, 1)]
    r.set(k, texts, [lab for _, lab in pts])


def plan_pick(rng, pool, mode, n):
    """Pick n items: one carrying the wanted labels (unless clean), the rest clean."""
    labelled = [(x, (x[1], x[2]) if isinstance(x[1], bool) else tab_labels(x)) for x in pool]
    clean = [pair for pair in labelled if pair[1] == (False, False)]
    want = {"clean": None, "nq": (True, False), "nd": (False, True), "both": (True, True)}[mode]
    first = [next(pair for pair in labelled if pair[1] == want)] if want else []
    items = first + rng.sample(clean, min(n - len(first), len(clean)))
    rng.shuffle(items)
    return items


def tab_labels(row):
    _, std, limit = row
    nq = norm(std) in ("",) or bool(re.fullmatch(r"(提升|提高|加强|多学习|改善)\S{0,6}", norm(std)))
    nd = norm(limit) in ("", "持续", "尽快", "逐步", "长期")
    return nq, nd


def make(rng, names, dk, *, day, vague=False, n_sum=2, plan="clean", n_plan=2, late=False, confirm=True,
         it_fmt="cn_range", rd_fmt="cn", rd_next_day=False, cons=None, ph=None, extras=(), extra_vague=None,
         mark=None, plan_mark="num", conf_style="name_date", mgr=None, plan_table=False):  # fmt: skip
    D = DEPTS[dk]
    r = Rec()
    emp, mgr = names(), mgr or names()
    for k, val in [("employee_name", emp), ("manager_name", mgr), ("employee_id", f"{D['idp']}{rng.randint(1000, 9999)}"),
                   ("department", rng.choice(D["dept"])), ("position", rng.choice(D["pos"])),
                   ("job_family", rng.choice(D["fam"])), ("period", "2024年第二季度"), ("interview_type", "季度面谈"),
                   ("grade", rng.choice(["A", "B", "B+", "C", "良好", "合格"])), ("location", rng.choice(D["loc"]))]:  # fmt: skip
        r.set(k, [val])
    h = rng.choice([9, 10, 14, 15])
    mins = rng.choice([30, 45, 60])
    s = dt.datetime(day.year, day.month, day.day, h, rng.choice([0, 30]))
    e = s + dt.timedelta(minutes=mins)
    r.it = (s, e, it_fmt not in ("iso", "cn", "dot"))
    r.set("interview_time", [fmt_dt(s, it_fmt, e)])
    r.set("duration", [f"{mins}分钟"])
    if late:
        rdt = s.replace(hour=rng.choice([9, 11, 16]), minute=0) + dt.timedelta(days=rng.choice([2, 3, 5]))
    elif rd_next_day:
        rdt = (s + dt.timedelta(days=1)).replace(hour=8, minute=30)
    else:
        rdt = e + dt.timedelta(minutes=30)
    r.rd = (rdt, rd_fmt in ("iso_t", "cn_t"))
    r.set("record_date", [fmt_dt(rdt, rd_fmt)])
    sig_date = fmt_dt(rdt, "iso") if rd_fmt.startswith("iso") else fmt_dt(rdt, "cn")
    # summary
    sup = [(t, False) for t in rng.sample(D["sup"], n_sum - (1 if vague else 0))]
    pts = sup + ([(rng.choice(VAGUE), True)] if vague else [])
    rng.shuffle(pts)
    set_points(r, "performance_summary", pts, mark)
    ev = extra_vague or {}
    for k in extras:
        if k in ("strengths", "weaknesses", "kpi_result"):
            pool = {"strengths": (D["strong"], VAGUE_STRONG), "weaknesses": (D["weak"], VAGUE_WEAK),
                    "kpi_result": (D["kpi"], VAGUE_KPI)}[k]  # fmt: skip
            pts = [(rng.choice(pool[0]), False)] + ([(rng.choice(pool[1]), True)] if ev.get(k) else [])
            set_points(r, k, pts, mark)
        else:
            r.set(
                k,
                [
                    rng.choice(
                        D[
                            {
                                "employee_feedback": "fb",
                                "career_development": "career",
                                "previous_review": "prev",
                            }[k]
                        ]
                    )
                ],
            )
    # plan
    if plan_table:
        items = plan_pick(rng, D["tab"], plan, n_plan)
        r.plan_rows = [[str(i), *row] for i, (row, _) in enumerate(items, 1)]
        r.set("improvement_plan", [" ".join(x) for x in r.plan_rows], [lab for _, lab in items])
    else:
        items = plan_pick(rng, D["plan"], plan, n_plan)
        set_points(r, "improvement_plan", [(x[0], lab) for x, lab in items], plan_mark)
    r.set("resource_support", [rng.choice(D["res"])])
    c, d = cons if cons is not None else rng.choice(CONSENSUS)
    r.set("consensus", [c])
    r.set("disagreements", [d])
    conf = {"name_date": f"{emp} {sig_date}", "name": emp, "tick": "本人确认以上内容 ☑"}[conf_style]
    r.set("employee_confirmation", [conf if confirm else ""])
    if not confirm:
        r.ph.add("employee_confirmation")
    r.set("manager_signature", [f"{mgr} {sig_date}"])
    for k, val in (ph or {}).items():
        r.set(k, [val])
        r.ph.add(k)
    return r


# ---------------------------------------------------------------- docx helpers
def new_doc():
    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(10.5)
    st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    return d


def title(container, text):
    p = container.add_paragraph()
    p.add_run(text).bold = True
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def fill(cell, paras, bold=False):
    paras = paras if isinstance(paras, list) else [paras]
    for i, t in enumerate(paras):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.add_run(t).bold = bold


def fill_br(cell, parts, bold=True):
    """A label typed with a manual line break (Shift+Enter) inside one paragraph."""
    p = cell.paragraphs[0]
    for i, t in enumerate(parts):
        run = p.add_run(t)
        run.bold = bold
        if i < len(parts) - 1:
            run.add_break()


def label(cell, lab):
    """lab: 'text' | ['line1', 'line2'] (two paragraphs) | ('line1', 'line2') (manual break)."""
    if isinstance(lab, tuple):
        fill_br(cell, list(lab))
    else:
        fill(cell, lab, bold=True)


def bold_para(d, text):
    d.add_paragraph().add_run(text).bold = True


def show(r, *keys):
    r.shown.update(k for k in keys if k)


def plan_table(container, r, header=("序号", "改进项目", "衡量标准", "完成时限")):
    t = container.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, header, strict=True):
        fill(c, h, bold=True)
    for row in r.plan_rows:
        for c, txt in zip(t.add_row().cells, row, strict=True):
            fill(c, txt)
    show(r, "improvement_plan")
    return t


# ---------------------------------------------------------------- docx layouts
def u01_grid6(path, r):
    """6-column grid (three label/value pairs a row); label notes on a 2nd line; signatures below."""
    d = new_doc()
    title(d, "员工绩效面谈记录表")
    r.set("hire", ["2021-03-15"])
    t = d.add_table(rows=0, cols=6)
    t.style = "Table Grid"
    triples = [
        [("employee_name", "员工姓名"), ("employee_id", "工号"), ("department", "部门")],
        [("position", "岗位"), ("manager_name", "面谈人"), ("interview_type", "面谈类型")],
        [("interview_time", "面谈时间"), ("location", "面谈地点"), ("grade", "绩效等级")],
        [("period", "考核周期"), ("duration", "面谈时长"), ("hire", "入职日期")],
    ]
    for triple in triples:
        cells = t.add_row().cells
        for i, (k, lab) in enumerate(triple):
            label(cells[2 * i], lab)
            fill(cells[2 * i + 1], r.v[k])
            if k != "hire":
                show(r, k)
    longs = [
        ("performance_summary", ["绩效总结", "(请结合具体事例)"]),
        ("strengths", "优点"),
        ("weaknesses", "不足"),
        ("improvement_plan", ["改进计划", "(须含衡量标准与完成时间)"]),
        ("resource_support", "资源支持"),
        ("consensus", "共识"),
        ("disagreements", "分歧"),
    ]
    for k, lab in longs:
        cells = t.add_row().cells
        label(cells[0], lab)
        fill(cells[1].merge(cells[5]), r.v[k])
        show(r, k)
    d.add_paragraph("")
    emp = r.text("employee_confirmation")
    d.add_paragraph(
        f"员工签字:{emp}        面谈人签字:{r.v['manager_name'][0]}        记录日期:{r.text('record_date')}"
    )
    r.over["manager_signature"] = r.v["manager_name"][0]
    show(r, "employee_confirmation", "manager_signature", "record_date")
    d.save(path)


def u02_wrapped_labels(path, r):
    """4-column grid with narrow wrapped labels, spaced labels and real-template aliases."""
    d = new_doc()
    title(d, "绩效面谈记录")
    t = d.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    rows = [
        (("employee_name", "被考核人"), ("employee_id", "工    号")),
        (("department", "部门:"), ("position", "岗  位")),
        (("manager_name", "面谈官"), ("period", "考核期间")),
        (("interview_time", ["面谈", "时间"]), ("location", ("谈话", "地点"))),
        (("grade", "考核等级"), ("duration", ("面谈", "时长"))),
    ]
    for pair in rows:
        cells = t.add_row().cells
        for i, (k, lab) in enumerate(pair):
            label(cells[2 * i], lab)
            fill(cells[2 * i + 1], r.v[k])
            show(r, k)
    longs = [
        ("performance_summary", ("上级综合", "评价")),
        ("employee_feedback", ["员工", "自评"]),
        ("improvement_plan", "改进目标及措施"),
        ("resource_support", "需公司提供的支持"),
        ("consensus", ("双方达成", "的共识")),
        ("disagreements", "存在的分歧"),
    ]
    for k, lab in longs:
        cells = t.add_row().cells
        label(cells[0], lab)
        fill(cells[1].merge(cells[3]), r.v[k])
        show(r, k)
    for pair in [(("employee_confirmation", "员工签名"), ("manager_signature", "主管签名")),
                 (("record_date", "填写日期"), (None, ""))]:  # fmt: skip
        cells = t.add_row().cells
        for i, (k, lab) in enumerate(pair):
            label(cells[2 * i], lab)
            if k:
                fill(cells[2 * i + 1], r.v[k])
                show(r, k)
    d.save(path)


def u03_plan_rows_in_table(path, r):
    """Title row spanning the table; the plan as 序号/改进项目/衡量标准/完成时限 rows of the same table."""
    d = new_doc()
    t = d.add_table(rows=0, cols=4)
    t.style = "Table Grid"

    def span(text):
        cells = t.add_row().cells
        fill(cells[0].merge(cells[3]), text, bold=True)

    def pair(a, b):
        cells = t.add_row().cells
        for i, (k, lab) in enumerate((a, b)):
            label(cells[2 * i], lab)
            if k:
                fill(cells[2 * i + 1], r.v[k])
                show(r, k)

    def long(k, lab):
        cells = t.add_row().cells
        label(cells[0], lab)
        fill(cells[1].merge(cells[3]), r.v[k])
        show(r, k)

    span("运营中心员工绩效面谈记录表")
    pair(("employee_name", "员工姓名"), ("department", "部门"))
    pair(("position", "岗位"), ("manager_name", "直接上级"))
    pair(("interview_time", "面谈时间"), ("location", "面谈地点"))
    pair(("period", "考核周期"), ("grade", "绩效等级"))
    long("kpi_result", "KPI完成情况")
    long("performance_summary", "绩效总结")
    span("改进计划")
    for c, h in zip(t.add_row().cells, ("序号", "改进项目", "衡量标准", "完成时限"), strict=True):
        fill(c, h, bold=True)
    for row in r.plan_rows:
        for c, txt in zip(t.add_row().cells, row, strict=True):
            fill(c, txt)
    show(r, "improvement_plan")
    long("resource_support", "资源支持")
    long("consensus", "共识")
    long("disagreements", "分歧")
    pair(("employee_confirmation", "员工签字/日期"), ("manager_signature", "面谈人签字/日期"))
    pair(("record_date", "记录日期"), (None, ""))
    d.save(path)


def u04_labels_above(path, r):
    """Labels in one row, values in the row below; long fields as a label row + a value row."""
    d = new_doc()
    title(d, "市场部季度绩效面谈记录")
    t = d.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    for group in [
        [
            ("employee_name", "员工姓名"),
            ("department", "部门"),
            ("position", "岗位"),
            ("manager_name", "直接上级"),
        ],
        [
            ("interview_time", "面谈时间"),
            ("location", "面谈地点"),
            ("period", "考核周期"),
            ("grade", "绩效等级"),
        ],
    ]:
        labs, vals = t.add_row().cells, t.add_row().cells
        for i, (k, lab) in enumerate(group):
            label(labs[i], lab)
            fill(vals[i], r.v[k])
            show(r, k)
    for k, lab in [("performance_summary", "绩效总结"), ("employee_feedback", "员工自评"),
                   ("improvement_plan", "改进计划"), ("resource_support", "资源支持"),
                   ("consensus", "共识"), ("disagreements", "分歧")]:  # fmt: skip
        a, b = t.add_row().cells, t.add_row().cells
        label(a[0].merge(a[3]), lab)
        fill(b[0].merge(b[3]), r.v[k])
        show(r, k)
    labs, vals = t.add_row().cells, t.add_row().cells
    for i, (k, lab) in enumerate([("employee_confirmation", "员工签字"), ("manager_signature", "面谈人签字"),
                                  ("record_date", "记录日期")]):  # fmt: skip
        label(labs[i], lab)
        fill(vals[i], r.v[k])
        show(r, k)
    d.save(path)


def u05_layout_table(path, r, boxes):
    """The whole form inside a one-cell layout table; checkbox type and tick confirmation."""
    d = new_doc()
    outer = d.add_table(rows=1, cols=1)
    outer.style = "Table Grid"
    cell = outer.rows[0].cells[0]
    fill(cell, "行政部绩效面谈记录", bold=True)
    inner = cell.add_table(rows=0, cols=2)
    inner.style = "Table Grid"
    r.set("interview_type", [boxes])
    for k, lab in [("employee_name", "员工姓名"), ("position", "岗位"), ("manager_name", "沟通人"),
                   ("interview_type", "面谈类型"), ("interview_time", "面谈时间"), ("location", "面谈地点"),
                   ("performance_summary", "绩效评价"), ("weaknesses", "需改进方面"),
                   ("improvement_plan", "行动计划"), ("resource_support", "支持需求"),
                   ("consensus", "共识"), ("disagreements", "分歧"),
                   ("employee_confirmation", "员工确认"), ("record_date", "提交日期")]:  # fmt: skip
        cells = inner.add_row().cells
        label(cells[0], lab)
        fill(cells[1], r.v[k])
        show(r, k)
    cell.add_paragraph("注:本表一式两份,人力资源部与部门各存一份。")
    d.save(path)


def u06_headings_bold_labels(path, r):
    """Heading sections; several 标签:值 pairs per line; bold '标签:' paragraphs; typed bullets."""
    d = new_doc()
    title(d, "研发中心绩效面谈纪要")
    d.add_heading("一、基本信息", level=1)
    lines = [
        [("employee_name", "被考核人"), ("employee_id", "工号"), ("department", "部门")],
        [("position", "岗位"), ("manager_name", "上级主管")],
        [("interview_time", "面谈时间"), ("location", "谈话地点")],
    ]
    for line in lines:
        d.add_paragraph("    ".join(f"{lab}:{r.text(k)}" for k, lab in line))
        show(r, *(k for k, _ in line))
    d.add_heading("二、面谈内容", level=1)
    for k, lab, style in [("performance_summary", "绩效总结:", None), ("strengths", "优点:", None),
                          ("weaknesses", "不足:", "List Bullet")]:  # fmt: skip
        bold_para(d, lab)
        for t in r.v[k]:
            d.add_paragraph(t, style=style)
        show(r, k)
    d.add_heading("三、改进与支持", level=1)
    for k, lab in [
        ("improvement_plan", "下季度改进的行动计划:"),
        ("resource_support", "希望从公司得到怎样的帮助:"),
    ]:
        bold_para(d, lab)
        for t in r.v[k]:
            d.add_paragraph(t)
        show(r, k)
    d.add_heading("四、共识与分歧", level=1)
    for k, lab in [("consensus", "达成共识:"), ("disagreements", "意见分歧:")]:
        bold_para(d, lab)
        d.add_paragraph(r.text(k))
        show(r, k)
    d.add_heading("五、签字确认", level=1)
    mgr = r.v["manager_name"][0]
    d.add_paragraph(f"本人签名:{r.text('employee_confirmation')}    面谈人签字:{mgr}")
    r.over["manager_signature"] = mgr
    d.add_paragraph(f"记录日期:{r.text('record_date')}")
    show(r, "employee_confirmation", "manager_signature", "record_date")
    d.save(path)


def u07_bold_titles_plan_table(path, r):
    """Bold 一、/(一) titles; basic info grid; the plan as its own table under its title."""
    d = new_doc()
    title(d, "人力资源部绩效面谈表")
    bold_para(d, "一、基本情况")
    t = d.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    for a, b in [(("employee_name", "姓名"), ("department", "所在部门")),
                 (("position", "岗位名称"), ("manager_name", "面谈人")),
                 (("interview_time", "面谈时间"), ("location", "面谈地点"))]:  # fmt: skip
        cells = t.add_row().cells
        for i, (k, lab) in enumerate((a, b)):
            label(cells[2 * i], lab)
            fill(cells[2 * i + 1], r.v[k])
            show(r, k)
    bold_para(d, "二、面谈内容")
    bold_para(d, "(一)工作表现")
    for p in r.v["performance_summary"]:
        d.add_paragraph(p)
    bold_para(d, "(二)员工反馈")
    d.add_paragraph(r.text("employee_feedback"))
    bold_para(d, "(三)后续行动计划")
    plan_table(d, r)
    bold_para(d, "(四)资源支持")
    d.add_paragraph(r.text("resource_support"))
    bold_para(d, "(五)共识")
    d.add_paragraph(r.text("consensus"))
    bold_para(d, "(六)分歧")
    d.add_paragraph(r.text("disagreements"))
    show(r, "performance_summary", "employee_feedback", "resource_support", "consensus", "disagreements")
    bold_para(d, "三、确认")
    t = d.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    cells = t.rows[0].cells
    for i, (k, lab) in enumerate(
        [("employee_confirmation", "员工签字"), ("manager_signature", "面谈人签字")]
    ):
        label(cells[2 * i], lab)
        fill(cells[2 * i + 1], r.v[k])
        show(r, k)
    d.add_paragraph(f"记录日期:{r.text('record_date')}")
    show(r, "record_date")
    d.save(path)


def u08_single_column(path, r):
    """One-column table: 'a:x    b:y' info rows and '标签:' cells followed by paragraphs."""
    d = new_doc()
    title(d, "客户服务部员工绩效面谈记录")
    t = d.add_table(rows=0, cols=1)
    t.style = "Table Grid"
    for line in [[("employee_name", "姓名"), ("employee_id", "工号"), ("department", "部门")],
                 [("manager_name", "面谈人"), ("interview_time", "面谈时间")],
                 [("location", "面谈地点"), ("grade", "绩效等级")]]:  # fmt: skip
        fill(t.add_row().cells[0], "    ".join(f"{lab}:{r.text(k)}" for k, lab in line))
        show(r, *(k for k, _ in line))
    for k, lab in [("performance_summary", "绩效总结:"), ("kpi_result", "指标完成情况:"),
                   ("improvement_plan", "改进计划:"), ("resource_support", "资源支持:"),
                   ("consensus", "共识:"), ("disagreements", "分歧:")]:  # fmt: skip
        fill(t.add_row().cells[0], [lab, *r.v[k]])
        show(r, k)
    fill(t.add_row().cells[0], f"员工确认:{r.text('employee_confirmation')}")
    fill(t.add_row().cells[0], f"记录日期:{r.text('record_date')}")
    show(r, "employee_confirmation", "record_date")
    d.save(path)


def u09_nested_plan(path, r):
    """4-column grid, required marks and trailing colons; the plan as a table nested in its cell."""
    d = new_doc()
    title(d, "仓储中心绩效面谈记录表")
    t = d.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    for a, b in [(("employee_name", "员工姓名:"), ("employee_id", "工号:")),
                 (("department", "部门:"), ("position", "职位:")),
                 (("manager_name", "面谈官*"), ("job_family", "职族")),
                 (("interview_time", "面谈时间*"), ("location", "面谈地点*")),
                 (("grade", "评级"), ("duration", "时长"))]:  # fmt: skip
        cells = t.add_row().cells
        for i, (k, lab) in enumerate((a, b)):
            label(cells[2 * i], lab)
            fill(cells[2 * i + 1], r.v[k])
            show(r, k)
    for k, lab in [("previous_review", "上期改进计划完成情况"), ("performance_summary", "绩效总结*")]:
        cells = t.add_row().cells
        label(cells[0], lab)
        fill(cells[1].merge(cells[3]), r.v[k])
        show(r, k)
    cells = t.add_row().cells
    label(cells[0], "后续行动计划*")
    m = cells[1].merge(cells[3])
    fill(m, "")
    plan_table(m, r)
    for k, lab in [("resource_support", "资源支持*"), ("consensus", "共识*"), ("disagreements", "分歧*")]:
        cells = t.add_row().cells
        label(cells[0], lab)
        fill(cells[1].merge(cells[3]), r.v[k])
        show(r, k)
    cells = t.add_row().cells
    for i, (k, lab) in enumerate(
        [("employee_confirmation", "员工签字/日期"), ("manager_signature", "面谈人签字/日期")]
    ):
        label(cells[2 * i], lab)
        fill(cells[2 * i + 1], r.v[k])
        show(r, k)
    cells = t.add_row().cells
    label(cells[0], "记录日期")
    fill(cells[1], r.v["record_date"])
    show(r, "record_date")
    d.save(path)


def u10_header_row_vertical(path, r):
    """Vertical table with a 项目/内容 header row, question-style labels with notes."""
    d = new_doc()
    title(d, "绩效面谈记录(质量部)")
    t = d.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    fill(t.rows[0].cells[0], "项目", bold=True)
    fill(t.rows[0].cells[1], "内容", bold=True)
    for k, lab in [("employee_name", "面谈对象"), ("department", "所属部门"), ("manager_name", "主管"),
                   ("period", "绩效周期"), ("interview_time", "面谈日期"), ("location", "地点"),
                   ("grade", "考核结果"),
                   ("performance_summary", ["主要业绩", "(请描述具体事例与数据)"]),
                   ("strengths", "亮点"), ("employee_feedback", "员工反馈"),
                   ("improvement_plan", ("绩效改进计划", "(每项须有衡量标准和完成时间)")),
                   ("resource_support", "希望从公司得到怎样的帮助"),
                   ("consensus", "达成共识"), ("disagreements", "意见分歧"),
                   ("career_development", "职业发展规划"),
                   ("employee_confirmation", "员工确认"), ("record_date", "记录日期")]:  # fmt: skip
        cells = t.add_row().cells
        label(cells[0], lab)
        fill(cells[1], r.v[k])
        show(r, k)
    d.save(path)


# ---------------------------------------------------------------- xlsx helpers
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")


def xl_val(r, k):
    if k in r.xl:
        return r.xl[k]
    t = r.text(k)
    return t if t != "" else None


def put(ws, row, col, value, bold=False):
    c = ws.cell(row=row, column=col, value=value)
    c.border, c.alignment = BOX, WRAP
    if bold:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
    if isinstance(value, dt.datetime):
        c.number_format = "yyyy-mm-dd hh:mm" if (value.hour or value.minute) else "yyyy-mm-dd"
    return c


def use_xl_dates(r, it=True, rd=True, rd_midnight=True):
    if it:
        r.xl["interview_time"] = r.it[0]
        r.it = (r.it[0], r.it[0], True)
    if rd:
        when = dt.datetime.combine(r.rd[0].date(), dt.time()) if rd_midnight else r.rd[0]
        r.xl["record_date"] = when
        r.rd = (when, not rd_midnight)


def x11_form_merged(ws, r):
    """Labels in column A, values merged B:F."""
    ws.merge_cells("A1:F1")
    ws["A1"] = "员工绩效面谈记录表"
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 16
    row = 2
    for k, lab in [("employee_name", "员工姓名"), ("employee_id", "工号"), ("department", "部门"),
                   ("position", "岗位"), ("manager_name", "面谈人"), ("interview_time", "面谈时间"),
                   ("location", "面谈地点"), ("grade", "绩效等级"), ("performance_summary", "绩效总结"),
                   ("improvement_plan", "改进计划"), ("resource_support", "资源支持"), ("consensus", "共识"),
                   ("disagreements", "分歧"), ("employee_confirmation", "员工签字"),
                   ("record_date", "记录日期")]:  # fmt: skip
        put(ws, row, 1, lab, bold=True)
        put(ws, row, 2, xl_val(r, k))
        for c in range(3, 7):
            ws.cell(row=row, column=c).border = BOX
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
        show(r, k)
        row += 1


def x12_alternating(ws, r):
    """Labels and values on alternating rows (labels in A/C/E, values below them)."""
    ws.merge_cells("A1:F1")
    ws["A1"] = "绩效面谈记录"
    ws["A1"].font = Font(bold=True, size=14)
    row = 2
    for group in [[("employee_name", "员工姓名"), ("department", "部门"), ("position", "岗位")],
                  [("manager_name", "面谈人"), ("interview_time", "面谈时间"), ("location", "面谈地点")]]:  # fmt: skip
        for i, (k, lab) in enumerate(group):
            put(ws, row, 2 * i + 1, lab, bold=True)
            put(ws, row + 1, 2 * i + 1, xl_val(r, k))
            ws.merge_cells(start_row=row, start_column=2 * i + 1, end_row=row, end_column=2 * i + 2)
            ws.merge_cells(start_row=row + 1, start_column=2 * i + 1, end_row=row + 1, end_column=2 * i + 2)
            show(r, k)
        row += 2
    for k, lab in [("performance_summary", "绩效总结"), ("improvement_plan", "改进计划"),
                   ("resource_support", "资源支持"), ("consensus", "共识"), ("disagreements", "分歧")]:  # fmt: skip
        put(ws, row, 1, lab, bold=True)
        put(ws, row + 1, 1, xl_val(r, k))
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=6)
        show(r, k)
        row += 2
    for i, (k, lab) in enumerate([("employee_confirmation", "员工签字"), ("manager_signature", "面谈人签字"),
                                  ("record_date", "记录日期")]):  # fmt: skip
        put(ws, row, 2 * i + 1, lab, bold=True)
        put(ws, row + 1, 2 * i + 1, xl_val(r, k))
        show(r, k)


def x13_form_rows_plan(ws, r):
    """Labels in A, values in B; plan items on separate rows under one vertically merged label."""
    ws["A1"] = f"绩效面谈记录表({r.text('department')})"
    ws["A1"].font = Font(bold=True, size=13)
    ws.merge_cells("A1:B1")
    ws.column_dimensions["B"].width = 60
    row = 2
    for k, lab in [("employee_name", "员工姓名"), ("position", "岗位"), ("manager_name", "面谈人"),
                   ("interview_time", "面谈日期"), ("location", "面谈地点"), ("grade", "绩效等级"),
                   ("performance_summary", "绩效总结")]:  # fmt: skip
        put(ws, row, 1, lab, bold=True)
        put(ws, row, 2, xl_val(r, k))
        show(r, k)
        row += 1
    items = r.v["improvement_plan"]
    put(ws, row, 1, "改进计划", bold=True)
    for i, t in enumerate(items):
        put(ws, row + i, 2, t)
    ws.merge_cells(start_row=row, start_column=1, end_row=row + len(items) - 1, end_column=1)
    show(r, "improvement_plan")
    row += len(items)
    for k, lab in [("resource_support", "资源支持"), ("consensus", "共识"), ("disagreements", "分歧"),
                   ("employee_confirmation", "员工确认"), ("record_date", "记录日期")]:  # fmt: skip
        put(ws, row, 1, lab, bold=True)
        put(ws, row, 2, xl_val(r, k))
        show(r, k)
        row += 1


def instructions_sheet(ws):
    lines = [
        "填表说明",
        "1. 本表由直接上级在面谈后24小时内填写完毕。",
        "2. 面谈时间请填写具体日期和起止时间。",
        "3. 改进计划须包含衡量标准和完成时限。",
        "4. 员工签字栏须由员工本人签署。",
    ]
    for i, t in enumerate(lines, 1):
        ws.cell(row=i, column=1, value=t)
    ws.column_dimensions["A"].width = 60


def batch(ws, recs, cols, first_row):
    for j, (_k, lab) in enumerate(cols, 1):
        put(ws, first_row, j, lab, bold=True)
    for i, r in enumerate(recs, 1):
        for j, (k, _) in enumerate(cols, 1):
            put(ws, first_row + i, j, i if k == "#" else xl_val(r, k))
            show(r, k if k != "#" else None)
    return first_row + len(recs) + 1


def x14_grouped_header(ws, recs):
    groups = [("基本信息", 4), ("面谈信息", 3), ("绩效评价", 2), ("改进与支持", 2), ("共识与确认", 4)]
    col = 1
    for name, n in groups:
        put(ws, 1, col, name, bold=True)
        ws.merge_cells(start_row=1, start_column=col, end_row=1, end_column=col + n - 1)
        col += n
    cols = [("employee_name", "员工姓名"), ("employee_id", "工号"), ("department", "部门"), ("position", "岗位"),
            ("manager_name", "面谈人"), ("interview_time", "面谈时间"), ("location", "面谈地点"),
            ("grade", "绩效等级"), ("performance_summary", "绩效总结"),
            ("improvement_plan", "改进计划"), ("resource_support", "资源支持"),
            ("consensus", "共识"), ("disagreements", "分歧"), ("employee_confirmation", "员工签字"),
            ("record_date", "记录日期")]  # fmt: skip
    batch(ws, recs, cols, 2)


def x15_batch_note(ws, recs):
    cols = [("#", "序号"), ("employee_name", "被考核人"), ("department", "部门"), ("manager_name", "上级主管"),
            ("period", "考核期间"), ("interview_time", "面谈时间"), ("location", "谈话地点"),
            ("performance_summary", "工作表现"), ("improvement_plan", "后续行动计划"),
            ("resource_support", "希望从公司得到怎样的帮助"), ("consensus", "双方达成的共识"),
            ("disagreements", "存在的分歧"), ("employee_confirmation", "本人签名"), ("record_date", "填写日期")]  # fmt: skip
    end = batch(ws, recs, cols, 1)
    for j in range(1, len(cols) + 1):
        ws.cell(row=end, column=j).border = BOX
    ws.cell(
        row=end + 1,
        column=1,
        value="备注:1. 本表由直接上级填写;2. 面谈后24小时内提交人力资源部;3. 改进计划须含衡量标准与完成时限。",
    )
    ws.merge_cells(start_row=end + 1, start_column=1, end_row=end + 1, end_column=len(cols))


# ---------------------------------------------------------------- round 2 (written after the blind run)
def u16_group_column(path, r):
    """5 columns: a group title merged down the first column (基本信息 / 绩效评价 / …) beside label/value pairs."""
    d = new_doc()
    title(d, "员工绩效面谈记录")
    t = d.add_table(rows=0, cols=5)
    t.style = "Table Grid"
    groups = [
        ("基本信息", [[("employee_name", "姓名"), ("employee_id", "工号")],
                      [("department", "部门"), ("position", "岗位")],
                      [("manager_name", "面谈人"), ("interview_time", "面谈时间")],
                      [("location", "面谈地点"), ("grade", "绩效等级")]]),
        ("绩效评价", [("performance_summary", "绩效总结"), ("strengths", "优点"), ("weaknesses", "不足")]),
        ("改进与支持", [("improvement_plan", "改进计划"), ("resource_support", "资源支持")]),
        ("面谈结果", [("consensus", "共识"), ("disagreements", "分歧")]),
        ("确认", [[("employee_confirmation", "员工签字"), ("manager_signature", "面谈人签字")],
                  [("record_date", "记录日期"), (None, "")]]),
    ]  # fmt: skip
    for group, rows in groups:
        first = len(t.rows)
        for row in rows:
            cells = t.add_row().cells
            if isinstance(row, list):
                for i, (k, lab) in enumerate(row):
                    label(cells[1 + 2 * i], lab)
                    if k:
                        fill(cells[2 + 2 * i], r.v[k])
                        show(r, k)
            else:
                k, lab = row
                label(cells[1], lab)
                fill(cells[2].merge(cells[4]), r.v[k])
                show(r, k)
        top = t.cell(first, 0).merge(t.cell(len(t.rows) - 1, 0))
        fill(top, group, bold=True)
    d.save(path)


def x17_batch_wrapped_merged(ws, recs):
    """Title, a 填报 line, a header with Alt+Enter line breaks; 部门 / 面谈人 merged down the rows they share."""
    cols = [("#", "序号"), ("department", "部门"), ("manager_name", "面谈人"), ("employee_name", "员工\n姓名"),
            ("position", "岗位"), ("interview_time", "面谈\n时间"), ("location", "面谈\n地点"),
            ("performance_summary", "绩效总结\n(须有具体事例)"),
            ("improvement_plan", "改进计划\n(须含衡量标准与完成时限)"), ("resource_support", "资源支持"),
            ("consensus", "共识"), ("disagreements", "分歧"), ("employee_confirmation", "员工\n签字"),
            ("record_date", "记录\n日期")]  # fmt: skip
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(cols))
    ws.cell(row=1, column=1, value="2024年7月绩效面谈记录汇总表").font = Font(bold=True, size=14)
    ws.cell(row=2, column=1, value="填报单位:供应链中心")
    end = batch(ws, recs, cols, 3)
    for col in (2, 3):  # the same department and manager for consecutive rows: one merged cell
        start = 4
        while start < end:
            stop = start
            while (
                stop + 1 < end
                and ws.cell(row=stop + 1, column=col).value == ws.cell(row=start, column=col).value
            ):
                stop += 1
            for rr in range(start + 1, stop + 1):
                ws.cell(row=rr, column=col).value = None
            if stop > start:
                ws.merge_cells(start_row=start, start_column=col, end_row=stop, end_column=col)
            start = stop + 1


# ---------------------------------------------------------------- the set
def build(out: Path):
    rng = random.Random(20240915)
    names = Names(rng)
    D = lambda m, d: dt.date(2024, m, d)  # noqa: E731
    files = []

    def docx_one(name, fn, r, *args):
        fn(out / name, r, *args)
        files.append((name, [r]))

    r = make(rng, names, "log", day=D(7, 1), vague=True, n_sum=3, plan="nd", n_plan=3, it_fmt="cn_range",
             rd_fmt="cn", conf_style="name", extras=("strengths", "weaknesses"), extra_vague={"weaknesses": True})  # fmt: skip
    docx_one("U01_grid6_logistics.docx", u01_grid6, r)

    r = make(rng, names, "pur", day=D(7, 2), vague=False, n_sum=2, plan="nq", n_plan=2, it_fmt="iso_range",
             rd_fmt="iso_t", rd_next_day=True, extras=("employee_feedback",), mark="cn")  # fmt: skip
    docx_one("U02_wrapped_labels_purchase.docx", u02_wrapped_labels, r)

    r = make(rng, names, "log", day=D(7, 3), vague=True, n_sum=2, plan="both", n_plan=3, late=True,
             it_fmt="iso_range", rd_fmt="iso", plan_table=True, extras=("kpi_result",))  # fmt: skip
    docx_one("U03_plan_rows_in_table_ops.docx", u03_plan_rows_in_table, r)

    r = make(rng, names, "mkt", day=D(7, 4), vague=False, n_sum=3, plan="clean", n_plan=2, it_fmt="cn_range",
             rd_fmt="cn", confirm=False, extras=("employee_feedback",), mark="paren", plan_mark="paren")  # fmt: skip
    docx_one("U04_labels_above_market.docx", u04_labels_above, r)

    r = make(rng, names, "pur", day=D(7, 5), vague=True, n_sum=2, plan="nd", n_plan=2, late=True,
             it_fmt="dot_range", rd_fmt="dot", conf_style="tick", extras=("weaknesses",),
             cons=CONSENSUS[0])  # fmt: skip
    docx_one("U05_layout_table_admin.docx", u05_layout_table, r, "□季度面谈 ☑年度面谈 □专项面谈")

    r = make(rng, names, "rd", day=D(7, 8), vague=True, n_sum=3, plan="both", n_plan=3, it_fmt="cn_range",
             rd_fmt="cn", conf_style="name", extras=("strengths", "weaknesses"), mark="dot", plan_mark="num",
             extra_vague={"strengths": True})  # fmt: skip
    r.v["weaknesses"] = [re.sub(r"^●", "", t) for t in r.v["weaknesses"]]  # List Bullet: not text
    docx_one("U06_headings_bold_labels_rd.docx", u06_headings_bold_labels, r)

    r = make(rng, names, "mkt", day=D(7, 9), vague=False, n_sum=2, plan="nd", n_plan=3, it_fmt="iso_range",
             rd_fmt="iso", plan_table=True, extras=("employee_feedback",), mark="num")  # fmt: skip
    docx_one("U07_bold_titles_plan_table_hr.docx", u07_bold_titles_plan_table, r)

    r = make(rng, names, "svc", day=D(7, 10), vague=True, n_sum=2, plan="nq", n_plan=2, it_fmt="slash_range",
             rd_fmt="iso", confirm=True, conf_style="tick", ph={"resource_support": "无"}, extras=("kpi_result",),
             extra_vague={"kpi_result": True}, plan_mark="cn")  # fmt: skip
    r.set("employee_confirmation", ["□同意 □不同意"])
    r.ph.add("employee_confirmation")
    docx_one("U08_single_column_service.docx", u08_single_column, r)

    r = make(rng, names, "log", day=D(7, 11), vague=False, n_sum=2, plan="clean", n_plan=3, late=True,
             it_fmt="cn_range", rd_fmt="cn", plan_table=True, extras=("previous_review",))  # fmt: skip
    docx_one("U09_nested_plan_warehouse.docx", u09_nested_plan, r)

    r = make(rng, names, "svc", day=D(7, 12), vague=True, n_sum=3, plan="nd", n_plan=2, it_fmt="cn",
             rd_fmt="cn", cons=CONSENSUS[3], ph={"disagreements": "/"},
             extras=("strengths", "employee_feedback", "career_development"), mark="num")  # fmt: skip
    docx_one("U10_header_row_vertical_quality.docx", u10_header_row_vertical, r)

    # X11 form, labels in A, values merged B:F, plan with Alt+Enter breaks, real dates
    r = make(rng, names, "rd", day=D(7, 15), vague=True, n_sum=2, plan="both", n_plan=3, late=True,
             it_fmt="iso_t", rd_fmt="iso", conf_style="name", plan_mark="num")  # fmt: skip
    use_xl_dates(r)
    r.set("performance_summary", [r.text("performance_summary")], [any(r.lab["performance_summary"])])
    wb = openpyxl.Workbook()
    wb.active.title = "面谈记录"
    x11_form_merged(wb.active, r)
    wb.save(out / "X11_form_merged_rd.xlsx")
    files.append(("X11_form_merged_rd.xlsx", [r]))

    # X12 alternating label / value rows, text dates
    r = make(rng, names, "svc", day=D(7, 16), vague=False, n_sum=2, plan="clean", n_plan=2, it_fmt="cn_range",
             rd_fmt="cn_t", rd_next_day=True, plan_mark="num")  # fmt: skip
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    x12_alternating(wb.active, r)
    wb.save(out / "X12_alternating_rows_service.xlsx")
    files.append(("X12_alternating_rows_service.xlsx", [r]))

    # X13 book: 填表说明 first, then one form sheet per employee with plan rows
    recs = [
        make(rng, names, "pur", day=D(7, 17), vague=False, n_sum=1, plan="nq", n_plan=3, it_fmt="iso",
             rd_fmt="iso", conf_style="name"),
        make(rng, names, "pur", day=D(7, 17), vague=True, n_sum=2, plan="clean", n_plan=2, it_fmt="iso",
             rd_fmt="iso", conf_style="name", late=True, ph={"location": "待填"}),
    ]  # fmt: skip
    wb = openpyxl.Workbook()
    instructions_sheet(wb.active)
    wb.active.title = "填表说明"
    for r in recs:
        use_xl_dates(r)
        r.set("performance_summary", [r.text("performance_summary")], [any(r.lab["performance_summary"])])
        x13_form_rows_plan(wb.create_sheet(r.text("employee_name")), r)
    wb.save(out / "X13_book_instructions_purchase.xlsx")
    files.append(("X13_book_instructions_purchase.xlsx", recs))

    # X14 batch sheet with a two-row grouped header, real dates
    specs = [dict(dk="rd", vague=False, plan="clean"), dict(dk="rd", vague=True, plan="nd", late=True),
             dict(dk="mkt", vague=False, plan="nq", confirm=False), dict(dk="mkt", vague=False, plan="both"),
             dict(dk="rd", vague=True, plan="clean", ph={"consensus": ""}, cons=CONSENSUS[2])]  # fmt: skip
    recs = []
    for i, sp in enumerate(specs):
        dk = sp.pop("dk")
        r = make(rng, names, dk, day=D(7, 1 + i), it_fmt="iso_t", rd_fmt="iso", conf_style="name", mark="num",
                 n_sum=2, n_plan=2, **sp)  # fmt: skip
        use_xl_dates(r)
        recs.append(r)
    wb = openpyxl.Workbook()
    wb.active.title = "7月面谈汇总"
    x14_grouped_header(wb.active, recs)
    wb.save(out / "X14_batch_grouped_header.xlsx")
    files.append(("X14_batch_grouped_header.xlsx", recs))

    # X15 two batch sheets with 序号, aliases, text dates, a 备注 row at the end
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    all_recs = []
    for sheet, dk, specs in [
        ("物流部", "log", [dict(vague=False, plan="nd"), dict(vague=True, plan="clean", late=True),
                          dict(vague=False, plan="clean", ph={"resource_support": "略"})]),
        ("客服部", "svc", [dict(vague=True, plan="nq", confirm=False), dict(vague=False, plan="clean"),
                          dict(vague=False, plan="both", ph={"disagreements": "——"}, cons=CONSENSUS[3])]),
    ]:  # fmt: skip
        boss = names()
        recs = [make(rng, names, dk, day=D(7, 20 + i), it_fmt="cn_t", rd_fmt="cn", conf_style="name", mark="cn",
                     plan_mark="cn", n_sum=2, n_plan=2, mgr=boss, **sp) for i, sp in enumerate(specs)]  # fmt: skip
        x15_batch_note(wb.create_sheet(sheet), recs)
        all_recs += recs
    wb.save(out / "X15_batch_two_sheets_notes.xlsx")
    files.append(("X15_batch_two_sheets_notes.xlsx", all_recs))

    # round 2 (written after the blind run, see README.md)
    r = make(rng, names, "pur", day=D(7, 22), vague=True, n_sum=2, plan="nq", n_plan=2, it_fmt="cn_range",
             rd_fmt="cn", extras=("strengths", "weaknesses"), extra_vague={"strengths": True})  # fmt: skip
    docx_one("U16_group_column_purchase.docx", u16_group_column, r)

    specs = [dict(dk="log", vague=False, plan="clean"), dict(dk="log", vague=True, plan="nd", late=True),
             dict(dk="log", vague=False, plan="clean", confirm=False), dict(dk="pur", vague=False, plan="both"),
             dict(dk="pur", vague=False, plan="clean", ph={"location": ""})]  # fmt: skip
    bosses = {"log": names(), "pur": names()}
    recs = []
    for i, sp in enumerate(specs):
        dk = sp.pop("dk")
        r = make(rng, names, dk, day=D(7, 23 + i), it_fmt="cn_t", rd_fmt="cn", conf_style="name", mark="num",
                 n_sum=2, n_plan=2, mgr=bosses[dk], **sp)  # fmt: skip
        r.set("department", [DEPTS[dk]["dept"][0]])
        recs.append(r)
    wb = openpyxl.Workbook()
    wb.active.title = "汇总"
    x17_batch_wrapped_merged(wb.active, recs)
    wb.save(out / "X17_batch_wrapped_merged.xlsx")
    files.append(("X17_batch_wrapped_merged.xlsx", recs))
    return files


# ---------------------------------------------------------------- expected + validation
def doc_text(path: Path) -> str:
    parts = []
    if path.suffix == ".docx":
        d = Document(str(path))

        def walk(tables):
            for t in tables:
                for row in t.rows:
                    for c in row.cells:
                        parts.extend(p.text for p in c.paragraphs)
                        walk(c.tables)

        parts.extend(p.text for p in d.paragraphs)
        walk(d.tables)
    else:
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                parts.extend(xl_text(c.value) for c in row if c.value is not None)
    return norm("".join(parts))


def write_expected(out: Path, files):
    exp = []
    for name, recs in files:
        rr = []
        for r in recs:
            check_rec(r)
            rr.append({"fields": expected_fields(r), "findings": [list(x) for x in findings(r)]})
        exp.append({"file": name, "records": rr})
    (out / "expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=1), encoding="utf-8")
    return exp


def validate(out: Path, exp):
    counts, nrec = {}, 0
    for d in exp:
        blob = doc_text(out / d["file"])
        for i, rec in enumerate(d["records"]):
            nrec += 1
            for k, v in rec["fields"].items():
                assert norm(v) in blob, (d["file"], i, k, v)
            for rule, _ in rec["findings"]:
                counts[rule] = counts.get(rule, 0) + 1
    return f"{len(exp)} files, {nrec} records, findings: {dict(sorted(counts.items()))}"


def generate(out: Path, build_docs=None, check=None) -> list:
    """Write the documents and expected.json into out, then check them (round 2 passes its own)."""
    out.mkdir(parents=True, exist_ok=True)
    exp = write_expected(out, (build_docs or build)(out))
    (check or validate)(out, exp)
    return exp


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "unseen"
    exp = generate(target)
    print(validate(target, exp))
