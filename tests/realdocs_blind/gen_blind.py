#!/usr/bin/env python3
"""BLIND test set: further real layouts of 绩效面谈 / 转正 / PIP records (.docx / .xlsx).

    .venv/bin/python tests/realdocs_blind/gen_blind.py [OUT_DIR]   # default tests/realdocs_blind/files/

Writes the files and expected.json (format and conventions of shared/eval/docs/expected.json
and its README.md), then checks that every expected value occurs in its file. Deterministic
(random.Random with fixed seeds).

None of the sources of tests/realdocs/ is reused. Every layout (LAYOUTS at the bottom) names
its source (page URL, GitHub repository/path, or the code-index id when the index did not
name the repository), what was reproduced, what was completed, and every label -> key
decision. Only labels / column names / table shapes were taken from the sources; page text
other than labels is paraphrased; all filled-in content is written for this set.

Decisions common to all layouts (same as tests/realdocs):
- ID columns (员工ID, 评估ID …) are never keys; 状态 / status columns are never
  employee_confirmation (the label is not a confirmation label) -> unconfirmed.
- Rating / KPI matrices and 考核指标 tables are never mapped.
- A compound label 'a/b' whose value is written 'x/y' gives both keys (x and y).
- 下期目标 / 下一周期目标 is not improvement_plan; 创建时间 / 更新时间 are not record_date.
- A bare signature 日期 gives record_date only when it is the single date of the sign-off.
- Findings are computed from the labels the content pools carry (LABELING.md), from the
  placeholders put in on purpose, and from the interview / record dates.
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
from docx.shared import Pt
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent

REQUIRED = ["employee_name", "manager_name", "interview_time", "location", "performance_summary",
            "consensus", "disagreements", "improvement_plan", "resource_support",
            "employee_confirmation"]  # fmt: skip
MISSING_KEYS = REQUIRED[:-1]
PLACEHOLDERS = {"", "无", "/", "——", "—", "待填", "略", "见附件"}
NO_DIS = re.compile(r"无分歧|无异议|没有分歧|意见一致")


def norm(s):
    return re.sub(r"\s+", "", str(s if s is not None else ""))


def is_ph(s, hints=()):
    n = norm(s)
    return n in PLACEHOLDERS or n.startswith("请填写") or any(n == norm(h) for h in hints)


# ------------------------------------------------------------------ content pools
# (text, vague) -- vague per LABELING.md: a judgement with no concrete case in the point.
SUMMARY = {
    "tech": [("主导订单服务拆分,6月上线后接口平均响应时间从420ms降到180ms。", False),
             ("工作态度认真负责,技术能力较强。", True),
             ("第三季度修复线上缺陷37个,其中P1级4个均在2小时内恢复。", False)],
    "sales": [("Q3完成回款386万元,完成率103%,新签3家连锁客户。", False),
              ("客户关系维护较好,但开拓新客户的主动性不够。", True),
              ("在9月华东经销商大会上促成2家老客户追加订单共120万元,谈判能力突出。", False)],
    "cs": [("11月处理工单1260张,一次解决率91%,投诉升级率0.8%。", False),
           ("服务意识强,处理问题比较耐心。", True)],
    "fin": [("独立完成2024年半年报合并报表,提前2天提交审计。", False),
            ("工作细致,但对业务的理解还有待加强。", True)],
    "mfg": [("负责的3号冲压线本季度OEE从72%提升到81%,8月换模改善把换模时间缩短到25分钟,现场管理能力突出。", False),
            ("执行力有待提高。", True)],
    "logi": [("双十一期间连续带班12个夜班,分拣差错率控制在0.05%以下。", False),
             ("团队协作意识一般。", True)],
    "nurse": [("本季度负责病区压疮高危患者42例,无新发压疮;7月参与抢救1例过敏性休克患者,处置规范。", False),
              ("工作积极,表现良好。", True)],
    "teach": [("所带两个班期末数学平均分比年级均分高6.5分,公开课《函数的单调性》获区二等奖。", False),
              ("课堂管理能力有待提高。", True)],
    "retail": [("门店9月销售额完成108%,会员新增420人;国庆前带领4名店员两天内完成换季陈列。", False),
               ("对下属要求不够严格。", True)],
    "design": [("完成秋季品牌主视觉6套,其中2套被客户直接采用,无返稿。", False),
               ("创意能力强,审美在线。", True)],
    "hr": [("上半年完成校招入职58人,到岗率92%,试用期流失率降到6%。", False),
           ("沟通协调能力还算可以。", True)],
    "med": [("本考核期受理调解案件64件,调解成功41件,成功率64%,无当事人投诉。", False),
            ("调解技巧还不够成熟。", True)],
    "hotel": [("前厅夜审报表差错从每月5次降到1次;8月团队入住高峰一人完成86间房的排房。", False),
              ("服务态度不错,值得肯定。", True)],
}
STRENGTHS = [("10月牵头处理一件积压3周的疑难事项,当天给出方案并闭环。", False), ("学习能力强,肯吃苦。", True),
             ("本季度客户满意度评分4.8分,位列组内第一。", False), ("责任心强,做事踏实。", True),
             ("牵头整理的退换货话术被全组采用,相关投诉下降30%。", False)]
WEAKNESSES = [("月度报表3次晚于截止日提交,最长延误2天。", False), ("时间管理能力有待加强。", True),
              ("8月有2份台账与系统数据不一致,未及时上报。", False), ("跨部门沟通不够主动。", True),
              ("本月交接记录有4次漏记关键事项。", False)]
KPI = [("销售额完成率103%,回款率97%,新客户数3家。", False), ("KPI完成情况良好。", True),
       ("工单一次解决率91%,平均响应时长2.6分钟。", False), ("指标基本完成,表现一般。", True)]
# (text, has_quantity, has_deadline)
PLAN = {
    "tech": [("9月30日前独立完成2个核心模块的单元测试,覆盖率达到70%", True, True),
             ("每周参加1次代码评审并记录问题", True, False), ("下次面谈前加强接口文档的规范性", False, True),
             ("提升系统设计能力", False, False)],
    "sales": [("Q4末前新签2家年采购额50万元以上的客户", True, True), ("每月拜访重点客户不少于8家", True, False),
              ("年底前改善客户回访质量", False, True), ("加强与售后部门的沟通", False, False)],
    "cs": [("30天内将工单平均响应时长降到3分钟以内", True, True), ("持续提高服务话术水平", False, False),
           ("每周抽听5通本人录音并写复盘", True, False)],
    "fin": [("12月31日前通过CPA税法科目考试", True, True), ("下季度末前熟悉合并报表抵消流程", False, True)],
    "mfg": [("三个月内把换模时间缩短到20分钟以下", True, True), ("每班开班前做1次安全交底", True, False),
            ("逐步提升现场5S水平", False, False)],
    "logi": [("11月15日前完成库位重新编码并上线WMS新拣货规则", True, True), ("注意控制分拣差错", False, False)],
    "nurse": [("8月31日前取得主管护师资格证书", True, True), ("每季度参加2次带教查房", True, False)],
    "teach": [("下学期期中考试前将班级数学及格率提高到85%以上", True, True), ("多学习优秀教师的课堂管理方法", False, False)],
    "retail": [("两周内完成陈列标准培训,店员考核全部通过", True, True), ("注意控制损耗", False, False)],
    "design": [("10月底前独立完成1套品牌VI规范", True, True), ("加强与文案的配合", False, False)],
    "hr": [("Q3末前把招聘需求平均关闭周期缩短到25天", True, True), ("年底前完善入职引导流程", False, True)],
    "med": [("下个考核期内调解成功率提升到70%", True, True), ("尽快熟悉新版调解规则", False, False)],
    "hotel": [("每月完成1次夜审流程自查", True, False), ("9月底前通过前厅主管岗位认证", True, True)],
}
CONSENSUS = ["双方认可本期评价结果,同意按改进计划执行,下次面谈回顾进展。", "对考核结果无异议,双方无分歧。",
             "双方同意把客户回款作为下季度重点,由上级每两周跟进一次。", "双方确认转正后岗位职责不变,目标按新表执行。"]
DISAGREE = ["员工认为8月系统故障影响了时效指标,希望剔除;上级同意提交HR复核。",
            "员工希望下季度减少临时支援任务,上级表示需与排班组协调。", "员工对协作项评分有保留意见,双方同意下次面谈再议。"]
SUPPORT = ["申请参加数据分析课程(约16学时),费用由部门培训预算承担。", "由质量部工程师每周安排半天现场带教,持续到11月底。",
           "开通CRM高级报表权限,IT部10月15日前完成。", "安排一名资深同事结对带教一个月。"]
FEEDBACK = ["认可评价,希望下季度能参与新项目。", "对等级有保留意见,认为临时任务量没有体现。", "同意考核结果,会按计划改进。"]
CAREER = ["希望两年内成长为团队主管。", "计划明年考取本专业中级职称。", "希望转岗到培训岗位。"]
NAMES = ["林晓峰", "郑雨桐", "孟凡宇", "许嘉怡", "邱志强", "韦婷", "傅明远", "蔡雅琴", "廖俊杰", "钟欣然",
         "潘浩", "汤佳慧", "龚子涵", "严立新", "葛思源", "卢晓敏", "谭博文", "范依依", "贺振华", "丁雪莹",
         "彭宇航", "曹静怡", "袁国栋", "邓可欣", "任天佑", "沈梦瑶", "夏志伟", "陆婉清", "石磊", "姚晨曦",
         "熊文斌", "金小雨", "魏东来", "秦悦", "江海波", "薛丽娜", "黎明辉", "段芳"]
MGRS = ["周建国", "吴海燕", "陈立军", "黄敏", "赵宏伟", "孙丽华", "王志刚", "刘春梅", "杨振东", "朱慧"]
LOCS = ["3楼小会议室", "部门经理办公室", "B座201会议室", "门店后区办公室", "腾讯会议线上", "护士站旁示教室"]
FAMILY = {"tech": ("研发部", "后端开发工程师"), "sales": ("华东销售部", "大客户经理"), "cs": ("客户服务中心", "客服专员"),
          "fin": ("财务部", "总账会计"), "mfg": ("冲压车间", "班组长"), "logi": ("仓储物流部", "分拣主管"),
          "nurse": ("心内科", "责任护士"), "teach": ("高二年级组", "数学教师"), "retail": ("门店运营部", "店长"),
          "design": ("品牌设计部", "视觉设计师"), "hr": ("人力资源部", "招聘专员"), "med": ("调解中心", "调解员"),
          "hotel": ("前厅部", "前台接待")}


class Gen:
    """Deterministic content picker; every pick keeps its labels."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.ni = 0

    def name(self):
        self.ni += 1
        return NAMES[(self.ni * 7 + self.r.randrange(3)) % len(NAMES)]

    def summary(self, fam, n=2, vague=None):
        pool = SUMMARY[fam]
        pts = self.r.sample(pool, min(n, len(pool)))
        if vague is True and not any(v for _, v in pts):
            pts[-1] = next(p for p in pool if p[1])
        if vague is False:
            pts = [p for p in pool if not p[1]][:n]
        return pts

    def plan(self, fam, n=2, good=False):
        pool = PLAN[fam]
        if good:
            return [p for p in pool if p[1] and p[2]][:n] or [pool[0]]
        return self.r.sample(pool, min(n, len(pool)))


