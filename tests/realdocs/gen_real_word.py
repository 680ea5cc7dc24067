#!/usr/bin/env python3
"""Filled reproductions of REAL published Word layouts of 绩效面谈 / 考核 / 转正 / PIP records.

    cd /work/main && .venv/bin/python tests/realdocs/gen_real_word.py [OUT_DIR]
    # default OUT_DIR: tests/realdocs/word/

Writes *.docx and expected.json (same format and conventions as
shared/eval/docs/expected.json, see shared/eval/docs/README.md), then checks
that every expected value occurs in its document.  Deterministic (fixed seeds).

Each layout function below reproduces the label wording, order and table
shape of one template found on a public page (LAYOUTS[...]["source"] gives the
address and what was reproduced; "completed" says which parts the page excerpt
did not show and were filled in in the same style).  Labels keep the
template's wording; page text other than labels is paraphrased, and all
filled-in content is written here.

Every point of performance_summary / strengths / weaknesses / kpi_result and
every improvement-plan item comes from a pool that carries its label (per
shared/eval/LABELING.md); findings are computed from those labels, from the
placeholders put in on purpose, from keys the template lacks (missing-field)
and from the real interview / record datetimes.

Label -> key decisions that hold for every layout (per-layout ones are in
LAYOUTS[...]["keys"]):
  * a rating / competency / KPI matrix (评价维度|具体表现|评分…, O/G/S/N/U grids,
    考核内容|衡量标准|考核人评价 …) is NOT mapped to any key, not even kpi_result;
  * a bare 日期 in a signature block maps to record_date only when the block
    has one single date; per-signature dates are not mapped (README convention
    "员工签字/日期" = name and date in one value is used where the template has it);
  * 考核日期 / 转正日期 / 入职日期 / 试用期起止日 / 计划开始时间 are not interview_time;
  * a signature line labelled 考核人 / 上级签名 / 部门经理签字 is manager_signature,
    not manager_name; 导师 (mentor) is not manager_name;
  * a compound label whose value holds two things separated by "/" (姓名/人员ID,
    部门/职位) gives both keys, split at the "/"; a compound label naming one
    thing (部门/车间) gives the whole value;
  * a checkbox field (考核结果 ☑…□…) is the whole value text with its marks;
  * 下期目标 / 目标设定 / 工作目标 tables are not improvement_plan.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------- contract
REQUIRED = [
    "employee_name", "manager_name", "interview_time", "location", "performance_summary",
    "consensus", "disagreements", "improvement_plan", "resource_support", "employee_confirmation",
]  # fmt: skip
VAGUE_FIELDS = ["performance_summary", "strengths", "weaknesses", "kpi_result"]
# Same choice as shared/eval/docs/gen_dev.py and tests/docset/gen_unseen.py: an
# empty confirmation gives `unconfirmed` only.
CONFIRMATION_EMPTY_ALSO_MISSING = False
PLACEHOLDERS = {"", "无", "/", "——", "—", "待填", "略", "见附件"}
NO_DISAGREEMENT = re.compile(r"无分歧|无异议|没有分歧|意见一致")
UNTICK, TICK = "□", "☑"


def norm(s):
    return re.sub(r"\s+", "", str(s or ""))


def is_placeholder(s):
    s = norm(s)
    return s in PLACEHOLDERS or s.startswith("请填写") or (UNTICK in s and TICK not in s and "√" not in s)


def fmt_dt(d, fmt, end=None):
    forms = {
        "iso": lambda: f"{d:%Y-%m-%d}",
        "iso_t": lambda: f"{d:%Y-%m-%d %H:%M}",
        "iso_range": lambda: f"{d:%Y-%m-%d %H:%M}-{end:%H:%M}",
        "cn": lambda: f"{d.year}年{d.month}月{d.day}日",
        "cn_t": lambda: f"{d.year}年{d.month}月{d.day}日 {d:%H:%M}",
        "cn_range": lambda: f"{d.year}年{d.month}月{d.day}日 {d:%H:%M}-{end:%H:%M}",
        "slash": lambda: f"{d.year}/{d.month}/{d.day}",
        "dot": lambda: f"{d:%Y.%m.%d}",
    }
    return forms[fmt]()


# ---------------------------------------------------------------- record
class Rec:
    def __init__(self):
        self.v, self.lab, self.ph, self.over = {}, {}, set(), {}
        self.plan_rows = None
        self.it = self.rd = None
        self.shown = set()
        self.fam = None

    def set(self, k, paras, labels=None):
        self.v[k] = list(paras)
        if labels is not None:
            self.lab[k] = list(labels)

    def text(self, k):
        if k in self.over:
            return self.over[k]
        if k == "improvement_plan" and self.plan_rows is not None and k not in self.ph:
            return "\n".join(" ".join(c for c in row) for row in self.plan_rows)
        return "\n".join(self.v.get(k, []))

    def paras(self, k):
        return self.text(k).split("\n")

    def present(self, k):
        return k in self.shown and k not in self.ph and norm(self.text(k)) != ""

    def show(self, *keys):
        self.shown.update(k for k in keys if k)

    def placeholder(self, k, value):
        self.set(k, [value])
        self.over.pop(k, None)
        if k == "improvement_plan":
            self.plan_rows = None
        self.ph.add(k)


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
    for k in VAGUE_FIELDS + ["improvement_plan"]:
        if r.present(k):
            n = len(r.plan_rows) if (k == "improvement_plan" and r.plan_rows is not None) else len(r.paras(k))
            assert n == len(r.lab[k]), (k, r.text(k), r.lab[k])


def expected_fields(r):
    keys = sorted(r.shown | set(REQUIRED))
    return {k: (r.text(k) if k in r.shown else "") for k in keys}


# ---------------------------------------------------------------- pools
# sup / strong / weak / kpi: concrete points (vague=False); vague / strong_v / weak_v /
# kpi_v: judgements without a case (vague=True).
# plan: (text, no_quantity, no_deadline).
# tab: ((问题, 措施, 完成时间, 责任人), no_quantity, no_deadline) -- one row of a plan table;
#      the labels are given by hand for the row as a whole.
# selfsum: the employee's own account (员工自评 / 试用期工作总结 / 自我评价) -> employee_feedback.
VAGUE_COMMON = [
    "工作态度端正,责任心强。",
    "整体表现良好,值得肯定。",
    "执行力有待提高。",
    "沟通能力较强,团队意识好。",
    "工作积极性一般,主动性不够。",
    "学习能力还算可以。",
    "专业能力较弱,需要加强学习。",
    "工作踏实肯干,服从安排。",
]

FAM = {
    "tech": dict(
        dept=["研发中心", "技术部"], pos=["Java开发工程师", "测试工程师", "前端开发工程师"], idp="RD",
        loc=["研发中心3号会议室", "线上(飞书会议)"],
        sup=[
            "主导完成会员积分系统重构,9月上线后接口平均响应时间由420ms降到180ms,技术攻关能力强。",
            "本季度交付需求19个,按期率95%,其中1个需求因第三方接口变更延期3天。",
            "10月双十一压测期间连续两晚值守,定位并修复了2个慢查询问题。",
            "代码评审被退回的合并请求有6次,主要是缺少异常处理,编码规范仍需加强。",
            "带教1名实习生,该同学已能独立完成后台报表页面开发。",
        ],
        vague=["代码质量有待提高。", "技术能力强,学习能力也不错。"],
        strong=["9月独立排查出线上内存泄漏的根因并给出修复方案,技术钻研能力强。",
                "编写的接口自动化用例覆盖了支付链路的32个接口,被测试组直接复用。"],
        strong_v=["学习能力强,肯钻研。"],
        weak=["Q3有2次上线前未完成自测,导致测试环境回归失败。", "需求评审时对边界条件考虑不足,8月的优惠券需求返工1次。"],
        weak_v=["时间管理能力不足。"],
        kpi=["需求按期交付率95%,线上P2以上故障0次。", "单元测试覆盖率由48%提升到66%。"],
        kpi_v=["各项指标完成得还不错。"],
        plan=[
            ("12月31日前将负责模块的单元测试覆盖率提升到75%以上", False, False),
            ("下次面谈前独立完成订单服务拆分方案并通过架构评审", False, False),
            ("Q1末前在组内做2次性能优化专题分享", False, False),
            ("每周参加1次团队代码评审", False, True),
            ("年底前熟悉公司容器化部署流程", True, False),
            ("提升代码质量", True, True),
        ],
        tab=[
            (("上线前自测不充分", "每个需求提测前完成自测清单并附测试记录,提测退回次数降到每月1次以内", "2025年3月31日", "本人"), False, False),
            (("性能优化经验不足", "完成2个慢查询专项优化并输出复盘文档", "2025年Q1末", "本人/组长"), False, False),
            (("技术分享偏少", "每月在组内做1次技术分享", "持续", "本人"), False, True),
            (("方案设计能力欠缺", "多参与架构讨论,提升设计能力", "2025年6月前", "架构师"), True, False),
            (("跨团队沟通", "加强与产品、测试的沟通", "长期", "本人"), True, True),
        ],
        res=["安排架构师每两周做1次一对一方案评审辅导。", "申请预发布环境压测资源1套,运维组12月15日前开通。"],
        career=["希望两年内成长为后端技术负责人。", "希望转向性能测试方向,明年考取相关认证。"],
        fb=["认可本次评价,希望下季度参与核心交易链路的设计。", "对结果无异议,希望减少临时插入的需求。"],
        selfsum=["试用期内完成了积分商城3个模块的开发,熟悉了公司的发布流程,对分布式事务还需要加强学习。",
                 "本季度按期交付了负责的19个需求,自测环节做得不够,后续会补齐自测清单。"],
        prev=["上期约定的代码规范培训已参加,单元测试覆盖率目标完成了80%。"],
        goal=["完成订单服务拆分,接口错误率低于0.1%", "主导1次全链路压测"],
    ),
    "sales": dict(
        dept=["华南销售部", "渠道销售部"], pos=["大客户经理", "区域销售代表"], idp="SA",
        loc=["销售部会议室", "广州分公司洽谈室"],
        sup=[
            "Q3完成销售额236万元,目标完成率107%,区域排名第2。",
            "8月拿下两家连锁超市的年度供货合同,合计金额75万元,客户开拓能力强。",
            "季度回款率92%,有1笔18万元的货款逾期45天未收回。",
            "新客户拜访量月均14家,低于部门要求的20家。",
        ],
        vague=["客户沟通能力较强,但市场敏感度一般。", "销售技巧还有提升空间。"],
        strong=["9月在与连锁超市的谈判中提出分批结算方案,促成75万元订单,谈判能力强。"],
        strong_v=["为人热情,客户关系维护得好。"],
        weak=["7月有3份报价单漏走审批流程,被财务退回。"],
        weak_v=["工作计划性不强。"],
        kpi=["销售额完成率107%,回款率92%,新客户开发4家。"],
        kpi_v=["指标完成情况良好。"],
        plan=[
            ("12月31日前新开发有效客户6家", False, False),
            ("Q4回款率不低于95%", False, False),
            ("下次面谈前完成《大客户谈判》课程并通过考核", False, False),
            ("每周复盘1次销售漏斗", False, True),
            ("年底前提升大客户谈判技巧", True, False),
            ("加强客户关系维护", True, True),
        ],
        tab=[
            (("回款不及时", "逾期货款每周跟进1次,18万元逾期款全部收回", "2024年12月20日", "本人"), False, False),
            (("新客户拜访量不足", "每月拜访新客户不少于20家并录入CRM", "2024年Q4末", "本人"), False, False),
            (("报价流程不规范", "熟悉报价审批流程", "2024年11月底", "销售助理"), True, False),
            (("客户反馈处理慢", "加强售后跟进", "持续", "本人"), True, True),
        ],
        res=["市场部每月提供1次竞品价格分析。", "申请配备1名售前技术支持,销售总监11月前协调到位。"],
        career=["希望明年竞聘区域销售主管。"],
        fb=["认可销售额评价,希望下季度目标结合区域市场容量制定。", "对回款问题无异议,希望财务提供账龄提醒。"],
        selfsum=["试用期内签约新客户3家,熟悉了公司产品线和报价体系,客户开发节奏还需要加快。"],
        prev=["上期约定的客户分级管理已完成,A类客户拜访记录齐全。"],
        goal=["季度销售额250万元", "新签连锁客户2家"],
    ),
    "nurse": dict(
        dept=["心内科病区", "急诊科"], pos=["责任护士", "护理组长"], idp="HN",
        loc=["护士站示教室", "护理部办公室"],
        sup=[
            "本季度独立负责12张床位,全季度无给药差错,护理文书质控合格率98%。",
            "8月参与一例急性心梗患者抢救,5分钟内完成心电监护和静脉通路建立,应急反应快。",
            "患者满意度调查得分96分,收到表扬信2封。",
            "有2次夜班交接未逐项核对输液泵参数,被护士长现场指出。",
        ],
        vague=["工作认真负责,护理操作规范。", "与患者沟通能力有待加强。"],
        strong=["7月发现一名患者输液后出现皮疹,立即停药并报告医生,处置及时规范。"],
        strong_v=["服务态度好,耐心细致。"],
        weak=["静脉穿刺一次成功率为86%,低于科室92%的要求。"],
        weak_v=["理论知识不够扎实。"],
        kpi=["护理文书合格率98%,不良事件0起,患者满意度96分。"],
        kpi_v=["护理质量指标完成得还可以。"],
        plan=[
            ("9月30日前通过N2层级理论考核", False, False),
            ("三个月内静脉穿刺一次成功率达到92%以上", False, False),
            ("年底前独立完成1次科室护理查房", False, False),
            ("每月参加1次科室业务学习", False, True),
            ("年底前熟悉ICU常用仪器操作", True, False),
            ("加强与患者家属的沟通", True, True),
        ],
        tab=[
            (("交接班核对不到位", "按交接班核对单逐项核对,护士长每周抽查2次", "2024年10月31日", "本人/护士长"), False, False),
            (("静脉穿刺成功率偏低", "在模拟人上练习并跟班学习,一次成功率达到92%", "2024年12月31日", "带教老师"), False, False),
            (("理论知识薄弱", "多看专科护理书籍", "持续", "本人"), True, True),
        ],
        res=["护理部安排静疗专科护士带教,每周跟班1次。", "科室提供模拟人练习室,每周二、四下午开放。"],
        career=["希望两年内考取心血管专科护士资格。"],
        fb=["认可评价,希望夜班排班更均衡。", "对考核结果无异议,希望增加外出进修机会。"],
        selfsum=["试用期内掌握了科室常见病护理常规,独立值夜班12次,静脉穿刺技术还需要多练。"],
        prev=["上期约定的护理文书培训已完成,6月后文书合格率保持在95%以上。"],
        goal=["静脉穿刺一次成功率达到92%", "完成专科护士培训"],
    ),
    "teach": dict(
        dept=["初二年级组", "数学教研组"], pos=["数学教师", "班主任"], idp="JS",
        loc=["教务处会议室", "年级组办公室"],
        sup=[
            "所带两个班期中考试数学平均分分别为86分和83分,年级排名第1和第3。",
            "10月承担区级公开课《一次函数的应用》,获评二等奖。",
            "本学期组织学生参加数学竞赛,3人获市级三等奖。",
            "有4次作业批改未在规定时间内完成,学生反馈讲评滞后。",
        ],
        vague=["教学基本功扎实,深受学生喜爱。", "课堂管理能力有待提高。"],
        strong=["期中后针对后进生每周开设2次答疑,该群体平均分提高了11分,辅导耐心细致。"],
        strong_v=["师德表现良好。"],
        weak=["11月家长会有5位家长反映作业量偏大,未及时调整。"],
        weak_v=["教学反思不够深入。"],
        kpi=["期中平均分86分、83分,及格率97%。"],
        kpi_v=["教学成绩总体不错。"],
        plan=[
            ("本学期末前完成1篇校级教学案例并参加评选", False, False),
            ("下学期开学前将作业量控制在每天40分钟以内", False, False),
            ("每周听同组老师课1节", False, True),
            ("学期末前熟悉分层作业的设计方法", True, False),
            ("加强与家长的沟通", True, True),
        ],
        tab=[
            (("作业批改不及时", "作业当天批改、次日讲评,教研组长每周抽查1次", "2025年1月15日", "本人"), False, False),
            (("家校沟通不足", "每月与每位学生家长至少沟通1次并做记录", "本学期末", "班主任"), False, False),
            (("教学反思不深入", "多写教学反思", "长期", "本人"), True, True),
        ],
        res=["教研组安排骨干教师结对帮扶,每两周听评课1次。", "学校提供区级培训名额1个。"],
        career=["希望三年内评上区级骨干教师。"],
        fb=["认可评价,希望减少非教学事务。"],
        selfsum=["本学期完成两个班的教学任务,公开课得到认可,作业批改的时效还要改进。"],
        prev=["上期约定的听课任务已完成,共听课18节。"],
        goal=["期末平均分保持年级前三", "完成1项校级课题"],
    ),
    "mfg": dict(
        dept=["冲压车间", "总装二车间"], pos=["班组长", "质检员", "设备维修工"], idp="SC",
        loc=["车间办公室", "生产部会议室"],
        sup=[
            "负责的冲压线Q3良品率由96.8%提升到98.3%,质量意识明显增强。",
            "8月模具突发断裂时带领班组连夜更换,次日早班恢复生产,未影响交期。",
            "9月安全检查中班组有2人次未按规定佩戴防护眼镜。",
            "提出的上料工装改进建议被采纳,每班节省工时约25分钟。",
        ],
        vague=["工作踏实肯干,服从安排。", "班组管理能力有待提高。"],
        strong=["7月设备异响时及时停机排查,避免了主轴损坏,判断准确,动手能力强。"],
        strong_v=["吃苦耐劳,任劳任怨。"],
        weak=["交接班记录在9月有4次填写不完整。"],
        weak_v=["安全意识一般。"],
        kpi=["良品率98.3%,目标98%;人均日产量312件,达成率102%。"],
        kpi_v=["生产指标完成得还行。"],
        plan=[
            ("10月底前组织班组完成安全操作规程培训并全员考试合格", False, False),
            ("Q4末前将返工率降低到1.2%以下", False, False),
            ("年底前取得中级电工证", False, False),
            ("每周开展1次5S检查", False, True),
            ("12月前提升设备点检意识", True, False),
            ("加强现场管理", True, True),
        ],
        tab=[
            (("防护用品佩戴不到位", "班前会每日点检,违规次数降为0", "2024年11月30日", "班组长"), False, False),
            (("交接班记录不完整", "交接班记录逐项签字,每周抽查3次", "2024年10月31日", "本人"), False, False),
            (("设备点检不细", "提高点检质量", "持续", "设备员"), True, True),
        ],
        res=["设备部每月对冲压线做1次预防性维护。", "公司报销电工证培训及考试费用。"],
        career=["希望明年参加车间主任后备培养。"],
        fb=["认可评价,希望更新老旧的上料工装。"],
        selfsum=["试用期内熟悉了冲压线的操作规程,独立完成日常点检,模具更换还需要师傅指导。"],
        prev=["上期约定的班组交接班制度已执行。"],
        goal=["良品率保持98%以上", "全年安全事故0起"],
    ),
    "fin": dict(
        dept=["财务部", "财务共享中心"], pos=["总账会计", "应收会计", "出纳"], idp="CW",
        loc=["财务部会议室", "4楼小会议室"],
        sup=[
            "按期完成7、8、9月月结,均在每月第3个工作日前出具报表。",
            "8月和9月的费用报表各出现1次科目归类错误。",
            "配合完成半年度审计,整理凭证资料36册,审计无重大调整事项。",
            "牵头梳理差旅报销流程,报销审核周期由5天缩短到3天,流程优化能力强。",
        ],
        vague=["业务能力较强,工作认真细致。", "数据分析能力一般。"],
        strong=["审计期间2天内补齐了缺失的15份合同附件,应变能力强。"],
        strong_v=["做事细心,原则性强。"],
        weak=["9月成本分摊表因公式引用错误被退回重做1次。"],
        weak_v=["对业务的理解还不够深入。"],
        kpi=["月结及时率100%,报表差错2处。"],
        kpi_v=["KPI完成情况一般。"],
        plan=[
            ("12月31日前独立完成季度经营分析报告", False, False),
            ("下次面谈前将报表差错控制在每月1处以内", False, False),
            ("明年5月前通过中级会计师考试", False, False),
            ("每月参加1次数据分析培训", False, True),
            ("11月底前熟悉新财务系统", True, False),
            ("提升数据分析能力", True, True),
        ],
        tab=[
            (("科目归类错误", "建立常用科目对照表,报表差错每月不超过1处", "2024年12月31日", "本人"), False, False),
            (("Excel建模能力弱", "完成2个成本分摊模型并经主管复核", "2025年1月31日", "财务主管"), False, False),
            (("业务理解不深", "多与业务部门交流", "逐步", "本人"), True, True),
        ],
        res=["安排参加公司内部Power BI培训,共6课时。", "IT部协助开通BI报表权限,11月15日前完成。"],
        career=["希望三年内成长为财务主管。"],
        fb=["认可评价,希望月结期间增加临时人手。"],
        selfsum=["试用期内独立完成了应收模块的对账,熟悉了ERP财务流程,报表分析还需加强。"],
        prev=["上期约定的报销制度梳理已完成,新流程10月发布。"],
        goal=["月结提前到第2个工作日", "完成费用预算系统上线"],
    ),
    "retail": dict(
        dept=["华东区门店", "门店运营部"], pos=["店长", "导购", "收银主管"], idp="MD",
        loc=["门店办公室", "区域办公室"],
        sup=[
            "9月门店销售额58万元,同比增长14%,区域排名第3。",
            "国庆活动期间组织店员轮班,单日客流峰值1500人次时未出现收银排队投诉。",
            "8月盘点库存差异率1.6%,超出1%的标准。",
            "带教新入职导购4名,均在一个月内通过上岗考核。",
        ],
        vague=["工作勤恳,待人热情。", "门店管理经验不足。"],
        strong=["国庆前一周调整了主通道陈列,活动商品销量环比增长28%,陈列能力强。"],
        strong_v=["亲和力强,顾客缘好。"],
        weak=["8月有2次未按时提交周报。"],
        weak_v=["团队管理能力有待加强。"],
        kpi=["销售额完成率104%,会员新增410人。"],
        kpi_v=["销售指标完成得还不错。"],
        plan=[
            ("11月底前库存差异率控制在1%以内", False, False),
            ("下次面谈前完成店长认证课程并通过考试", False, False),
            ("Q4末前会员复购率提升5个百分点", False, False),
            ("每月组织2次店员产品培训", False, True),
            ("年底前多学习门店运营知识", True, False),
            ("加强陈列管理", True, True),
        ],
        tab=[
            (("库存差异偏大", "每周抽盘高价值商品1次,差异率降到1%以内", "2024年11月30日", "本人"), False, False),
            (("周报提交不及时", "每周提交1次周报并在周会上汇报", "2024年10月起", "本人"), False, True),
            (("店员流失", "改善员工关怀", "持续", "店长"), True, True),
        ],
        res=["区域经理每月到店指导1次。", "总部11月前提供新品陈列指引。"],
        career=["希望一年内管理一家旗舰店。"],
        fb=["认可评价,希望总部加快补货速度。"],
        selfsum=["试用期内熟悉了收银、盘点和会员系统,国庆活动独立负责一个区域,陈列还要多学习。"],
        prev=["上期约定的收银差错整改已完成,9月无差错。"],
        goal=["季度销售额180万元", "会员复购率达到35%"],
    ),
    "logi": dict(
        dept=["华北仓储中心", "物流运营部"], pos=["仓储主管", "调度员", "拣货组长"], idp="WL",
        loc=["仓库办公室", "运营部会议室"],
        sup=[
            "Q3仓库发货准确率99.6%,较上季度提升0.4个百分点。",
            "双十一预售期间日均出库2.3万单,组织夜班加开2条拣货线,未出现爆仓。",
            "9月有1批冷链货物因温控记录缺失被客户投诉。",
            "推动库位重新规划,平均拣货路径缩短18%。",
        ],
        vague=["工作吃苦耐劳,责任心强。", "现场调度能力有待提高。"],
        strong=["8月暴雨导致干线延误时,及时协调3辆临时车辆,当天订单全部发出,应变能力强。"],
        strong_v=["执行力强,能扛事。"],
        weak=["9月盘点发现2个库位的账实不符未及时上报。"],
        weak_v=["对新系统的学习速度较慢。"],
        kpi=["发货准确率99.6%,订单及时率97%,破损率0.05%。"],
        kpi_v=["各项指标基本达标。"],
        plan=[
            ("11月30日前完成WMS新系统全部操作培训并通过考核", False, False),
            ("Q4末前将订单及时率提升到98.5%", False, False),
            ("每周组织1次安全巡检", False, True),
            ("年底前熟悉冷链温控规范", True, False),
            ("提高现场调度水平", True, True),
        ],
        tab=[
            (("冷链温控记录缺失", "每批冷链货物100%上传温控记录", "2024年10月31日", "本人/质检"), False, False),
            (("账实不符上报不及时", "每周盘点2个库区,差异当周上报", "2024年12月31日", "本人"), False, False),
            (("新系统操作不熟", "加强系统学习", "尽快", "IT支持"), True, True),
        ],
        res=["IT部安排WMS系统专人驻场支持2周。", "申请增配2台手持终端,12月前到位。"],
        career=["希望两年内成长为仓储经理。"],
        fb=["认可评价,希望旺季前增加临时用工预算。"],
        selfsum=["试用期内熟悉了入库、拣货、出库全流程,带班组完成了双十一预售备货,系统操作还要加强。"],
        prev=["上期约定的库位规划已完成。"],
        goal=["订单及时率98.5%", "全年仓库安全事故0起"],
    ),
    "hotel": dict(
        dept=["前厅部", "餐饮部"], pos=["前台接待", "大堂副理", "餐厅领班"], idp="JD",
        loc=["酒店员工培训室", "前厅部办公室"],
        sup=[
            "本季度在OTA平台收到点名好评23条,宾客满意度4.8分。",
            "7月处理一起超售投诉,为客人升级房型并安排接送,客人撤回了差评。",
            "入住办理平均用时3分40秒,超过部门3分钟的标准。",
            "有2次交班时未交接VIP客人的特殊需求。",
        ],
        vague=["服务意识强,仪容仪表好。", "应变能力有待提高。"],
        strong=["8月旺季独立带领早班3人完成单日180间的退房高峰,现场组织能力强。"],
        strong_v=["待客热情,有亲和力。"],
        weak=["英语口语不熟练,9月有1次外宾投诉沟通不畅。"],
        weak_v=["服务细节不够到位。"],
        kpi=["宾客满意度4.8分,投诉2起,升级销售额1.2万元。"],
        kpi_v=["服务指标完成得还不错。"],
        plan=[
            ("12月31日前通过酒店英语中级考试", False, False),
            ("下次面谈前将入住办理平均用时控制在3分钟以内", False, False),
            ("每周参加1次服务案例分享", False, True),
            ("年底前熟悉会员积分政策", True, False),
            ("提升服务质量", True, True),
        ],
        tab=[
            (("交接班遗漏VIP需求", "使用交班本逐项交接并双人签字,遗漏次数为0", "2024年10月31日", "本人"), False, False),
            (("英语口语弱", "每天练习30分钟英语情景对话", "长期", "本人"), False, True),
            (("服务细节", "注意服务细节", "持续", "本人"), True, True),
        ],
        res=["培训部提供英语口语课程,每周2课时。", "部门安排资深大堂副理带教。"],
        career=["希望一年内晋升前厅主管。"],
        fb=["认可评价,希望调整连续夜班的安排。"],
        selfsum=["试用期内熟悉了前台系统和入住流程,能独立处理一般投诉,英语沟通还需要提高。"],
        prev=["上期约定的礼仪培训已完成。"],
        goal=["宾客满意度4.8分以上", "升级销售额2万元"],
    ),
    "cs": dict(
        dept=["客户服务中心", "售后服务部"], pos=["客服专员", "投诉处理专员"], idp="KF",
        loc=["客服中心小会议室", "3楼会议室"],
        sup=[
            "Q3日均接待68单,高于中心平均的55单;满意度4.7分。",
            "9月处理一起升级投诉,当天回访并协调退款,客户撤回了投诉。",
            "首次解决率81%,低于90%的目标。",
            "质检抽查中有3通录音未核实身份即办理业务。",
        ],
        vague=["服务态度好,耐心细致。", "情绪管理能力有待提高。"],
        strong=["新工单系统上线首周主动整理了25条常见问题解答,被全组采用,学习能力强。"],
        strong_v=["工作积极主动,团队意识强。"],
        weak=["8月有4次通话超过30分钟未升级处理。"],
        weak_v=["业务熟练度一般。"],
        kpi=["日均接待68单,满意度4.7分,首次解决率81%。"],
        kpi_v=["KPI完成情况还可以。"],
        plan=[
            ("11月底前首次解决率提升到88%", False, False),
            ("下次面谈前质检合格率达到95%以上", False, False),
            ("每周学习1个新业务知识点并参加周测", False, True),
            ("Q4末前提高服务意识", True, False),
            ("加强业务知识学习", True, True),
        ],
        tab=[
            (("未核实身份办理业务", "每通电话按核身话术执行,质检合格率达到98%", "2024年11月30日", "本人/质检"), False, False),
            (("长通话未升级", "通话超过20分钟即升级组长", "2024年10月起", "本人"), False, True),
            (("情绪管理", "提高情绪管理能力", "持续", "本人"), True, True),
        ],
        res=["中心每周安排1次业务答疑会。", "提供投诉处理案例库的访问权限。"],
        career=["希望明年转岗到质检岗位。"],
        fb=["认可评价,希望优化排班减少连续夜班。"],
        selfsum=["试用期内掌握了主要业务的受理流程,通话量达标,复杂投诉的处理还需要组长指导。"],
        prev=["上期约定的话术考试已于8月通过。"],
        goal=["首次解决率88%", "满意度4.8分"],
    ),
    "design": dict(
        dept=["设计部", "品牌设计中心"], pos=["平面设计师", "UI设计师"], idp="SJ",
        loc=["设计部会议室", "5楼小会议室"],
        sup=[
            "试用期内完成新品包装设计6套,其中4套一次通过客户确认。",
            "5月为618活动出图42张,全部按排期交付。",
            "有2套方案因未按品牌规范使用标准色被退回修改。",
            "主动整理了部门常用素材库,共归档图标和模板300余个。",
        ],
        vague=["设计审美较好,创意不错。", "软件操作熟练度有待提高。"],
        strong=["618主视觉在3天内完成3轮修改并按时上线,抗压能力强。"],
        strong_v=["有想法,肯钻研。"],
        weak=["提案时对设计思路的表达不够完整,5月有1次提案被要求重讲。"],
        weak_v=["沟通表达能力一般。"],
        kpi=["按期交付率100%,一次通过率67%。"],
        kpi_v=["设计产出还算可以。"],
        plan=[
            ("转正后三个月内独立完成1套品牌VI延展设计并通过评审", False, False),
            ("下次考核前方案一次通过率达到80%", False, False),
            ("每月提交1份竞品设计分析", False, True),
            ("年底前熟悉C4D建模", True, False),
            ("提升提案表达能力", True, True),
        ],
        tab=[
            (("未按品牌规范用色", "出图前按品牌规范自检清单逐项核对,退回次数为0", "2024年8月31日", "本人"), False, False),
            (("提案表达不完整", "每次提案都附书面提案说明,并在组内预讲1次", "2024年9月起", "本人/组长"), False, True),
            (("三维软件不熟", "学习三维设计软件", "逐步", "本人"), True, True),
        ],
        res=["部门报销C4D线上课程费用。", "设计总监每月做1次作品点评。"],
        career=["希望两年内成长为资深视觉设计师。"],
        fb=["认可评价,希望需求方提前给出完整的文案。"],
        selfsum=["试用期内完成了包装、海报和电商详情页设计,熟悉了品牌规范,提案表达还要多练习。",
                 "三个月里交付了6套包装设计和618活动的全部主图,出图速度提升明显,配色规范意识需要加强。"],
        prev=["入职时约定的品牌规范学习已完成。"],
        goal=["独立负责1个品牌的全年视觉", "方案一次通过率80%"],
    ),
    "power": dict(
        dept=["运维检修部", "变电运维班"], pos=["变电运维员", "配电检修工"], idp="DL",
        loc=["运维班会议室", "公司3楼会议室"],
        sup=[
            "试用期内参与110kV变电站倒闸操作28次,均无差错。",
            "6月配合完成2号主变例行试验,独立完成二次回路接线检查。",
            "有1次巡视记录未按规定填写设备缺陷编号。",
            "安规考试成绩92分,位列同批新员工第2。",
        ],
        vague=["工作认真,安全意识较强。", "专业技能有待提高。"],
        strong=["7月巡视中发现10kV开关柜局部放电异常并及时上报,避免了一次跳闸,责任心强。"],
        strong_v=["肯吃苦,学习主动。"],
        weak=["继电保护原理掌握不牢,6月模拟事故处理考核得分68分。"],
        weak_v=["现场经验不足。"],
        kpi=["倒闸操作28次零差错,巡视完成率100%。"],
        kpi_v=["各项工作完成情况良好。"],
        plan=[
            ("转正后六个月内取得高压电工作业证", False, False),
            ("年底前模拟事故处理考核达到80分以上", False, False),
            ("每周跟班参加1次倒闸操作", False, True),
            ("年底前熟悉继电保护装置原理", True, False),
            ("加强现场安全意识", True, True),
        ],
        tab=[
            (("巡视记录不规范", "按缺陷管理规定填写编号,每月记录抽查合格率100%", "2024年9月30日", "本人/班长"), False, False),
            (("继电保护知识薄弱", "参加专项培训并通过考试", "2024年12月31日", "导师"), False, False),
            (("现场经验少", "多跟班学习", "长期", "本人"), True, True),
        ],
        res=["公司安排高压电工取证培训。", "导师每周带教1次现场操作。"],
        career=["希望三年内成长为变电站值班长。"],
        fb=["认可评价,希望增加实操培训的机会。"],
        selfsum=["试用期内通过了安规考试,参与倒闸操作28次,继电保护原理还需要系统学习。",
                 "三个月来跟班完成了巡视、倒闸和例行试验配合,对现场设备已经熟悉,理论知识是短板。"],
        prev=["入职时约定的安规培训已完成。"],
        goal=["取得高压电工作业证", "独立完成倒闸操作"],
    ),
}

# the employee's own account of a regular (non-probation) period -> employee_feedback (员工自评)
SELFREV = {
    "tech": ["本季度按期交付了负责的需求,重构项目收获很大,自测做得不够,下季度会补齐自测清单。"],
    "sales": ["本季度销售额超额完成,回款跟进不够及时,下季度会每周核对账龄。"],
    "nurse": ["本季度没有发生差错,抢救配合有进步,静脉穿刺还需要多练。"],
    "teach": ["本学期成绩达到预期,公开课准备充分,作业批改时效需要改进。"],
    "mfg": ["本季度良品率达标,模具抢修积累了经验,交接班记录要再细致一些。"],
    "fin": ["月结都按时完成了,报表出过两次错,以后会加一道复核。"],
    "retail": ["国庆活动销售超出预期,库存盘点差异偏大,下月起增加抽盘。"],
    "logi": ["旺季发货量大但没有爆仓,冷链记录的问题是我的疏忽,已整改。"],
    "hotel": ["本季度好评数比上季度多,英语沟通还是短板,已报名口语课。"],
    "cs": ["接待量达标,首次解决率没达到目标,主要是新业务不熟。"],
    "design": ["本期出图量和按期率都达标,配色规范还要更严格。"],
    "power": ["本期倒闸操作零差错,继电保护理论仍需系统学习。"],
}

CONSENSUS = [
    ("双方对本期评价结果和改进计划达成一致,无分歧。", "无"),
    ("双方对考核结果和改进措施均无异议。", "无"),
    ("双方确认本期评价,同意按改进计划执行,下次面谈回顾落实情况。",
     "员工认为本期目标值偏高,希望下期参考历史数据制定;上级同意在制定下期目标时再议。"),
    ("双方同意下期以质量提升为重点。",
     "员工对绩效等级有不同意见,认为应上调一级;上级说明了评定依据,员工保留意见。"),
]

SURN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严武戴莫孔汤"
GIVEN = ["晓峰", "丽娟", "志明", "海波", "雅婷", "建国", "俊杰", "慧敏", "文静", "子轩", "梓涵", "宏伟", "玉兰", "春燕",
         "永强", "秀兰", "金凤", "天宇", "思琪", "国栋", "美玲", "浩宇", "若曦", "一帆", "立军", "淑华", "雨萱", "卫东",
         "晓丽", "明辉", "佳琪", "振华", "桂英", "嘉欣", "少华", "建平", "欣然", "泽宇", "红霞", "子豪"]  # fmt: skip


class Names:
    def __init__(self, rng):
        self.rng, self.used = rng, set()

    def __call__(self):
        while True:
            n = self.rng.choice(SURN) + self.rng.choice(GIVEN)
            if n not in self.used:
                self.used.add(n)
                return n


# ---------------------------------------------------------------- record factory
MARKS = {None: "", "num": "{i}. ", "cn": "{i}、", "paren": "({i})", "circ": "{c}"}
CIRC = "①②③④⑤⑥"


def set_points(r, k, pts, mark=None):
    def m(i):
        return MARKS[mark].format(i=i, c=CIRC[i - 1]) if mark and len(pts) > 1 else ""

    r.set(k, [m(i) + t for i, (t, _) in enumerate(pts, 1)], [lab for _, lab in pts])


def pick_labelled(rng, pool, mode, n, labels_of):
    """n items: one carrying the wanted labels (unless 'clean'), the rest clean."""
    want = {"clean": None, "nq": (True, False), "nd": (False, True), "both": (True, True)}[mode]
    clean = [x for x in pool if labels_of(x) == (False, False)]
    first = [rng.choice([x for x in pool if labels_of(x) == want])] if want else []
    items = first + rng.sample(clean, min(n - len(first), len(clean)))
    rng.shuffle(items)
    return items


NEG = ("低于", "未", "退回", "超出", "逾期", "缺失", "错误", "超过", "不足")


def neg_points(F):
    """Concrete shortfalls (for PIP forms: 绩效不佳表现 / objectives not achieved)."""
    return F["weak"] + [s for s in F["sup"] if any(w in s for w in NEG)
                         and not any(x in s for x in ("能力强", "未影响", "未出现"))]


def make(rng, names, fam, *, day, hour=None, minutes=None, it_fmt="cn", rd="same", rd_fmt="cn",
         n_sum=2, vague=False, plan="clean", n_plan=3, plan_mark="num", plan_table=False,
         extras=(), ev=None, mark=None, confirm=True, conf="name", cons=None, ph=None,
         period=None, grade=None, itype=None, summary="sup", pos=None):  # fmt: skip
    """One filled record of job family `fam`; layouts pick what they show.

    it_fmt: text form of interview_time ("cn", "iso", "cn_range", ...);  rd: "same" (record
    the same day), "next" (next morning, before the interview's time of day), "late" (2-5
    days later).  extras: strengths / weaknesses / kpi_result / employee_feedback /
    career_development / previous_review;  ev: {key: True} puts one vague point into that key.
    """
    F = FAM[fam]
    r = Rec()
    r.fam = fam
    emp, mgr = names(), names()
    for k, val in [("employee_name", emp), ("manager_name", mgr), ("employee_id", f"{F['idp']}{rng.randint(10000, 99999)}"),
                   ("department", rng.choice(F["dept"])), ("position", pos or rng.choice(F["pos"])),
                   ("location", rng.choice(F["loc"])), ("period", period or "2024年第三季度"),
                   ("grade", grade or rng.choice(["A", "B+", "B", "C"])), ("interview_type", itype or "季度面谈")]:  # fmt: skip
        r.set(k, [val])
    h = hour if hour is not None else rng.choice([9, 10, 14, 15])
    mins = minutes or rng.choice([30, 45, 60])
    s = dt.datetime(day.year, day.month, day.day, h, rng.choice([0, 30]))
    e = s + dt.timedelta(minutes=mins)
    r.it = (s, e, it_fmt not in ("iso", "cn", "dot", "slash"))
    r.set("interview_time", [fmt_dt(s, it_fmt, e)])
    r.set("duration", [f"{mins}分钟"])
    if rd == "late":
        rdt = s.replace(hour=rng.choice([9, 11, 16]), minute=0) + dt.timedelta(days=rng.choice([2, 3, 5]))
    elif rd == "next":
        rdt = (s + dt.timedelta(days=1)).replace(hour=8, minute=30)
    else:
        rdt = e + dt.timedelta(minutes=30)
    r.rd = (rdt, rd_fmt in ("iso_t", "cn_t"))
    r.set("record_date", [fmt_dt(rdt, rd_fmt)])
    r.sig_date = fmt_dt(rdt, "iso") if rd_fmt.startswith("iso") else fmt_dt(rdt, "cn")
    # summary
    src = F["sup"] if summary == "sup" else neg_points(F)
    pts = [(t, False) for t in rng.sample(src, n_sum - (1 if vague else 0))]
    if vague:
        pts.append((rng.choice((F["vague"] + VAGUE_COMMON) if summary == "sup" else F["weak_v"]), True))
    rng.shuffle(pts)
    set_points(r, "performance_summary", pts, mark)
    ev = ev or {}
    for k in extras:
        if k in ("strengths", "weaknesses", "kpi_result"):
            good, bad = {"strengths": ("strong", "strong_v"), "weaknesses": ("weak", "weak_v"),
                         "kpi_result": ("kpi", "kpi_v")}[k]  # fmt: skip
            p = [(rng.choice(F[good]), False)] + ([(rng.choice(F[bad]), True)] if ev.get(k) else [])
            set_points(r, k, p, mark)
        else:
            src = {"employee_feedback": "fb", "career_development": "career", "previous_review": "prev"}[k]
            r.set(k, [rng.choice(F[src])])
    r.set("selfsum", [rng.choice(F["selfsum"])])
    r.set("selfrev", [rng.choice(SELFREV[fam])])
    r.set("goal", F["goal"])
    # plan
    if plan_table:
        items = pick_labelled(rng, F["tab"], plan, n_plan, lambda x: (x[1], x[2]))
        r.plan_items = [row for row, _, _ in items]
        r.set("improvement_plan", [" ".join(row) for row in r.plan_items], [(a, b) for _, a, b in items])
    else:
        items = pick_labelled(rng, F["plan"], plan, n_plan, lambda x: (x[1], x[2]))
        set_points(r, "improvement_plan", [(t, (a, b)) for t, a, b in items], plan_mark)
    r.set("resource_support", [rng.choice(F["res"])])
    c, d = cons if cons is not None else rng.choice(CONSENSUS)
    r.set("consensus", [c])
    r.set("disagreements", [d])
    r.emp, r.mgr = emp, mgr
    cv = {"name": emp, "name_date": f"{emp} {r.sig_date}", "tick": f"{TICK}本人已阅读并确认以上内容"}[conf]
    if confirm:
        r.set("employee_confirmation", [cv])
    else:
        r.placeholder("employee_confirmation", "" if conf != "tick" else f"{UNTICK}本人已阅读并确认以上内容")
    r.set("manager_signature", [mgr])
    for k, val in (ph or {}).items():
        r.placeholder(k, val)
    return r


def prior_months(day, n=6):
    """(start, end) of the n whole months before the month of `day`."""
    end = dt.date(day.year, day.month, 1) - dt.timedelta(days=1)
    m = end.month - n + 1
    y = end.year + (m - 1) // 12
    m = (m - 1) % 12 + 1
    return dt.date(y, m, 1), end


def plan_rows(r, cols):
    """Plan table rows from the record's plan items; cols picks/labels cells:
    'no' (序号), 'p' (问题), 'm' (措施), 't' (时间), 'o' (责任人).  Every row keeps p, m and t
    so the labels of an item do not depend on the layout."""
    assert {"m", "t"} <= set(cols)
    rows = []
    for i, (p, m, t, o) in enumerate(r.plan_items, 1):
        rows.append([{"no": str(i), "p": p, "m": m, "t": t, "o": o}[c] for c in cols])
    r.plan_rows = rows
    return rows


# ---------------------------------------------------------------- docx helpers
def new_doc(font="宋体", size=10.5):
    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(size)
    st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return d


def title(container, text, size=15, bold=True):
    p = container.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def para(container, text, bold=False, size=None, align=None):
    p = container.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "r":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return p


def fill(cell, paras, bold=False, size=None):
    paras = paras if isinstance(paras, list) else str(paras).split("\n")
    for i, t in enumerate(paras):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = p.add_run(t)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    return cell


def lab(cell, text):
    """A label cell; a list gives one paragraph per line (bilingual labels)."""
    return fill(cell, text if isinstance(text, list) else [text], bold=True)


def table(container, rows, cols, widths=None):
    t = container.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    return t


def span(t, r0, c0, r1=None, c1=None):
    """Merge the block (r0,c0)-(r1,c1) and return the merged cell (fill after merging)."""
    r1 = r0 if r1 is None else r1
    c1 = c0 if c1 is None else c1
    a = t.cell(r0, c0)
    return a if (r0, c0) == (r1, c1) else a.merge(t.cell(r1, c1))


def grid_row(t, i, pairs):
    """pairs: [(label, value_text), ...] placed label,value,label,value… on row i."""
    for j, (l, v) in enumerate(pairs):
        lab(t.cell(i, 2 * j), l)
        fill(t.cell(i, 2 * j + 1), v)


def plan_table_in(container, header, rows):
    t = table(container, 1 + len(rows), len(header))
    for c, h in zip(t.rows[0].cells, header, strict=True):
        lab(c, h)
    for i, row in enumerate(rows, 1):
        for c, txt in zip(t.rows[i].cells, row, strict=True):
            fill(c, txt)
    return t


def checks(options, chosen):
    """Checkbox text: '☑A □B □C' (chosen may be None: nothing ticked)."""
    return " ".join((TICK if o == chosen else UNTICK) + o for o in options)


# ================================================================ layouts
# Each layout: fn(doc, r, rng, names) fills the document and records in r.shown the keys
# whose label is in the document.  LAYOUTS[...] holds the source and the decisions.

MATRIX_DIMS = [("工作质量", "20%"), ("工作效率", "20%"), ("工作态度", "15%"), ("团队合作", "10%"), ("学习能力", "5%")]
MATRIX_TEXT = {
    "工作质量": ["返工率较上期下降", "差错次数2次", "质量稳定"],
    "工作效率": ["任务按期完成率95%", "高峰期响应及时", "交付周期缩短"],
    "工作态度": ["出勤全勤", "主动承担临时任务", "服从工作安排"],
    "团队合作": ["参与跨部门项目1个", "带教新人1名", "协作顺畅"],
    "学习能力": ["完成2门线上课程", "掌握新系统操作", "参加专业培训1次"],
}


def l01_qbg6_1017(d, r, rng, names):
    """绩效考核面谈表: 6-col basic row, question rows each followed by a full-width answer row."""
    title(d, "绩效考核面谈表")
    qs = [("工作成功的方面", "strengths"), ("工作中需要改善的地方", "weaknesses"),
          ("是否需要接受一定的培训", None), ("本人认为自己的工作在本部门和全公司中处于什么状况", None),
          ("本人认为本部门工作最好、最差的是谁?全公司呢?", None), ("对考核有什么意见", "employee_feedback"),
          ("希望从公司得到怎样的帮助", "resource_support"), ("下一步的工作和绩效的改进方向", "improvement_plan")]  # fmt: skip
    t = table(d, 2 + 2 * len(qs) + 2, 6)
    grid_row(t, 0, [("部门", r.text("department")), ("职位", r.text("position")), ("姓名", r.text("employee_name"))])
    lab(t.cell(1, 0), "考核日期")
    kdate = r.it[0] - dt.timedelta(days=rng.choice([3, 4, 5]))
    fill(span(t, 1, 1, 1, 5), fmt_dt(kdate, "cn"))
    other = {
        "是否需要接受一定的培训": checks(["是", "否"], rng.choice(["是", "否"])),
        "本人认为自己的工作在本部门和全公司中处于什么状况": rng.choice(["在本部门处于中上水平,在全公司属于中等。", "本部门中等偏上。"]),
        "本人认为本部门工作最好、最差的是谁?全公司呢?": rng.choice(["不便评价。", "本部门最好的是组长,其他不了解。"]),
    }
    for i, (q, k) in enumerate(qs):
        lab(span(t, 2 + 2 * i, 0, 2 + 2 * i, 5), q)
        fill(span(t, 3 + 2 * i, 0, 3 + 2 * i, 5), r.paras(k) if k else other[q])
        r.show(k)
    n = 2 + 2 * len(qs)
    lab(t.cell(n, 0), "面谈人签名")
    fill(span(t, n, 1, n, 2), r.text("manager_signature"))
    lab(t.cell(n, 3), "日期")
    fill(span(t, n, 4, n, 5), r.text("interview_time"))
    lab(t.cell(n + 1, 0), "备注")
    fill(span(t, n + 1, 1, n + 1, 5), rng.choice(["无", "面谈记录交行政人事部备案。"]))
    para(d, "说明:本表由上级主管在考核结束后一周内安排面谈时填写,面谈后交行政人事部备案。", size=9)
    r.show("department", "position", "employee_name", "manager_signature", "interview_time")


def l02_fudaoke_2314282(d, r, rng, names):
    """一线员工绩效面谈表: numbered section titles, header-row tables, rating matrix, plan table,
    label row over value row for signatures."""
    title(d, "一线员工绩效面谈表")
    para(d, "一、员工基本信息", bold=True)
    t = table(d, 5, 2)
    lab(t.cell(0, 0), "项目")
    lab(t.cell(0, 1), "填写内容")
    rows = [("姓名", r.text("employee_name")), ("职位", r.text("position")),
            ("入职时间", f"{rng.choice([2019, 2020, 2021, 2022])}年{rng.randint(1, 12)}月"), ("部门", r.text("department"))]
    for i, (l, v) in enumerate(rows, 1):
        fill(t.cell(i, 0), l)
        fill(t.cell(i, 1), v)
    para(d, "二、工作目标与任务(SMART原则)", bold=True)
    goals = r.v["goal"]
    t = table(d, 1 + len(goals), 5)
    for c, h in zip(t.rows[0].cells, ["考核指标", "具体目标", "权重(%)", "完成标准", "完成时间"], strict=True):
        lab(c, h)
    for i, g in enumerate(goals, 1):
        for c, v in zip(t.rows[i].cells, [["业绩目标", "重点任务", "能力提升"][i - 1], g, rng.choice(["30%", "20%", "25%"]), "达成或超额完成目标值",
                                          rng.choice(["2025年6月", "2025年底", "每季度"])], strict=True):  # fmt: skip
            fill(c, v)
    para(d, "三、工作表现评价", bold=True)
    t = table(d, 1 + len(MATRIX_DIMS), 4)
    for c, h in zip(t.rows[0].cells, ["评价维度", "具体表现", "评分标准", "备注"], strict=True):
        lab(c, h)
    for i, (dim, w) in enumerate(MATRIX_DIMS, 1):
        for c, v in zip(t.rows[i].cells, [dim, rng.choice(MATRIX_TEXT[dim]), w, ""], strict=True):
            fill(c, v)
    para(d, "四、存在问题与改进方向", bold=True)
    plan_table_in(d, ["存在问题", "改进措施", "预期完成时间", "责任人"], plan_rows(r, ["p", "m", "t", "o"]))
    para(d, "五、绩效反馈与沟通", bold=True)
    t = table(d, 4, 2)
    r.set("employee_feedback", r.v["selfrev"])
    for i, (l, v) in enumerate([("上级评价", r.paras("performance_summary")), ("员工自评", r.paras("employee_feedback")),
                                ("目标设定", ";".join(r.v["goal"]) + "。"),
                                ("行动计划", "按第四部分所列改进措施执行,上级每两周跟进一次进度。")]):  # fmt: skip
        lab(t.cell(i, 0), l)
        fill(t.cell(i, 1), v)
    para(d, "六、签字确认", bold=True)
    t = table(d, 2, 3)
    for c, h in zip(t.rows[0].cells, ["员工签名", "上级签名", "日期"], strict=True):
        lab(c, h)
    for c, k in zip(t.rows[1].cells, ["employee_confirmation", "manager_signature", "record_date"], strict=True):
        fill(c, r.text(k))
    r.show("employee_name", "position", "department", "improvement_plan", "performance_summary", "employee_feedback",
           "employee_confirmation", "manager_signature", "record_date")  # fmt: skip


def l03_renrendoc_pip(d, r, rng, names):
    """Bilingual PIP: two-line label cells (English line + Chinese line), PART I / PART II,
    competency rating table, plan table, signature rows with name and date in one value."""
    title(d, "Performance Improvement Plan")
    title(d, "绩效改进计划", size=14)
    for en, cn in [("This is a confidential document.", "本文件为保密文件。"),
                   ("Employee and manager both sign this plan; progress is reviewed on the dates agreed below.",
                    "本计划须由员工本人及其经理签字,并在约定的时间节点回顾进度。"),
                   ("Keep all related records (meeting notes, changes) for at least 2 years.", "所有相关记录(会议记录、变更等)至少保存2年。")]:  # fmt: skip
        para(d, f"{en} {cn}", size=9)
    t = table(d, 3, 4)
    sup_pos = rng.choice(["部门经理", "主管", "组长"])
    start = r.it[0]
    for i, pairs in enumerate([[(["Employee name:", "员工姓名:"], r.text("employee_name")), (["Position title:", "职位:"], r.text("position"))],
                               [(["Department:", "部门:"], r.text("department")), (["Supervisor name:", "主管姓名:"], r.text("manager_name"))],
                               [(["Position title:", "主管职位:"], sup_pos), (["Start date of Plan:", "计划开始时间:"], fmt_dt(start, "iso"))]]):  # fmt: skip
        grid_row(t, i, pairs)
    para(d, "PART I 第一部分", bold=True)
    para(d, "(To be completed prior to the discussion with the employee)(与员工讨论前完成)")
    para(d, "a) Attach the employee's job description. 附员工岗位职责。")
    para(d, "b) Attach the latest annual / quarterly review form. 附最近一次年度/季度考核表。")
    para(d, "List objectives that have not been achieved: 列出尚未达成的目标:", bold=True)
    for p in r.paras("performance_summary"):
        para(d, p)
    para(d, "List competency & skill gaps, with a rating and its rationale: 列出需改进的能力或绩效表现,并给出评分及理由:", bold=True)
    comps = rng.sample(["Communication 沟通", "Planning 计划性", "Quality of work 工作质量", "Job knowledge 专业知识", "Teamwork 团队协作"], 3)
    t = table(d, 1 + len(comps), 3)
    for c, h in zip(t.rows[0].cells, [["Core Competency", "核心能力/绩效"], ["Rating (1-5, 5 being highest)", "评分(1-5,5为最高)"],
                                      ["Rationale for rating", "评分理由"]], strict=True):  # fmt: skip
        lab(c, h)
    for i, cp in enumerate(comps, 1):
        for c, v in zip(t.rows[i].cells, [cp, str(rng.choice([2, 2, 3])), rng.choice(["多次需要上级提醒才跟进", "与标准有差距,见上述未达成目标", "本期出现返工"])], strict=True):  # fmt: skip
            fill(c, v)
    para(d, "PART II 第二部分", bold=True)
    para(d, "(To be completed and agreed with the employee)(与员工共同完成并确认)")
    plan_table_in(d, [["Improvement Goal", "改进目标"], ["Action Steps", "行动措施"], ["Target Date", "完成日期"], ["Owner", "负责人"]],
                  plan_rows(r, ["p", "m", "t", "o"]))  # fmt: skip
    r.over["manager_signature"] = f"{r.text('manager_name')} {r.sig_date}"
    t = table(d, 5, 2)
    rows = [(["Support / resources provided:", "提供的支持/资源:"], r.text("resource_support")),
            (["Review meetings:", "跟进会议:"], rng.choice(["每两周一次,周五下午", "每月第一周周一"])),
            (["Employee comments:", "员工意见:"], r.text("employee_feedback")),
            (["Employee signature / Date:", "员工签名/日期:"], r.text("employee_confirmation")),
            (["Manager signature / Date:", "经理签名/日期:"], r.text("manager_signature"))]  # fmt: skip
    for i, (l, v) in enumerate(rows):
        lab(t.cell(i, 0), l)
        fill(t.cell(i, 1), v)
    r.show("employee_name", "position", "department", "manager_name", "performance_summary", "improvement_plan",
           "resource_support", "employee_feedback", "employee_confirmation", "manager_signature")  # fmt: skip


def l04_bdocx_pip(d, r, rng, names):
    """个人绩效改进计划书: label-colon grid, compound label 部门/车间, description cell whose first
    paragraph is the label, sub-label rows under a vertically merged label, nested plan table,
    unticked outcome checkboxes."""
    title(d, "个人绩效改进计划书")
    para(d, "说明:第一、二部分由员工与部门经理共同填写并签字确认;第三部分由部门经理在计划期结束后填写。本计划书一式两份,部门与人力资源部各存一份。", size=9)
    para(d, "第一部分  员工信息", bold=True)
    dept_mgr = names()
    r.over["manager_signature"] = dept_mgr
    rank_total = rng.randint(18, 40)
    r.set("kpi_result", [f"第{rank_total - rng.randint(0, 2)}名/共{rank_total}人"], [False])
    r.set("grade", [rng.choice(["C", "D", "待改进"])])
    r.set("period", ["2023年10月1日-2024年9月30日"])
    t = table(d, 5, 4)
    grid_row(t, 0, [("员工姓名:", r.text("employee_name")), ("部门/车间:", r.text("department"))])
    grid_row(t, 1, [("班组:", rng.choice(["甲班", "乙班", "一组", "二组"])), ("入职时间:", f"{rng.choice([2020, 2021, 2022])}年{rng.randint(1, 12)}月")])
    grid_row(t, 2, [("年终绩效排名:", r.text("kpi_result")), ("年终绩效等级:", r.text("grade"))])
    grid_row(t, 3, [("直接主管:", r.text("manager_name")), ("部门经理:", dept_mgr)])
    lab(t.cell(4, 0), "评估间期:")
    fill(span(t, 4, 1, 4, 3), r.text("period"))
    subs = ["专业技术:", "个人兴趣:", "工作回报:", "教育培训:", "内部沟通:", "工作价值:", "其他:"]
    sub_vals = {"专业技术:": "岗位技能掌握不全面。", "教育培训:": "入职后系统培训较少。", "内部沟通:": "遇到问题较少主动请示。"}
    t = table(d, 2 + len(subs), 4)
    c = span(t, 0, 0, 0, 3)
    lab(c, "绩效不佳表现描述(业绩不佳的具体说明):")
    for p in r.paras("performance_summary"):
        c.add_paragraph(p)
    lab(span(t, 1, 0, len(subs), 0), ["绩效不佳原因分析", "(根据绩效不佳原因,进行详细的阐述和说明)"])
    for i, s in enumerate(subs, 1):
        fill(t.cell(i, 1), s)
        fill(span(t, i, 2, i, 3), sub_vals.get(s, "/"))
    n = len(subs) + 1
    lab(t.cell(n, 0), "被评估人签字:")
    fill(t.cell(n, 1), r.text("employee_confirmation"))
    lab(t.cell(n, 2), "部门经理签字:")
    fill(t.cell(n, 3), dept_mgr)
    para(d, "第二部分  绩效改进计划", bold=True)
    t = table(d, 2, 4)
    s0 = r.it[0]
    grid_row(t, 0, [("绩效改进计划开始时间:", fmt_dt(s0, "cn")), ("绩效改进计划结束时间:", fmt_dt(s0 + dt.timedelta(days=91), "cn"))])
    c = span(t, 1, 0, 1, 3)
    fill(c, ["(提醒:绩效改进计划时间间期为3个月)", "列明预期需要达到的结果与具体时限,员工须在时限内达成其承诺的结果。"])
    inner = c.add_table(rows=1, cols=4)
    inner.style = "Table Grid"
    rows = plan_rows(r, ["no", "p", "m", "t"])
    for cc, h in zip(inner.rows[0].cells, ["序号", "改进项目", "预期结果", "具体时限"], strict=True):
        lab(cc, h)
    for row in rows:
        for cc, v in zip(inner.add_row().cells, row, strict=True):
            fill(cc, v)
    c.add_paragraph("")
    para(d, "第三部分  最终结果评价", bold=True)
    t = table(d, 4, 4)
    c = span(t, 0, 0, 0, 3)
    fill(c, ["部门经理关于绩效改进计划最终结果的评价:", UNTICK + "员工已经达到了改进计划的要求", UNTICK + "员工没有达到改进计划的要求,留岗查看"])
    c = span(t, 1, 0, 1, 3)
    fill(c, ["不合格者建议采取以下措施:", UNTICK + "a 部门内部调岗", UNTICK + "b 根据公司岗位空缺进行内部应聘", UNTICK + "c 降级、降薪",
             UNTICK + "d 离职", UNTICK + "e 其他建议"])  # fmt: skip
    grid_row(t, 2, [("评估人签字:", ""), ("日期:", "")])
    grid_row(t, 3, [("审批人签字:", ""), ("总经理:", "")])
    r.show("employee_name", "department", "kpi_result", "grade", "manager_name", "period", "performance_summary",
           "employee_confirmation", "manager_signature", "improvement_plan")  # fmt: skip


def l05_qbg6_1137(d, r, rng, names):
    """人员试用期鉴定表: dense 6-col grid, checkbox list in one cell, opinion block with
    签字:/日期: sub-label cells under the opinion."""
    title(d, "人员试用期鉴定表")
    t = table(d, 10, 6)
    grid_row(t, 0, [("姓名", r.text("employee_name")), ("性别", rng.choice(["男", "女"])), ("年龄", str(rng.randint(22, 35)))])
    grid_row(t, 1, [("籍贯", rng.choice(["湖南长沙", "山东潍坊", "四川绵阳", "江西赣州"])), ("学历", rng.choice(["本科", "大专", "硕士"])),
                    ("经历", rng.choice(["3年同岗位工作经历", "应届毕业", "5年相关行业经历"]))])  # fmt: skip
    grid_row(t, 2, [("试用部门", r.text("department")), ("职务", r.text("position")), ("薪酬", f"{rng.randint(45, 90) * 100}元/月")])
    lab(t.cell(3, 0), "津贴")
    fill(t.cell(3, 1), rng.choice(["交通补贴300元/月", "餐补20元/天", "无"]))
    lab(t.cell(3, 2), "试用期")
    s = r.it[0] - dt.timedelta(days=90)
    r.set("period", [f"{fmt_dt(s, 'cn')}至{fmt_dt(r.it[0], 'cn')}"])
    fill(span(t, 3, 3, 3, 5), r.text("period"))
    opts = ["试用期满意,请照原工资办理聘用手续", "试用期成绩优良,请以调整后工资办理录用手续", "需继续试用", "试用不合格,请另行安排", "附鉴定报告一份"]
    chosen = r.result
    r.over["grade"] = "\n".join((TICK if o == chosen else UNTICK) + o for o in opts)
    lab(t.cell(4, 0), "试用结果")
    fill(span(t, 4, 1, 4, 5), r.paras("grade"))
    lab(t.cell(5, 0), "试用部门考核人")
    fill(span(t, 5, 1, 5, 5), r.text("manager_name"))
    lab(span(t, 6, 0, 7, 0), "主管意见")
    fill(span(t, 6, 1, 6, 5), r.paras("performance_summary"))
    boss = names()
    r.over["manager_signature"] = boss
    fill(t.cell(7, 1), "签字:")
    fill(span(t, 7, 2, 7, 3), boss)
    fill(t.cell(7, 4), "日期:")
    fill(t.cell(7, 5), r.text("record_date"))
    lab(t.cell(8, 0), "人力资源部意见")
    fill(span(t, 8, 1, 8, 5), "同意,请办理录用手续。" if "满意" in chosen or "优良" in chosen else "同意按鉴定结果办理。")
    lab(t.cell(9, 0), "批示")
    fill(span(t, 9, 1, 9, 5), rng.choice(["同意。", "同意人力资源部意见。"]))
    r.show("employee_name", "department", "position", "period", "grade", "manager_name", "performance_summary",
           "manager_signature", "record_date")  # fmt: skip


DESIGN_ITEMS = [
    ("设计工作", "按时完成上级交代的设计任务,设计质量得到领导或客户认可;出现导致公司损失的严重错误计0分。(总计20分)"),
    ("工作态度", "配合其他部门工作,思路清晰,细心负责,有团队合作精神。(总计20分)"),
    ("学习能力", "主动学习,及时掌握相关设计软件并在工作中有效使用。(总计20分)"),
    ("执行力", "对上级临时交代的工作积极配合完成,不推诿、不拖延。(总计20分)"),
    ("日常办公行为规范", "符合《员工手册》要求,否则视情节轻重酌情扣分。(总计20分)"),
]


def l06_360docs_1817159510(d, r, rng, names):
    """试用期转正考核表(设计部): row of labels over a row of values, scoring matrix, merged summary
    cells, and a footer line holding several 标签:值 pairs separated by spaces."""
    title(d, "试用期转正考核表(设计部)")
    para(d, "(主管级70分为及格,助理级60分为及格,不合格者视为试用期不合格)", size=9, align="c")
    t = table(d, 12, 4)
    for c, h in zip(t.rows[0].cells, ["部门", "被考核人姓名", "考核人姓名", "转正日期"], strict=True):
        lab(c, h)
    for c, v in zip(t.rows[1].cells, [r.text("department"), r.text("employee_name"), r.text("manager_name"),
                                      fmt_dt(r.it[0] + dt.timedelta(days=rng.choice([1, 3])), "cn")], strict=True):  # fmt: skip
        fill(c, v)
    for c, h in zip(t.rows[2].cells, ["考核内容", "衡量标准", "分值", "考核人评价"], strict=True):
        lab(c, h)
    total = 0
    for i, (item, std) in enumerate(DESIGN_ITEMS, 3):
        sc = rng.choice([20, 16, 16, 12])
        total += sc
        for c, v in zip(t.rows[i].cells, [item, std, "20 16 12 8 4", str(sc)], strict=True):
            fill(c, v)
    lab(t.cell(8, 0), "总分")
    fill(span(t, 8, 1, 8, 2), "100")
    fill(t.cell(8, 3), str(total))
    lab(t.cell(9, 0), "试用期间工作总结")
    r.set("employee_feedback", r.v["selfsum"])
    fill(span(t, 9, 1, 9, 3), r.paras("employee_feedback"))
    lab(t.cell(10, 0), "部门评分")
    fill(span(t, 10, 1, 10, 3), str(total))
    lab(t.cell(11, 0), "部门负责人意见")
    fill(span(t, 11, 1, 11, 3), r.paras("performance_summary"))
    r.over["grade"] = "合格,同意按期转正" if total >= 70 else "不合格,建议延长试用期"
    r.over["manager_signature"] = r.text("manager_name")
    para(d, f"考核结果:{r.text('grade')}      考核人:{r.text('manager_signature')}      日期:{r.text('record_date')}")
    r.show("department", "employee_name", "manager_name", "employee_feedback", "performance_summary", "grade",
           "manager_signature", "record_date")  # fmt: skip


def l07_doczj_3c16572225(d, r, rng, names):
    """试用期评估表-管理/技术研发类: 6-col grid, 评估要求 instruction row with ➢ bullets, goal-setting
    part signed at the start, evaluation tables, checkbox result, final signature row."""
    title(d, "试用期评估表-管理/技术研发类")
    t = table(d, 20, 6)
    s = r.it[0] - dt.timedelta(days=89)
    grid_row(t, 0, [("员工姓名", r.text("employee_name")), ("公司", rng.choice(["总部", "上海分公司", "深圳分公司"])), ("部门", r.text("department"))])
    grid_row(t, 1, [("职位", r.text("position")), ("直接经理", r.text("manager_name")), ("入职日期", fmt_dt(s, "iso"))])
    grid_row(t, 2, [("试用期起始日", fmt_dt(s, "iso")), ("试用期满日", fmt_dt(r.it[0], "iso"))])
    span(t, 2, 3, 2, 5)
    fill(span(t, 3, 0, 3, 5), ["评估要求:",
                               "➢ 试用期评估包括工作目标实现评估和个人工作表现评估两部分。",
                               "➢ 工作目标实现评估:5=一贯超出期望;4=完全达到且部分超出期望;3=完全达到期望;2=部分符合要求,需改进;1=大部分不符合要求。",
                               "➢ 工作目标实现占总评估的60%,个人工作表现占40%;总评估分值低于3分视为未通过试用期。"])  # fmt: skip
    lab(span(t, 4, 0, 4, 5), "试用期起始前填写确认:")
    lab(t.cell(5, 0), ["主要岗位职责描述:", "(可附件)"])
    fill(span(t, 5, 1, 5, 5), rng.choice(["负责所属模块的需求分析、开发与维护,参与代码评审。", "负责测试用例设计与执行,跟踪缺陷闭环。"]))
    lab(t.cell(6, 0), ["试用期内工作目标设定:", "(可附件)"])
    goals = r.v["goal"]
    fill(span(t, 6, 1, 6, 5), [f"{i}. {g}" for i, g in enumerate(goals, 1)])
    lab(t.cell(7, 0), "直接经理/主管")
    fill(span(t, 7, 1, 7, 2), r.text("manager_name"))
    lab(t.cell(7, 3), "员工本人")
    fill(span(t, 7, 4, 7, 5), r.text("employee_name"))
    lab(span(t, 8, 0, 8, 5), "试用期满评估")
    lab(span(t, 9, 0, 9, 1), "工作目标")
    lab(span(t, 9, 2, 9, 4), "完成情况")
    lab(t.cell(9, 5), "评分(1-5)")
    for i, g in enumerate(goals[:2]):
        fill(span(t, 10 + i, 0, 10 + i, 1), g)
        fill(span(t, 10 + i, 2, 10 + i, 4), rng.choice(["已完成", "完成约80%,剩余部分延至下月", "基本完成"]))
        fill(t.cell(10 + i, 5), str(rng.choice([3, 4, 4])))
    lab(span(t, 12, 0, 12, 4), "个人工作表现评估项目")
    lab(t.cell(12, 5), "评分(1-5)")
    for i, it in enumerate(["专业知识与技能", "工作主动性"]):
        fill(span(t, 13 + i, 0, 13 + i, 4), it)
        fill(t.cell(13 + i, 5), str(rng.choice([3, 4])))
    lab(t.cell(15, 0), "总评估分值")
    fill(span(t, 15, 1, 15, 5), f"{rng.choice([3.4, 3.6, 3.8])}")
    lab(t.cell(16, 0), "直接经理评语")
    fill(span(t, 16, 1, 16, 5), r.paras("performance_summary"))
    lab(t.cell(17, 0), "员工意见")
    fill(span(t, 17, 1, 17, 5), r.paras("employee_feedback"))
    lab(t.cell(18, 0), "评估结果")
    r.over["grade"] = checks(["通过试用期", "延长试用期", "未通过试用期"], r.result)
    fill(span(t, 18, 1, 18, 5), r.text("grade"))
    grid_row(t, 19, [("直接经理签字", r.text("manager_signature")), ("员工签字", r.text("employee_confirmation")), ("日期", r.text("record_date"))])
    r.show("employee_name", "department", "position", "manager_name", "performance_summary", "employee_feedback", "grade",
           "manager_signature", "employee_confirmation", "record_date")  # fmt: skip


SCORE_ITEMS = [
    ("1、出勤情况", "着重考核试用期内的出勤与请假情况。", ["Ⅰ–全勤", "Ⅱ–有1天以内病事假", "Ⅲ–有病事假或迟到1次", "Ⅳ–既有病事假又迟到", "Ⅴ–假超1天或迟到4次"], "10%", [10, 8, 6, 5, 3]),
    ("2、沟通及理解能力", "着重考核能否理解上级指示,接受新概念及沟通能力。", ["Ⅰ–沟通理解能力强", "Ⅱ–良好", "Ⅲ–尚可", "Ⅳ–一般", "Ⅴ–应加强"], "10%", [10, 8, 6, 5, 3]),
    ("3、完成工作的执行力", "着重考核能否按要求及时、不找借口地完成工作。", ["Ⅰ–执行力强", "Ⅱ–良好", "Ⅲ–尚可", "Ⅳ–一般", "Ⅴ–待强化"], "15%", [15, 12, 9, 7.5, 4.5]),
    ("4、工作任务饱和度和难易度", "着重考核员工能否恰如其分地把工作做好。", ["Ⅰ–工作量饱和难度大", "Ⅱ–饱和难度较大", "Ⅲ–饱和度和难度中等", "Ⅳ–饱和但难度小", "Ⅴ–不饱和,难度小"], "15%", [15, 12, 9, 7.5, 4.5]),
    ("5、工作效率及抗压性", "着重考核能否准时有效完成直接上级指派的工作。", ["Ⅰ–效率高抗压性强", "Ⅱ–良好", "Ⅲ–尚可", "Ⅳ–一般", "Ⅴ–需提高"], "15%", [15, 12, 9, 7.5, 4.5]),
    ("6、责任感", "着重考核能否主动跟进工作事项及承担额外工作。", ["Ⅰ–积极主动,敢于担责", "Ⅱ–良好", "Ⅲ–尚可", "Ⅳ–一般", "Ⅴ–待加强"], "15%", [15, 12, 9, 7.5, 4.5]),
    ("7、团队协作性", "着重考核能否与不同岗位员工合作,共同完成目标。", ["Ⅰ–团队协作,服从分工", "Ⅱ–良好", "Ⅲ–尚可", "Ⅳ–一般", "Ⅴ–应改进"], "20%", [20, 16, 12, 10, 6]),
]  # fmt: skip


def l08_doczj_243800883(d, r, rng, names):
    """员工转正考核表: numbered section titles in Word's Heading 2 style, checkbox result line under its title,
    scoring matrix whose score cells are checkbox lists, heading-plus-paragraph comments,
    one-row signature block."""
    title(d, "员工转正考核表")
    d.add_heading("一、员工资料", level=2)
    t = table(d, 3, 4)
    s = r.it[0] - dt.timedelta(days=91)
    grid_row(t, 0, [("姓名", r.text("employee_name")), ("入职日期", fmt_dt(s, "cn"))])
    grid_row(t, 1, [("部门", r.text("department")), ("职位", r.text("position"))])
    lab(t.cell(2, 0), "考核期间")
    r.set("period", [f"自{fmt_dt(s, 'cn')}至{fmt_dt(r.it[0] - dt.timedelta(days=1), 'cn')}"])
    fill(span(t, 2, 1, 2, 3), r.text("period"))
    d.add_heading("二、考核结果(考核标准请参考背面)", level=2)
    r.over["grade"] = checks(["提前转正", "按期转正", "延长试用期", "不予录用"], r.result)
    para(d, r.text("grade"))
    d.add_heading("三、考核标准", level=2)
    t = table(d, 1 + len(SCORE_ITEMS) + 1, 5)
    for c, h in zip(t.rows[0].cells, ["考核项目", "考核说明", "评分等级", "权重", "评分"], strict=True):
        lab(c, h)
    total = 0
    for i, (item, desc, lv, w, scores) in enumerate(SCORE_ITEMS, 1):
        k = rng.choice([0, 1, 1, 2])
        total += scores[k]
        for c, v in zip(t.rows[i].cells, [item, desc, lv, w, [(TICK if j == k else UNTICK) + str(x) for j, x in enumerate(scores)]], strict=True):  # fmt: skip
            fill(c, v)
    n = len(SCORE_ITEMS) + 1
    lab(t.cell(n, 0), "合计")
    span(t, n, 1, n, 3)
    fill(t.cell(n, 4), f"{total:g}")
    d.add_heading("四、直接上级评语", level=2)
    for p in r.paras("performance_summary"):
        para(d, p)
    d.add_heading("五、员工意见", level=2)
    para(d, r.text("employee_feedback"))
    t = table(d, 1, 6)
    grid_row(t, 0, [("员工签名", r.text("employee_confirmation")), ("直接上级签名", r.text("manager_signature")), ("日期", r.text("record_date"))])
    r.show("employee_name", "department", "position", "period", "grade", "performance_summary", "employee_feedback",
           "employee_confirmation", "manager_signature", "record_date")  # fmt: skip



def label_value_para(container, pairs, gap="      "):
    """One paragraph holding several 标签:值 pairs separated by runs of spaces (labels bold)."""
    p = container.add_paragraph()
    for i, (l, v) in enumerate(pairs):
        if i:
            p.add_run(gap)
        p.add_run(l).bold = True
        p.add_run(v)
    return p


BASIC_ITEMS = [
    ("工作态度", [("积极性", "工作积极主动,能按时完成工作任务。"), ("协作性", "能立足全局,与他人合作,主动帮助他人。"),
                 ("纪律性", "严格遵守公司制度,无违纪行为。")]),
    ("工作能力", [("知识和技能", "掌握本职位所需的专业知识,并能运用。"), ("沟通能力", "书面与口头表达流畅,善于与上下级沟通。"),
                 ("理解判断力", "正确理解上级意图,迅速作出有效判断。"), ("计划能力", "能制定有效的工作计划,并按计划开展工作。")]),
]  # fmt: skip


def l09_360docs_139815693(d, r, rng, names):
    """试用期员工考核评估表: label row over value row, 评分标准 instruction paragraphs, matrix with a
    vertically merged 考核内容 column and 自评/上级评 columns, 专项指标 table, inline 综合评分,
    signature lines with several 标签:值 pairs, 填表说明."""
    title(d, "试用期员工考核评估表")
    t = table(d, 2, 3)
    for c, h, k in zip(t.rows[0].cells, ["姓名", "所属部门", "职位"], ["employee_name", "department", "position"], strict=True):
        lab(c, h)
    for c, k in zip(t.rows[1].cells, ["employee_name", "department", "position"], strict=True):
        fill(c, r.text(k))
    para(d, "一、评分标准:", bold=True)
    para(d, "单项评分标准:10分优秀;8-9分良好;7分符合;5-6分欠缺;0-4分不符合。")
    para(d, "综合评分标准:95-100分,工作表现优秀;85-95分以下,工作表现优良,完全胜任岗位一般要求;80-85分以下,工作表现尚可,"
            "基本胜任岗位一般要求;70-80分以下,工作表现勉强,尚需改进;70分以下,工作表现较差,不符合岗位一般要求。")
    para(d, "二、基本指标考核:(占总考核的40%)", bold=True)
    n_rows = sum(len(x[1]) for x in BASIC_ITEMS)
    t = table(d, 2 + n_rows, 6)
    for c, h in zip(t.rows[0].cells, ["考核内容", "考核要素", "考核标准说明", "配分", "自评", "上级评"], strict=True):
        lab(c, h)
    i, tot_s, tot_b = 1, 0, 0
    for grp, items in BASIC_ITEMS:
        lab(span(t, i, 0, i + len(items) - 1, 0), grp)
        for name, std in items:
            a, b = rng.choice([8, 9, 9, 10]), rng.choice([7, 8, 8, 9])
            tot_s, tot_b = tot_s + a, tot_b + b
            for c, v in zip(t.rows[i].cells[1:], [name, std, "10", str(a), str(b)], strict=True):
                fill(c, v)
            i += 1
    lab(span(t, i, 0, i, 2), "评定总分:")
    fill(t.cell(i, 3), "70")
    fill(t.cell(i, 4), str(tot_s))
    fill(t.cell(i, 5), str(tot_b))
    para(d, "三、专项指标考核:(占总考核的60%)", bold=True)
    goals = r.v["goal"] + ["岗位日常工作按时完成"]
    t = table(d, 2 + len(goals), 4)
    for c, h in zip(t.rows[0].cells, ["岗位主要工作指标", "期望目标", "配分", "主管评分"], strict=True):
        lab(c, h)
    pts, got = [40, 30, 30], 0
    for j, g in enumerate(goals, 1):
        sc = pts[j - 1] - rng.choice([0, 3, 5, 8])
        got += sc
        for c, v in zip(t.rows[j].cells, [g, rng.choice(["按期完成", "达到部门标准", "完成率100%"]), str(pts[j - 1]), str(sc)], strict=True):
            fill(c, v)
    lab(t.cell(len(goals) + 1, 0), "评定总分:")
    fill(t.cell(len(goals) + 1, 2), "100")
    fill(t.cell(len(goals) + 1, 3), str(got))
    score = round(tot_b / 70 * 40 + got * 0.6)
    r.over["grade"] = f"{score}分"
    p = d.add_paragraph()
    p.add_run("四、综合评分:").bold = True
    p.add_run(r.text("grade"))
    r.over["manager_signature"] = r.text("manager_name")
    label_value_para(d, [("考核人:", r.text("manager_signature")), ("被考核人:", r.text("employee_confirmation"))], gap="                ")
    label_value_para(d, [("日期:", r.sig_date), ("日期:", r.sig_date)], gap="          ")
    para(d, "填表说明:", bold=True)
    para(d, "1、本表用于帮助上级客观评价员工试用期内的工作绩效和工作能力。")
    para(d, "2、专项指标由考核人根据岗位设定主要工作目标,按重要性依次罗列并给出配分,指标不超过5项,配分合计为100。")
    r.show("employee_name", "department", "position", "grade", "manager_signature", "employee_confirmation")


def l10_360docs_139815693_b(d, r, rng, names):
    """试用期考评评定审批表: 员工基本信息 block with compound labels (姓名/人员ID, 职级/职等),
    约定考核指标 rows, opinion rows with 签字/日期 values, checkbox result, HR approval."""
    title(d, "试用期考评评定审批表")
    t = table(d, 12, 4)
    lab(span(t, 0, 0, 0, 3), "员工基本信息")
    grid_row(t, 1, [("姓名/人员ID", f"{r.text('employee_name')}/{r.text('employee_id')}"), ("部门", r.text("department"))])
    grid_row(t, 2, [("身份证号", f"{rng.randint(110000, 650000)}********{rng.randint(1000, 9999)}"), ("岗位名称", r.text("position"))])
    grid_row(t, 3, [("入职时间", fmt_dt(r.it[0] - dt.timedelta(days=92), "iso")), ("职级/职等", rng.choice(["P3/3等", "M1/2等", "S2/4等"]))])
    lab(span(t, 4, 0, 4, 3), "约定考核指标")
    lab(t.cell(5, 0), "能力考核")
    fill(span(t, 5, 1, 5, 2), "工作成效、执行力、承压能力、沟通能力、计划能力、创新与应用能力、团队协作、工作态度等")
    fill(t.cell(5, 3), f"得分:{rng.randint(72, 92)}")
    lab(t.cell(6, 0), "价值观考核")
    fill(span(t, 6, 1, 6, 2), "服务意识与态度、积极主动、合作、诚信、遵章守纪、创新等")
    fill(t.cell(6, 3), f"得分:{rng.randint(75, 95)}")
    lab(t.cell(7, 0), "直接上级评价")
    fill(span(t, 7, 1, 7, 3), r.paras("performance_summary"))
    lab(t.cell(8, 0), "评定结果")
    r.over["grade"] = checks(["转正", "延长试用期", "不予录用"], r.result)
    fill(span(t, 8, 1, 8, 3), r.text("grade"))
    r.over["manager_signature"] = f"{r.text('manager_name')} {r.sig_date}"
    grid_row(t, 9, [("直接上级签字/日期", r.text("manager_signature")), ("员工确认签字/日期", r.text("employee_confirmation"))])
    lab(t.cell(10, 0), "人力资源部审批")
    fill(span(t, 10, 1, 10, 3), "同意。")
    lab(t.cell(11, 0), "总经理审批")
    fill(span(t, 11, 1, 11, 3), "")
    r.show("employee_name", "employee_id", "department", "position", "performance_summary", "grade", "manager_signature",
           "employee_confirmation")  # fmt: skip


HR360_CATS = [
    (["Quality of Work:", "工作质量:工作准确、高效,在期限内完成,只需最少的监督。"], "Work is completed accurately, efficiently and within deadlines."),
    (["Attendance & Punctuality:", "出勤率和准时率:按时到岗,需缺勤时提前通知。"], ""),
    (["Reliability/Dependability:", "可靠性:始终保持较高水平,有效管理时间和工作量。"], ""),
    (["Communication Skills:", "沟通技巧:书面和口头沟通清晰、有条理且有效。"], ""),
    (["Judgment & Decision-Making:", "判断和决策:决策周到、理由充分。"], ""),
]
HR360_LEVELS = ["Exceeds expectations (超出预期)", "Meets expectations (符合预期)", "Needs improvement (需要改进)", "Unacceptable (不可接受)"]
HR360_COMMENTS = ["本期无返工记录。", "全勤,无迟到。", "按期完成全部分配任务。", "周报按时提交,内容清楚。", "高峰期能合理安排优先级。",
                  "有1次需要主管提醒才跟进。"]  # fmt: skip


def l11_scribd_hr360(d, r, rng, names):
    """Employee Evaluation Form (员工评估表): bilingual 'English (中文)' labels placed ABOVE their
    values, rating matrix whose rating cell is a list of checkbox paragraphs, roman-numbered
    bold section titles with paragraph answers, acknowledgement signature grid."""
    title(d, "Employee Evaluation Form (员工评估表)")
    para(d, "I. EMPLOYEE INFORMATION (员工信息)", bold=True)
    t = table(d, 4, 2)
    a, b = prior_months(r.it[0])
    r.over["period"] = f"From: {fmt_dt(a, 'slash')}  To: {fmt_dt(b, 'slash')}"
    for i, pairs in enumerate([[("Employee Name (员工姓名)", "employee_name"), ("Job Title (职称)", "position")],
                               [("Supervisor/Reviewer (主管/审稿人)", "manager_name"), ("Review Period (审查期)", "period")]]):  # fmt: skip
        for j, (l, k) in enumerate(pairs):
            lab(t.cell(2 * i, j), l)
            fill(t.cell(2 * i + 1, j), r.text(k))
    para(d, "II. CORE VALUES AND OBJECTIVES (核心价值观和目标)", bold=True)
    t = table(d, 1 + len(HR360_CATS), 3)
    for c, h in zip(t.rows[0].cells, ["PERFORMANCE CATEGORY (性能类别)", "RATING (评分)", "COMMENTS AND EXAMPLES (评论和例子)"], strict=True):
        lab(c, h)
    for i, (cat, _) in enumerate(HR360_CATS, 1):
        fill(t.cell(i, 0), cat)
        k = rng.choice([0, 1, 1, 2])
        fill(t.cell(i, 1), [(TICK if j == k else UNTICK) + " " + lv for j, lv in enumerate(HR360_LEVELS)])
        fill(t.cell(i, 2), rng.choice(HR360_COMMENTS))
    para(d, "III. OVERALL RATING (总体评分)", bold=True)
    r.over["grade"] = "  ".join((TICK if lv.startswith(r.result) else UNTICK) + " " + lv for lv in HR360_LEVELS)
    para(d, r.text("grade"))
    para(d, "IV. REVIEWER COMMENTS (审核人意见)", bold=True)
    for p in r.paras("performance_summary"):
        para(d, p)
    para(d, "V. GOALS FOR NEXT REVIEW PERIOD (下一审查期目标)", bold=True)
    for g in r.v["goal"]:
        para(d, g)
    para(d, "VI. EMPLOYEE COMMENTS (员工意见)", bold=True)
    para(d, r.text("employee_feedback"))
    para(d, "VII. ACKNOWLEDGMENT (确认)", bold=True)
    para(d, "Signing confirms that this review was discussed with the employee; it does not mean agreement. "
            "签字表示本评估已与员工讨论,并不代表员工同意评估内容。", size=9)
    t = table(d, 4, 2)
    for i, (l, v) in enumerate([("Employee Signature (员工签名)", r.text("employee_confirmation")),
                                ("Reviewer Signature (审核人签名)", r.text("manager_signature"))]):  # fmt: skip
        lab(t.cell(2 * i, 0), l)
        lab(t.cell(2 * i, 1), "Date (日期)")
        fill(t.cell(2 * i + 1, 0), v)
        fill(t.cell(2 * i + 1, 1), r.sig_date if v else "")
    r.show("employee_name", "position", "manager_name", "period", "grade", "performance_summary", "employee_feedback",
           "employee_confirmation", "manager_signature")  # fmt: skip


PRF_INDICATORS = [
    (["1. QUALITY OF WORK 工作质量", "Acceptability of work produced; frequency of errors. 完成工作的可接受程度,出错的频率。"]),
    (["2. JOB KNOWLEDGE AND SKILL 工作知识和技巧", "Possesses and applies the knowledge and skills the job needs. 在工作中掌握并运用所需的知识和技能。"]),
    (["3. QUANTITY/PRODUCTIVITY OF WORK 工作量", "Volume of work achieved; is productivity acceptable? 完成的工作量,工作效率能否被接受。"]),
    (["4. INITIATIVE 积极性", "Accepts additional responsibilities; acts without waiting for direction. 接受额外任务,无需等待指示而采取行动。"]),
]


def l12_jinchutou_prf(d, r, rng, names):
    """PERFORMANCE REVIEW FORM 绩效评估表: label cells with an English line and a Chinese line,
    From 自 … To 至 … period cell, checkbox review type, indicator rows each followed by a
    full-width 'Examples or reasons' row, Part II label/value table."""
    d.sections[0].footer.paragraphs[0].text = "Confidential 保密  |  HR Form PR-01  |  Page 1 of 2"
    title(d, "PERFORMANCE REVIEW FORM")
    title(d, "绩效评估表", size=14)
    t = table(d, 5, 4)
    s0 = r.it[0] - dt.timedelta(days=183)
    grid_row(t, 0, [(["Employee's Name", "姓名"], r.text("employee_name")), (["Employee #", "工号"], r.text("employee_id"))])
    grid_row(t, 1, [(["Position Title", "职务"], r.text("position")), (["Department", "部门"], r.text("department"))])
    grid_row(t, 2, [(["Starting Date", "入职日期"], fmt_dt(s0 - dt.timedelta(days=rng.randint(400, 1500)), "iso")),
                    (["Supervisor", "主管"], r.text("manager_name"))])  # fmt: skip
    lab(t.cell(3, 0), ["Review Period", "评估期"])
    a, b = prior_months(r.it[0])
    r.over["period"] = f"From 自 {fmt_dt(a, 'iso')}  To 至 {fmt_dt(b, 'iso')}"
    fill(span(t, 3, 1, 3, 3), r.text("period"))
    r.over["interview_type"] = "  ".join((TICK if o.startswith(r.result) else UNTICK) + o for o in ["Annual 年度评估", "Special 特别评估"])
    grid_row(t, 4, [(["Date of Review", "评估日期"], r.text("interview_time")), (["Type of review", "类型"], r.text("interview_type"))])
    para(d, "Please read the instructions on the last page before doing the review. (请在评估前阅读最后一页的说明)", size=9)
    para(d, "Part I: General Competence/Skills Review", bold=True)
    para(d, "第一部分:总体技能评估", bold=True)
    t = table(d, 1 + 2 * len(PRF_INDICATORS), 2)
    lab(t.cell(0, 0), ["Review indicators", "考核指标"])
    lab(t.cell(0, 1), ["Rating", "分数"])
    for i, ind in enumerate(PRF_INDICATORS):
        fill(t.cell(1 + 2 * i, 0), ind)
        k = rng.choice([3, 4, 4, 5])
        fill(t.cell(1 + 2 * i, 1), " ".join((TICK if n == k else UNTICK) + str(n) for n in range(1, 6)))
        fill(span(t, 2 + 2 * i, 0, 2 + 2 * i, 1), ["Examples or reasons for giving this rating are: 列出该分数的详细例子或原因:",
                                                   rng.choice(HR360_COMMENTS)])  # fmt: skip
    para(d, "Part II: Overall Evaluation 第二部分:总体评价", bold=True)
    rows = [(["Overall Comments", "总体评语"], "performance_summary"), (["Strengths", "优点"], "strengths"),
            (["Areas for Improvement", "需改进之处"], "weaknesses"), (["Improvement Plan", "改进计划"], "improvement_plan"),
            (["Employee Comments", "员工意见"], "employee_feedback"),
            (["Employee Signature / Date", "员工签名/日期"], "employee_confirmation"),
            (["Supervisor Signature / Date", "主管签名/日期"], "manager_signature")]  # fmt: skip
    r.over["manager_signature"] = f"{r.text('manager_name')} {r.sig_date}"
    t = table(d, len(rows), 2)
    for i, (l, k) in enumerate(rows):
        lab(t.cell(i, 0), l)
        fill(t.cell(i, 1), r.paras(k))
    para(d, "Instructions 说明", bold=True)
    para(d, "1. Rate each indicator from 1 (poor) to 5 (excellent) and give examples. 每项指标按1(差)至5(优)评分并举例说明。", size=9)
    para(d, "2. Discuss the review with the employee before both sign. 评估结果须与员工面谈后双方签字。", size=9)
    r.show("employee_name", "employee_id", "position", "department", "manager_name", "period", "interview_time",
           "interview_type", "performance_summary", "strengths", "weaknesses", "improvement_plan", "employee_feedback",
           "employee_confirmation", "manager_signature")  # fmt: skip


PA_LEVELS = ["(1) 未达到岗位要求/Unsatisfactory", "(2) 需要改进/Improvement needed", "(3) 达标/Meets Expectations",
             "(4) 超过标准/Exceeds Expectation", "(5) 优秀/Outstanding"]  # fmt: skip
PA_CRITERIA = [
    ("企业家精神/Entrepreneurship", ["- 行动有目标性 - Targeted action", "- 独立性 - Independence", "- 以工作质量为中心 - Focus on quality"]),
    ("学习及组织能力/Learning Organization", ["- 主动性 - Initiative", "- 解决问题的能力 - Problem Solving"]),
    ("尊重同事及环境/Respect for People and Environment", ["- 团队合作及参与精神 - Teamwork & Team Player", "- 沟通能力 - Communication",
                                                         "- 员工的管理和发展 - Management and Development of People"]),
]  # fmt: skip


def l13_jinchutou_pa(d, r, rng, names):
    """PERFORMANCE APPRAISAL: 'Chinese/English' slash labels in a row over a value row, two rating
    matrices with (1)…(5) columns and √ marks, group rows spanning the matrix, N/A cells,
    C 总结 label/value table with a nested plan table."""
    title(d, "PERFORMANCE APPRAISAL")
    t = table(d, 2, 6)
    hdr = [("受评者/Employee", r.text("employee_name")), ("评估者/Appraiser", r.text("manager_name")), ("年龄/Age", str(rng.randint(24, 45))),
           ("部门/Dept.", r.text("department")), ("职位/Position", r.text("position")), ("日期/Date", r.text("interview_time"))]  # fmt: skip
    for j, (l, v) in enumerate(hdr):
        lab(t.cell(0, j), l)
        fill(t.cell(1, j), v)
    year = r.it[0].year
    para(d, f"A 行为准则  {year}年个人目标完成情况/Achievement of main individual objectives in {year}", bold=True)
    goals = r.v["goal"] + ["部门年度重点工作"]
    t = table(d, 1 + len(goals), 7)
    for c, h in zip(t.rows[0].cells, ["主要职责/Key Responsibilities"] + PA_LEVELS + ["评述/Comments"], strict=True):
        lab(c, h)
    for i, g in enumerate(goals, 1):
        k = rng.choice([2, 3, 3, 4])
        fill(t.cell(i, 0), g)
        fill(t.cell(i, 1 + k), "√")
        fill(t.cell(i, 6), rng.choice(HR360_COMMENTS))
    para(d, "B 行为标准 / Performance Criteria", bold=True)
    para(d, "请选择与该岗位相关的标准进行评分,至少选5条;对岗位不适用的标准用“N/A”表示。"
            "Please select criteria relevant to the position (at least five) and use “N/A” for those that do not apply.", size=9)
    n = 1 + sum(1 + len(x[1]) for x in PA_CRITERIA)
    t = table(d, n, 7)
    for c, h in zip(t.rows[0].cells, ["标准/Criteria"] + PA_LEVELS + [["评述/Comments", "(所有评分均需填写/Required for all ratings)"]], strict=True):
        lab(c, h)
    i = 1
    for grp, subs in PA_CRITERIA:
        lab(span(t, i, 0, i, 6), grp)
        i += 1
        for sub in subs:
            fill(t.cell(i, 0), sub)
            if rng.random() < 0.15:
                fill(t.cell(i, 6), "N/A")
            else:
                fill(t.cell(i, 1 + rng.choice([2, 3, 3, 4])), "√")
                fill(t.cell(i, 6), rng.choice(["表现稳定", "有明显进步", "仍需加强", "能主动承担"]))
            i += 1
    para(d, "C 总结/ Performance Overall Summary", bold=True)
    t = table(d, 7, 2)
    rows = [("强项/Strengths", "strengths"), ("需改进项/Areas for improvement", "weaknesses"),
            ("总体评价/Overall Comments", "performance_summary"), ("改进计划/Improvement Plan", None),
            ("员工意见/Employee Comments", "employee_feedback"), ("受评者签名/Employee Signature", "employee_confirmation"),
            ("评估者签名/Appraiser Signature", "manager_signature")]  # fmt: skip
    for j, (l, k) in enumerate(rows):
        lab(t.cell(j, 0), l)
        if k:
            fill(t.cell(j, 1), r.paras(k))
        else:
            c = t.cell(j, 1)
            inner = c.add_table(rows=1, cols=3)
            inner.style = "Table Grid"
            for cc, h in zip(inner.rows[0].cells, ["改进项目/Item", "措施/Action", "完成时间/Due Date"], strict=True):
                lab(cc, h)
            for row in plan_rows(r, ["p", "m", "t"]):
                for cc, v in zip(inner.add_row().cells, row, strict=True):
                    fill(cc, v)
    r.show("employee_name", "manager_name", "department", "position", "interview_time", "strengths", "weaknesses",
           "performance_summary", "improvement_plan", "employee_feedback", "employee_confirmation", "manager_signature")  # fmt: skip


RATING_DEFS = [
    "5 Exceptional Performance 持续超越期望:在主要工作职责和领导能力方面持续超越期望,并得到同事和上级的认可。",
    "4 Consistent Over Performance 经常超越期望:在已经提高的标准上,经常超出主要工作职责和领导能力的期望。",
    "3 Very Good Performance 表现优异:达到主要工作职责和领导能力的既定期望。",
    "2 Mixed Outcomes 基本达到期望:达到部分期望,有针对性提升的潜力。",
    "1 Unacceptable Performance 未达到期望:未达到主要工作职责和领导能力的期望,需要制定绩效改进计划。",
]


def l14_xiaomilidoc_annual(d, r, rng, names):
    """Annual Performance Review Form 年度工作表现评估表: no table for the header -- two paragraphs
    each holding two 'English 中文: value' pairs separated by spaces; rating-scale definitions;
    KJR and competency tables; bold bilingual section titles with paragraph answers; signature
    and date lines."""
    year = r.it[0].year
    title(d, f"{year} Annual Performance Review Form")
    title(d, f"{year}年度工作表现评估表", size=14)
    para(d, "Room to grow 成长的空间", align="c")
    para(d, "Performance Review Record 工作表现评估记录", bold=True)
    label_value_para(d, [("Name 姓名: ", r.text("employee_name")), ("Position 职位: ", r.text("position"))], gap="            ")
    label_value_para(d, [("Manager's Name 经理姓名: ", r.text("manager_name")), ("Date of Review 评估日期: ", r.text("interview_time"))],
                     gap="            ")  # fmt: skip
    para(d, "Rating Scale Definitions 评分等级说明", bold=True)
    para(d, "KJR and Leadership Competency ratings use whole numbers only; the Overall Performance Rating may use whole or "
            "half numbers. 主要工作职责和领导能力只能评整数分,总体表现评分可以是整数或半分。", size=9)
    for x in RATING_DEFS:
        para(d, x, size=9)
    para(d, "Key Job Responsibilities (KJR) 主要工作职责", bold=True)
    goals = r.v["goal"] + ["日常运营与团队协作"]
    t = table(d, 1 + len(goals), 3)
    for c, h in zip(t.rows[0].cells, [["KJR", "主要工作职责"], ["Rating", "评分"], ["Comments", "评语"]], strict=True):
        lab(c, h)
    for i, g in enumerate(goals, 1):
        for c, v in zip(t.rows[i].cells, [g, str(rng.choice([3, 3, 4])), rng.choice(HR360_COMMENTS)], strict=True):
            fill(c, v)
    para(d, "Leadership Competencies 领导能力", bold=True)
    t = table(d, 4, 3)
    for c, h in zip(t.rows[0].cells, [["Competency", "能力"], ["Rating", "评分"], ["Comments", "评语"]], strict=True):
        lab(c, h)
    for i, cp in enumerate(["Drive for Results 结果导向", "Teamwork 团队合作", "Developing Others 培养他人"], 1):
        for c, v in zip(t.rows[i].cells, [cp, str(rng.choice([2, 3, 3, 4])), rng.choice(["有具体案例支撑", "本年带教新人1名", "需更多跨部门协作"])], strict=True):  # fmt: skip
            fill(c, v)
    r.over["grade"] = rng.choice(["3", "3.5", "4", "2.5"])
    label_value_para(d, [("Overall Performance Rating 总体表现评分: ", r.text("grade"))])
    for l, k in [("Manager's Summary 经理总结", "performance_summary"), ("Areas to Grow 成长方向", "weaknesses"),
                 ("Action Plan 行动计划", "improvement_plan"), ("Employee Comments 员工意见", "employee_feedback")]:  # fmt: skip
        para(d, l, bold=True)
        for p in r.paras(k):
            para(d, p)
    para(d, "Signatures 签名", bold=True)
    label_value_para(d, [("Employee Signature 员工签名: ", r.text("employee_confirmation")),
                         ("Manager Signature 经理签名: ", r.text("manager_signature"))], gap="            ")  # fmt: skip
    label_value_para(d, [("Date 日期: ", r.text("record_date"))])
    r.show("employee_name", "position", "manager_name", "interview_time", "grade", "performance_summary", "weaknesses",
           "improvement_plan", "employee_feedback", "employee_confirmation", "manager_signature", "record_date")  # fmt: skip


MENTOR_TEXT = ["跟班学习认真,现场操作规范,理论知识仍需加强。导师评分:26分(满分30分)。",
               "能按辅导计划完成各项任务,操作票填写规范。导师评分:27分(满分30分)。"]


def l15_m448_354618(d, r, rng, names):
    """试用期员工综合考评表: 【】 bracketed section titles, 标签:值 pairs sharing a line,
    说明 paragraphs, self- and mentor-evaluation sections as paragraphs, score table, then a
    label/value table with checkbox result and 签字 rows."""
    title(d, "××电力科技有限公司试用期员工综合考评表")
    para(d, "【新员工信息】", bold=True)
    mentor = names()
    label_value_para(d, [("新员工姓名:", r.text("employee_name")), ("部门:", r.text("department")), ("职务:", r.text("position")),
                         ("导师:", mentor)])  # fmt: skip
    label_value_para(d, [("入职日期:", fmt_dt(r.it[0] - dt.timedelta(days=92), "cn")), ("考核日期:", fmt_dt(r.it[0], "cn"))])
    para(d, "【考评说明】", bold=True)
    for x in ["新员工试用期综合考评由四部分组成:新员工导师辅导计划书、新员工转正测试题、试用期自我评价及导师评价表、试用期综合考评表,每月由办公室公示各部门新员工考核成绩。",
              "新员工导师辅导计划书:由导师在新员工入职一周内填写辅导目标、内容、方法及预期效果,经理签字后交办公室。",
              "新员工转正测试题:由部门经理/主管按岗位重点工作出题,以闭卷为主,总分30分。",
              "试用期自我评价及导师评价表:员工从遵守规章制度、工作适应程度、工作态度等方面自我评估,导师给予评价并打分。",
              "试用期综合考评表:以部门经理/主管的评价为主,结合导师意见、办公室意见综合评定。"]:  # fmt: skip
        para(d, x, size=9)
    para(d, "【试用期自我评价】", bold=True)
    r.set("employee_feedback", r.v["selfsum"])
    para(d, r.text("employee_feedback"))
    para(d, "【导师评价】", bold=True)
    para(d, rng.choice(MENTOR_TEXT))
    para(d, "【试用期综合考评】", bold=True)
    t = table(d, 6, 4)
    for c, h in zip(t.rows[0].cells, ["考评项目", "分值", "得分", "备注"], strict=True):
        lab(c, h)
    tot = 0
    for i, (it, mx) in enumerate([("导师辅导计划完成情况", 20), ("转正测试题", 30), ("自我评价及导师评价", 20), ("部门经理/主管评价", 30)], 1):
        sc = mx - (rng.choice([1, 2, 3, 4]) if r.result == "同意转正" else rng.choice([6, 8, 10]))
        tot += sc
        for c, v in zip(t.rows[i].cells, [it, str(mx), str(sc), ""], strict=True):
            fill(c, v)
    for c, v in zip(t.rows[5].cells, ["合计", "100", str(tot), ""], strict=True):
        fill(c, v)
    t = table(d, 5, 2)
    r.over["grade"] = checks(["同意转正", "延长试用", "不予录用"], r.result)
    rows = [("部门经理/主管评价:", r.paras("performance_summary")), ("综合考评结果:", r.text("grade")),
            ("部门经理/主管签字:", r.text("manager_signature")), ("新员工签字:", r.text("employee_confirmation")),
            ("办公室意见:", "同意。")]  # fmt: skip
    for i, (l, v) in enumerate(rows):
        lab(t.cell(i, 0), l)
        fill(t.cell(i, 1), v)
    r.show("employee_name", "department", "position", "employee_feedback", "performance_summary", "grade",
           "manager_signature", "employee_confirmation")  # fmt: skip


OGSNU = ["杰出/表现突出优异 Outstanding-(O)", "优良/表现较预期优秀 Good-(G)", "满意/符合工作要求 Satisfactory-(S)",
         "仍需改善/未能完全符合工作要求 Needs Improvement-(N)", "不满意/未能符合工作要求 Unsatisfactory-(U)"]  # fmt: skip
FACTORS = [
    ("(A).责任", "评核期内主要工作责任", [("质量", "工作符合公司/计划品质要求的程度"), ("数量", "工作任务的数量符合公司/计划要求的程度"),
                                      ("成本", "完成工作任务所花费的成本符合公司/计划要求的程度"), ("时间", "完成工作任务所花费的时间符合公司/计划要求的程度")]),
    ("(B).能力", "有效完成工作责任的技术/技巧", [("程序化的执行能力", "按照作业标准准确无误地在规定时间完成工作的能力"),
                                           ("判断能力", "专业地判断所做的工作是否符合标准并及时纠正错误的能力")]),
]  # fmt: skip


def l16_daumloan_579928780(d, r, rng, names):
    """员工绩效评估表(普通员工): 类别 checkbox row, grid with 自…至 period, O/G/S/N/U matrix with a
    two-row merged header, group rows and subtotal rows; Ⅱ-Ⅳ sections (comment paragraphs, plan
    table, employee opinion) and a grade / signature grid."""
    d.sections[0].header.paragraphs[0].text = "××集团有限公司  人力资源部  表单编号:HR-PA-02"
    title(d, "××集团有限公司", size=12)
    title(d, "员工绩效评估表(普通员工)")
    para(d, "本表适用于普通级别员工定性绩效评估的自评、初评和总评(含试用期满评估)用途。本表最高分为100分。", size=9)
    t = table(d, 4, 6)
    lab(t.cell(0, 0), "类别")
    fill(span(t, 0, 1, 0, 5), checks(["自评", "初评", "总评"], "初评"))
    a, b = prior_months(r.it[0])
    r.over["period"] = f"自{fmt_dt(a, 'cn')}至{fmt_dt(b, 'cn')}"
    grid_row(t, 1, [("部门", r.text("department")), ("姓名", r.text("employee_name")), ("编号", r.text("employee_id"))])
    grid_row(t, 2, [("职位", r.text("position")), ("直属上司", r.text("manager_name")), ("绩效评估期", r.text("period"))])
    lab(t.cell(3, 0), "评分标准")
    fill(span(t, 3, 1, 3, 5), OGSNU)
    para(d, "Ⅰ.工作基本能力评分(权重60%)", bold=True)
    n = 2 + sum(2 + len(x[2]) for x in FACTORS)
    t = table(d, n, 10)
    lab(span(t, 0, 0, 1, 0), "评估因素")
    lab(span(t, 0, 1, 1, 1), "说明")
    lab(span(t, 0, 2, 1, 2), "比例(%)")
    lab(span(t, 0, 3, 0, 7), ["评估等级", "(如选择O、G、N或U时请详注原因)"])
    for j, g in enumerate("OGSNU"):
        lab(t.cell(1, 3 + j), g)
    lab(span(t, 0, 8, 1, 8), "评语")
    lab(span(t, 0, 9, 1, 9), "得分")
    i = 2
    for grp, desc, items in FACTORS:
        lab(span(t, i, 0, i, 9), f"{grp}  {desc}")
        i += 1
        sub = 0
        for name, expl in items:
            k = rng.choice([1, 2, 2, 3])
            sc = [5, 4, 3, 2, 1][k]
            sub += sc
            fill(t.cell(i, 0), name)
            fill(t.cell(i, 1), expl)
            fill(t.cell(i, 2), "5分")
            fill(t.cell(i, 3 + k), "✓")
            fill(t.cell(i, 8), rng.choice(["", "本期无返工", "需详注:有1次延期"]) if k != 2 else "")
            fill(t.cell(i, 9), str(sc))
            i += 1
        fill(span(t, i, 0, i, 1), "权重小计")
        fill(t.cell(i, 2), f"{5 * len(items)}分")
        fill(span(t, i, 3, i, 8), f"{grp[:3]}小计")
        fill(t.cell(i, 9), str(sub))
        i += 1
    para(d, "Ⅱ.综合评语", bold=True)
    for p in r.paras("performance_summary"):
        para(d, p)
    para(d, "Ⅲ.绩效改进计划", bold=True)
    plan_table_in(d, ["改进项目", "改进措施", "完成时间", "责任人"], plan_rows(r, ["p", "m", "t", "o"]))
    para(d, "Ⅳ.员工意见", bold=True)
    para(d, r.text("employee_feedback"))
    t = table(d, 2, 4)
    r.over["grade"] = rng.choice(["G 优良", "S 满意", "N 仍需改善"])
    r.over["manager_signature"] = f"{r.text('manager_name')} {r.sig_date}"
    grid_row(t, 0, [("评估总分", str(rng.randint(68, 90))), ("评估等级", r.text("grade"))])
    grid_row(t, 1, [("员工签名/日期", r.text("employee_confirmation")), ("直属上司签名/日期", r.text("manager_signature"))])
    r.show("department", "employee_name", "employee_id", "position", "manager_name", "period", "performance_summary",
           "improvement_plan", "employee_feedback", "grade", "employee_confirmation", "manager_signature")  # fmt: skip


def l17_163wenku_3682042(d, r, rng, names):
    """管理人员的人事考绩表格(B): dense grid with two review levels, 判定基准 bands (A-E, score bands
    for 15- and 10-point items), 勤情评价 attendance block, 记载事项/综合意见 and the five
    '对判定…的反映' rows."""
    title(d, "管理人员的人事考绩表格(B)")
    t = table(d, 18, 8)
    lab(t.cell(0, 0), "姓名")
    fill(span(t, 0, 1, 0, 2), r.text("employee_name"))
    lab(t.cell(0, 3), "决定")
    lab(t.cell(0, 4), "评价分数")
    r.over["grade"] = f"{rng.randint(68, 92)}分"
    fill(span(t, 0, 5, 0, 7), r.text("grade"))
    second, gm = names(), names()
    for i, (lvl, who, name, act, val) in enumerate([("第一次考核", "主任或组长", r.text("manager_name"), "判断", rng.choice(["B", "C"])),
                                                  ("第二次考核", "课长或经理", second, "调整", rng.choice(["维持", "上调一档"])),
                                                  ("董监事会议", "总经理", gm, "判定", "同意")], 1):  # fmt: skip
        lab(t.cell(i, 0), lvl)
        fill(t.cell(i, 1), who)
        fill(span(t, i, 2, i, 3), name)
        lab(t.cell(i, 4), act)
        fill(span(t, i, 5, i, 7), val)
    lab(span(t, 4, 0, 7, 0), "判定基准")
    for j, x in enumerate(["A特别优秀", "B优秀", "C普通", "D需要努力", "E差"]):
        fill(t.cell(4, 1 + j), x)
    for j, x in enumerate(["严守纪律积极地完成工作是模范职员", "忠于职务有效率可信赖", "但仍需要积极", "希望再自我革新与努力", "需要从根本再教育"]):
        fill(t.cell(5, 1 + j), x)
    for row, bands in [(6, ["满分15分", "15分", "14-12分", "11-9分", "8-6分", "5分以下"]), (7, ["满分10分", "10分", "9-8分", "7-5分", "4分", "3分以下"])]:
        for j, x in enumerate(bands):
            fill(t.cell(row, 1 + j), x)
    span(t, 4, 6, 5, 7)
    lab(span(t, 8, 0, 10, 0), ["勤情评价", "工作状况"])
    a, b, c = rng.randint(0, 2), rng.randint(0, 1), rng.randint(0, 3)
    cells = [(8, ["上班日数", f"{rng.randint(238, 248)}日", "缺席", f"(事假){a}日", f"(丧假){b}日", "(无故)0日", ""]),
             (9, ["早退", f"{rng.randint(0, 2)}次", "迟到", f"{c}次", "迟到早退缺席换算", f"{a + b}日", ""]),
             (10, ["缺席总计", f"{a + b}日", "实际上班日数总计", f"{rng.randint(236, 246)}日", "", "", ""])]  # fmt: skip
    for row, vals in cells:
        for j, x in enumerate(vals):
            fill(t.cell(row, 1 + j), x)
    lab(t.cell(11, 0), "记载事项")
    fill(span(t, 11, 1, 11, 7), rng.choice(["本年度无奖惩记录。", "3月获部门嘉奖一次。"]))
    lab(t.cell(12, 0), "综合意见")
    fill(span(t, 12, 1, 12, 7), r.paras("performance_summary"))
    reacts = [("对判定奖赏的反映", "无意见。"), ("本人对判定的不满", None), ("对判定加薪的反映", "接受。"),
              ("对判定训练的反映", "希望参加管理技能培训。"), ("对判定晋升的反映", "暂无。")]  # fmt: skip
    for i, (l, v) in enumerate(reacts, 13):
        lab(span(t, i, 0, i, 1), l)
        fill(span(t, i, 2, i, 7), v if v else r.paras("employee_feedback"))
    r.show("employee_name", "grade", "manager_name", "performance_summary", "employee_feedback")


MGR_ITEMS = [
    ("1 管理技能 Administrative Skills", ["计划 Planning", "组织能力 Organising", "人事组织和时间控制 Personnel Organisation and Time Control"]),
    ("2 人际关系/沟通 Interpersonal Skills", ["人际关系技巧 Human Relations Skills", "对待客户 Customer Relations"]),
    ("3 团队技能 Group Skills", ["分配工作和控制能力 Delegating and Controlling", "对员工的招聘、培训与发展 Staffing, Coaching and Developing"]),
]  # fmt: skip


def l18_360docs_4719323499(d, r, rng, names):
    """员工周期绩效考核表(经理及以上级) / APPRAISAL REPORT FOR MANAGERIAL STAFF: label cells with a
    Chinese line over an English line, compound 部门/职位 label, grouped competency matrix, grade
    legend, comment / advantage rows, post-review block and HR checkbox line."""
    title(d, "员工周期绩效考核表(经理及以上级)")
    para(d, "APPRAISAL REPORT FOR MANAGERIAL STAFF (Section Head & Above)", bold=True, align="c")
    t = table(d, 2, 4)
    a, b = prior_months(r.it[0])
    r.over["period"] = f"{fmt_dt(a, 'cn')}至{fmt_dt(b, 'cn')}"
    grid_row(t, 0, [(["姓名:", "Name"], r.text("employee_name")), (["工号:", "Employee NO."], r.text("employee_id"))])
    grid_row(t, 1, [(["部门/职位:", "Dept./Position"], f"{r.text('department')}/{r.text('position')}"),
                    (["评估期:从", "Period of Review"], r.text("period"))])  # fmt: skip
    para(d, "一、考核项目 Performance Contents", bold=True)
    n = 1 + sum(1 + len(x[1]) for x in MGR_ITEMS)
    t = table(d, n, 3)
    for c, h in zip(t.rows[0].cells, [["考核项目", "Performance Contents"], ["评分", "Score"], ["评语", "Comment"]], strict=True):
        lab(c, h)
    i, tot, cnt = 1, 0, 0
    for grp, items in MGR_ITEMS:
        lab(span(t, i, 0, i, 2), grp)
        i += 1
        for it in items:
            sc = rng.choice([75, 80, 85, 88, 92])
            tot, cnt = tot + sc, cnt + 1
            for c, v in zip(t.rows[i].cells, [it, str(sc), rng.choice(["达到岗位要求", "有改进空间", "表现突出"])], strict=True):
                fill(c, v)
            i += 1
    para(d, "Grade: (A Excellent: K>=90; B Good: 90>K>=80; C Qualified: 80>K>=70; D Fail: K<70)", size=9)
    avg = round(tot / cnt)
    r.over["grade"] = "A" if avg >= 90 else "B" if avg >= 80 else "C" if avg >= 70 else "D"
    t = table(d, 6, 2)
    rows = [(["总分:", "Total Score"], str(avg)), (["等级:", "Grade"], r.text("grade")),
            (["评语:", "Comment:"], r.paras("performance_summary")), (["优点:", "Advantage:"], r.paras("strengths")),
            (["缺点:", "Disadvantage:"], r.paras("weaknesses")), (["改进计划:", "Improvement Plan:"], r.paras("improvement_plan"))]  # fmt: skip
    for j, (l, v) in enumerate(rows):
        lab(t.cell(j, 0), l)
        fill(t.cell(j, 1), v)
    para(d, "与员工回顾评估表后才完成 To be completed only after review of appraisal with employee", bold=True)
    t = table(d, 4, 2)
    for j, (l, k) in enumerate([(["员工意见:", "Employee Comments"], "employee_feedback"), (["员工签名:", "Employee Signature"], "employee_confirmation"),
                                (["评估人签名:", "Appraiser Signature"], "manager_signature"), (["日期:", "Date"], "record_date")]):  # fmt: skip
        lab(t.cell(j, 0), l)
        fill(t.cell(j, 1), r.text(k))
    para(d, "由人力资源部执行 To be executed by Human Resources", bold=True)
    para(d, "工资的增加和晋升的建议 Salary increase and promotion: " + checks(["1) Pass the probation 通过试用期", "2) Salary increase 加薪", "3) Promotion 晋升"], None))
    r.show("employee_name", "employee_id", "department", "position", "period", "grade", "performance_summary", "strengths",
           "weaknesses", "improvement_plan", "employee_feedback", "employee_confirmation", "manager_signature", "record_date")  # fmt: skip


SCORE_DEF = [("101-130分", "能够高标准、高质量、创造性地完成工作,多数业绩超过要求;主动改进工作流程,高效运用资源解决问题。"),
             ("71-100分", "能够基本完成工作要求,部分工作有所欠缺;踏实肯干,能合理协调资源完成工作。"),
             ("0-70分", "无法完成大多数工作,不能合理协调、运用资源解决工作中的问题。")]  # fmt: skip


def l19_xiaomilidoc_10382998(d, r, rng, names):
    """员工工作评估表 (FYxx): label-colon grid incl. 评估期限 从…到…, score-band table, two parallel
    evaluation tables (员工自我评估 / 直属主管评估) each with instruction text and its own 总结
    row, then a confirmation part with 达成共识 / 意见分歧 and 签字/日期 values."""
    fy = r.it[0].year % 100
    title(d, f"FY{fy:02d} 员工工作评估表")
    t = table(d, 3, 6)
    a, b = prior_months(r.it[0])
    r.over["period"] = f"从{fmt_dt(a, 'cn')}到{fmt_dt(b, 'cn')}"
    grid_row(t, 0, [("姓名:", r.text("employee_name")), ("员工号:", r.text("employee_id")), ("入职日期:", f"{rng.choice([2016, 2018, 2019, 2021])}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日")])
    grid_row(t, 1, [("部门:", r.text("department")), ("职位:", r.text("position")), ("现职任期:", f"{rng.choice([2021, 2022, 2023])}年{rng.randint(1, 12)}月起")])
    lab(t.cell(2, 0), "直属主管:")
    fill(t.cell(2, 1), r.text("manager_name"))
    lab(t.cell(2, 2), "评估期限:")
    fill(span(t, 2, 3, 2, 5), r.text("period"))
    para(d, "第一部分  工作业绩回顾", bold=True)
    para(d, "评定:针对每项工作的完成情况评定分数,130分封顶,0分为最低。分数定义如下:", size=9)
    t = table(d, len(SCORE_DEF), 2)
    for i, (band, desc) in enumerate(SCORE_DEF):
        lab(t.cell(i, 0), band)
        fill(t.cell(i, 1), desc)
    goals = r.v["goal"]
    for who, instr, total_key, grade_label in [
        ("员工自我评估:", "按本人工作权重顺序描述工作目标,说明完成情况并列出(未)完成目标的原因(主观因素/客观因素);总结工作目标完成情况,"
                          "并列出本人的评定等级。本表完成后交直属主管,与直属主管就工作评估达成共识。", "employee_feedback", "本人评定等级"),
        ("直属主管评估:", "直属主管参考员工自我评估,按被评估员工工作权重顺序描述工作目标,说明完成情况及(未)完成的原因;总结员工工作目标"
                          "完成情况,并给出评定等级。", "performance_summary", "评定等级")]:  # fmt: skip
        para(d, who, bold=True)
        para(d, instr, size=9)
        t = table(d, 1 + len(goals) + 2, 4)
        for c, h in zip(t.rows[0].cells, ["工作目标", "完成情况及原因", "权重", "分数"], strict=True):
            lab(c, h)
        for i, g in enumerate(goals, 1):
            for c, v in zip(t.rows[i].cells, [g, rng.choice(["已完成,按期交付", "完成约80%,受外部因素影响延期", "超额完成"]),
                                              f"{[60, 40][i - 1]}%", str(rng.choice([85, 95, 105, 110]))], strict=True):  # fmt: skip
                fill(c, v)
        n = len(goals) + 1
        lab(t.cell(n, 0), "总结")
        if total_key == "employee_feedback":
            r.set("employee_feedback", r.v["selfrev"])
        fill(span(t, n, 1, n, 3), r.paras(total_key))
        lab(t.cell(n + 1, 0), grade_label)
        g = rng.choice(["B", "B+", "A"]) if total_key == "employee_feedback" else r.text("grade")
        fill(span(t, n + 1, 1, n + 1, 3), g)
    para(d, "第二部分  评估沟通确认", bold=True)
    t = table(d, 4, 2)
    r.over["manager_signature"] = f"{r.text('manager_name')} {r.sig_date}"
    for i, (l, k) in enumerate([("达成共识", "consensus"), ("意见分歧", "disagreements"), ("员工签字/日期", "employee_confirmation"),
                                ("直属主管签字/日期", "manager_signature")]):  # fmt: skip
        lab(t.cell(i, 0), l)
        fill(t.cell(i, 1), r.paras(k))
    r.show("employee_name", "employee_id", "department", "position", "manager_name", "period", "employee_feedback",
           "performance_summary", "grade", "consensus", "disagreements", "employee_confirmation", "manager_signature")  # fmt: skip


def l20_dybbs8_334474697(d, r, rng, names):
    """Bilingual appraisal with traditional-Chinese labels: 'English 中文' label cells, N/A note,
    Rating key 評估標準, Section A duties table (No. 序號 | Duties and Responsibilities 工作職責 |
    1 2 3 | Comments 備注), Section B checkbox matrix (口 口 口 style boxes), Section C text rows."""
    title(d, "Performance Appraisal 員工績效評估表")
    t = table(d, 3, 4)
    grid_row(t, 0, [("Employee Name 員工姓名", r.text("employee_name")), ("Position 職位", r.text("position"))])
    grid_row(t, 1, [("Department 部門", r.text("department")), ("Reviewer 評估人", r.text("manager_name"))])
    grid_row(t, 2, [("Review Date 評估日期", r.text("interview_time")), ("Review Period 評估期間", r.text("period"))])
    para(d, "If an item does not apply to the position or employee being rated, indicate N/A (not applicable). "
            "若有的選項無法評估,請填寫N/A(不適於)。", size=9)
    para(d, "Rating key 評估標準", bold=True)
    for x in ["1. Exceptional 優秀 — Consistently exceeds the requirements/standards of the job. 一貫超出工作標準/要求",
              "2. Effective 有效 — Meets and occasionally exceeds the requirements/standards of the job. 達到和偶爾超出工作標準/要求",
              "3. Needs improvement 需要改進 — Occasionally fails to meet the requirements/standards of the job. 有時未達到工作標準/要求"]:
        para(d, x, size=9)
    para(d, "Section A  Specific Position Appraisal 職位評估", bold=True)
    para(d, "Rate the effectiveness in carrying out each duty (attach the position guideline; name each duty in a few key words). "
            "請填寫現任職位的工作職責並評分(可另附工作職責表,或用關鍵詞概括)。", size=9)
    duties = r.v["goal"] + ["日常工作及流程執行", "團隊協作"]
    t = table(d, 1 + len(duties), 6)
    for c, h in zip(t.rows[0].cells, ["No. 序號", "Duties and Responsibilities 工作職責", "1", "2", "3", "Comments 備注"], strict=True):
        lab(c, h)
    for i, du in enumerate(duties, 1):
        fill(t.cell(i, 0), str(i))
        fill(t.cell(i, 1), du)
        fill(t.cell(i, 1 + rng.choice([1, 2, 2, 3])), "✓")
        fill(t.cell(i, 5), rng.choice(["", "按期完成", "有1次延期"]))
    para(d, "Section B  Management Performance 管理人員評估表", bold=True)
    para(d, "Add comments and examples to explain rating, where appropriate. 請舉例說明評分原因。", size=9)
    skills = ["Leadership style and influence 領導風格和影響", "Motivating others 激勵他人", "Delegating and controlling 分配工作和控制"]
    t = table(d, 1 + len(skills), 4)
    for c, h in zip(t.rows[0].cells, ["Leadership skills 領導技能", "1", "2", "3"], strict=True):
        lab(c, h)
    for i, sk in enumerate(skills, 1):
        k = rng.choice([1, 2, 2])
        fill(t.cell(i, 0), sk)
        for j in range(3):
            fill(t.cell(i, 1 + j), TICK if j == k else "口")
    para(d, "Section C  Summary 總結", bold=True)
    t = table(d, 5, 2)
    r.over["manager_signature"] = f"{r.text('manager_name')} {r.sig_date}"
    for i, (l, k) in enumerate([("Overall Comments 總體評語", "performance_summary"), ("Improvement Plan 改進計劃", "improvement_plan"),
                                ("Employee Comments 員工意見", "employee_feedback"), ("Employee Signature / Date 員工簽名/日期", "employee_confirmation"),
                                ("Reviewer Signature / Date 評估人簽名/日期", "manager_signature")]):  # fmt: skip
        lab(t.cell(i, 0), l)
        fill(t.cell(i, 1), r.paras(k))
    r.show("employee_name", "position", "department", "manager_name", "interview_time", "period", "performance_summary",
           "improvement_plan", "employee_feedback", "employee_confirmation", "manager_signature")  # fmt: skip


SHUZHI = [
    ("本职工作阐述", ["熟悉本岗位各项工作要求及流程,对岗位有全面了解,工作进度良好,有明确的提升计划", "熟悉岗位要求,基本能如期完成任务,偶尔需帮带",
                      "基本了解本岗位要求,任务只能基本完成", "对本岗位及部门流程不熟悉", "对工作要点不清晰,常需他人帮助"]),
    ("工作总结", ["阐述详细,案例、数据兼有,条理清晰,有前后对比和收获", "案例、数据兼有,能反映工作情况", "有一定阐述,缺少数据和案例",
                  "总结粗糙,流水账", "无法判定工作成绩"]),
    ("工作遇到问题分析及改善措施", ["根因分析透彻,紧扣主题,措施具体可行", "分析较全面,有对应措施", "分析一般,措施不够具体", "分析浮于表面",
                                   "未做分析"]),
    ("下阶段工作计划", ["计划明确、可量化,时间节点清楚", "计划较明确", "计划笼统", "计划缺项", "无计划"]),
]  # fmt: skip


def l21_baomayou_shuzhi(d, r, rng, names):
    """员工述职评价表: 6-col header grid (述职人/述职时间/述职地点/评价人), the 述职报告评价标准 matrix
    (序号|内容|比例|分值|A…E score bands|得分) with long descriptor cells, then comment, plan and
    signature rows."""
    title(d, "员工述职评价表")
    t = table(d, 2, 6)
    grid_row(t, 0, [("述职人", r.text("employee_name")), ("部门", r.text("department")), ("岗位", r.text("position"))])
    grid_row(t, 1, [("述职时间", r.text("interview_time")), ("述职地点", r.text("location")), ("评价人", r.text("manager_name"))])
    para(d, "员工述职报告评价标准", bold=True, align="c")
    bands = ["A(21-25分)", "B(16-20分)", "C(11-15分)", "D(6-10分)", "E(1-5分)"]
    t = table(d, 2 + len(SHUZHI), 10)
    for j, h in enumerate(["序号", "内容", "比例", "分值"]):
        lab(span(t, 0, j, 1, j), h)
    lab(span(t, 0, 4, 0, 8), "标准分阶")
    for j, bnd in enumerate(bands):
        lab(t.cell(1, 4 + j), bnd)
    lab(span(t, 0, 9, 1, 9), "得分")
    tot = 0
    for i, (item, descs) in enumerate(SHUZHI, 2):
        sc = rng.choice([17, 19, 21, 22])
        tot += sc
        for j, v in enumerate([str(i - 1), item, "25%", "25分"] + descs + [str(sc)]):
            fill(t.cell(i, j), v, size=8 if 4 <= j <= 8 else None)
    t = table(d, 5, 2)
    r.over["grade"] = f"{tot}分"
    for i, (l, k) in enumerate([("总得分", "grade"), ("评价意见", "performance_summary"), ("改善计划", "improvement_plan"),
                                ("述职人确认", "employee_confirmation"), ("评价人签字", "manager_signature")]):  # fmt: skip
        lab(t.cell(i, 0), l)
        fill(t.cell(i, 1), r.paras(k))
    r.show("employee_name", "department", "position", "interview_time", "location", "manager_name", "grade",
           "performance_summary", "improvement_plan", "employee_confirmation", "manager_signature")  # fmt: skip

# ================================================================ registry
# source: the page the layout was reproduced from; reproduced: what of it is reproduced;
# completed: parts the page excerpt did not show, filled in in the template's own style;
# keys: label -> key decisions particular to the layout (see also the module docstring).
LAYOUTS = {
    "R01": dict(
        fn=l01_qbg6_1017, name="绩效考核面谈表",
        source="https://www.qbg6.com/1017.html",
        reproduced="field list and order of the 绩效考核面谈表 (部门/职位/姓名/考核日期, eight question fields, "
                   "面谈人签名/日期, 备注) and its note that the talk is held within a week after the appraisal",
        completed="table shape (question row over a full-width answer row) chosen for the question fields",
        keys="工作成功的方面->strengths; 工作中需要改善的地方->weaknesses; 对考核有什么意见->employee_feedback (the self-"
             "positioning and best/worst-colleague questions are not mapped); 希望从公司得到怎样的帮助->resource_support; "
             "下一步的工作和绩效的改进方向->improvement_plan; 面谈人签名->manager_signature (no manager_name label); "
             "日期 (next to 面谈人签名) ->interview_time because the template's own 说明 defines it as the date the talk "
             "took place; 考核日期 (a different, earlier date) is not mapped. No 员工签字: unconfirmed.",
    ),
    "R02": dict(
        fn=l02_fudaoke_2314282, name="一线员工绩效面谈表",
        source="https://www.fudaoke.com/exam/2314282.html",
        reproduced="six numbered sections: 员工基本信息 (项目|填写内容), 工作目标与任务 (考核指标|具体目标|权重(%)|完成标准|完成时间), "
                   "工作表现评价 (评价维度|具体表现|评分标准|备注), 存在问题与改进方向 (存在问题|改进措施|预期完成时间|责任人), "
                   "绩效反馈与沟通 (上级评价/员工自评/目标设定/行动计划), 签字确认 (员工签名|上级签名|日期 over a value row)",
        completed="the 绩效反馈与沟通 items rendered as a 2-column table",
        keys="improvement_plan = the 存在问题与改进方向 table (rows joined, header left out); 行动计划 (which only refers to "
             "that table) is NOT mapped; 目标设定 and the goal table are not improvement_plan; 上级评价->performance_summary; "
             "员工自评->employee_feedback; 签名 row: 员工签名->employee_confirmation, 上级签名->manager_signature, the single "
             "日期->record_date; the matrix 工作表现评价 is not mapped. No manager_name / interview_time / location labels.",
    ),
    "R03": dict(
        fn=l03_renrendoc_pip, name="Performance Improvement Plan 绩效改进计划 (bilingual)",
        source="https://renrendoc.com/paper/154882611.html",
        reproduced="bilingual header block (Employee name/员工姓名, Position title/职位, Department/部门, Supervisor name/主管姓名, "
                   "Position title/主管职位, Start date of Plan/计划开始时间), confidentiality notes, PART I (attachments a/b, "
                   "objectives not achieved, Core Competency|Rating|Rationale table), PART II heading",
        completed="the body of PART II (plan table, support, review meetings, employee comments, signatures) in the "
                  "same bilingual style; the page excerpt ends at the PART II heading",
        keys="Supervisor name/主管姓名->manager_name; the second Position title/主管职位 is the supervisor's and is not mapped; "
             "计划开始时间 is not interview_time; 'objectives that have not been achieved' list->performance_summary; "
             "the competency table is not mapped; PART II plan table->improvement_plan; Support/resources->resource_support; "
             "Employee comments->employee_feedback; 员工签名/日期->employee_confirmation (name + date); 经理签名/日期->manager_signature.",
    ),
    "R04": dict(
        fn=l04_bdocx_pip, name="个人绩效改进计划书",
        source="https://m.bdocx.com/down/13074442.html",
        reproduced="员工信息 labels (员工姓名/部门/车间/班组/入职时间/年终绩效排名/年终绩效等级/直接主管/部门经理/评估间期), "
                   "绩效不佳表现描述, 绩效不佳原因分析 with its sub-labels (专业技术…其他), 被评估人签字/部门经理签字, "
                   "计划开始/结束时间, the 3-month reminder, the final-result checkboxes and remedial options a-e, 评估人签字/审批人签字",
        completed="the expected-results list rendered as a table nested in the cell (序号|改进项目|预期结果|具体时限)",
        keys="部门/车间 names one thing: department = whole value; 年终绩效排名->kpi_result (SPEC: attainment, rank); "
             "年终绩效等级->grade; 直接主管->manager_name (部门经理 is not); 评估间期->period; 绩效不佳表现描述->performance_summary "
             "(value = the cell's paragraphs after its label paragraph); 原因分析 sub-labels not mapped; 被评估人签字->"
             "employee_confirmation; 部门经理签字->manager_signature; nested plan table->improvement_plan; the unticked "
             "outcome checkboxes and the empty 评估人/审批人 signatures are not mapped.",
    ),
    "R05": dict(
        fn=l05_qbg6_1137, name="人员试用期鉴定表",
        source="https://www.qbg6.com/1137.html",
        reproduced="姓名/性别/年龄/籍贯/学历/经历, 试用部门/职务/薪酬/津贴/试用期, 试用结果 with its five options, 试用部门考核人, "
                   "主管意见, 人力资源部意见, 批示",
        completed="签字:/日期: sub-label cells under 主管意见",
        keys="试用部门->department; 职务->position; 试用期->period; 试用结果 (checkbox list, one option a paragraph)->grade; "
             "试用部门考核人->manager_name; 主管意见->performance_summary; its 签字->manager_signature and single 日期->record_date; "
             "人力资源部意见 / 批示 not mapped. No employee signature: unconfirmed.",
    ),
    "R06": dict(
        fn=l06_360docs_1817159510, name="试用期转正考核表(设计部)",
        source="https://www.360docs.net/doc/1817159510.html",
        reproduced="pass-mark note, 部门|被考核人姓名|考核人姓名|转正日期 label row over a value row, 考核内容|衡量标准|考核人评价 with "
                   "the five items and 20/16/12/8/4 scale, 总分, 试用期间工作总结, 部门评分, 部门负责人(意见), footer 考核结果:/考核人:/日期:",
        completed="",
        keys="被考核人姓名->employee_name; 考核人姓名->manager_name; 转正日期 not mapped; 试用期间工作总结 (written by the "
             "employee)->employee_feedback; 部门负责人意见->performance_summary; 部门评分/总分 not mapped; footer line with three "
             "标签:值 pairs: 考核结果->grade, 考核人->manager_signature, 日期->record_date.",
    ),
    "R07": dict(
        fn=l07_doczj_3c16572225, name="试用期评估表-管理/技术研发类",
        source="https://www.doczj.com/doc/3c16572225.html",
        reproduced="员工姓名/公司/部门/职位/直接经理/入职日期/试用期起始日/试用期满日, 评估要求 (➢ bullets, 5-point scale, 60/40 "
                   "weights), 试用期起始前填写确认 with 主要岗位职责描述(可附件), 试用期内工作目标设定(可附件), 直接经理/主管 | 员工本人",
        completed="the end-of-probation part (goal and behaviour scoring tables, 总评估分值, 直接经理评语, 员工意见, 评估结果 "
                  "checkboxes, signature row)",
        keys="直接经理->manager_name; the start-of-probation signatures (直接经理/主管, 员工本人) confirm the goals, not the "
             "review, and are not mapped; 直接经理评语->performance_summary; 员工意见->employee_feedback; 评估结果 (checkboxes)"
             "->grade, 总评估分值 not mapped; final row 直接经理签字->manager_signature, 员工签字->employee_confirmation, "
             "日期->record_date; 试用期起始日/满日 not mapped (no single period label).",
    ),
    "R08": dict(
        fn=l08_doczj_243800883, name="员工转正考核表",
        source="http://biz.doczj.com/doc/243800883.html",
        reproduced="一、员工资料 (姓名/入职日期/部门/职位/考核期间 自…至…), 二、考核结果 checkbox line (提前转正/按期转正/延长…), "
                   "the scoring matrix: item, 着重考核… description, Ⅰ–Ⅴ levels, weight, □15 □12 □9 □7.5 □4.5 score boxes",
        completed="四、直接上级评语, 五、员工意见 and the signature row",
        keys="考核期间->period (whole 自…至… text); 考核结果 checkbox line under its title->grade; scoring matrix not mapped; "
             "直接上级评语->performance_summary; 员工意见->employee_feedback; 员工签名/直接上级签名/日期 -> employee_confirmation/"
             "manager_signature/record_date. No manager_name label.",
    ),
    "R09": dict(
        fn=l09_360docs_139815693, name="试用期员工考核评估表",
        source="https://www.360docs.net/doc/139815693.html",
        reproduced="姓名|所属部门|职位 label row, 评分标准 (单项/综合), 二、基本指标考核(40%) 考核内容|考核要素|考核标准说明|配分|自评|上级评 "
                   "with 工作态度/工作能力 groups, 评定总分, 三、专项指标考核(60%) 岗位主要工作指标|期望目标|配分|主管评分, 四、综合评分, "
                   "考核人:/被考核人: and 日期:/日期: lines, 填表说明 1-2",
        completed="",
        keys="综合评分 (inline after '四、')->grade; 考核人:->manager_signature (no manager_name label); 被考核人:->"
             "employee_confirmation; the two 日期: are per-signature and not mapped; both matrices not mapped.",
    ),
    "R10": dict(
        fn=l10_360docs_139815693_b, name="试用期考评评定审批表",
        source="https://www.360docs.net/doc/139815693.html",
        reproduced="员工基本信息 block: 姓名/人员ID, 部门, 身份证号, 岗位名称, 入职时间, 职级/职等; the 能力 / 价值观 indicator lists",
        completed="直接上级评价, 评定结果 checkboxes, 签字/日期 cells, 人力资源部/总经理审批 rows",
        keys="姓名/人员ID holds 'name/ID': employee_name and employee_id split at '/'; 岗位名称->position; 职级/职等 is a job "
             "level, NOT grade; 直接上级评价->performance_summary; 评定结果->grade; 直接上级签字/日期->manager_signature, "
             "员工确认签字/日期->employee_confirmation (name + date values). No manager_name label.",
    ),
    "R11": dict(
        fn=l11_scribd_hr360, name="Employee Evaluation Form (员工评估表)",
        source="https://www.scribd.com/document/658167007/Employee-Evaluation-Form",
        reproduced="I. EMPLOYEE INFORMATION (员工信息) with Employee Name (员工姓名)/Job Title (职称)/Supervisor/Reviewer (主管/审稿人)/"
                   "Review Period (审查期) From: To:, II. CORE VALUES AND OBJECTIVES table PERFORMANCE CATEGORY (性能类别)|RATING (评分)|"
                   "COMMENTS AND EXAMPLES (评论和例子) with the four-level checkbox ratings",
        completed="sections III-VII (overall rating, reviewer comments, goals, employee comments, acknowledgement signatures)",
        keys="labels sit ABOVE their values; Job Title (职称)->position; Supervisor/Reviewer->manager_name; Review Period->period "
             "(whole cell 'From: … To: …'); OVERALL RATING checkbox line->grade; REVIEWER COMMENTS->performance_summary; "
             "GOALS FOR NEXT REVIEW PERIOD not mapped (no improvement plan in this form: missing-field); EMPLOYEE COMMENTS->"
             "employee_feedback; Employee Signature->employee_confirmation, Reviewer Signature->manager_signature; "
             "per-signature Date (日期) not mapped.",
    ),
    "R12": dict(
        fn=l12_jinchutou_prf, name="PERFORMANCE REVIEW FORM 绩效评估表",
        source="https://m.jinchutou.com/shtml/view-489125922.html",
        reproduced="header labels Employee's Name 姓名, Employee # 工号, Position Title 职务, Department 部门, Starting Date 入职日期, "
                   "Supervisor 主管, Review Period 评估期 From 自 To 至, Date of Review 评估日期, Type of review 类型 Annual/Special; "
                   "the instruction line; Part I General Competence/Skills Review with Review indicators|Rating and the "
                   "'Examples or reasons for giving this rating' prompt",
        completed="Part II (overall comments, strengths, areas for improvement, plan, employee comments, signatures) and the "
                  "instructions page",
        keys="Date of Review 评估日期->interview_time; Type of review (checkbox)->interview_type; Review Period->period (whole "
             "cell); Supervisor 主管->manager_name; Starting Date not mapped; Part I examples not mapped; Part II rows map "
             "by their labels (总体评语->performance_summary, 优点->strengths, 需改进之处->weaknesses, 改进计划->improvement_plan, "
             "员工意见->employee_feedback, 员工签名/日期->employee_confirmation, 主管签名/日期->manager_signature).",
    ),
    "R13": dict(
        fn=l13_jinchutou_pa, name="PERFORMANCE APPRAISAL",
        source="https://mip.jinchutou.com/shtml/view-447150443.html",
        reproduced="受评者/Employee, 评估者/Appraiser, 年龄/Age, 部门/Dept., 职位/Position, 日期/Date; A 行为准则 个人目标完成情况 with "
                   "(1)…(5) level columns and 评述/Comments; B 行为标准/Performance Criteria with its instruction and criteria groups; "
                   "C 总结 强项/Strengths, 需改进项/Areas for improvement",
        completed="the rest of C (overall comments, nested plan table, employee comments, signatures)",
        keys="受评者->employee_name; 评估者->manager_name; 日期/Date in the header->interview_time; A and B matrices not mapped "
             "(A is not kpi_result); 强项->strengths; 需改进项->weaknesses; 总体评价->performance_summary; nested plan table->"
             "improvement_plan; 受评者签名->employee_confirmation; 评估者签名->manager_signature.",
    ),
    "R14": dict(
        fn=l14_xiaomilidoc_annual, name="Annual Performance Review Form 年度工作表现评估表",
        source="https://www.xiaomilidoc.com/p-10535985.html",
        reproduced="title, 'Room to grow 成长的空间', 'Performance Review Record 工作表现评估记录', header pairs Name 姓名 / Position 职位 / "
                   "Manager's Name 经理姓名 / Date of Review 评估日期, Rating Scale Definitions 评分等级说明 (whole-number rule, 5-1 levels)",
        completed="KJR and competency tables, Overall Performance Rating line, the four section titles and the signature/date lines",
        keys="header is paragraphs with two pairs per line; Manager's Name 经理姓名->manager_name; Date of Review->interview_time; "
             "Overall Performance Rating->grade; Manager's Summary->performance_summary; Areas to Grow->weaknesses; Action Plan "
             "行动计划->improvement_plan; Employee Comments->employee_feedback; Employee/Manager Signature->employee_confirmation/"
             "manager_signature; the single Date 日期 line->record_date (late-record is computed against Date of Review).",
    ),
    "R15": dict(
        fn=l15_m448_354618, name="试用期员工综合考评表",
        source="https://www.m448.com/info/docview_354618.html",
        reproduced="【新员工信息】 新员工姓名/部门/职务/导师/入职日期/考核日期, 【考评说明】 with the four parts (导师辅导计划书, 转正测试题, "
                   "自我评价及导师评价表, 综合考评表)",
        completed="the 自我评价 / 导师评价 / 综合考评 sections",
        keys="新员工姓名->employee_name; 职务->position; 导师 (mentor) is NOT manager_name; 考核日期 not mapped; 试用期自我评价->"
             "employee_feedback; 导师评价 not mapped (competes with the summary; the page says 部门经理/主管 evaluation dominates); "
             "部门经理/主管评价->performance_summary; 综合考评结果->grade; 部门经理/主管签字->manager_signature; 新员工签字->"
             "employee_confirmation.",
    ),
    "R16": dict(
        fn=l16_daumloan_579928780, name="员工绩效评估表(普通员工)",
        source="https://m.daumloan.com/p-579928780.html",
        reproduced="scope note, 类别 自评/初评/总评, 部门/姓名/编号/职位/直属上司/绩效评估期 自…至…, 评分标准 O/G/S/N/U (bilingual), "
                   "Ⅰ.工作基本能力评分(权重60%) with 评估因素|比例|评估等级 O G S N U|评语|得分, (A).责任 and (B).能力 groups, 权重小计",
        completed="Ⅱ.综合评语, Ⅲ.绩效改进计划 table, Ⅳ.员工意见, grade and signature grid",
        keys="编号->employee_id; 直属上司->manager_name; 绩效评估期->period (whole 自…至…); 类别 checkbox not mapped (not "
             "interview_type); O/G/S/N/U matrix not mapped; 综合评语->performance_summary; plan table->improvement_plan; 评估等级->"
             "grade (评估总分 not mapped); 员工签名/日期 / 直属上司签名/日期 -> employee_confirmation / manager_signature.",
    ),
    "R17": dict(
        fn=l17_163wenku_3682042, name="管理人员的人事考绩表格(B)",
        source="https://m.163wenku.com/p-3682042.html",
        reproduced="姓名, 决定 评价分数, 第一次考核 主任或组长 判断, 第二次考核 课长或经理 调整, 董监事会议/总经理, 判定基准 A特别优秀…E差 "
                   "with descriptors and 15/10-point bands, 勤情评价 (上班日数, 缺席 事假/丧假/无故, 早退, 迟到, 换算, 总计), 记载事项, "
                   "综合意见, 对判定奖赏/加薪/训练/晋升的反映, 本人对判定的不满",
        completed="exact cell geometry (the page text is flattened)",
        keys="评价分数->grade; 第一次考核 reviewer (主任或组长)->manager_name (second-level reviewer and 总经理 not mapped); "
             "综合意见->performance_summary; 本人对判定的不满->employee_feedback; the other 反映 rows, 记载事项 and attendance "
             "not mapped. Almost every interview key is absent from this form.",
    ),
    "R18": dict(
        fn=l18_360docs_4719323499, name="员工周期绩效考核表(经理及以上级) APPRAISAL REPORT FOR MANAGERIAL STAFF",
        source="https://www.360docs.net/doc/4719323499.html",
        reproduced="bilingual title, 工号 Employee NO., 评估期:从 Period of Review, 部门/职位 Dept./Position, 考核项目 Performance Contents "
                   "groups (Administrative / Interpersonal / Group skills items), the Grade legend (A…D by K), 评语 Comment, 优点 "
                   "Advantage, the 'to be completed only after review with employee' and 'executed by Human Resources' blocks",
        completed="total/grade rows, 缺点/Disadvantage and 改进计划 rows, signature rows",
        keys="部门/职位 holds 'dept/position': department and position split at '/'; 评估期->period; 等级 Grade->grade (总分 not "
             "mapped); 评语 Comment->performance_summary; 优点 Advantage->strengths; 缺点 Disadvantage->weaknesses; 改进计划->"
             "improvement_plan; 员工意见->employee_feedback; signatures->employee_confirmation / manager_signature; the single "
             "日期 Date->record_date. No manager_name / interview_time label.",
    ),
    "R19": dict(
        fn=l19_xiaomilidoc_10382998, name="员工工作评估表 (FY)",
        source="https://www.xiaomilidoc.com/p-10382998.html",
        reproduced="header 姓名/员工号/入职日期/部门/职位/现职任期/直属主管/评估期限 从…到…, 第一部分 工作业绩回顾 with the 130-point "
                   "scoring rule and 101-130 / 71-100 / 0-70 bands, 员工自我评估 and 直属主管评估 with their instructions (weight order, "
                   "subjective/objective causes, 总结, 评定等级, reach 共识 with the manager)",
        completed="the goal tables under each evaluation and 第二部分 评估沟通确认 (达成共识, 意见分歧, signatures); the company name "
                  "in the title is dropped",
        keys="two rows both labelled 总结: the one under 员工自我评估->employee_feedback, the one under 直属主管评估->"
             "performance_summary; 评定等级 (manager's)->grade, 本人评定等级 not mapped; 评估期限->period; 直属主管->manager_name; "
             "现职任期/入职日期 not mapped; 达成共识->consensus; 意见分歧->disagreements; 签字/日期 values->confirmation/signature.",
    ),
    "R20": dict(
        fn=l20_dybbs8_334474697, name="Performance Appraisal 員工績效評估表 (bilingual, traditional Chinese)",
        source="http://www.dybbs8.com/doc-334474697.html",
        reproduced="the N/A instruction, Rating key 評估標準 (Exceptional 優秀 / Effective 有效 / Needs improvement 需要改進 with their "
                   "definitions), Section A Specific Position Appraisal 職位評估 (No. 序號 | Duties and Responsibilities 工作職責 | 1 2 3 | "
                   "Comments 備注), Section B Management Performance 管理人員評估表 (Leadership skills 領導技能 rows with 口 boxes)",
        completed="the header block (Employee Name 員工姓名 … Review Period 評估期間) and Section C (comments, plan, signatures), "
                  "written with the template's traditional characters",
        keys="labels are traditional Chinese (員工姓名, 職位, 部門, 評估人, 評估日期, 評估期間, 總體評語, 改進計劃, 員工意見, 員工簽名/日期, "
             "評估人簽名/日期); Reviewer 評估人->manager_name; Review Date 評估日期->interview_time; Sections A/B not mapped.",
    ),
    "R21": dict(
        fn=l21_baomayou_shuzhi, name="员工述职评价表",
        source="http://m.baomayou.com/wenku/rdrge/9m27NZZydj",
        reproduced="the 员工述职报告评价标准 matrix: 序号 | 内容 | 比例 | 分值 | 标准分阶 A(21-25分)…E(1-5分) | 得分, items 本职工作阐述, 工作总结, "
                   "工作遇到问题分析及改善措施 at 25% / 25分 each, with descriptor text per band (paraphrased)",
        completed="the header grid (述职人, 部门, 岗位, 述职时间, 述职地点, 评价人), the fourth item (下阶段工作计划) and the rows below "
                  "the matrix (总得分, 评价意见, 改善计划, 述职人确认, 评价人签字)",
        keys="述职人->employee_name; 评价人->manager_name; 述职时间->interview_time (the 述职 session is the talk); 述职地点->location; "
             "总得分->grade; 评价意见->performance_summary; 改善计划->improvement_plan; 述职人确认->employee_confirmation; "
             "评价人签字->manager_signature; the matrix is not mapped.",
    ),
}


D = dt.date
# (file, layout, family, make() options, extra record settings)
FILES = [
    ("R01a_qbg6_面谈表_tech.docx", "R01", "tech", dict(day=D(2024, 10, 15), extras=("strengths", "weaknesses", "employee_feedback"),
                                                     ev={"strengths": True}, plan="nd", plan_mark="cn"), {}),
    ("R01b_qbg6_面谈表_logi.docx", "R01", "logi", dict(day=D(2024, 10, 22), extras=("strengths", "weaknesses", "employee_feedback"),
                                                     ev={"weaknesses": True}, plan="both", n_plan=3, plan_mark="num",
                                                     ph={"resource_support": "无"}), {}),
    ("R02a_fudaoke_一线员工_mfg.docx", "R02", "mfg", dict(day=D(2024, 10, 10), plan_table=True, plan="clean", n_plan=3), {}),
    ("R02b_fudaoke_一线员工_retail.docx", "R02", "retail", dict(day=D(2024, 10, 12), plan_table=True, plan="nd", n_plan=3, vague=True,
                                                            n_sum=3, confirm=False), {}),
    ("R03a_renrendoc_PIP_sales.docx", "R03", "sales", dict(day=D(2024, 11, 4), summary="neg", n_sum=3, mark="num", plan_table=True,
                                                          plan="clean", n_plan=3, extras=("employee_feedback",), conf="name_date", it_fmt="iso", rd_fmt="iso"), {}),
    ("R03b_renrendoc_PIP_cs.docx", "R03", "cs", dict(day=D(2024, 11, 6), summary="neg", n_sum=3, mark="num", plan_table=True,
                                                    plan="nd", n_plan=3, extras=("employee_feedback",), conf="name_date", it_fmt="iso", rd_fmt="iso"), {}),
    ("R04a_bdocx_改进计划书_mfg.docx", "R04", "mfg", dict(day=D(2024, 10, 8), summary="neg", n_sum=2, plan_table=True, plan="clean", n_plan=3), {}),
    ("R04b_bdocx_改进计划书_hotel.docx", "R04", "hotel", dict(day=D(2024, 10, 9), summary="neg", n_sum=2, vague=True, plan_table=True,
                                                            plan="both", n_plan=3, confirm=False), {}),
    ("R05a_qbg6_试用期鉴定_fin.docx", "R05", "fin", dict(day=D(2024, 10, 10), n_sum=2), dict(result="试用期满意,请照原工资办理聘用手续")),
    ("R05b_qbg6_试用期鉴定_nurse.docx", "R05", "nurse", dict(day=D(2024, 9, 9), n_sum=2, vague=True, rd="late"), dict(result="需继续试用")),
    ("R06a_360docs_转正考核_design.docx", "R06", "design", dict(day=D(2024, 8, 28), n_sum=2), {}),
    ("R06b_360docs_转正考核_design.docx", "R06", "design", dict(day=D(2024, 9, 26), n_sum=2, vague=True, rd="next"), {}),
    ("R07a_doczj_试用期评估_tech.docx", "R07", "tech", dict(day=D(2024, 10, 28), extras=("employee_feedback",), it_fmt="iso", rd_fmt="iso"),
     dict(result="通过试用期")),
    ("R07b_doczj_试用期评估_tech.docx", "R07", "tech", dict(day=D(2024, 12, 20), extras=("employee_feedback",), vague=True, n_sum=3,
                                                         confirm=False, it_fmt="iso", rd_fmt="iso"), dict(result="延长试用期")),
    ("R08a_doczj_转正考核_retail.docx", "R08", "retail", dict(day=D(2024, 10, 16), extras=("employee_feedback",)), dict(result="按期转正")),
    ("R08b_doczj_转正考核_hotel.docx", "R08", "hotel", dict(day=D(2024, 10, 8), extras=("employee_feedback",), vague=True, n_sum=2),
     dict(result="延长试用期")),
    ("R09a_360docs_试用期考核评估_cs.docx", "R09", "cs", dict(day=D(2024, 10, 14)), {}),
    ("R09b_360docs_试用期考核评估_logi.docx", "R09", "logi", dict(day=D(2024, 10, 30), confirm=False), {}),
    ("R10a_360docs_评定审批_fin.docx", "R10", "fin", dict(day=D(2024, 9, 30), conf="name_date", n_sum=2), dict(result="转正")),
    ("R10b_360docs_评定审批_sales.docx", "R10", "sales", dict(day=D(2024, 10, 8), conf="name_date", n_sum=3, vague=True,
                                                           it_fmt="iso", rd_fmt="iso"), dict(result="延长试用期")),
    ("R11a_scribd_HR360_retail.docx", "R11", "retail", dict(day=D(2024, 10, 21), extras=("employee_feedback",), n_sum=2), dict(result="Meets")),
    ("R11b_scribd_HR360_teach.docx", "R11", "teach", dict(day=D(2025, 1, 10), extras=("employee_feedback",), n_sum=3, vague=True,
                                                       confirm=False), dict(result="Needs")),
    ("R12a_jinchutou_PRF_sales.docx", "R12", "sales", dict(day=D(2024, 10, 16), it_fmt="iso", rd_fmt="iso", conf="name_date",
                                                         extras=("strengths", "weaknesses", "employee_feedback"), plan="nq", plan_mark="num"),
     dict(result="Special")),
    ("R12b_jinchutou_PRF_tech.docx", "R12", "tech", dict(day=D(2024, 12, 27), it_fmt="iso", rd_fmt="iso", conf="name_date",
                                                       extras=("strengths", "weaknesses", "employee_feedback"), ev={"strengths": True},
                                                       ph={"improvement_plan": "见附件"}), dict(result="Annual")),
    ("R13a_jinchutou_PA_mfg.docx", "R13", "mfg", dict(day=D(2024, 10, 18), it_fmt="iso", extras=("strengths", "weaknesses", "employee_feedback"),
                                                   plan_table=True, plan="clean", n_plan=3, ev={"weaknesses": True}), {}),
    ("R13b_jinchutou_PA_nurse.docx", "R13", "nurse", dict(day=D(2024, 10, 21), it_fmt="iso", extras=("strengths", "weaknesses", "employee_feedback"),
                                                       plan_table=True, plan="both", n_plan=2, vague=True), {}),
    ("R14a_xiaomilidoc_annual_logi.docx", "R14", "logi", dict(day=D(2024, 11, 18), it_fmt="iso", rd_fmt="iso", rd="same",
                                                           extras=("weaknesses", "employee_feedback"), plan="clean", plan_mark="num"), {}),
    ("R14b_xiaomilidoc_annual_hotel.docx", "R14", "hotel", dict(day=D(2024, 11, 19), it_fmt="iso", rd_fmt="iso", rd="late",
                                                             extras=("weaknesses", "employee_feedback"), ev={"weaknesses": True},
                                                             plan="nd", plan_mark="cn", vague=True, n_sum=3), {}),
    ("R15a_m448_综合考评_power.docx", "R15", "power", dict(day=D(2024, 9, 12), n_sum=2), dict(result="同意转正")),
    ("R15b_m448_综合考评_power.docx", "R15", "power", dict(day=D(2024, 10, 11), n_sum=2, vague=True, confirm=False), dict(result="延长试用")),
    ("R16a_daumloan_评估表_cs.docx", "R16", "cs", dict(day=D(2024, 10, 14), extras=("employee_feedback",), plan_table=True, plan="nd",
                                                    n_plan=3, conf="name_date"), {}),
    ("R16b_daumloan_评估表_fin.docx", "R16", "fin", dict(day=D(2024, 10, 15), extras=("employee_feedback",), plan_table=True, plan="clean",
                                                     n_plan=2, conf="name_date", vague=True, n_sum=2), {}),
    ("R17a_163wenku_考绩表_retail.docx", "R17", "retail", dict(day=D(2025, 1, 8), extras=("employee_feedback",), n_sum=2), {}),
    ("R17b_163wenku_考绩表_logi.docx", "R17", "logi", dict(day=D(2025, 1, 9), extras=("employee_feedback",), n_sum=2, vague=True), {}),
    ("R18a_360docs_经理考核_retail.docx", "R18", "retail", dict(day=D(2024, 10, 23), pos="店长", extras=("strengths", "weaknesses", "employee_feedback"),
                                                        plan="clean", plan_mark="paren", ev={"strengths": True}), {}),
    ("R18b_360docs_经理考核_logi.docx", "R18", "logi", dict(day=D(2024, 11, 20), pos="仓储主管", extras=("strengths", "weaknesses", "employee_feedback"),
                                                      plan="both", plan_mark="num", rd="late", confirm=False), {}),
    ("R19a_xiaomilidoc_工作评估_sales.docx", "R19", "sales", dict(day=D(2024, 10, 17), conf="name_date", rd="next", it_fmt="cn",
                                                              cons=("双方对本期评价结果和评定等级达成一致。", CONSENSUS[2][1])), {}),
    ("R19b_xiaomilidoc_工作评估_mfg.docx", "R19", "mfg", dict(day=D(2024, 10, 11), conf="name_date", vague=True, n_sum=3,
                                                           cons=CONSENSUS[0]), {}),
    ("R20a_dybbs8_traditional_retail.docx", "R20", "retail", dict(day=D(2024, 10, 25), it_fmt="iso", conf="name_date", rd_fmt="iso",
                                                               extras=("employee_feedback",), plan="clean", plan_mark="num", pos="店长",
                                                               period="2024年4月至9月"), {}),
    ("R20b_dybbs8_traditional_hotel.docx", "R20", "hotel", dict(day=D(2024, 10, 28), it_fmt="iso", conf="name_date", rd_fmt="iso",
                                                             extras=("employee_feedback",), plan="nq", plan_mark="paren", pos="大堂副理",
                                                             period="2024年第三季度", vague=True, n_sum=2), {}),
    ("R21a_baomayou_述职_tech.docx", "R21", "tech", dict(day=D(2024, 12, 26), hour=14, minutes=45, it_fmt="cn_range", plan="clean",
                                                       plan_mark="num", n_sum=3), {}),
    ("R21b_baomayou_述职_teach.docx", "R21", "teach", dict(day=D(2025, 1, 14), hour=9, minutes=30, it_fmt="cn_range", plan="both",
                                                        plan_mark="cn", vague=True, n_sum=2, confirm=False), {}),
]


def build(out: Path):
    files = []
    for idx, (name, lid, fam, opts, extra) in enumerate(FILES):
        rng = random.Random(1000 + idx)
        names = Names(rng)
        r = make(rng, names, fam, **opts)
        r.result = extra.get("result")
        d = new_doc()
        LAYOUTS[lid]["fn"](d, r, rng, names)
        d.core_properties.title = LAYOUTS[lid]["name"]
        d.save(out / name)
        files.append((name, [r]))
    return files


# ---------------------------------------------------------------- expected + validation
def doc_text(path: Path) -> str:
    parts = []
    d = Document(str(path))

    def walk(tables):
        for t in tables:
            for row in t.rows:
                for c in row.cells:
                    parts.extend(p.text for p in c.paragraphs)
                    walk(c.tables)

    parts.extend(p.text for p in d.paragraphs)
    walk(d.tables)
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
    layouts = sorted({f[1] for f in FILES})
    return f"{len(layouts)} layouts, {len(exp)} files, {nrec} records, findings: {dict(sorted(counts.items()))}"


def generate(out: Path) -> list:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.docx"):
        old.unlink()
    exp = write_expected(out, build(out))
    print(validate(out, exp))
    return exp


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "word")