def pts_text(pts, numbered=False, sep="\n"):
    return sep.join((f"{i}. " if numbered else "") + t for i, (t, *_rest) in enumerate(pts, 1))


# ------------------------------------------------------------------ record + findings
class Rec:
    def __init__(self, keys):
        self.f = {k: "" for k in list(dict.fromkeys(list(keys) + REQUIRED))}
        self.vague = {}          # field -> bool
        self.plan = None         # list of (text, q, d)
        self.itime = None        # date of the talk
        self.rdate = None        # date of the record
        self.hints = ()

    def put(self, key, val):
        assert key in self.f, key
        self.f[key] = val

    def findings(self):
        out, f = [], self.f
        for k in MISSING_KEYS:
            v = f.get(k, "")
            if k == "disagreements" and norm(v) == "无" and not is_ph(f.get("consensus")) \
                    and NO_DIS.search(f.get("consensus", "")):
                continue
            if is_ph(v, self.hints):
                out.append(["missing-field", k])
        if is_ph(f.get("employee_confirmation"), self.hints):
            out.append(["unconfirmed", "employee_confirmation"])
        for k, v in self.vague.items():
            if v and k in f and not is_ph(f[k], self.hints):
                out.append(["vague-rating", k])
        if self.plan and not is_ph(f.get("improvement_plan"), self.hints):
            if any(not q for _, q, _ in self.plan):
                out.append(["plan-no-quantity", "improvement_plan"])
            if any(not d for _, _, d in self.plan):
                out.append(["plan-no-deadline", "improvement_plan"])
        if self.itime and self.rdate and (self.rdate - self.itime).days >= 2:
            out.append(["late-record", "record_date"])
        return sorted(out)

    def set_pts(self, key, pts, **kw):
        self.put(key, pts_text(pts, **kw))
        self.vague[key] = any(v for _, v in pts)

    def set_plan(self, pts, **kw):
        self.put("improvement_plan", pts_text(pts, **kw))
        self.plan = list(pts)


def dstr(d):
    return d.strftime("%Y-%m-%d")


# ------------------------------------------------------------------ docx helpers
def new_doc():
    d = Document()
    st = d.styles["Normal"]
    st.font.name = "宋体"
    st.font.size = Pt(10.5)
    return d


def para(d, text, bold=False, align=None, style=None, size=None):
    p = d.add_paragraph(style=style) if style else d.add_paragraph()
    r = p.add_run(text)
    r.bold = bold
    if size:
        r.font.size = Pt(size)
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def set_cell(cell, text, bold=False):
    """Cell text; '\n' splits into paragraphs."""
    lines = str(text).split("\n")
    cell.text = ""
    p0 = cell.paragraphs[0]
    r = p0.add_run(lines[0])
    r.bold = bold
    for ln in lines[1:]:
        cell.add_paragraph(ln)


def grid(d, rows, ncols):
    """rows: list of lists of (text, span[, bold]) tuples or plain strings."""
    t = d.add_table(rows=len(rows), cols=ncols)
    t.style = "Table Grid"
    for ri, row in enumerate(rows):
        ci = 0
        for item in row:
            if isinstance(item, str):
                item = (item, 1)
            text, span = item[0], item[1]
            bold = item[2] if len(item) > 2 else False
            c = t.cell(ri, ci)
            if span > 1:
                c = c.merge(t.cell(ri, ci + span - 1))
            set_cell(c, text, bold)
            ci += span
        assert ci == ncols, (row, ci, ncols)
    return t


def docx_text(path):
    d = Document(str(path))
    parts = []

    def walk_tables(tables):
        for t in tables:
            for row in t.rows:
                for c in row.cells:
                    parts.extend(p.text for p in c.paragraphs)
                    walk_tables(c.tables)

    parts.extend(p.text for p in d.paragraphs)
    walk_tables(d.tables)
    return norm("".join(parts))


# ------------------------------------------------------------------ xlsx helpers
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
HEAD_FILL = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")


def xl_text(v):
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M") if (v.hour or v.minute) else v.strftime("%Y-%m-%d")
    if isinstance(v, dt.date):
        return v.strftime("%Y-%m-%d")
    return "" if v is None else str(v)


def xlsx_text(path):
    wb = openpyxl.load_workbook(str(path))
    return norm("".join(xl_text(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row))


def wcell(ws, r, c, v, bold=False, fill=None, fmt=None):
    cell = ws.cell(row=r, column=c, value=v)
    cell.border = BOX
    cell.alignment = WRAP
    if bold:
        cell.font = Font(bold=True)
    if fill:
        cell.fill = fill
    if fmt:
        cell.number_format = fmt
    return cell


def header_row(ws, r, headers):
    for i, h in enumerate(headers, 1):
        wcell(ws, r, i, h, bold=True, fill=HEAD_FILL)
        ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = max(10, min(40, len(h) * 2 + 4))


# ================================================================== WORD LAYOUTS
def w1_probation_rating(out, g, fam, i, sign=True):
    """lilongs/WebPage_Stock 试用期员工转正定级审批表 (bilingual ASPX form, printed to Word)."""
    name, mgr = g.name(), g.r.choice(MGRS)
    dept, pos = FAMILY[fam]
    rec = Rec(["employee_name", "department", "position", "performance_summary", "employee_feedback",
               "record_date"])
    d = new_doc()
    para(d, "德豪润达芯片事业部", bold=True, align="c")
    para(d, "ETI Chip BU.", align="c")
    para(d, "试用期员工转正定级审批表", bold=True, align="c", size=14)
    para(d, "Probation Approval and Rating Application", align="c")
    day = dt.date(2025, 3 + i, 10 + i)
    self_sum = ["入职后负责" + pos + "岗位日常工作,已熟悉主要流程和系统。",
                "试用期内参与2次专项改善,按时提交周报12份。"]
    perf = g.summary(fam, 2, vague=(i % 2 == 1))
    grade_line = g.r.choice(["按期转正 Regular member on schedule: ☑", "提前转正至 Probationary period advanced to: 2025-06-01"])
    rows = [
        [("申请人:" + mgr, 3), ("", 3), ("编号:ZZ-2025-%03d" % (31 + i), 2)],
        [("部门:" + dept, 3), ("单位:芯片事业部", 3), ("日期:" + dstr(day), 2)],
        ["姓名:", name, "性别:", ("男" if i % 2 == 0 else "女", 2), "学历:", ("本科", 2)],
        ["岗位:", pos, "试用期:", ("2024-12-10 至 2025-03-09", 5)],
        [("试用期工作总结(由本人填写)Summery work during probation period (recorded by your self)", 8, True)],
        [("\n".join(self_sum), 8)],
        [("考评内容(由直接上级填写)Appraisal (recorded by supervisor directly)", 8, True)],
        ["考核项目:\nAppraisal term", ("考核标准:\nAppraisal standard", 2), "E", "G", "A", "C", "B"],
    ]
    items = [("职业道德:\nProfessional ethics", "遵守公司保密与管理制度,诚实守信。"),
             ("责任心:\nResponsibilities", "交付的工作能按目标完成。"),
             ("岗位技能:\nJob qualification", "理解岗位职责,能用专业知识解决问题。"),
             ("团队合作:\nCooperation", "与他人协同配合完成任务。"),
             ("学习能力:\nStudying ability", "主动学习并应用到工作中。")]
    for k, (lab, std) in enumerate(items):
        marks = ["10", "8", "6", "4", "2"]
        sel = (k + i) % 3 + 1
        marks[sel] = "√" + marks[sel]
        rows.append([lab, (std, 2)] + marks)
    rows.append([("部门考核得分(A)Dept Appraisal score: %d分(80%%)\n辅导员签名 Trainer's signature:%s\n备注 Remarks:无"
                  % (78 + i * 3, g.r.choice(MGRS)), 8)])
    rows.append([("部门意见\nComments of department", 1), ("□不符合录用条件 Not qualified\n" + grade_line, 7)])
    rows.append([("", 1), ("试用期考核意见 Comments of Appraisal during probation period:\n" + pts_text(perf), 7)])
    rows.append([("人事行政部意见\nComments of HR department", 1),
                 ("新员工入职培训考核得分(B): 85分(20%)\n综合考核得分 Comprehensive score: 82分(A*80%+B*20%)\n职级 level: P3", 7)])
    rows.append([("公司领导审批\nApproval by company leader", 1), ("同意。", 7)])
    t = grid(d, rows, 8)
    # 部门意见 label merged down two rows
    t.cell(len(rows) - 4, 0).merge(t.cell(len(rows) - 3, 0))
    set_cell(t.cell(len(rows) - 4, 0), "部门意见\nComments of department")
    rec.put("employee_name", name)
    rec.put("department", dept)
    rec.put("position", pos)
    rec.put("employee_feedback", "\n".join(self_sum))
    rec.put("performance_summary", pts_text(perf))
    rec.vague["performance_summary"] = any(v for _, v in perf)
    rec.put("record_date", dstr(day))
    fn = f"B01{'ab'[i]}_aspx_转正定级审批_{fam}.docx"
    d.save(out / fn)
    return fn, [rec]


def w2_trial_eval(out, g, fam, i):
    """wanglong0537/itss 员工试用(实习)评估表 (JSP, printed to Word)."""
    name = g.name()
    dept, pos = FAMILY[fam]
    rec = Rec(["employee_name", "department", "position", "grade", "performance_summary"])
    d = new_doc()
    para(d, "北京市上品商业发展有限责任公司", bold=True, align="c", size=14)
    para(d, "员工试用(实习)评估表", bold=True, align="c", size=14)
    perf = g.summary(fam, 2 if i == 0 else 1, vague=(i == 1))
    grade = ["B+", "A"][i]
    dept_op = ["同意按期转正,转正后继续负责现有区域。", "同意转正。"][i]
    rows = [
        ["姓名", name, "部门/门店", dept, "职务", pos],
        ["实际报到日期", "2025-01-06", "拟定转正日期", "2025-04-06", "实际转正日期", "2025-04-06"],
        ["专业知识", "沟通影响", "问题解决能力", "工作难度管理幅度", "业务领域影响", "评级结果"],
        ["B", "B+", "B", "C", "B", grade],
        ["被评估者标准岗位名称", (pos, 2), "被评估者岗位层级", ("Band 3  档 2", 2)],
        ["转正前薪酬级别", ("S3,6500元/月", 2), "转正后薪酬(由人力资源部填写)",
         ("月度工资为7200元,其中\n固定部分为5800元,\n浮动部分为1400元。", 2)],
        [("员工试用(实习)期间工作表现评价", 6, True)],
        [(pts_text(perf), 6)],
        [("本部门/门店意见", 3, True), ("主管部门意见(无主管部门可不填写)", 3, True)],
        [(dept_op, 3), ("", 3)],
        ["人力资源部意见", ("同意,自拟定日期起转正。", 2), "总经理意见", ("同意。", 2)],
    ]
    grid(d, rows, 6)
    rec.put("employee_name", name)
    rec.put("department", dept)
    rec.put("position", pos)
    rec.put("grade", grade)
    rec.put("performance_summary", pts_text(perf))
    rec.vague["performance_summary"] = any(v for _, v in perf)
    fn = f"B02{'ab'[i]}_jsp_试用评估_{fam}.docx"
    d.save(out / fn)
    return fn, [rec]


def w3_cm4_structured(out, g, fam, i):
    """cm4.cn 绩效面谈表 six-block structure (基础信息 … 签字确认) as a sectioned Word table."""
    name, mgr = g.name(), g.r.choice(MGRS)
    dept, pos = FAMILY[fam]
    eid = "E%05d" % (20311 + i * 17)
    itime = dt.date(2025, 7, 8 + i)
    rec = Rec(["employee_name", "employee_id", "department", "position", "interview_time", "period",
               "manager_name", "kpi_result", "weaknesses", "career_development", "improvement_plan",
               "resource_support", "employee_feedback", "performance_summary", "employee_confirmation",
               "manager_signature"])
    kpi = [KPI[0] if fam == "sales" else KPI[2], KPI[1]] if i == 1 else [KPI[0] if fam == "sales" else KPI[2]]
    weak = [WEAKNESSES[i * 2]]
    plan = g.plan(fam, 2, good=(i == 0))
    perf = g.summary(fam, 2, vague=(i == 1))
    support = SUPPORT[i] if i == 0 else "无"
    emp_sign = f"{name} {dstr(itime)}" if i == 0 else ""
    mgr_sign = f"{mgr} {dstr(itime)}"
    d = new_doc()
    para(d, "绩效面谈表", bold=True, align="c", size=15)
    rows = [
        [("一、基础信息", 4, True)],
        ["员工姓名/工号", f"{name}/{eid}", "所属部门及岗位", f"{dept}/{pos}"],
        ["面谈日期/考核周期", f"{dstr(itime)}/2025年上半年", "面谈主持人", mgr],
        [("二、绩效回顾", 4, True)],
        ["量化指标完成情况", (pts_text(kpi), 3)],
        ["关键成果描述(STAR)", ("情境:上半年新系统切换。任务:保障切换期间业务不断。行动:编写切换手册并值守两周。结果:切换零事故。", 3)],
        ["未达标事项的根因分析", ("新人培训排期与旺季冲突,导致6月指标未达成。", 3)],
        [("三、能力评估", 4, True)],
        ["核心能力", ("执行力4分 / 专业能力4分 / 协作3分 / 创新3分 / 学习4分", 3)],
        ["行为锚定案例", ("5月客户集中投诉时,主动加班整理问题清单并逐一回访。", 3)],
        [("四、发展对话", 4, True)],
        ["员工自评", ("优势:业务熟练;劣势:数据分析弱;机会:新系统上线;威胁:人手紧张。", 3)],
        ["待提升领域", (pts_text(weak), 3)],
        ["职业发展路径", (CAREER[i], 3)],
        [("五、行动计划", 4, True)],
        ["短期(30天)改进措施", (pts_text(plan, numbered=True), 3)],
        ["中长期(90天)培养计划", ("参加公司中层后备培训班,完成3次轮岗学习。", 3)],
        ["所需资源支持清单", (support, 3)],
        [("六、签字确认", 4, True)],
        ["员工意见栏", (FEEDBACK[i], 3)],
        ["上级评语", (pts_text(perf), 3)],
        ["双方签字及日期", ("员工签字:" + emp_sign + "\n上级签字:" + mgr_sign, 3)],
    ]
    grid(d, rows, 4)
    for k, v in [("employee_name", name), ("employee_id", eid), ("department", dept), ("position", pos),
                 ("interview_time", dstr(itime)), ("period", "2025年上半年"), ("manager_name", mgr),
                 ("career_development", CAREER[i]), ("resource_support", support),
                 ("employee_feedback", FEEDBACK[i]), ("employee_confirmation", emp_sign),
                 ("manager_signature", mgr_sign)]:
        rec.put(k, v)
    rec.set_pts("kpi_result", kpi)
    rec.set_pts("weaknesses", weak)
    rec.set_pts("performance_summary", perf)
    rec.set_plan(plan, numbered=True)
    fn = f"B03{'ab'[i]}_cm4_面谈表六段_{fam}.docx"
    d.save(out / fn)
    return fn, [rec]


def w4_jiangshitai_headings(out, g, fam):
    """jiangshitai.com 绩效沟通面谈表: heading sections, goal and evaluation tables, feedback paragraphs."""
    name = g.name()
    dept, pos = FAMILY[fam]
    rec = Rec(["employee_name", "position", "department", "strengths", "improvement_plan"])
    d = new_doc()
    d.add_heading("绩效沟通面谈表", level=0)
    d.add_heading("一、基本背景信息", level=1)
    for lab, v in [("姓名", name), ("职位", pos), ("部门", dept), ("入职时间", "2022-09-01")]:
        para(d, f"{lab}:{v}")
    d.add_heading("二、绩效目标", level=1)
    grid(d, [[("绩效目标", 1, True), ("评估指标", 1, True), ("目标达成情况", 1, True)],
             ["提高销售额", "完成季度销售指标360万元", "完成386万元"],
             ["优化客户服务", "客户满意度≥90%", "实际93%"]], 3)
    d.add_heading("三、绩效评估", level=1)
    grid(d, [[("评估指标", 1, True), ("评估结果", 1, True)], ["销售业绩", "超过预期"], ["团队合作", "达到预期"]], 2)
    d.add_heading("四、绩效反馈", level=1)
    st = [STRENGTHS[0], STRENGTHS[1]]
    plan = g.plan(fam, 3)
    para(d, "优点和成绩", bold=True)
    for t, _ in st:
        para(d, t)
    para(d, "改进的建议和指导", bold=True)
    for t, *_ in plan:
        para(d, t)
    d.add_heading("五、下一周期目标", level=1)
    para(d, "第四季度销售额400万元,新增客户3家。")
    rec.put("employee_name", name)
    rec.put("position", pos)
    rec.put("department", dept)
    rec.set_pts("strengths", st)
    rec.set_plan(plan)
    fn = f"B04_jiangshitai_沟通面谈_{fam}.docx"
    d.save(out / fn)
    return fn, [rec]


def w5_qituowang_grid(out, g, fam, i):
    """qituowang.com 员工面谈表: 基本信息 grid with 面谈类型 checkbox row, module rows, signature row."""
    name, mgr = g.name(), g.r.choice(MGRS)
    dept, pos = FAMILY[fam]
    itime = dt.date(2025, 10, 14 + i)
    rdate = itime if i == 0 else itime + dt.timedelta(days=3)
    rec = Rec(["employee_name", "department", "position", "interview_time", "manager_name", "interview_type",
               "performance_summary", "career_development", "employee_feedback", "improvement_plan",
               "employee_confirmation", "manager_signature", "record_date"])
    perf = g.summary(fam, 3 if i == 0 else 2, vague=(i == 0))
    plan = g.plan(fam, 2, good=(i == 1))
    itype = ["☑季度绩效面谈 □年度晋升面谈 □试用期转正面谈", "□季度绩效面谈 □年度晋升面谈 ☑试用期转正面谈"][i]
    emp = name if i == 0 else ""
    d = new_doc()
    para(d, "员工面谈表", bold=True, align="c", size=15)
    rows = [
        ["员工姓名", name, "部门", dept, "职位", pos],
        ["面谈日期", f"{itime.year}年{itime.month}月{itime.day}日", "面谈人", mgr, "面谈地点", ""],
        ["面谈类型", (itype, 5)],
        ["工作回顾与绩效分析", (pts_text(perf), 5)],
        ["职业发展", (CAREER[2 - i], 5)],
        ["问题反馈", (FEEDBACK[2 - i], 5)],
        ["改进计划", (pts_text(plan, numbered=True), 5)],
        ["员工签字", emp, "面谈人签字", mgr, "日期", f"{rdate.year}年{rdate.month}月{rdate.day}日"],
    ]
    grid(d, rows, 6)
    for k, v in [("employee_name", name), ("department", dept), ("position", pos),
                 ("interview_time", f"{itime.year}年{itime.month}月{itime.day}日"), ("manager_name", mgr),
                 ("interview_type", itype), ("career_development", CAREER[2 - i]),
                 ("employee_feedback", FEEDBACK[2 - i]), ("employee_confirmation", emp),
                 ("manager_signature", mgr), ("record_date", f"{rdate.year}年{rdate.month}月{rdate.day}日")]:
        rec.put(k, v)
    rec.set_pts("performance_summary", perf)
    rec.set_plan(plan, numbered=True)
    rec.itime, rec.rdate = itime, rdate
    fn = f"B05{'ab'[i]}_qituowang_员工面谈表_{fam}.docx"
    d.save(out / fn)
    return fn, [rec]


def w6_maihe_print(out, g, fam, i):
    """麦禾教育员工绩效面谈记录表 (Vue mobile page, index id 16140687937), printed to Word."""
    name, mgr = g.name(), g.r.choice(MGRS)
    dept, pos = FAMILY[fam]
    rec = Rec(["department", "position", "employee_name", "period", "performance_summary", "weaknesses",
               "manager_signature", "record_date", "employee_confirmation"])
    perf = g.summary(fam, 2, vague=(i == 1))
    weak = [WEAKNESSES[1 + i * 2]]
    plan = g.plan(fam, 2)
    sdate = dt.date(2025, 1, 16 + i)
    emp = f"{name}" if i == 0 else ""
    d = new_doc()
    para(d, "麦禾教育员工绩效面谈记录表", bold=True, align="c", size=15)
    para(d, "基本信息", bold=True, align="c")
    for lab, v in [("所在部门", dept), ("职位名称", pos), ("姓名", name), ("考核周期", "2024-10-01至2024-12-31")]:
        para(d, f"{lab}:{v}")
    para(d, "考核指标", bold=True, align="c")
    grid(d, [[("考核项目", 1, True), ("目标完成", 1, True), ("实际完成", 1, True), ("得分", 1, True)],
             ["续费率", "85%", "88%", "30"], ["课时消耗", "1200课时", "1130课时", "25"],
             ["家长满意度", "4.5分", "4.7分", "20"]], 4)
    para(d, "考核人谈话要点", bold=True, align="c")
    para(d, "业绩与优点:")
    for t, _ in perf:
        para(d, t)
    para(d, "存在的不足:" + pts_text(weak))
    para(d, "备注:" + ";".join(t for t, *_ in plan))
    para(d, "主管签名:" + mgr)
    para(d, "签名时间:" + dstr(sdate))
    para(d, "说明:", bold=True)
    para(d, "1、绩效改进计划由主管与员工在面谈时共同确认,作为改进依据。")
    para(d, "2、双方确认签字后生效,HR留存备案。")
    para(d, "本人签名:" + emp)
    for k, v in [("department", dept), ("position", pos), ("employee_name", name),
                 ("period", "2024-10-01至2024-12-31"), ("manager_signature", mgr), ("record_date", dstr(sdate)),
                 ("employee_confirmation", emp)]:
        rec.put(k, v)
    rec.set_pts("performance_summary", perf)
    rec.set_pts("weaknesses", weak)
    fn = f"B06{'ab'[i]}_maihe_面谈记录_{fam}.docx"
    d.save(out / fn)
    return fn, [rec]


# ================================================================== EXCEL LAYOUTS
def x1_prajna_interview(out, g):
    """prajna 绩效体系套件 workbook: 使用说明 + KPI 指标库 sheets, then 绩效面谈记录 form sheets."""
    wb = openpyxl.Workbook()
    ws0 = wb.active
    ws0.title = "使用说明"
    for r, row in enumerate([["绩效管理体系套件"], [], ["企业名称", "某连锁零售公司"], ["考核周期", "季度"],
                             ["本工作簿包含:"], ["1. KPI 指标库", "各岗位核心指标与权重。"],
                             ["2. 绩效面谈记录", "每位员工一张面谈记录表。"]], 1):
        for c, v in enumerate(row, 1):
            ws0.cell(row=r, column=c, value=v)
    ws1 = wb.create_sheet("KPI指标库")
    header_row(ws1, 1, ["KPI编号", "KPI名称", "权重(%)", "目标值", "计算方式"])
    for r, row in enumerate([["K01", "销售额达成率", 40, "100%", "实际/目标"], ["K02", "损耗率", 20, "≤0.8%", "损耗/销售"]], 2):
        for c, v in enumerate(row, 1):
            wcell(ws1, r, c, v)
    recs = []
    hint_plan = "明确的改进措施、责任人、完成时间与验收标准。"
    for i, fam in enumerate(["retail", "logi"]):
        name, mgr = g.name(), g.r.choice(MGRS)
        dept, pos = FAMILY[fam]
        ws = wb.create_sheet(name)
        ws.merge_cells("A1:D1")
        ws["A1"] = "绩效面谈记录表"
        ws["A1"].font = Font(bold=True, size=14)
        itime = f"2025-0{4 + i}-1{2 + i}"
        loc = LOCS[3] if i == 0 else ""
        basic = [["员工姓名", name, "部门", dept], ["岗位名称", pos, "考核周期", "2025年第一季度"],
                 ["面谈日期", itime, "面谈地点", loc], ["直接上级", mgr, "HR 列席", "蔡晓"]]
        r = 3
        for row in basic:
            for c, v in enumerate(row, 1):
                wcell(ws, r, c, v, bold=c in (1, 3))
            r += 1
        perf = g.summary(fam, 2, vague=(i == 0))
        plan = g.plan(fam, 2)
        plan_txt = pts_text(plan, numbered=True) if i == 0 else hint_plan
        sections = [("一、绩效回顾(员工自评)", FEEDBACK[i]), ("二、上级反馈", pts_text(perf)),
                    ("三、发展需求", SUPPORT[2 + i]), ("四、下期目标共识", CONSENSUS[2 + i]),
                    ("五、后续行动计划", plan_txt), ("六、员工申诉/备注", "无")]
        for title, val in sections:
            r += 1
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
            wcell(ws, r, 1, title, bold=True, fill=HEAD_FILL)
            r += 1
            ws.merge_cells(start_row=r, start_column=1, end_row=r + 2, end_column=4)
            wcell(ws, r, 1, val)
            r += 3
        r += 1
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=4)
        emp = name if i == 0 else ""
        ws.cell(row=r, column=1, value=f"员工签字:{emp}        日期:{itime}")
        ws.cell(row=r, column=3, value=f"上级签字:{mgr}        日期:{itime}")
        for col, w in zip("ABCD", (16, 24, 16, 50)):
            ws.column_dimensions[col].width = w
        rec = Rec(["employee_name", "department", "position", "period", "interview_time", "location",
                   "manager_name", "employee_feedback", "performance_summary", "resource_support",
                   "consensus", "improvement_plan", "employee_confirmation", "manager_signature"])
        rec.hints = (hint_plan,)
        for k, v in [("employee_name", name), ("department", dept), ("position", pos), ("period", "2025年第一季度"),
                     ("interview_time", itime), ("location", loc), ("manager_name", mgr),
                     ("employee_feedback", FEEDBACK[i]), ("resource_support", SUPPORT[2 + i]),
                     ("consensus", CONSENSUS[2 + i]), ("employee_confirmation", emp), ("manager_signature", mgr)]:
            rec.put(k, v)
        rec.set_pts("performance_summary", perf)
        rec.put("improvement_plan", plan_txt)
        rec.plan = plan
        recs.append(rec)
    fn = "C01_prajna_面谈记录表_book.xlsx"
    wb.save(out / fn)
    return fn, recs


def x2_prajna_pip(out, g):
    """prajna 绩效体系套件: PIP改进计划 sheet (待改进项 table, 改进行动计划 table, support list)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    recs = []
    for i, fam in enumerate(["cs", "mfg"]):
        name, mgr = g.name(), g.r.choice(MGRS)
        dept, pos = FAMILY[fam]
        ws = wb.create_sheet(f"PIP-{name}")
        ws.merge_cells("A1:F1")
        ws["A1"] = "绩效改进计划(PIP)"
        ws["A1"].font = Font(bold=True, size=14)
        start = dt.date(2025, 5, 6 + i)
        basic = [["员工姓名", name, "部门", dept, "岗位", pos],
                 ["绩效等级", "D", "考核周期", "2025年第一季度", "启动日期", dstr(start)],
                 ["直接上级", mgr, "HR 负责人", "韦晓丽", "计划周期", "60天"]]
        r = 3
        for row in basic:
            for c, v in enumerate(row, 1):
                wcell(ws, r, c, v, bold=c in (1, 3, 5))
            r += 1
        r += 1
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        ws.cell(row=r, column=1, value="一、待改进项").font = Font(bold=True)
        r += 1
        header_row(ws, r, ["序号", "待改进指标/行为", "当前表现", "目标标准", "衡量方式"])
        gaps = [["1", "工单一次解决率", "78%", "≥88%", "系统月报"], ["2", "首次响应时长", "4.5分钟", "≤3分钟", "系统月报"]] \
            if fam == "cs" else [["1", "换模时间", "32分钟", "≤20分钟", "班组记录"], ["2", "安全交底执行率", "70%", "100%", "点检表"]]
        weak_lines = []
        for row in gaps:
            r += 1
            for c, v in enumerate(row, 1):
                wcell(ws, r, c, v)
            weak_lines.append(" ".join(row))
        r += 2
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        ws.cell(row=r, column=1, value="二、改进行动计划").font = Font(bold=True)
        r += 1
        header_row(ws, r, ["序号", "改进行动", "责任人", "完成时间", "验收标准"])
        plan = g.plan(fam, 3) if i == 0 else g.plan(fam, 1, good=True)
        plan_rows = []
        for k, (t, q, dl) in enumerate(plan, 1):
            r += 1
            due = ("2025-06-30" if dl else "")
            acc = ("按目标标准验收" if q else "")
            row = [str(k), t, name, due, acc]
            for c, v in enumerate(row, 1):
                wcell(ws, r, c, v)
            plan_rows.append(" ".join(x for x in row if x))
        # a row gets a deadline from its 完成时间 cell and a standard from its 验收标准 cell
        plan_tags = [(t, q, dl) for (t, q, dl) in plan]
        r += 2
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        ws.cell(row=r, column=1, value="三、辅导与资源支持").font = Font(bold=True)
        sup = [f"1. 上级辅导频率:每周1次一对一沟通,由{mgr}负责。", "2. 培训资源:" + SUPPORT[i]]
        for s in sup:
            r += 1
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
            wcell(ws, r, 1, s)
        r += 2
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        ws.cell(row=r, column=1, value="四、结果约定").font = Font(bold=True)
        for s in ["1. 达成目标:视为改进成功,恢复正常绩效流程。", "2. 未达成:按公司制度进入调岗或其他程序。"]:
            r += 1
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
            wcell(ws, r, 1, s)
        r += 2
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=5)
        emp = name if i == 1 else ""
        ws.cell(row=r, column=1, value=f"员工签字:{emp}        日期:{dstr(start)}")
        ws.cell(row=r, column=3, value=f"上级与 HR 签字:{mgr} 韦晓丽        日期:{dstr(start)}")
        rec = Rec(["employee_name", "department", "position", "grade", "period", "manager_name", "weaknesses",
                   "improvement_plan", "resource_support", "employee_confirmation", "manager_signature"])
        rec.put("manager_signature", f"{mgr} 韦晓丽")
        for k, v in [("employee_name", name), ("department", dept), ("position", pos), ("grade", "D"),
                     ("period", "2025年第一季度"), ("manager_name", mgr), ("weaknesses", "\n".join(weak_lines)),
                     ("resource_support", "\n".join(sup)), ("employee_confirmation", emp)]:
            rec.put(k, v)
        rec.vague["weaknesses"] = False
        rec.put("improvement_plan", "\n".join(plan_rows))
        rec.plan = plan_tags
        recs.append(rec)
    fn = "C02_prajna_PIP改进计划_book.xlsx"
    wb.save(out / fn)
    return fn, recs


def x3_perf_evaluation_db(out, g):
    """performance_evaluation table (index id 53253221025): DB-client export, column comments as headers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "performance_evaluation"
    headers = ["评估ID", "员工ID", "评估年度", "评估周期(1-年度 2-季度 3-月度)", "季度(季度评估时使用)",
               "月份(月度评估时使用)", "自评分", "自评说明", "上级评分", "上级评价意见", "综合评分",
               "绩效等级(S/A/B/C/D)", "改进建议", "面谈记录", "面谈时间", "评估状态(0-未评估 1-已自评 2-已评价 3-已完成)",
               "创建时间", "更新时间", "删除标记"]
    header_row(ws, 1, headers)
    fams = ["tech", "sales", "fin", "hr", "design", "nurse", "teach", "hotel"]
    recs = []
    for k, fam in enumerate(fams):
        r = k + 2
        itime = dt.datetime(2025, 7, 3 + k, 9 + k % 6, 30 if k % 2 else 0)
        perf = g.summary(fam, 2 if k % 3 else 1, vague=(k % 3 == 1))
        plan = g.plan(fam, 2, good=(k % 4 == 0))
        plan_txt = pts_text(plan, numbered=True)
        if k == 5:
            plan_txt, plan = "无", None
        sup_comment = pts_text(perf)
        if k == 6:
            sup_comment = ""
        itv = itime if k != 7 else None
        level = "ABBCSBAB"[k]
        row = [1001 + k, 2301 + k * 3, 2025, 2, 2, None, 85 + k % 5, FEEDBACK[k % 3], 80 + k, sup_comment,
               82.5 + k, level, plan_txt, "面谈已完成,详见改进建议。" if itv else "", itv,
               3 if itv else 2, dt.datetime(2025, 6, 28, 10, 0), dt.datetime(2025, 7, 12, 18, 5), 0]
        for c, v in enumerate(row, 1):
            wcell(ws, r, c, v, fmt="yyyy-mm-dd hh:mm" if isinstance(v, dt.datetime) else None)
        rec = Rec(["employee_feedback", "performance_summary", "grade", "improvement_plan", "interview_time"])
        rec.put("employee_feedback", FEEDBACK[k % 3])
        rec.put("performance_summary", sup_comment)
        rec.vague["performance_summary"] = any(v for _, v in perf)
        rec.put("grade", level)
        rec.put("improvement_plan", plan_txt)
        rec.plan = plan
        rec.put("interview_time", xl_text(itv) if itv else "")
        recs.append(rec)
    fn = "C03_db_performance_evaluation.xlsx"
    wb.save(out / fn)
    return fn, recs


def x4_vben_interview_list(out, g):
    """hr-performance-interview list page (index id 66953212485): 面谈列表 export."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "面谈列表"
    headers = ["面谈编号", "员工", "员工部门", "面谈人", "面谈人部门", "面谈时间", "状态", "面谈纪要"]
    header_row(ws, 1, headers)
    fams = ["logi", "retail", "cs", "mfg", "sales", "tech", "hotel", "fin"]
    status = ["已归档", "已完成", "已完成", "待面谈", "已归档", "已完成", "已归档", "已完成"]
    recs = []
    for k, fam in enumerate(fams):
        name, mgr = g.name(), g.r.choice(MGRS)
        dept, _ = FAMILY[fam]
        perf = g.summary(fam, 2, vague=(k % 2 == 0))
        summ = pts_text(perf) if status[k] != "待面谈" else ""
        t = f"2025-09-{10 + k:02d} {14 + k % 3}:{'30' if k % 2 else '00'}" if status[k] != "待面谈" else ""
        row = [f"PI-202509-{k + 1:04d}", name, dept, mgr, "运营管理部" if k % 2 else dept, t, status[k], summ]
        for c, v in enumerate(row, 1):
            wcell(ws, k + 2, c, v)
        rec = Rec(["employee_name", "department", "manager_name", "interview_time", "performance_summary"])
        for key, v in [("employee_name", name), ("department", dept), ("manager_name", mgr),
                       ("interview_time", t), ("performance_summary", summ)]:
            rec.put(key, v)
        rec.vague["performance_summary"] = any(v for _, v in perf)
        recs.append(rec)
    fn = "C04_vue_面谈列表_export.xlsx"
    wb.save(out / fn)
    return fn, recs


def x5_mediator_interviews(out, g):
    """Mediator performance page (index id 55751551457): 面谈记录 export of the detail fields."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效面谈记录"
    ws.merge_cells("A1:N1")
    ws["A1"] = "调解员绩效面谈记录导出(2025年第三季度)"
    ws["A1"].font = Font(bold=True, size=13)
    headers = ["面谈编号", "调解员", "面谈人", "面谈类型", "面谈时间", "面谈地点", "考核得分", "考核等级", "状态",
               "工作亮点", "待改进方面", "改进计划", "下期目标", "调解员反馈"]
    header_row(ws, 2, headers)
    recs = []
    for k in range(7):
        fam = "med" if k % 2 == 0 else g.r.choice(["cs", "hr"])
        name, mgr = g.name(), g.r.choice(MGRS)
        confirmed = k not in (2, 5)
        st = [STRENGTHS[k % 5]]
        wk = [WEAKNESSES[(k + 1) % 5]]
        plan = g.plan(fam, 2, good=(k == 0))
        plan_txt = pts_text(plan, numbered=True)
        if k == 4:
            plan_txt, plan = "无", None
        loc = LOCS[k % 3] if k != 3 else ""
        t = f"2025-10-{8 + k:02d} {10 + k % 4}:00"
        fb = FEEDBACK[k % 3] if confirmed else ""
        row = [f"MI{2025100 + k}", name, mgr, ["季度面谈", "专项面谈", "季度面谈"][k % 3], t, loc, 78 + k * 2,
               "BACBBAB"[k], "已确认" if confirmed else "待确认", pts_text(st), pts_text(wk), plan_txt,
               "第四季度调解成功率不低于65%", fb]
        for c, v in enumerate(row, 1):
            wcell(ws, k + 3, c, v)
        rec = Rec(["employee_name", "manager_name", "interview_type", "interview_time", "location", "grade",
                   "strengths", "weaknesses", "improvement_plan", "employee_feedback"])
        for key, v in [("employee_name", name), ("manager_name", mgr), ("interview_type", row[3]),
                       ("interview_time", t), ("location", loc), ("grade", row[7]), ("employee_feedback", fb)]:
            rec.put(key, v)
        rec.set_pts("strengths", st)
        rec.set_pts("weaknesses", wk)
        rec.put("improvement_plan", plan_txt)
        rec.plan = plan
        recs.append(rec)
    fn = "C05_mediator_面谈记录_export.xlsx"
    wb.save(out / fn)
    return fn, recs


def x6_panel_per_employee(out, g):
    """HrPerformanceInterviewPanel (index ids 63136774404 + 63626692236): one sheet per employee."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    recs = []
    plan_ok = [("9月底前完成2场新品培训,考核通过率90%以上", True, True), ("每周五提交1份周报", True, False),
               ("下次面谈前改善报价单格式", False, True), ("加强时间管理", False, False)]
    for s_i, fam in enumerate(["sales", "tech", "logi"]):
        name = g.name()
        ws = wb.create_sheet(name)
        ws.merge_cells("A1:G1")
        ws["A1"] = f"绩效面谈记录 - {name}"
        ws["A1"].font = Font(bold=True, size=13)
        n = 2 if s_i != 1 else 3
        ws.merge_cells("A2:G2")
        ws["A2"] = f"面谈记录  {n} 条记录,草稿状态可编辑、确认或删除"
        header_row(ws, 3, ["面谈时间", "面谈地点", "状态", "参与人", "HR", "双方共识", "改进项"])
        for k in range(n):
            mgr = g.r.choice(MGRS)
            t = f"2025-0{6 + k}-{11 + s_i}T{15 + k}:00"
            loc = ["视频会议", "会议室A", ""][(s_i + k) % 3]
            cons = CONSENSUS[(s_i + k) % 4] if (s_i, k) != (1, 2) else ""
            plan = [plan_ok[(s_i + k) % 4], plan_ok[(s_i + k + 1) % 4]] if k else [plan_ok[0]]
            row = [t, loc, "已确认" if k == 0 else "草稿", mgr, ["汤佳", "龚琳"][k % 2], cons, pts_text(plan)]
            for c, v in enumerate(row, 1):
                wcell(ws, 4 + k, c, v)
            rec = Rec(["interview_time", "location", "manager_name", "consensus", "improvement_plan"])
            for key, v in [("interview_time", t), ("location", loc), ("manager_name", mgr), ("consensus", cons)]:
                rec.put(key, v)
            rec.set_plan(plan)
            recs.append(rec)
    fn = "C06_panel_面谈记录_per_employee.xlsx"
    wb.save(out / fn)
    return fn, recs


# ================================================================== layouts registry
LAYOUTS = {
    "B01": dict(
        name="试用期员工转正定级审批表 Probation Approval and Rating Application (bilingual OA form)",
        source="github lilongs/WebPage_Stock OA_Build/扬州/人事行政/试用期员工转正定级审批表.aspx",
        reproduced="8-col table: 申请人/编号 and 部门/单位/日期 label:value cells, 姓名/性别/学历 and 岗位/试用期 rows, "
                   "bilingual section bars, E/G/A/C/B scoring matrix with 10/8/6/4/2 (√ marks the score), "
                   "部门考核得分/辅导员签名/备注 cell, 部门意见 label merged over two rows (checkbox outcome, then "
                   "'试用期考核意见 Comments of …:' with the comment), 人事行政部意见 block, 公司领导审批",
        decisions="姓名->employee_name; 部门:->department; 岗位->position; 试用期工作总结(由本人填写)->employee_feedback; "
                  "试用期考核意见 Comments of Appraisal…: ->performance_summary (the comment follows the label line); "
                  "日期: (single date, of the application) ->record_date; 申请人 (the manager filing it), 编号, 单位, "
                  "性别, 学历, 试用期, 辅导员签名, 职级, matrix: unmapped. No manager_name/location/time/consensus/"
                  "disagreements/plan/support/confirmation labels -> missing-field / unconfirmed."),
    "B02": dict(
        name="员工试用(实习)评估表",
        source="github wanglong0537/itss 06_Office_HR/WebRoot/pages/hrm/positiveAssessmentStatus.jsp",
        reproduced="6-col grid: label/value pairs, a row of 6 rating labels over a row of values (评级结果 last), "
                   "salary cells, a full-width section bar '员工试用(实习)期间工作表现评价' over the text row, "
                   "two opinion labels over two value cells (主管部门意见 left empty), HR/总经理 opinion row",
        decisions="姓名->employee_name; 部门/门店->department (value is the department only); 职务->position; "
                  "评级结果->grade; 员工试用(实习)期间工作表现评价->performance_summary; 本部门/门店意见, 主管部门意见, "
                  "人力资源部意见, 总经理意见, dates of 报到/转正: unmapped."),
    "B03": dict(
        name="绩效面谈表 (基础信息 / 绩效回顾 / 能力评估 / 发展对话 / 行动计划 / 签字确认)",
        source="https://cm4.cn/hy/19480.html",
        reproduced="the page's six blocks and their item names as a 4-col table: block bars, compound labels "
                   "员工姓名/工号, 所属部门及岗位, 面谈日期/考核周期 (values 'x/y'), 面谈主持人; one row per item; "
                   "'双方签字及日期' cell holding two '员工签字:… / 上级签字:…' paragraphs. Completed: wording of "
                   "the cells' content",
        decisions="compound values split (员工姓名/工号 -> employee_name + employee_id; 所属部门及岗位 -> department + "
                  "position; 面谈日期/考核周期 -> interview_time + period); 面谈主持人->manager_name; "
                  "量化指标完成情况->kpi_result; 待提升领域->weaknesses; 职业发展路径->career_development; "
                  "短期(30天)改进措施->improvement_plan; 所需资源支持清单->resource_support; 员工意见栏->employee_feedback; "
                  "上级评语->performance_summary; 员工签字:/上级签字: inline pairs -> employee_confirmation / "
                  "manager_signature. Unmapped: 关键成果描述(STAR), 未达标事项的根因分析, 核心能力, 行为锚定案例, "
                  "员工自评 (pre-talk SWOT), 中长期(90天)培养计划 (its 培养计划 is not the career wish here). "
                  "No 地点/共识/分歧 labels -> missing-field."),
    "B04": dict(
        name="绩效沟通面谈表 (heading sections)",
        source="https://jiangshitai.com/article/7012.html",
        reproduced="Title + Heading 1 sections: 基本背景信息 as '标签:值' paragraphs (姓名, 职位, 部门, 入职时间), "
                   "绩效目标 table (绩效目标|评估指标|目标达成情况), 评估 table (评估指标|评估结果), 绩效反馈 with two "
                   "bold sub-titles and paragraphs, 下一周期目标 paragraph",
        decisions="姓名/职位/部门 -> employee_name/position/department; 优点和成绩->strengths; 改进的建议和指导->"
                  "improvement_plan (each paragraph one item); tables and 下一周期目标 unmapped; 入职时间 unmapped. "
                  "No manager / time / place / summary / consensus / support / signature -> missing-field, unconfirmed."),
    "B05": dict(
        name="员工面谈表 (基本信息 grid + 面谈类型 checkboxes + module rows)",
        source="https://www.qituowang.com/portal/28761.html",
        reproduced="基本信息 fields named by the page (员工姓名, 部门, 职位, 面谈日期, 面谈人, 面谈类型 with the three "
                   "types it names), then the modules 工作回顾与绩效分析, 职业发展, 问题反馈, 改进计划. Completed in the "
                   "form's style: 面谈地点 cell (left empty) and the signature row 员工签字 | 面谈人签字 | 日期",
        decisions="工作回顾与绩效分析->performance_summary; 职业发展->career_development; 问题反馈->employee_feedback; "
                  "改进计划->improvement_plan (typed numbering kept); 面谈类型 checkbox text->interview_type; single "
                  "日期 of the sign-off->record_date (b: 3 days after the talk -> late-record); Chinese dates typed as text."),
    "B06": dict(
        name="麦禾教育员工绩效面谈记录表 (mobile sign page printed to Word)",
        source="GitHub code index id 16140687937 (Vue page; repository not named by the index)",
        reproduced="centered title, section captions 基本信息 / 考核指标 / 考核人谈话要点, '标签:值' paragraphs "
                   "(所在部门:, 职位名称:, 姓名:, 考核周期:), indicator table (考核项目|目标完成|实际完成|得分), "
                   "'业绩与优点:' followed by paragraphs, 存在的不足:, 备注:, 主管签名:, 签名时间:, 说明 lines, 本人签名:",
        decisions="业绩与优点->performance_summary (label alone on its line: value = following paragraphs up to the next "
                  "label paragraph); 存在的不足->weaknesses; 主管签名->manager_signature; 签名时间->record_date; "
                  "本人签名->employee_confirmation. 备注 is unmapped although the system stores the improvement plan "
                  "there: by its label the form has no plan -> improvement_plan '' (missing-field)."),
    "C01": dict(
        name="绩效面谈记录表 sheets of a 绩效管理体系套件 workbook",
        source="GitHub code index id 56184368460 (prajna 企智 绩效体系助手生成器, _add_interview_sheet; repository not named)",
        reproduced="使用说明 and KPI指标库 sheets (no record), then one form sheet per employee: merged title, "
                   "4-col basic grid (员工姓名|部门, 岗位名称|考核周期, 面谈日期|面谈地点, 直接上级|HR 列席), six section "
                   "bars each over an answer merged A:D over 3 rows, signature row '员工签字:… 日期:…' | '上级签字:… 日期:…'",
        decisions="一、绩效回顾(员工自评)->employee_feedback; 二、上级反馈->performance_summary; 三、发展需求->"
                  "resource_support; 四、下期目标共识->consensus (the only agreed-items field); 五、后续行动计划->"
                  "improvement_plan; 六、员工申诉/备注 unmapped; 直接上级->manager_name; HR 列席 unmapped; the two "
                  "signature dates are not single -> no record_date. Sheet 2: plan cell still holds the template hint "
                  "(missing-field), empty 面谈地点, employee did not sign."),
    "C02": dict(
        name="绩效改进计划(PIP) sheets",
        source="GitHub code index id 56184368460 (prajna 企智, _add_pip_sheet; repository not named)",
        reproduced="6-col basic grid (员工姓名/部门/岗位, 绩效等级/考核周期/启动日期, 直接上级/HR 负责人/计划周期), "
                   "一、待改进项 table (序号|待改进指标/行为|当前表现|目标标准|衡量方式), 二、改进行动计划 table "
                   "(序号|改进行动|责任人|完成时间|验收标准), 三、辅导与资源支持 numbered lines, 四、结果约定, sign row",
        decisions="待改进项 table->weaknesses (rows joined, cells joined by ' '); 改进行动计划 table->improvement_plan "
                  "(header left out; rows joined, empty cells skipped); 三、辅导与资源支持 lines->resource_support; "
                  "绩效等级->grade; 直接上级->manager_name; '上级与 HR 签字:' inline pair->manager_signature (both names); 启动日期 unmapped (not the talk). Plan findings follow each "
                  "row's own text (a 完成时间 cell gives the row its deadline: rows without one are the deadline-less "
                  "ones; 验收标准 '按目标标准验收' only on rows whose action is already measurable)."),
    "C03": dict(
        name="performance_evaluation (绩效评估表) DB export",
        source="GitHub code index id 53253221025 (MySQL init script of an HR data-center project; repository not named)",
        reproduced="19 columns headed by the column comments incl. value lists ('评估周期(1-年度 2-季度 3-月度)', "
                   "'绩效等级(S/A/B/C/D)', '评估状态(0-未评估 …)'), codes kept, IDs only, real date-times for 面谈时间/"
                   "创建时间/更新时间 (yyyy-mm-dd hh:mm), 删除标记",
        decisions="自评说明->employee_feedback; 上级评价意见->performance_summary; 绩效等级->grade; 改进建议->"
                  "improvement_plan; 面谈时间->interview_time; 面谈记录 (a status sentence) unmapped; no name columns -> "
                  "employee_name/manager_name ''; row 6 plan '无', row 7 empty comment, row 8 no talk time."),
    "C04": dict(
        name="绩效面谈 面谈列表 export",
        source="GitHub code index id 66953212485 (Vue/Element 'hr-performance-interview' page; repository not named)",
        reproduced="the list columns in order: 面谈编号 | 员工 | 员工部门 | 面谈人 | 面谈人部门 | 面谈时间 | 状态 | 面谈纪要 "
                   "(操作 column dropped); statuses 待面谈/已完成/已归档; text date-times",
        decisions="员工->employee_name; 员工部门->department; 面谈人->manager_name; 面谈时间->interview_time; 面谈纪要->"
                  "performance_summary; 面谈人部门, 状态 unmapped; a 待面谈 row has empty time and minutes."),
    "C05": dict(
        name="调解员绩效面谈记录 export (detail fields as columns)",
        source="GitHub code index id 55751551457 (React/antd mediator performance page; repository not named)",
        reproduced="merged title row over a header row with the detail drawer's labels in order: 面谈编号, 调解员, 面谈人, "
                   "面谈类型, 面谈时间, 面谈地点, 考核得分, 考核等级, 状态 (已确认/待确认), 工作亮点, 待改进方面, 改进计划, "
                   "下期目标, 调解员反馈",
        decisions="调解员 (the reviewed person)->employee_name; 面谈人->manager_name; 面谈类型->interview_type; 考核等级->"
                  "grade; 工作亮点->strengths; 待改进方面->weaknesses; 改进计划->improvement_plan; 调解员反馈->"
                  "employee_feedback; 下期目标, 考核得分, 状态 unmapped (状态 is not a confirmation label -> unconfirmed); "
                  "plan '无' in one row (placeholder); empty 面谈地点 in one row."),
    "C06": dict(
        name="绩效面谈记录 panel, one sheet per employee",
        source="GitHub code index ids 63136774404 (HrPerformanceInterviewPanel.tsx) + 63626692236 (its API types); "
               "repository not named",
        reproduced="sheet per employee named after them; merged title '绩效面谈记录 - 姓名' (the dialog title), merged "
                   "note row '面谈记录  N 条记录,草稿状态可编辑、确认或删除', header row with the list/form labels: 面谈时间 "
                   "(datetime-local text 'YYYY-MM-DDTHH:MM') | 面谈地点 | 状态 (已确认/草稿) | 参与人 | HR | 双方共识 | 改进项",
        decisions="面谈时间->interview_time (text kept with its 'T'); 面谈地点->location; 参与人 (the interviewer, the only "
                  "person column besides HR)->manager_name; 双方共识->consensus; 改进项->improvement_plan; HR, 状态 "
                  "unmapped. The employee's name is only in the title row, not under a label -> employee_name '' "
                  "(missing-field) on every row; no summary/support/分歧/confirmation columns."),
}


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "files"
    out.mkdir(parents=True, exist_ok=True)
    for p in out.iterdir():
        if p.suffix in (".docx", ".xlsx") or p.name == "expected.json":
            p.unlink()
    g = Gen(20251127)
    results = []
    results.append(w1_probation_rating(out, g, "mfg", 0))
    results.append(w1_probation_rating(out, g, "design", 1))
    results.append(w2_trial_eval(out, g, "retail", 0))
    results.append(w2_trial_eval(out, g, "hotel", 1))
    results.append(w3_cm4_structured(out, g, "sales", 0))
    results.append(w3_cm4_structured(out, g, "cs", 1))
    results.append(w4_jiangshitai_headings(out, g, "sales"))
    results.append(w5_qituowang_grid(out, g, "tech", 0))
    results.append(w5_qituowang_grid(out, g, "nurse", 1))
    results.append(w6_maihe_print(out, g, "teach", 0))
    results.append(w6_maihe_print(out, g, "hr", 1))
    results.append(x1_prajna_interview(out, g))
    results.append(x2_prajna_pip(out, g))
    results.append(x3_perf_evaluation_db(out, g))
    results.append(x4_vben_interview_list(out, g))
    results.append(x5_mediator_interviews(out, g))
    results.append(x6_panel_per_employee(out, g))
    expected, bad = [], []
    for fn, recs in results:
        text = docx_text(out / fn) if fn.endswith(".docx") else xlsx_text(out / fn)
        for rec in recs:
            for k, v in rec.f.items():
                if norm(v) and norm(v) not in text:
                    bad.append((fn, k, v))
        expected.append({"file": fn, "records": [{"fields": dict(sorted(r.f.items())), "findings": r.findings()}
                                                 for r in recs]})
    (out / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if bad:
        for b in bad:
            print("NOT IN FILE:", b, file=sys.stderr)
        sys.exit(1)
    n = sum(len(e["records"]) for e in expected)
    counts = {}
    for e in expected:
        for r in e["records"]:
            for rule, key in r["findings"]:
                counts[(rule, key)] = counts.get((rule, key), 0) + 1
    print(f"{len(expected)} files, {n} records -> {out}")
    for k in sorted(counts):
        print("  ", k, counts[k])


if __name__ == "__main__":
    main()
