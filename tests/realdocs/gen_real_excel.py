#!/usr/bin/env python3
"""Real Excel layouts of 绩效面谈 records: batch exports of open-source HR/OA systems and
published Excel templates of 绩效面谈表, filled with labelled content.

    .venv/bin/python tests/realdocs/gen_real_excel.py [OUT_DIR]    # default tests/realdocs/excel/

Writes the .xlsx files and expected.json (format and conventions of
shared/eval/docs/expected.json and its README.md), then checks that every expected
value occurs in its file. Deterministic (no randomness at all: rows follow fixed
scenario tables).

Every layout below names its source (GitHub repository/path, or the index id of the
file when the code index did not name the repository; or the page URL) and says what
was reproduced: column wording and order, groupings, title rows, code/ID columns,
date cell types. Only column names / labels were taken from the sources; no code.

Content: every point of performance_summary / strengths / weaknesses / kpi_result and
every improvement-plan item comes from a pool below that carries its label (per
shared/eval/LABELING.md); findings are computed from these labels, from the
placeholders put in on purpose, and from the real interview / record dates.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------- contract
REQUIRED = ["employee_name", "manager_name", "interview_time", "location", "performance_summary",
            "consensus", "disagreements", "improvement_plan", "resource_support",
            "employee_confirmation"]  # fmt: skip
VAGUE_FIELDS = ["performance_summary", "strengths", "weaknesses", "kpi_result"]
PLACEHOLDERS = {"", "无", "/", "——", "—", "待填", "略", "见附件"}
NO_DISAGREEMENT = re.compile(r"无分歧|无异议|没有分歧|意见一致")


def norm(s):
    return re.sub(r"\s+", "", str(s if s is not None else ""))


def is_placeholder(s):
    s = norm(s)
    return s in PLACEHOLDERS or s.startswith("请填写")


def xl_text(v):
    """Text of a cell: real Excel dates as YYYY-MM-DD (+ HH:MM when the time is not 00:00)."""
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M") if (v.hour or v.minute) else v.strftime("%Y-%m-%d")
    if isinstance(v, dt.date):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return "" if v is None else str(v)


class Rec:
    """Gold of one record: key -> exact text, labels per point, interview / record dates."""

    def __init__(self):
        self.f = {}  # canonical key -> text as the file holds it
        self.lab = {}  # key -> list of labels per point (bool; (nq, nd) for the plan)
        self.it = None  # interview (start datetime, has_time)
        self.rd = None  # record date (datetime, has_time)

    def put(self, key, value, labels=None):
        assert key not in self.f, key
        self.f[key] = xl_text(value)
        if labels is not None:
            self.lab[key] = list(labels)

    def present(self, k):
        t = self.f.get(k, "")
        if norm(t) == "":
            return False
        if k == "disagreements" and norm(t) == "无":
            return bool(NO_DISAGREEMENT.search(self.f.get("consensus", "")))
        return not is_placeholder(t)

    def fields(self):
        keys = sorted(set(self.f) | set(REQUIRED))
        return {k: self.f.get(k, "") for k in keys}

    def findings(self):
        out = set()
        for k in REQUIRED:
            if k != "employee_confirmation" and not self.present(k):
                out.add(("missing-field", k))
        if not self.present("employee_confirmation"):
            out.add(("unconfirmed", "employee_confirmation"))
        for k in VAGUE_FIELDS:
            if self.present(k) and any(self.lab[k]):
                out.add(("vague-rating", k))
        if self.present("improvement_plan"):
            labs = self.lab["improvement_plan"]
            if any(nq for nq, _ in labs):
                out.add(("plan-no-quantity", "improvement_plan"))
            if any(nd for _, nd in labs):
                out.add(("plan-no-deadline", "improvement_plan"))
        dated = self.present("record_date") and self.present("interview_time") and self.it and self.rd
        if dated and is_late(self.it, self.rd):
            out.add(("late-record", "record_date"))
        return sorted(out)

    def check(self):
        for k in VAGUE_FIELDS + ["improvement_plan"]:
            if self.present(k):
                assert k in self.lab, (k, self.f[k])
                n = len([ln for ln in self.f[k].split("\n") if ln.strip()])
                assert n == len(self.lab[k]), (k, self.f[k], self.lab[k])


def is_late(it, rd):
    (start, it_time), (rdt, rd_time) = it, rd
    if it_time and rd_time:
        return rdt - start > dt.timedelta(hours=24)
    days = (rdt.date() - start.date()).days
    assert days == 0 or days >= 2, ("ambiguous lateness", it, rd)
    return days >= 2


# ---------------------------------------------------------------- labelled pools
# points: (text, vague)   plan items: (text, no_quantity, no_deadline)
# Each family: concrete summary points (all vague=False), concrete strengths / weaknesses,
# plan items (two clean, one no-quantity, one no-deadline, one with neither), free texts.
FAM = {
    "rd": dict(
        dept="研发中心",
        pos=["后端开发工程师", "前端开发工程师", "Java开发工程师"],
        seq="T序列",
        summary=[
            "本季度主导完成订单服务拆分,上线后接口平均响应时间从420ms降到180ms。",
            "负责的支付回调模块在6月大促期间零故障,峰值每秒处理3200笔。",
            "代码评审中被退回的合并请求有5次,主要是缺少单元测试,编码规范意识有待加强。",
        ],
        strengths=[
            "排查线上内存泄漏时两天内定位到连接池配置错误,问题分析能力突出。",
            "4月主动给新人做了3次代码规范分享。",
        ],
        weaknesses=[
            "5月两次版本发布未同步接口变更,导致前端联调各延误1天。",
            "技术方案在评审中两次被要求补充异常处理说明。",
        ],
        plan=[
            ("8月31日前将负责模块的单元测试覆盖率提升到70%以上", False, False),
            ("三季度末前独立输出1份库存服务重构方案并通过架构评审", False, False),
            ("三季度末前提升系统设计能力", True, False),
            ("每两周在组内做1次技术分享", False, True),
            ("加强与前端同事的沟通", True, True),
        ],
        feedback="认可评价,希望下季度能参与架构设计工作。",
        support="申请参加10月的架构师培训,费用由研发中心承担。",
        career="希望两年内成长为后端技术负责人。",
    ),
    "qa": dict(
        dept="质量保障部",
        pos=["测试工程师", "自动化测试工程师"],
        seq="T序列",
        summary=[
            "二季度执行测试用例1860条,发现缺陷214个,其中严重缺陷17个。",
            "在会员积分项目中编写接口自动化用例320条,回归时间从2天缩短到4小时。",
            "上线后漏测缺陷4个,其中2个是边界值问题,用例设计还不够细致。",
        ],
        strengths=[
            "7月退款需求评审中提出的5条可测性意见全部被采纳。",
            "6月独立搭建了压测环境,比计划提前3天完成。",
        ],
        weaknesses=["性能测试报告两次延期提交,最长延误3天。", "缺陷描述不规范,5月被开发退回的缺陷单有11个。"],
        plan=[
            ("9月15日前将订单模块接口自动化覆盖率提高到60%", False, False),
            ("下次面谈前完成2次边界值分析方法的组内分享", False, False),
            ("下季度末前熟悉性能测试工具", True, False),
            ("每个迭代结束后输出1份缺陷分析报告", False, True),
            ("提高测试用例设计质量", True, True),
        ],
        feedback="对评价无异议,希望获得性能测试方向的培训。",
        support="部门采购1套性能测试工具授权,8月前到位。",
        career="希望向测试开发方向发展。",
    ),
    "sales": dict(
        dept="华东销售部",
        pos=["大客户销售经理", "渠道销售专员"],
        seq="S序列",
        summary=[
            "二季度完成销售额860万元,完成率107%,新签客户6家。",
            "回款率92%,有2笔合计45万元的应收账款超期60天以上。",
            "3月华东经销商大会上独立完成方案宣讲,现场签约2家。",
        ],
        strengths=[
            "重点客户保持每月至少2次拜访,续约率达到95%。",
            "5月在某连锁客户招标中准备的报价方案比竞品低4%,最终中标。",
        ],
        weaknesses=["CRM客户跟进记录不完整,抽查20条中有7条缺少拜访结论。", "4月有3次周报晚于周一中午提交。"],
        plan=[
            ("9月30日前收回超期应收账款不少于30万元", False, False),
            ("四季度末前新签年采购额50万元以上的客户2家", False, False),
            ("年底前提升大客户谈判能力", True, False),
            ("每周更新1次CRM客户跟进记录", False, True),
            ("多学习行业知识", True, True),
        ],
        feedback="基本认可,但认为回款超期主要是客户资金周转原因。",
        support="请市场部在8月15日前提供2套行业案例材料。",
        career="希望三年内负责一个区域的销售团队。",
    ),
    "cs": dict(
        dept="客户服务中心",
        pos=["客服专员", "客服组长"],
        seq="O序列",
        summary=[
            "月均接听来电1150通,一次解决率88%,客户满意度4.7分。",
            "6月系统故障期间连续两天加班处理投诉工单136张。",
            "质检抽查中有3通电话未按规范核实客户身份。",
        ],
        strengths=[
            "4月两起升级投诉均在24小时内结案,客户未再投诉。",
            "整理的退换货话术被组内采用,5月相关投诉减少12件。",
        ],
        weaknesses=["平均通话时长6分40秒,比组内均值高1分钟。", "工单备注不完整,6月质检扣分4次。"],
        plan=[
            ("下月底前将平均通话时长控制在5分30秒以内", False, False),
            ("两个月内通过二级客服技能认证", False, False),
            ("三个月内改善情绪管理", True, False),
            ("每周复盘2通典型录音", False, True),
            ("加强业务知识学习", True, True),
        ],
        feedback="同意改进计划,希望排班时减少连续夜班。",
        support="组长每周陪听1次并给出书面点评。",
        career="希望明年竞聘客服组长。",
    ),
    "fin": dict(
        dept="财务部",
        pos=["应收会计", "费用会计"],
        seq="P序列",
        summary=[
            "按时完成1-6月应收对账,每月对账差异从12笔降到3笔。",
            "年度审计中提供凭证抽样资料400余份,没有出现延误。",
            "5月月结时有2张发票入账科目错误,被审计指出。",
        ],
        strengths=[
            "6月独立设计应收账龄分析模板,每月节省汇总时间约4小时。",
            "3月发现1笔重复付款8.6万元并及时追回。",
        ],
        weaknesses=["催款沟通方式欠妥,4月收到业务部门1次投诉。", "报销单审核积压,6月最长积压5个工作日。"],
        plan=[
            ("10月31日前取得中级会计职称考试合格成绩", False, False),
            ("9月30日前将每月应收对账差异控制在3笔以内", False, False),
            ("年底前加强对税务政策的理解", True, False),
            ("每月与销售部核对1次应收明细", False, True),
            ("提升沟通技巧", True, True),
        ],
        feedback="对考核结果无异议。",
        support="安排参加税务局8月的政策培训1次。",
        career="希望三年内取得注册会计师证书。",
    ),
    "wh": dict(
        dept="物流中心",
        pos=["仓库主管", "仓储专员"],
        seq="O序列",
        summary=[
            "二季度仓库盘点准确率99.6%,比一季度提高0.8个百分点。",
            "618期间组织日均4.2万单出库,发货及时率98.3%。",
            "4月发生1起叉车刮碰货架事故,现场安全管理存在疏漏。",
        ],
        strengths=[
            "重新规划拣货路径后,人均拣货效率从每小时85件提升到110件。",
            "5月牵头完成1200个库位的重新编码,没有影响正常发货。",
        ],
        weaknesses=["排班变动频繁,5月临时调班11次。", "异常件处理台账有9单未及时关闭。"],
        plan=[
            ("8月底前完成全部叉车司机安全复训并100%持证上岗", False, False),
            ("9月30日前将盘点差异率降到0.3%以内", False, False),
            ("下季度前优化库位管理", True, False),
            ("每周组织1次现场安全检查", False, True),
            ("加强团队管理", True, True),
        ],
        feedback="认可评价,希望增加1名夜班叉车司机编制。",
        support="申请在9月前更换2台老旧叉车。",
        career="希望向物流运营经理发展。",
    ),
    "mfg": dict(
        dept="二车间",
        pos=["设备维修技师", "工艺技术员"],
        seq="M序列",
        summary=[
            "负责的12台注塑机二季度平均故障停机时间从每月9小时降到5小时。",
            "5月独立完成2号线伺服电机更换,比计划提前1天恢复生产。",
            "点检记录漏填6次,被车间通报1次。",
        ],
        strengths=[
            "7月自行排除了3次PLC程序报警,没有请厂家上门。",
            "改进模具冷却水路后,产品缩痕不良率从2.1%降到0.7%。",
        ],
        weaknesses=["维修完工后记录填写不及时,抽查有4单缺失。", "6月有1次未挂牌上锁就进入设备内部作业。"],
        plan=[
            ("12月31日前取得高压电工作业证", False, False),
            ("10月底前编写5台关键设备的预防性维护作业指导书", False, False),
            ("年底前提高设备预防性维护水平", True, False),
            ("每周整理1份设备故障统计", False, True),
            ("注意安全操作", True, True),
        ],
        feedback="同意,希望安排PLC进阶培训。",
        support="设备科提供西门子PLC培训名额1个,10月前完成。",
        career="希望两年内成为设备工程师。",
    ),
    "pur": dict(
        dept="采购部",
        pos=["采购专员", "采购工程师"],
        seq="P序列",
        summary=[
            "完成包材年度招标,平均采购单价下降6.5%,节约成本约38万元。",
            "二季度新开发合格供应商4家。",
            "有3批物料到货延迟超过5天,影响了生产排程。",
        ],
        strengths=["纸箱采购谈判中把账期从30天延长到60天。", "6月紧急订单中协调2家供应商48小时内交货。"],
        weaknesses=[
            "供应商档案更新不及时,有5家的资质证书过期未更新。",
            "采购订单变更未及时通知仓库,5月造成2次收货差异。",
        ],
        plan=[
            ("9月30日前完成全部供应商资质证书的更新归档", False, False),
            ("四季度末前将物料到货准时率提高到95%以上", False, False),
            ("下半年提升供应商管理能力", True, False),
            ("每月对前10大供应商做1次交付评估", False, True),
            ("加强成本意识", True, True),
        ],
        feedback="认可评价。",
        support="IT部在8月底前开通SRM系统的供应商预警功能。",
        career="希望转向战略采购岗位。",
    ),
    "hr": dict(
        dept="人力资源部",
        pos=["招聘专员", "培训专员"],
        seq="P序列",
        summary=[
            "二季度完成招聘需求42个,到岗38人,平均到岗周期21天。",
            "组织4场校园宣讲会,收到简历600余份。",
            "有3名新员工在试用期内离职,入职前的岗位沟通不够充分。",
        ],
        strengths=["建立技术岗人才库,储备候选人150余名。", "5月新员工培训满意度4.8分,为近两年最高。"],
        weaknesses=["面试反馈录入系统平均延迟2天。", "6月有2场面试因时间未确认导致候选人空等。"],
        plan=[
            ("10月底前将技术岗平均到岗周期缩短到18天以内", False, False),
            ("9月15日前确定8所秋招宣讲学校的场地和日程", False, False),
            ("年底前提升面试评估能力", True, False),
            ("每周与用人部门开1次招聘进度会", False, True),
            ("多学习招聘技巧", True, True),
        ],
        feedback="对等级有不同看法,认为临时承担的校招工作量未计入。",
        support="申请开通1个招聘网站高级账号。",
        career="希望向HRBP方向发展。",
    ),
    "mkt": dict(
        dept="市场部",
        pos=["新媒体运营", "活动策划"],
        seq="S序列",
        summary=[
            "公众号二季度新增粉丝2.3万,单篇最高阅读量超过10万。",
            "策划的5月会员日活动带来订单1.2万单,ROI为1:4.5。",
            "有2篇推文审核不严出现错别字,被用户在评论区指出。",
        ],
        strengths=[
            "6月发布的3条短视频播放量均超过50万。",
            "与2个头部达人谈成零坑位费合作,节省推广费用约6万元。",
        ],
        weaknesses=["5月活动的复盘报告晚交一周。", "投放数据周报有3次数据口径与财务不一致。"],
        plan=[
            ("9月30日前公众号粉丝数达到15万", False, False),
            ("8月20日前完成七夕活动方案并通过部门评审", False, False),
            ("下季度末前提升数据分析能力", True, False),
            ("每周发布不少于3篇原创推文", False, True),
            ("加强审核意识", True, True),
        ],
        feedback="认可,希望增加短视频拍摄预算。",
        support="市场部在8月前采购1套补光灯和收音设备。",
        career="希望两年内负责品牌内容团队。",
    ),
    "ux": dict(
        dept="设计中心",
        pos=["UI设计师", "交互设计师"],
        seq="T序列",
        summary=[
            "完成App 5.0改版全部126个页面的视觉设计,按期交付开发。",
            "设计走查中发现尺寸标注问题17处,交付规范性还需加强。",
            "6月为促销活动产出主视觉和延展物料40余张。",
        ],
        strengths=[
            "主动搭建包含85个常用组件的组件库,团队出图时间平均缩短30%。",
            "4月的可用性测试中设计的新版下单流程完成率从71%提高到89%。",
        ],
        weaknesses=["4月因需求理解偏差有2个页面返工。", "切图命名不规范,前端反馈过3次。"],
        plan=[
            ("8月31日前完成组件库使用文档并通过团队评审", False, False),
            ("10月前独立完成1次不少于8名用户的可用性测试", False, False),
            ("年底前提升交互设计能力", True, False),
            ("每月完成1次竞品设计分析分享", False, True),
            ("加强用户研究", True, True),
        ],
        feedback="同意评价,希望参与更多前期需求讨论。",
        support="产品部在需求评审时邀请设计师参加。",
        career="希望发展为资深交互设计师。",
    ),
    "edu": dict(
        dept="教学部",
        pos=["初中数学教师", "课程顾问", "学管师"],
        seq="E序列",
        summary=[
            "本学期所带初二两个班期末数学平均分分别提高8分和11分。",
            "秋季招生期间完成试听转化41人,转化率38%。",
            "家长投诉2次,均涉及作业批改不及时。",
        ],
        strengths=["公开课《一次函数》获校区教研评比一等奖。", "10月组织的家长会到会率92%,会后续费19人。"],
        weaknesses=["课后回访记录不完整,10月抽查有9名学员未回访。", "11月有2次课前教案未按时上传。"],
        plan=[
            ("12月20日前完成所带学员100%的期中回访", False, False),
            ("寒假前完成1套初二函数专题讲义并通过教研组审核", False, False),
            ("下学期开学前提升课堂管理能力", True, False),
            ("每周参加1次校区教研活动", False, True),
            ("多和家长沟通", True, True),
        ],
        feedback="认可,希望减少周末课时安排。",
        support="教研组长每月听课1次并反馈。",
        career="希望明年参加骨干教师评选。",
    ),
    "retail": dict(
        dept="直营门店",
        pos=["门店店长", "店员"],
        seq="S序列",
        summary=[
            "门店二季度销售额312万元,完成率103%,坪效排名区域第2。",
            "6月盘点损耗率0.9%,超出公司0.6%的标准。",
            "端午促销期间带领团队将客单价提升15%。",
        ],
        strengths=[
            "带教的3名新店员均在一个月内独立上岗。",
            "5月调整陈列后,主推新品周销量从60件增加到140件。",
        ],
        weaknesses=["周末高峰排班不足,有2次收银排队超过10分钟。", "6月有3天未按时提交日报表。"],
        plan=[
            ("9月底前将门店损耗率降到0.6%以下", False, False),
            ("四季度末前让5名店员全部通过收银系统考核", False, False),
            ("下季度末前提高陈列水平", True, False),
            ("每天营业前组织1次10分钟晨会", False, True),
            ("加强员工培训", True, True),
        ],
        feedback="认可,但认为损耗偏高与商场施工有关。",
        support="区域经理在8月前协调增加1名周末兼职。",
        career="希望明年管理2家门店。",
    ),
    "nurse": dict(
        dept="护理部",
        pos=["护士", "护师"],
        seq="N序列",
        summary=[
            "二季度无护理差错,完成静脉输液约2600例,一次穿刺成功率97%。",
            "参与病区压疮预防项目,压疮发生率由0.5%降至0.2%。",
            "交接班记录有3次内容不全,被护士长指出。",
        ],
        strengths=[
            "4月夜班及时发现1例术后出血征象并报告医生,处置及时。",
            "5月院内技能竞赛获静脉留置针操作第二名。",
        ],
        weaknesses=["6月有5次护理文书在下班后补写。", "健康宣教记录缺项,抽查10份中有3份不完整。"],
        plan=[
            ("11月30日前通过护师资格考试", False, False),
            ("9月底前完成危重症护理培训并考核合格", False, False),
            ("年底前提升急救技能", True, False),
            ("每月参加1次科室业务学习", False, True),
            ("加强理论学习", True, True),
        ],
        feedback="对评价无异议,希望少排连续夜班。",
        support="科室安排高年资护士带教3个月。",
        career="希望三年内成为专科护士。",
    ),
}

VAGUE_SUMMARY = ["工作态度认真负责,能按时完成领导交办的任务。", "整体表现良好,值得肯定。",
                 "工作积极主动,责任心强。", "业务能力较强,团队协作意识好。",
                 "执行力有待提高。", "学习能力强,进步明显。", "工作踏实肯干,能吃苦。",
                 "专业水平还算可以,但主动性不够。"]  # fmt: skip
VAGUE_STRENGTH = ["沟通能力强,善于协调。", "做事认真细致。", "学习能力强,上手快。",
                  "有较强的责任心和团队精神。"]  # fmt: skip
VAGUE_WEAK = ["计划性不足。", "创新意识有待加强。", "主动沟通不够。", "抗压能力一般。",
              "工作效率有待提高。"]  # fmt: skip

CONSENSUS = ["双方认可本期考核结果,同意按改进计划执行,下次面谈时回顾进展。",
             "双方对绩效等级和改进方向无异议。",
             "双方同意下季度重点提升交付质量,员工一周内提交细化计划。",
             "对主要业绩的评价意见一致,改进计划由员工本周内细化后提交。"]  # fmt: skip
DISAGREE = ["员工认为部分临时任务应计入考核,上级表示需报人力资源部确认。",
            "对超期回款的责任划分存在不同看法,约定由销售总监协调。",
            "员工希望下季度调整负责区域,上级认为需待年度规划确定。"]  # fmt: skip

SURN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖"
GIVEN = ["晓峰", "丽娟", "志明", "海波", "雅婷", "建国", "俊杰", "慧敏", "文静", "子轩", "梓涵", "宏伟",
         "玉兰", "晨曦", "嘉欣", "泽宇", "思琪", "永强", "秋菊", "天翔", "若曦", "明轩", "佳琪", "浩宇",
         "佳", "磊", "婷", "悦", "斌", "娜"]  # fmt: skip


class Names:
    """Deterministic unique names (walks the surname / given-name grid with fixed strides)."""

    def __init__(self, start=0):
        self.i, self.used = start, set()

    def __call__(self):
        while True:
            self.i += 1
            n = SURN[(self.i * 7) % len(SURN)] + GIVEN[(self.i * 11) % len(GIVEN)]
            if n not in self.used:
                self.used.add(n)
                return n


MARKS = {None: "", "num": "{i}. ", "cn": "{i}、", "paren": "({i})"}


def points(pts, mark=None):
    """pts: [(text, label)] -> (cell text with Alt+Enter breaks, labels)."""
    lines = [
        (MARKS[mark].format(i=i) if mark and len(pts) > 1 else "") + t for i, (t, _) in enumerate(pts, 1)
    ]
    return "\n".join(lines), [lab for _, lab in pts]


def summary_pts(fam, n, vague, k=0):
    conc = FAM[fam]["summary"]
    pts = [(conc[(k + j) % len(conc)], False) for j in range(n - (1 if vague else 0))]
    if vague:
        pts.append((VAGUE_SUMMARY[k % len(VAGUE_SUMMARY)], True))
    return pts


def strength_pts(fam, vague, k=0, n=1):
    pts = [(FAM[fam]["strengths"][(k + j) % 2], False) for j in range(n)]
    if vague:
        pts = (
            pts[:-1] + [(VAGUE_STRENGTH[k % len(VAGUE_STRENGTH)], True)]
            if n > 1
            else [(VAGUE_STRENGTH[k % len(VAGUE_STRENGTH)], True)]
        )
    return pts


def weak_pts(fam, vague, k=0, n=1):
    pts = [(FAM[fam]["weaknesses"][(k + j) % 2], False) for j in range(n)]
    if vague:
        pts = (
            pts[:-1] + [(VAGUE_WEAK[k % len(VAGUE_WEAK)], True)]
            if n > 1
            else [(VAGUE_WEAK[k % len(VAGUE_WEAK)], True)]
        )
    return pts


def plan_items(fam, mode, n=2):
    """mode: clean / nq / nd / both / mixed (an nq item and an nd item)."""
    p = FAM[fam]["plan"]
    clean = [p[0], p[1]]
    pick = {"clean": [], "nq": [p[2]], "nd": [p[3]], "both": [p[4]], "mixed": [p[2], p[3]]}[mode]
    items = pick + clean[: max(n - len(pick), 0)]
    if mode != "clean":
        items = items[1:] + items[:1] if len(items) > 1 else items  # labelled item not always first
    return [(t, (nq, nd)) for t, nq, nd in items]


# ---------------------------------------------------------------- styles
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
GREY = PatternFill("solid", fgColor="D9D9D9")
BLUE = PatternFill("solid", fgColor="DDEBF7")


def put(ws, row, col, value, *, bold=False, fill=None, fmt=None, align=WRAP, border=True):
    c = ws.cell(row=row, column=col, value=value)
    if bold:
        c.font = Font(bold=True)
    if fill:
        c.fill = fill
    if fmt:
        c.number_format = fmt
    c.alignment = align
    if border:
        c.border = BOX
    return c


def merge(ws, r1, c1, r2, c2, value=None, **kw):
    put(ws, r1, c1, value, **kw)
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            ws.cell(row=r, column=c).border = BOX
    ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def widths(ws, ws_widths):
    for i, w in enumerate(ws_widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"


# ---------------------------------------------------------------- batch helpers
def write_header(ws, row, headers, fill=GREY, font_color=None):
    for c, h in enumerate(headers, 1):
        cell = put(ws, row, c, h, bold=True, fill=fill, align=CENTER)
        if font_color:
            cell.font = Font(bold=True, color=font_color)


def write_rows(ws, first_row, rows, fmts=None):
    """rows: list of cell-value lists; fmts: {col_index(0-based): number_format}."""
    for i, vals in enumerate(rows):
        for j, v in enumerate(vals):
            fmt = (fmts or {}).get(j) if isinstance(v, (dt.date, dt.datetime)) else None
            put(ws, first_row + i, j + 1, v, fmt=fmt)


def gold_row(keys, vals, labs, it=None, rd=None):
    """keys: canonical key or None per column (the same key twice is a bug)."""
    r = Rec()
    for k, v in zip(keys, vals, strict=True):
        if k:
            r.put(k, v, labs.get(k))
    r.it, r.rd = it, rd
    return r


# ---------------------------------------------------------------- (a) batch exports
def x01_ruoyi_perf_interview(out):
    """Source: github 1tg106/ry-perf-apex,
    ruoyi-system/src/main/java/com/ruoyi/perf/domain/vo/PerfInterviewVO.java (RuoYi @Excel).
    Reproduced: the @Excel columns in field order - 绩效ID | 面谈人ID | 面谈人 | 被面谈人ID |
    被面谈人 | 面谈时间 | 面谈要点 | 优点与成绩 | 待改进点 | 行动计划 | 员工反馈; RuoYi's ExcelUtil
    writes dateFormat="yyyy-MM-dd" values as *text*; sheet named after the export title;
    grey bold header row, no title row.
    Mapping: 面谈要点 -> performance_summary, 优点与成绩 -> strengths, 待改进点 -> weaknesses,
    行动计划 -> improvement_plan, 员工反馈 -> employee_feedback; ID columns unmapped."""
    headers = [
        "绩效ID",
        "面谈人ID",
        "面谈人",
        "被面谈人ID",
        "被面谈人",
        "面谈时间",
        "面谈要点",
        "优点与成绩",
        "待改进点",
        "行动计划",
        "员工反馈",
    ]
    keys = [
        None,
        None,
        "manager_name",
        None,
        "employee_name",
        "interview_time",
        "performance_summary",
        "strengths",
        "weaknesses",
        "improvement_plan",
        "employee_feedback",
    ]
    # (family, summary vague?, n summary, strengths vague?, weak vague?, plan mode, mark, feedback?)
    plan = [
        ("rd", False, 2, False, False, "clean", "num", True),
        ("qa", True, 2, False, True, "nq", "num", True),
        ("sales", False, 3, True, False, "nd", "cn", True),
        ("cs", True, 1, False, False, "both", None, False),
        ("fin", False, 2, False, False, "mixed", "cn", True),
        ("wh", True, 2, True, True, "clean", "num", True),
        ("mfg", False, 1, False, False, "nq", None, True),
        ("pur", False, 2, False, True, "placeholder", None, False),
        ("hr", True, 3, False, False, "nd", "num", True),
        ("mkt", False, 2, True, False, "clean", "cn", True),
        ("ux", False, 2, False, False, "both", "num", True),
        ("retail", True, 2, False, True, "mixed", "cn", True),
    ]
    names = Names(3)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效面谈数据"
    write_header(ws, 1, headers, fill=PatternFill("solid", fgColor="808080"), font_color="FFFFFF")
    rows, recs = [], []
    day = dt.date(2025, 7, 1)
    for i, (fam, sv, ns, stv, wv, pm, mark, fb) in enumerate(plan):
        s_txt, s_lab = points(summary_pts(fam, ns, sv, i), mark)
        st_txt, st_lab = points(strength_pts(fam, stv, i))
        w_txt, w_lab = points(weak_pts(fam, wv, i))
        if pm == "placeholder":
            p_txt, p_lab = "无", None
        else:
            p_txt, p_lab = points(plan_items(fam, pm, 3 if pm == "mixed" else 2), mark)
        d = day + dt.timedelta(days=i + (i // 5) * 2)
        vals = [
            2025070 + i * 3,
            100 + i % 4,
            names(),
            2000 + i * 7,
            names(),
            d.strftime("%Y-%m-%d"),
            s_txt,
            st_txt,
            w_txt,
            p_txt,
            FAM[fam]["feedback"] if fb else "",
        ]
        rows.append(vals)
        labs = {
            "performance_summary": s_lab,
            "strengths": st_lab,
            "weaknesses": w_lab,
            "improvement_plan": p_lab,
        }
        recs.append(gold_row(keys, vals, labs, it=(dt.datetime.combine(d, dt.time()), False)))
    write_rows(ws, 2, rows)
    widths(ws, [10, 10, 10, 11, 10, 14, 46, 36, 36, 44, 30])
    name = "XA01_ruoyi_perf_interview.xlsx"
    wb.save(out / name)
    return name, recs


def x02_liger_grouped(out):
    """Source: a ligerUI grid of a Java HR/OA system in the GitHub code index (index id
    15421866277, 'performanceInterviewAction!slicedQueryPerformanceInterview', page title
    '员工绩效面谈查询'; its edit form, index id 15209216380, is '绩效面谈整改审批表' with
    单据号码/填表日期/沟通人/沟通时间/沟通地点). The index did not name the repository.
    Reproduced: the grid's columns and groups in order - 序号 | 填表日期 | 单据号码 | 申请状态 |
    考核时间 | 周期 | 等级 | 周期索引 | [被面谈人信息: 员工姓名 单位 中心 部门 岗位 行政级别] |
    [整改计划: 开始时间 结束时间 整改计划] | [面谈记录: 面谈人 面谈时间 面谈地点 面谈记录];
    exported with a merged title row and a two-level header (ungrouped columns merged over
    both header rows); date columns (type "date") as real Excel dates.
    Mapping: 填表日期 -> record_date (the bill is created by the interviewer when recording),
    周期 -> period, 等级 -> grade, 岗位 -> position, 整改计划 (sub-column) -> improvement_plan,
    面谈记录 (sub-column, the talk's content) -> performance_summary; 考核时间 (the year),
    周期索引, 单位, 中心, 行政级别, 单据号码, 申请状态, 开始时间/结束时间 unmapped.
    Plan dates: 开始时间/结束时间 are filled only on rows whose plan items all carry their own
    deadline, so the plan text alone decides plan-no-deadline."""
    flat = ["序号", "填表日期", "单据号码", "申请状态", "考核时间", "周期", "等级", "周期索引"]
    groups = [
        ("被面谈人信息", ["员工姓名", "单位", "中心", "部门", "岗位", "行政级别"]),
        ("整改计划", ["开始时间", "结束时间", "整改计划"]),
        ("面谈记录", ["面谈人", "面谈时间", "面谈地点", "面谈记录"]),
    ]
    keys = [
        None,
        "record_date",
        None,
        None,
        None,
        "period",
        "grade",
        None,
        "employee_name",
        None,
        None,
        "department",
        "position",
        None,
        None,
        None,
        "improvement_plan",
        "manager_name",
        "interview_time",
        "location",
        "performance_summary",
    ]
    # (family, grade, summary vague?, plan mode, record delay days, location, status)
    plan = [
        ("sales", "B+", False, "clean", 0, "3楼小会议室", "已完成"),
        ("cs", "B", True, "nd", 3, "客服中心培训室", "已完成"),
        ("wh", "A", False, "clean", 0, "仓库办公室", "已完成"),
        ("retail", "C", True, "both", 4, "门店后仓", "审批中"),
        ("fin", "B", False, "nq", 0, "财务部会议室", "已完成"),
        ("mkt", "B+", True, "clean", 2, "5楼洽谈室", "已完成"),
        ("pur", "B", False, "mixed", 0, "", "已提交"),
        ("hr", "A", False, "clean", 6, "人力资源部办公室", "已完成"),
        ("mfg", "C", True, "nq", 0, "车间办公室", "审批中"),
        ("edu", "B+", False, "nd", 0, "校区1号教室", "已完成"),
    ]
    names = Names(40)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "员工绩效面谈查询"
    ncol = len(keys)
    merge(ws, 1, 1, 1, ncol, "员工绩效面谈查询", bold=True, align=CENTER)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    for c, h in enumerate(flat, 1):
        merge(ws, 2, c, 3, c, h, bold=True, fill=BLUE, align=CENTER)
    c = len(flat) + 1
    for g, subs in groups:
        merge(ws, 2, c, 2, c + len(subs) - 1, g, bold=True, fill=BLUE, align=CENTER)
        for j, s in enumerate(subs):
            put(ws, 3, c + j, s, bold=True, fill=BLUE, align=CENTER)
        c += len(subs)
    rows, recs = [], []
    for i, (fam, grade, sv, pm, delay, loc, status) in enumerate(plan):
        it = dt.date(2024, 7, 8) + dt.timedelta(days=i * 2)
        rd = it + dt.timedelta(days=delay)
        s_txt, s_lab = points(summary_pts(fam, 2, sv, i))
        p_txt, p_lab = points(plan_items(fam, pm, 3 if pm == "mixed" else 2), "cn")
        all_deadlines = not any(nd for _, nd in p_lab)
        start = dt.datetime.combine(it + dt.timedelta(days=1), dt.time()) if all_deadlines else None
        end = dt.datetime(2024, 9, 30) if all_deadlines else None
        f = FAM[fam]
        vals = [
            i + 1,
            dt.datetime.combine(rd, dt.time()),
            f"JXMT2024{70 + i:03d}{i * 37 % 100:02d}",
            status,
            "2024",
            "第二季度",
            grade,
            "2",
            names(),
            "华南分公司",
            "营运中心",
            f["dept"],
            f["pos"][i % len(f["pos"])],
            ["专员级", "主管级"][i % 2],
            start,
            end,
            p_txt,
            names(),
            dt.datetime.combine(it, dt.time()),
            loc,
            s_txt,
        ]
        rows.append(vals)
        recs.append(
            gold_row(
                keys,
                vals,
                {"performance_summary": s_lab, "improvement_plan": p_lab},
                it=(dt.datetime.combine(it, dt.time()), False),
                rd=(dt.datetime.combine(rd, dt.time()), False),
            )
        )
    write_rows(ws, 4, rows, fmts={1: DATE, 14: DATE, 15: DATE, 18: DATE})
    widths(ws, [6, 12, 16, 9, 9, 10, 6, 8, 10, 12, 10, 12, 14, 9, 12, 12, 44, 10, 12, 14, 46])
    name = "XA02_liger_grouped_header.xlsx"
    wb.save(out / name)
    return name, recs


def x03_campus_interview_list(out):
    """Source: a JSP list page '员工面谈管理' of a school/campus OA system in the GitHub code
    index (index id 34730568248; query page .../human/manage/interview/manage/
    query_interview_manage.html; the index did not name the repository).
    Reproduced: the result table's header in order - (unnamed row-number column) | 面谈人 |
    校区 | 组织机构 | 岗位 | 被面谈人 | 校区 | 组织机构 | 岗位 | 面谈日期 (the 操作/查看 link column
    is not exported); the page heading '员 工 面 谈 管 理' as a title row above an empty row;
    dates as text (DateTimeSingle format="all").
    Special: 校区 / 组织机构 / 岗位 appear twice - first for the interviewer, then for the
    interviewee. Mapping: 面谈人 -> manager_name, 被面谈人 -> employee_name, and the
    interviewee's (second) 组织机构 -> department and 岗位 -> position; the interviewer's
    columns and both 校区 are unmapped. No content columns: every record misses location,
    summary, consensus, disagreements, plan, support and is unconfirmed."""
    headers = ["", "面谈人", "校区", "组织机构", "岗位", "被面谈人", "校区", "组织机构", "岗位", "面谈日期"]
    keys = [
        None,
        "manager_name",
        None,
        None,
        None,
        "employee_name",
        None,
        "department",
        "position",
        "interview_time",
    ]
    campuses = ["天河校区", "番禺校区", "海珠校区", "越秀校区"]
    staff = [
        ("教学部", "初中数学教师"),
        ("市场部", "课程顾问"),
        ("教务部", "学管师"),
        ("教学部", "高中物理教师"),
        ("行政部", "前台专员"),
        ("市场部", "新媒体运营"),
        ("教务部", "排课专员"),
        ("教学部", "小学英语教师"),
    ]
    names = Names(70)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "员工面谈管理"
    merge(
        ws,
        1,
        1,
        1,
        len(headers),
        "员 工 面 谈 管 理",
        bold=True,
        align=Alignment(horizontal="left"),
        border=False,
    )
    ws.cell(row=1, column=1).font = Font(name="黑体", size=16)
    write_header(ws, 3, headers, fill=BLUE)
    rows, recs = [], []
    for i, (dept, pos) in enumerate(staff):
        d = dt.datetime(2024, 11, 4, 9, 30) + dt.timedelta(days=i // 2, hours=(i % 3) * 2 + 1)
        mgr_pos = "校区主任" if dept != "教学部" else "教研组长"
        camp = campuses[i % len(campuses)]
        vals = [
            i + 1,
            names(),
            camp,
            dept if dept != "行政部" else "校区办公室",
            mgr_pos,
            names(),
            camp,
            dept,
            pos,
            d.strftime("%Y-%m-%d %H:%M"),
        ]
        rows.append(vals)
        recs.append(gold_row(keys, vals, {}, it=(d, True)))
    write_rows(ws, 4, rows)
    widths(ws, [5, 10, 12, 12, 12, 10, 12, 12, 14, 18])
    name = "XA03_campus_interview_list.xlsx"
    wb.save(out / name)
    return name, recs


def x04_sdhr_followup(out):
    """Source: github AMingZ1/sdHr, src/main/java/com/sd/sdhr/pojo/sd/er/common/Tsder04ExpMonth.java
    (EasyExcel @ExcelProperty, index 0..16: the monthly follow-up talk with new hires).
    Reproduced: 员工编码 | 访谈阶段 | 跟踪时间 | 访谈状态 | 公司内部评价 | 项目经理评价 |
    与周围同事是否都熟悉 | 对公司的了解及感受 | 对自身岗位和工作的了解 | 工作挑战性如何 |
    项目经理、带教人等帮助或关心程度如何 | 是否有出差,适应程度如何 | 其他问题 | 标准日报天数 |
    完成日报天数 | 现阶段项目经理 | 项目经理反馈; 跟踪时间 is a String field -> text dates;
    EasyExcel default grey bold header.
    Special: fewer than half of the 17 headers are known labels; no name column at all.
    Mapping: 员工编码 -> employee_id, 跟踪时间 -> interview_time, 公司内部评价 (a short rating:
    优秀/良好/合格/待观察) -> grade, 项目经理评价 (the direct manager's evaluation) ->
    performance_summary, 现阶段项目经理 -> manager_name (直接上级). Unmapped: 访谈阶段 (the
    step of the onboarding follow-up programme), 访谈状态, the employee's answers to the
    question columns, 其他问题, the daily-report counts, 项目经理反馈 (a转正 recommendation)."""
    headers = [
        "员工编码",
        "访谈阶段",
        "跟踪时间",
        "访谈状态",
        "公司内部评价",
        "项目经理评价",
        "与周围同事是否都熟悉",
        "对公司的了解及感受",
        "对自身岗位和工作的了解",
        "工作挑战性如何",
        "项目经理、带教人等帮助或关心程度如何",
        "是否有出差,适应程度如何",
        "其他问题",
        "标准日报天数",
        "完成日报天数",
        "现阶段项目经理",
        "项目经理反馈",
    ]
    keys = (
        ["employee_id", None, "interview_time", None, "grade", "performance_summary"]
        + [None] * 9
        + ["manager_name", None]
    )
    answers = [
        (
            "比较熟悉,和组内同事相处融洽",
            "了解公司主要业务,感觉氛围不错",
            "清楚岗位职责",
            "有一定挑战",
            "带教人每周沟通1次,帮助很大",
            "无出差",
        ),
        ("还在熟悉中", "对公司制度了解还不多", "基本清楚", "挑战适中", "项目经理比较关心", "出差2次,能适应"),
        ("都熟悉", "认同公司文化", "清楚,已独立负责模块", "挑战较大", "带教人很耐心", "无"),
    ]
    # (family, stage, status, rating, summary vague?, n, daily std, daily done, pm feedback, other)
    plan = [
        ("rd", "入职1个月", "已访谈", "良好", False, 2, 21, 21, "同意按期转正", "希望安排技术培训"),
        ("qa", "入职1个月", "已访谈", "合格", True, 1, 21, 19, "继续观察", ""),
        ("ux", "入职3个月", "已访谈", "优秀", False, 2, 22, 22, "建议提前转正", "无"),
        ("rd", "入职3个月", "已访谈", "待观察", True, 2, 22, 17, "延期转正", "希望调整项目"),
        ("qa", "入职1个月", "已访谈", "良好", False, 1, 20, 20, "同意按期转正", ""),
        ("hr", "入职3个月", "已访谈", "合格", True, 2, 22, 21, "同意按期转正", "希望明确考核标准"),
        ("ux", "入职1个月", "已访谈", "良好", False, 2, 21, 20, "同意按期转正", ""),
        ("rd", "入职6个月", "已访谈", "优秀", False, 3, 22, 22, "同意转正", "无"),
        ("fin", "入职1个月", "已访谈", "合格", True, 1, 21, 21, "继续观察", ""),
    ]
    names = Names(90)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "月度跟踪访谈"
    write_header(ws, 1, headers, fill=PatternFill("solid", fgColor="C0C0C0"))
    rows, recs = [], []
    for i, (fam, stage, status, rating, sv, n, std, done, pmfb, other) in enumerate(plan):
        d = dt.date(2023, 4, 17) + dt.timedelta(days=i * 3)
        s_txt, s_lab = points(summary_pts(fam, n, sv, i + 1), "cn")
        a = answers[i % len(answers)]
        vals = [
            f"SD{2023040 + i * 13:07d}",
            stage,
            d.strftime("%Y-%m-%d"),
            status,
            rating,
            s_txt,
            *a,
            other,
            std,
            done,
            names(),
            pmfb,
        ]
        rows.append(vals)
        recs.append(
            gold_row(
                keys, vals, {"performance_summary": s_lab}, it=(dt.datetime.combine(d, dt.time()), False)
            )
        )
    write_rows(ws, 2, rows)
    widths(ws, [12, 10, 12, 9, 10, 44] + [18] * 7 + [10, 10, 12, 14])
    name = "XA04_sdhr_followup_talks.xlsx"
    wb.save(out / name)
    return name, recs


def x05_pm_interview_wide(out):
    """Source: entity PmPerformanceInterview (table tbl_pm_performance_interview, package
    com.management.accountant.entity.pm, '绩效面谈管理实体类') in the GitHub code index (index id
    69646162782; its mapper id 69853154286 has selectInterviewExportData). The index did not
    name the repository.
    Reproduced: an 'export all fields' sheet whose headers are the field comments, in entity
    order (the five 扩展字段, 逻辑删除标志, 版本号 and 租户ID left out): 面谈ID ... 更新时间, 66 columns;
    dictionary-coded values kept as stored (面谈类型 QUARTERLY/ANNUAL/SPECIAL, 面谈状态
    COMPLETED/POSTPONED/PLANNED, 面谈方式 FACE_TO_FACE/VIDEO, 绩效等级 EXCELLENT/GOOD/FAIR/POOR,
    面谈优先级 HIGH/MEDIUM/LOW, 是否… 0/1); LocalDateTime columns as real Excel date-times;
    many business columns left empty as in a real system (面谈议程, 面谈记录, 面谈总结, 行动计划,
    跟踪计划, 管理者反馈, 发展目标 …). Two rows are not held yet (PLANNED / POSTPONED).
    Special: fewer than half of the headers are known labels; ID/name pairs (被面谈人ID |
    被面谈人姓名, 面谈官ID | 面谈官姓名) and dept ID/name pairs for both parties.
    Mapping: 面谈类型 -> interview_type (code as stored), 被面谈人姓名 -> employee_name,
    被面谈人部门名称 -> department, 被面谈人职位 -> position, 面谈官姓名 -> manager_name,
    实际开始时间 -> interview_time (计划开始时间 is the plan, 实际结束时间 unmapped), 面谈地点 ->
    location, 绩效等级 -> grade (code), 工作表现总结 -> performance_summary, 改进领域 -> weaknesses,
    培训需求 -> resource_support (the support the employee asks for), 职业规划 ->
    career_development, 员工反馈 -> employee_feedback, 改进计划 -> improvement_plan.
    Unmapped: 主要成就 (facts only), 发展目标, 管理者反馈, 面谈记录, 面谈总结, 行动计划 (all empty),
    创建时间 (the row is created when the talk is planned, before it happens)."""
    cols = [
        ("面谈ID", None),
        ("面谈编码", None),
        ("面谈标题", None),
        ("面谈类型", "interview_type"),
        ("面谈状态", None),
        ("被面谈人ID", None),
        ("被面谈人姓名", "employee_name"),
        ("被面谈人部门ID", None),
        ("被面谈人部门名称", "department"),
        ("被面谈人职位", "position"),
        ("面谈官ID", None),
        ("面谈官姓名", "manager_name"),
        ("面谈官部门ID", None),
        ("面谈官部门名称", None),
        ("面谈官职位", None),
        ("面谈年度", None),
        ("面谈季度", None),
        ("面谈月份", None),
        ("计划开始时间", None),
        ("计划结束时间", None),
        ("实际开始时间", "interview_time"),
        ("实际结束时间", None),
        ("面谈地点", "location"),
        ("面谈方式", None),
        ("面谈目的", None),
        ("面谈议程", None),
        ("面谈准备事项", None),
        ("绩效评分", None),
        ("绩效等级", "grade"),
        ("工作表现总结", "performance_summary"),
        ("主要成就", None),
        ("改进领域", "weaknesses"),
        ("发展目标", None),
        ("培训需求", "resource_support"),
        ("职业规划", "career_development"),
        ("员工反馈", "employee_feedback"),
        ("管理者反馈", None),
        ("改进计划", "improvement_plan"),
        ("下次面谈计划", None),
        ("面谈记录", None),
        ("面谈总结", None),
        ("行动计划", None),
        ("跟踪计划", None),
        ("面谈满意度", None),
        ("面谈效果评价", None),
        ("是否需要跟进", None),
        ("跟进状态", None),
        ("跟进截止时间", None),
        ("面谈模板ID", None),
        ("面谈模板名称", None),
        ("关联评估ID", None),
        ("关联目标ID", None),
        ("面谈权重", None),
        ("面谈得分", None),
        ("是否公开", None),
        ("是否匿名", None),
        ("面谈优先级", None),
        ("面谈标签", None),
        ("附件路径", None),
        ("备注信息", None),
        ("创建人ID", None),
        ("创建人姓名", None),
        ("创建时间", None),
        ("更新人ID", None),
        ("更新人姓名", None),
        ("更新时间", None),
    ]
    headers = [h for h, _ in cols]
    keys = [k for _, k in cols]
    assert len(cols) == 66
    # (family, type, status, grade, summary vague?, weak vague?, plan mode, support placeholder?, method)
    plan = [
        ("rd", "QUARTERLY", "COMPLETED", "GOOD", False, False, "clean", False, "FACE_TO_FACE"),
        ("sales", "QUARTERLY", "COMPLETED", "EXCELLENT", True, False, "nd", False, "FACE_TO_FACE"),
        ("cs", "QUARTERLY", "COMPLETED", "FAIR", False, True, "nq", True, "VIDEO"),
        ("fin", "ANNUAL", "COMPLETED", "GOOD", False, False, "clean", False, "FACE_TO_FACE"),
        ("wh", "QUARTERLY", "POSTPONED", "", None, None, None, None, "FACE_TO_FACE"),
        ("mfg", "SPECIAL", "COMPLETED", "POOR", True, True, "both", False, "FACE_TO_FACE"),
        ("pur", "QUARTERLY", "COMPLETED", "GOOD", False, False, "mixed", False, "VIDEO"),
        ("hr", "QUARTERLY", "COMPLETED", "GOOD", True, False, "clean", True, "FACE_TO_FACE"),
        ("mkt", "ANNUAL", "COMPLETED", "EXCELLENT", False, False, "nq", False, "FACE_TO_FACE"),
        ("ux", "QUARTERLY", "PLANNED", "", None, None, None, None, "FACE_TO_FACE"),
        ("edu", "QUARTERLY", "COMPLETED", "FAIR", True, True, "nd", False, "FACE_TO_FACE"),
        ("retail", "SPECIAL", "COMPLETED", "FAIR", False, False, "clean", False, "FACE_TO_FACE"),
        ("nurse", "ANNUAL", "COMPLETED", "GOOD", False, True, "clean", False, "FACE_TO_FACE"),
        ("qa", "QUARTERLY", "COMPLETED", "GOOD", True, False, "both", False, "VIDEO"),
    ]
    type_cn = {"QUARTERLY": "季度绩效面谈", "ANNUAL": "年度绩效面谈", "SPECIAL": "绩效预警专项面谈"}
    rooms = ["A座3楼301会议室", "腾讯会议", "B座5楼洽谈室", "总经理办公室旁小会议室"]
    names = Names(110)
    hr_admin = names()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "sheet1"
    write_header(ws, 1, headers, fill=PatternFill("solid", fgColor="F2F2F2"))
    rows, recs = [], []
    for i, (fam, typ, status, grade, sv, wv, pm, sup_ph, method) in enumerate(plan):
        f = FAM[fam]
        planned = dt.datetime(2024, 10, 9, 10, 0) + dt.timedelta(days=i, hours=(i % 3) * 2)
        held = status == "COMPLETED"
        start = planned + dt.timedelta(minutes=5 * (i % 3)) if held else None
        end = start + dt.timedelta(minutes=45) if held else None
        emp, mgr = names(), names()
        labs = {}
        if held:
            s_txt, labs["performance_summary"] = points(summary_pts(fam, 2, sv, i), "num")
            w_txt, labs["weaknesses"] = points(weak_pts(fam, wv, i, n=2 if i % 2 else 1), "num")
            p_txt, labs["improvement_plan"] = points(plan_items(fam, pm, 3 if pm == "mixed" else 2), "num")
            support = "无" if sup_ph else f["support"]
            ach = f["summary"][(i + 2) % 3] if i % 3 == 0 else ""
            ach = ach if ach and not re.search(r"有待|不够|还需|疏漏|指出|错误|漏", ach) else ""
            fb, career = f["feedback"], f["career"]
            score = {"EXCELLENT": 92, "GOOD": 84, "FAIR": 71, "POOR": 58}[grade]
            loc = "腾讯会议" if method == "VIDEO" else rooms[i % len(rooms)]
        else:
            s_txt = w_txt = p_txt = support = ach = fb = career = loc = ""
            score = None
        q = 3 if typ != "ANNUAL" else None
        vals = [
            5300 + i,
            f"PI2024Q3{i + 1:04d}",
            f"2024年{'第三季度' if q else '年度'}{type_cn[typ]}-{emp}",
            typ,
            status,
            31000 + i * 17,
            emp,
            200 + i % 5,
            f["dept"],
            f["pos"][i % len(f["pos"])],
            31500 + i * 3,
            mgr,
            200 + i % 5,
            f["dept"],
            "部门经理",
            2024,
            q,
            None,
            planned,
            planned + dt.timedelta(hours=1),
            start,
            end,
            loc,
            method,
            "回顾第三季度绩效并确定改进计划" if held else "",
            "",
            "",
            score,
            grade,
            s_txt,
            ach,
            w_txt,
            "",
            support,
            career,
            fb,
            "",
            p_txt,
            "2025年1月季度面谈" if held else "",
            "",
            "",
            "",
            "",
            (4 if held else None),
            "",
            1 if held and pm != "clean" else 0,
            ("PENDING" if held and pm != "clean" else ""),
            (dt.datetime(2024, 12, 31, 18, 0) if held and pm != "clean" else None),
            12,
            "通用季度面谈模板",
            880 + i,
            None,
            1.0,
            score,
            0,
            0,
            "HIGH" if grade == "POOR" else "MEDIUM",
            "",
            "",
            "",
            9001,
            hr_admin,
            planned - dt.timedelta(days=7),
            9001,
            hr_admin,
            (end + dt.timedelta(hours=2)) if held else planned - dt.timedelta(days=7),
        ]
        assert len(vals) == 66
        rows.append(vals)
        recs.append(gold_row(keys, vals, labs, it=(start, True) if start else None))
    fmts = {j: DATETIME for j, h in enumerate(headers) if "时间" in h}
    write_rows(ws, 2, rows, fmts=fmts)
    widths(
        ws,
        [
            8,
            16,
            30,
            12,
            12,
            10,
            10,
            10,
            12,
            14,
            9,
            10,
            10,
            12,
            10,
            8,
            8,
            8,
            17,
            17,
            17,
            17,
            18,
            13,
            24,
            10,
            10,
            8,
            10,
            44,
            30,
            36,
            10,
            30,
            24,
            30,
            10,
            44,
        ]
        + [12] * 28,
    )
    name = "XA05_pm_interview_wide_export.xlsx"
    wb.save(out / name)
    return name, recs


def x06_pg_interview_records(out):
    """Source: github fulingwei1/performance-management,
    backend/src/migrations/013_performance_interview_enhanced.sql (table interview_records,
    'COMMENT ON COLUMN ...').
    Reproduced: a database-client export of interview_records with the column comments as
    headers, verbatim incl. their value lists ('总体评分 1.0-5.0', '绩效表现: low/medium/high',
    '状态: draft/submitted/approved'); the comment-less columns keep their names (created_at,
    updated_at); IDs only, no names (the names live in another table); the nullable TIME
    column 实际面谈时间 is empty on every row; DATE / TIMESTAMP as real Excel dates.
    Special: most headers are not known labels; coded values (low/medium/high, submitted).
    Mapping: 实际面谈日期 -> interview_time, 实际时长 -> duration, 员工自我总结 ->
    employee_feedback, 经理反馈 -> performance_summary, 优势 -> strengths, 改进点 -> weaknesses.
    Unmapped: all IDs (员工ID is the surrogate key, not a staff number), 主要成就 (facts),
    面临挑战, scores and codes, 其他备注, 附件列表, created_at / updated_at."""
    headers = [
        "ID",
        "关联的计划ID",
        "员工ID",
        "面谈官ID",
        "实际面谈日期",
        "实际面谈时间",
        "实际时长",
        "员工自我总结",
        "经理反馈",
        "主要成就",
        "面临挑战",
        "优势",
        "改进点",
        "总体评分 1.0-5.0",
        "绩效得分",
        "潜力得分",
        "绩效表现: low/medium/high",
        "潜力: low/medium/high",
        "其他备注",
        "附件列表",
        "状态: draft/submitted/approved",
        "created_at",
        "updated_at",
    ]
    keys = [
        None,
        None,
        None,
        None,
        "interview_time",
        None,
        "duration",
        "employee_feedback",
        "performance_summary",
        None,
        None,
        "strengths",
        "weaknesses",
    ] + [None] * 10
    self_sum = {
        "rd": "本季度完成订单服务拆分,自评达到预期,希望多参与架构设计。",
        "sales": "完成销售目标,回款有两笔超期,会重点跟进。",
        "cs": "接听量稳定,通话时长偏长,正在练习话术。",
        "mkt": "粉丝增长超出预期,数据分析还需要补课。",
        "wh": "盘点准确率提高,安全管理上有疏忽,已组织整改。",
        "nurse": "无差错,理论学习时间不够。",
        "pur": "招标节约成本明显,供应商档案管理需要加强。",
    }
    challenge = {
        "rd": "需求变更频繁",
        "sales": "客户预算收紧",
        "cs": "系统故障导致投诉集中",
        "mkt": "平台流量下降",
        "wh": "旺季人手不足",
        "nurse": "夜班频繁",
        "pur": "原材料涨价",
    }
    # (family, summary vague?, strengths vague?, weak vague?, rating, perf, pot, nine-box perf, pot, status, mins)
    plan = [
        ("rd", False, False, False, 3.5, 3.5, 4.0, "medium", "high", "approved", 50),
        ("sales", True, False, False, 4.0, 4.5, 3.5, "high", "medium", "approved", 45),
        ("cs", False, True, False, 3.0, 3.0, 3.0, "medium", "medium", "submitted", 30),
        ("mkt", True, False, True, 4.5, 4.5, 4.5, "high", "high", "approved", 60),
        ("wh", False, False, True, 3.0, 3.5, 2.5, "medium", "low", "submitted", 40),
        ("nurse", False, True, False, 3.5, 3.5, 3.5, "medium", "medium", "draft", 35),
        ("pur", True, True, True, 2.5, 2.5, 3.0, "low", "medium", "approved", 45),
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "interview_records"
    write_header(ws, 1, headers, fill=None)
    rows, recs = [], []
    for i, (fam, sv, stv, wv, rating, perf, pot, nbp, nbq, status, mins) in enumerate(plan):
        f = FAM[fam]
        d = dt.date(2026, 3, 2) + dt.timedelta(days=i * 2)
        s_txt, s_lab = points(summary_pts(fam, 2, sv, i))
        st_txt, st_lab = points(strength_pts(fam, stv, i, n=2), "num")
        w_txt, w_lab = points(weak_pts(fam, wv, i))
        ach = f["summary"][0] if not re.search(r"有待|不够|还需|疏漏|指出|错误|漏", f["summary"][0]) else ""
        created = dt.datetime.combine(d, dt.time(17, 20 + i))
        vals = [
            41 + i,
            17 + i,
            1003 + i * 5,
            12 + i % 3,
            dt.datetime.combine(d, dt.time()),
            None,
            mins,
            self_sum[fam],
            s_txt,
            ach,
            challenge[fam],
            st_txt,
            w_txt,
            rating,
            perf,
            pot,
            nbp,
            nbq,
            "" if i % 3 else "下季度中期增加1次沟通",
            "[]" if i % 2 else "",
            status,
            created,
            created + dt.timedelta(days=1 + i % 3, hours=1),
        ]
        rows.append(vals)
        recs.append(
            gold_row(
                keys,
                vals,
                {"performance_summary": s_lab, "strengths": st_lab, "weaknesses": w_lab},
                it=(dt.datetime.combine(d, dt.time()), False),
            )
        )
    write_rows(ws, 2, rows, fmts={4: DATE, 21: "yyyy-mm-dd hh:mm", 22: "yyyy-mm-dd hh:mm"})
    widths(ws, [6, 10, 8, 8, 12, 10, 8, 36, 44, 36, 18, 40, 36, 10, 8, 8, 12, 12, 20, 8, 14, 17, 17])
    name = "XA06_pg_interview_records.xlsx"
    wb.save(out / name)
    return name, recs


def x07_moa_positive_track(out):
    """Source: github aten89/aten-project, Aten/MOA/code/WebRoot/page/hr/positive/ (转正申请 flow
    of an OA system): the tracking list track_posi.jsp (单号 | 申请人 | 转正员工 | 所属部门 |
    转正时间 | 所在步骤 | 办理人 | 到达时间 | 操作) and the detail view view_posi.jsp (sections
    基本信息: 申请单号 申请人 申请时间 转正员工 员工工号 入职时间 所属部门 职位 性别 试用期 转正类别
    转正时间 试用期工作成果; 转正感想: 企业文化理解 规章制度遵守情况 工作体会和收获 总结优势和不足
    改进或提升计划).
    Reproduced: a report export joining both, grouped under the page's own section titles
    (基本信息 / 转正感想) plus a 流程跟踪 group for the list's workflow columns (所在步骤 = the
    approval node, 办理人, 到达时间); two-level header; all dates as text in the page's
    patterns (yyyy-MM-dd HH:mm / yyyy-MM-dd); 试用期 shown as "3月"; 转正类别 shown as the page
    renders it ("前转正" for EARLY, "结束试用").
    Mapping: 转正员工 -> employee_name, 员工工号 -> employee_id, 所属部门 -> department, 职位 ->
    position, 申请时间 -> record_date (submission of the record), 改进或提升计划 ->
    improvement_plan. Unmapped: 单号, 申请人, 入职时间, 性别, 试用期, 转正类别, 转正时间 (the date
    the employee becomes regular, not a talk), the employee's self-review columns (工作成果,
    感想; written factually here), 所在步骤, 办理人 (the current handler), 到达时间."""
    groups = [
        (
            "基本信息",
            [
                "单号",
                "申请人",
                "申请时间",
                "转正员工",
                "员工工号",
                "入职时间",
                "所属部门",
                "职位",
                "性别",
                "试用期",
                "转正类别",
                "转正时间",
                "试用期工作成果",
            ],
        ),
        (
            "转正感想",
            ["企业文化理解", "规章制度遵守情况", "工作体会和收获", "总结优势和不足", "改进或提升计划"],
        ),
        ("流程跟踪", ["所在步骤", "办理人", "到达时间"]),
    ]
    keys = [
        None,
        None,
        "record_date",
        "employee_name",
        "employee_id",
        None,
        "department",
        "position",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        "improvement_plan",
        None,
        None,
        None,
    ]
    culture = ["认同客户第一的理念,入职培训考试92分。", "理解并认同公司价值观,参加了2次新员工文化活动。"]
    rules = ["试用期无迟到早退,考勤全勤。", "试用期请事假1天,按流程提前报备。"]
    # (family, plan mode, early?, step, sex)
    plan = [
        ("rd", "both", False, "部门经理审批", "男"),
        ("mkt", "clean", True, "人力资源部审批", "女"),
        ("fin", "nq", False, "结束", "女"),
        ("cs", "nd", False, "部门经理审批", "女"),
        ("edu", "mixed", False, "总经理审批", "男"),
        ("nurse", "clean", False, "结束", "女"),
        ("pur", "both", True, "人力资源部审批", "男"),
        ("ux", "nq", False, "部门经理审批", "男"),
    ]
    names = Names(230)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "转正流程跟踪"
    c = 1
    for g, subs in groups:
        merge(ws, 1, c, 1, c + len(subs) - 1, g, bold=True, fill=GREY, align=CENTER)
        for j, h in enumerate(subs):
            put(ws, 2, c + j, h, bold=True, fill=GREY, align=CENTER)
        c += len(subs)
    rows, recs = [], []
    for i, (fam, pm, early, step, sex) in enumerate(plan):
        f = FAM[fam]
        emp = names()
        entry = dt.date(2025, 1, 6) + dt.timedelta(days=7 * i)
        formal = entry + dt.timedelta(days=(60 if early else 90))
        applied = dt.datetime.combine(formal - dt.timedelta(days=10), dt.time(9 + i % 6, 15))
        arrived = applied + dt.timedelta(days=1 + i % 3, hours=2)
        p_txt, p_lab = points(plan_items(fam, pm, 3 if pm == "mixed" else 2), "cn")
        applicant = emp if i % 3 else names()
        handler = names() if step != "结束" else ""
        vals = [
            f"ZZ{2025000 + 101 * i}",
            applicant,
            applied.strftime("%Y-%m-%d %H:%M"),
            emp,
            f"E{30120 + i * 9}",
            entry.strftime("%Y-%m-%d"),
            f["dept"],
            f["pos"][i % len(f["pos"])],
            sex,
            "3月",
            "前转正" if early else "结束试用",
            formal.strftime("%Y-%m-%d"),
            f["summary"][0],
            culture[i % 2],
            rules[i % 2],
            f["strengths"][1],
            f["weaknesses"][0],
            p_txt,
            step,
            handler,
            arrived.strftime("%Y-%m-%d %H:%M") if handler else "",
        ]
        rows.append(vals)
        recs.append(gold_row(keys, vals, {"improvement_plan": p_lab}, rd=(applied, True)))
    write_rows(ws, 3, rows)
    widths(ws, [12, 9, 17, 9, 9, 12, 12, 14, 6, 7, 9, 12, 40, 30, 24, 36, 36, 44, 14, 9, 17])
    name = "XA07_moa_positive_track.xlsx"
    wb.save(out / name)
    return name, recs


# ---------------------------------------------------------------- (b) published templates
def label(ws, row, col, text, fill=GREY):
    return put(ws, row, col, text, bold=True, fill=fill, align=CENTER)


def note_sheet(ws, title, lines):
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=13)
    for i, t in enumerate(lines, 2):
        ws.cell(row=i, column=1, value=t).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 100


def t01_qbg6_book(out):
    """Source: https://www.qbg6.com/1017.html (绩效考核面谈表 and its 使用说明: field list
    部门 / 职位 / 姓名 / 考核日期 / 工作成功的方面 / 工作中需要改善的地方 / 是否需要接受一定的培训 /
    本人认为自己的工作在本部门和全公司中处于什么状况 / 本人认为本部门工作最好、最差的是谁?全公司呢? /
    对考核有什么意见 / 希望从公司得到怎样的帮助 / 下一步的工作和绩效的改进方向 / 面谈人签名 / 日期 /
    备注; '面谈应在考核结束后一周内由上级主管安排,并报行政人事部备案').
    Reproduced: a 填表说明 sheet first (no record), then one form sheet per employee: title,
    a 3-pair info row, short questions with the label left of a value merged over B:F, long
    questions as a label row merged A:F above a value row, the signature row 面谈人签名 | … |
    日期 | …, 备注, and the filing note under the table.
    Mapping: 工作成功的方面 -> strengths, 工作中需要改善的地方 -> weaknesses, 对考核有什么意见 ->
    employee_feedback, 希望从公司得到怎样的帮助 -> resource_support, 下一步的工作和绩效的改进方向 ->
    improvement_plan, 面谈人签名 -> manager_signature, 日期 -> interview_time (the page defines
    it as 面谈实际发生的日期). 考核日期 (date of the appraisal, not of the talk), the training and
    self-ranking questions and 备注 are unmapped. The template has no interviewer-name, place,
    overall evaluation, consensus/disagreement or employee-signature field: those required
    keys are "" (missing-field / unconfirmed)."""
    wb = openpyxl.Workbook()
    ws0 = wb.active
    ws0.title = "填表说明"
    note_sheet(
        ws0,
        "绩效考核面谈表 填表说明",
        [
            "1. 绩效考核面谈应在考核结束后一周内由上级主管安排,面谈结束后本表报行政人事部备案。",
            "2. “工作成功的方面”“工作中需要改善的地方”由员工先行填写,面谈时与上级逐项讨论。",
            "3. “下一步的工作和绩效的改进方向”由员工与主管共同商定,请写明具体措施和完成时间。",
            "4. 本人对同事的评价为选填项,仅供人事部参考,严格保密。",
        ],
    )
    names = Names(150)
    # (family, strengths vague?, weak vague?, plan mode, support placeholder?, date as real date?)
    specs = [("sales", True, False, "mixed", False, True), ("wh", False, True, "clean", True, False)]
    recs = []
    for i, (fam, stv, wv, pm, sup_ph, real_date) in enumerate(specs):
        f = FAM[fam]
        emp, mgr = names(), names()
        ws = wb.create_sheet(emp)
        widths(ws, [18, 16, 12, 16, 10, 16])
        merge(ws, 1, 1, 1, 6, "绩效考核面谈表", bold=True, align=CENTER)
        ws.cell(row=1, column=1).font = Font(bold=True, size=16)
        r = Rec()
        pos = f["pos"][i]
        for c, (lab, key, val) in enumerate(
            [("部门", "department", f["dept"]), ("职位", "position", pos), ("姓名", "employee_name", emp)]
        ):
            label(ws, 2, 2 * c + 1, lab)
            put(ws, 2, 2 * c + 2, val)
            r.put(key, val)
        label(ws, 3, 1, "考核日期")
        merge(ws, 3, 2, 3, 6, "2025年1月10日")
        st_txt, st_lab = points(strength_pts(fam, stv, i, n=2), "cn")
        w_txt, w_lab = points(weak_pts(fam, wv, i), None)
        p_txt, p_lab = points(plan_items(fam, pm, 3 if pm == "mixed" else 2), "cn")
        support = "无" if sup_ph else f["support"]
        rows = [
            ("工作成功的方面", "strengths", st_txt, st_lab, 60),
            ("工作中需要改善的地方", "weaknesses", w_txt, w_lab, 40),
            ("是否需要接受一定的培训", None, "是,希望参加Excel数据分析培训" if i == 0 else "否", None, 22),
        ]
        row = 4
        for lab, key, val, labs, h in rows:
            label(ws, row, 1, lab)
            merge(ws, row, 2, row, 6, val)
            ws.row_dimensions[row].height = h
            if key:
                r.put(key, val, labs)
            row += 1
        above = [
            (
                "本人认为自己的工作在本部门和全公司中处于什么状况",
                None,
                "在部门里属于中上水平,全公司范围内还有差距。",
            ),
            ("本人认为本部门工作最好、最差的是谁?全公司呢?", None, "不作评价。"),
            ("对考核有什么意见", "employee_feedback", f["feedback"]),
            ("希望从公司得到怎样的帮助", "resource_support", support),
        ]
        for lab, key, val in above:
            merge(ws, row, 1, row, 6, lab, bold=True, fill=GREY, align=Alignment(vertical="center"))
            merge(ws, row + 1, 1, row + 1, 6, val)
            ws.row_dimensions[row + 1].height = 30
            if key:
                r.put(key, val)
            row += 2
        label(ws, row, 1, "下一步的工作和绩效的改进方向")
        merge(ws, row, 2, row, 6, p_txt)
        ws.row_dimensions[row].height = 60
        r.put("improvement_plan", p_txt, p_lab)
        row += 1
        d = dt.datetime(2025, 1, 14 + i, 0, 0)
        label(ws, row, 1, "面谈人签名")
        merge(ws, row, 2, row, 3, mgr)
        label(ws, row, 4, "日期")
        dval = d if real_date else f"{d.year}年{d.month}月{d.day}日"
        merge(ws, row, 5, row, 6, dval, fmt=DATE if real_date else None)
        r.put("manager_signature", mgr)
        r.put("interview_time", dval)
        r.it = (d, False)
        row += 1
        label(ws, row, 1, "备注")
        merge(ws, row, 2, row, 6, "")
        row += 1
        ws.cell(row=row, column=1, value="注:本表一式两份,部门与行政人事部各留存一份。")
        recs.append(r)
    name = "TB01_qbg6_mianjian_book.xlsx"
    wb.save(out / name)
    return name, recs


def t02_fudaoke_frontline(out):
    """Source: https://www.fudaoke.com/exam/2314282.html (一线员工绩效面谈表: 一、员工基本信息
    项目|填写内容 (姓名 职位 入职时间 部门); 二、工作目标与任务(SMART原则) 考核指标|具体目标|
    权重(%)|完成标准|完成时间; 三、工作表现评价 评价维度|具体表现|评分标准|备注; 四、存在问题与改进方向
    存在问题|改进措施|预期完成时间|责任人; 五、绩效反馈与沟通 上级评价 / 员工自评 / 目标设定 /
    行动计划; 六、签字确认 员工签名|上级签名|日期).
    Reproduced: all six sections on one sheet, each section title merged across the sheet,
    the KPI and rating matrices as small tables, the signature labels in a header row with
    the values in the row below (labels above values). The page's '行动计划' line in section
    五 is folded into section 四 (the filled plan table) so that the record has one plan.
    Mapping: section 四's table -> improvement_plan (header row left out, each row's cells
    joined with " ", rows with "\\n"), 上级评价 -> performance_summary, 员工自评 ->
    employee_feedback, 员工签名 -> employee_confirmation, 上级签名 -> manager_signature, 日期 ->
    record_date. 入职时间, 目标设定 and the KPI / rating matrices are unmapped. No interview
    time, place, consensus/disagreements or support field (missing-field)."""
    names = Names(170)
    emp, mgr = names(), names()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "一线员工绩效面谈表"
    widths(ws, [18, 34, 16, 18, 14])
    r = Rec()
    merge(ws, 1, 1, 1, 5, "一线员工绩效面谈表", bold=True, align=CENTER)
    ws.cell(row=1, column=1).font = Font(bold=True, size=16)

    def section(row, text):
        merge(ws, row, 1, row, 5, text, bold=True, fill=BLUE, align=Alignment(vertical="center"))

    section(2, "一、员工基本信息")
    label(ws, 3, 1, "项目")
    merge(ws, 3, 2, 3, 5, "填写内容", bold=True, fill=GREY, align=CENTER)
    for i, (lab, key, val) in enumerate(
        [
            ("姓名", "employee_name", emp),
            ("职位", "position", "渠道销售专员"),
            ("入职时间", None, "2023年3月"),
            ("部门", "department", "华东销售部"),
        ]
    ):
        label(ws, 4 + i, 1, lab, fill=None)
        merge(ws, 4 + i, 2, 4 + i, 5, val)
        if key:
            r.put(key, val)
    section(8, "二、工作目标与任务(SMART原则)")
    for c, h in enumerate(["考核指标", "具体目标", "权重(%)", "完成标准", "完成时间"], 1):
        label(ws, 9, c, h)
    kpis = [
        ("销售业绩", "完成年度销售额1200万元", "30%", "达成或超额完成目标值", "2025年底"),
        ("客户开发", "新增5个年采购额50万元以上的客户", "20%", "签约并完成首单", "2025年6月"),
        ("回款管理", "回款率不低于95%", "20%", "超期60天以上应收为0", "每季度"),
    ]
    for i, row in enumerate(kpis):
        for c, v in enumerate(row, 1):
            put(ws, 10 + i, c, v)
    section(13, "三、工作表现评价")
    for c, h in enumerate(["评价维度", "具体表现", "评分标准", "备注"], 1):
        label(ws, 14, c, h)
    ws.merge_cells(start_row=14, start_column=4, end_row=14, end_column=5)
    dims = [
        ("工作质量", "合同录入准确率99%", "20%", "6月有1份合同金额录入错误"),
        ("工作效率", "报价平均1个工作日内发出", "20%", ""),
        ("工作态度", "能主动承担客户投诉处理", "15%", "4月处理2起投诉"),
        ("团队合作", "配合完成3次联合拜访", "10%", ""),
        ("学习能力", "参加2次产品培训并通过考试", "5%", ""),
    ]
    for i, row in enumerate(dims):
        for c, v in enumerate(row, 1):
            put(ws, 15 + i, c, v)
        ws.merge_cells(start_row=15 + i, start_column=4, end_row=15 + i, end_column=5)
    section(20, "四、存在问题与改进方向")
    for c, h in enumerate(["存在问题", "改进措施", "预期完成时间", "责任人"], 1):
        label(ws, 21, c, h)
    plan_rows = [
        (
            ("回款跟进不及时", "每周五前更新1次应收账款跟踪表,超期30天以上的逐笔电话跟进", "2025年Q3末", emp),
            (False, False),
        ),
        (("客户拜访记录不完整", "每周在CRM录入不少于10条拜访记录", "持续", emp), (False, True)),
        (("产品知识不扎实", "加强新产品知识学习", "2025年Q4末", "王五(培训主管)"), (True, False)),
    ]
    for i, (cells, _) in enumerate(plan_rows):
        for c, v in enumerate(cells, 1):
            put(ws, 22 + i, c, v)
    r.put("improvement_plan", "\n".join(" ".join(c) for c, _ in plan_rows), [lab for _, lab in plan_rows])
    section(25, "五、绩效反馈与沟通")
    s_txt, s_lab = points(summary_pts("sales", 3, True, 0), "num")
    fb = "认可上级评价,回款问题会在三季度重点解决,也希望公司在报价审批上提速。"
    for i, (lab, key, val, labs) in enumerate(
        [
            ("上级评价", "performance_summary", s_txt, s_lab),
            ("员工自评", "employee_feedback", fb, None),
            ("目标设定", None, "下半年销售额目标650万元,新增客户3家。", None),
        ]
    ):
        label(ws, 26 + i, 1, lab, fill=None)
        merge(ws, 26 + i, 2, 26 + i, 5, val)
        ws.row_dimensions[26 + i].height = 55 if i == 0 else 30
        if key:
            r.put(key, val, labs)
    section(29, "六、签字确认")
    for c, h in enumerate(["员工签名", "上级签名", "日期"], 1):
        label(ws, 30, c, h)
    d = dt.datetime(2025, 7, 9)
    put(ws, 31, 1, emp)
    put(ws, 31, 2, mgr)
    put(ws, 31, 3, d, fmt=DATE)
    r.put("employee_confirmation", emp)
    r.put("manager_signature", mgr)
    r.put("record_date", d)
    r.rd = (d, False)
    name = "TB02_fudaoke_frontline_form.xlsx"
    wb.save(out / name)
    return name, [r]


def t03_360docs_probation(out):
    """Source: https://www.360docs.net/doc/139815693.html (试用期员工考核评估表: 姓名 / 所属部门 /
    职位; 一、评分标准 (单项 10分优秀…0-4分不符合; 综合 95-100 … 70以下); 二、基本指标考核 (占总考核
    的40%) 考核内容|考核要素|考核标准说明|配分|自评|上级评 with 协作性 / 纪律性 / 知识和技能 /
    沟通能力 / 理解判断力 / 计划能力; 三、专项指标考核 (占总考核的60%) 岗位主要工作指标|期望目标|
    配分|主管评分; 四、综合评分; 考核人: 日期: / 被考核人: 日期:; 填表说明 1-2).
    Reproduced: form sheet with the rating matrix (考核内容 merged down its rows, 自评 and 上级评
    as numbers), the 专项指标 KPI table on its own sheet, the 填表说明 on a third sheet (those two
    give no record); the sign-off row with two pairs in one value cell ("钱佳 日期:2025-07-07").
    Mapping: 四、综合评分 -> grade; 考核人 (sign-off, name + date) -> manager_signature, 被考核人
    (sign-off) -> employee_confirmation. The matrices are unmapped. A probation appraisal
    form: no interviewer-name, time, place, evaluation text, plan, support, consensus field."""
    names = Names(190)
    emp, mgr = names(), names()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "考核评估表"
    widths(ws, [14, 14, 40, 8, 8, 8])
    r = Rec()
    merge(ws, 1, 1, 1, 6, "试用期员工考核评估表", bold=True, align=CENTER)
    ws.cell(row=1, column=1).font = Font(bold=True, size=16)
    for c, (lab, key, val) in enumerate(
        [
            ("姓名", "employee_name", emp),
            ("所属部门", "department", "人力资源部"),
            ("职位", "position", "招聘专员"),
        ]
    ):
        label(ws, 2, 2 * c + 1, lab)
        put(ws, 2, 2 * c + 2, val)
        r.put(key, val)
    merge(ws, 3, 1, 3, 6, "一、评分标准:", bold=True)
    merge(ws, 4, 1, 4, 6, "单项评分标准:10分优秀;8-9分良好;7分符合;5-6分欠缺;0-4分不符合")
    merge(
        ws,
        5,
        1,
        5,
        6,
        "综合评分标准:95-100 工作表现优秀;85-95以下 工作表现优良,完全胜任岗位一般要求;"
        "80-85以下 工作表现尚可,基本胜任岗位一般要求;70-80以下 工作表现勉强,尚需改进方可达到"
        "岗位一般要求;70以下 工作表现较差,不符合岗位一般要求。",
    )
    ws.row_dimensions[5].height = 45
    merge(ws, 6, 1, 6, 6, "二、基本指标考核:(占总考核的40%)", bold=True)
    for c, h in enumerate(["考核内容", "考核要素", "考核标准说明", "配分", "自评", "上级评"], 1):
        label(ws, 7, c, h)
    matrix = [
        (
            "工作态度",
            [
                ("协作性", "能立足全局,能与他人合作,主动帮助他人。", 9, 8),
                ("纪律性", "严格遵守公司制度,无违纪行为。", 10, 10),
                ("责任心", "对本职工作负责,出现问题不推诿。", 9, 9),
                ("积极性", "主动承担工作,不需催促。", 9, 8),
            ],
        ),
        (
            "工作能力",
            [
                ("知识和技能", "掌握本职位所需的专业知识,并能运用。", 8, 8),
                ("沟通能力", "书面与口头表达流畅,善于与上下级沟通。", 9, 8),
                ("理解判断力", "正确理解上级意图,迅速作出有效判断。", 8, 7),
                ("计划能力", "能制定有效的工作计划,并按计划开展工作。", 8, 7),
            ],
        ),
    ]
    row = 8
    tot_self = tot_mgr = 0
    for grp, items in matrix:
        merge(ws, row, 1, row + len(items) - 1, 1, grp, bold=True, align=CENTER)
        for el, desc, s_self, s_mgr in items:
            put(ws, row, 2, el)
            put(ws, row, 3, desc)
            put(ws, row, 4, 10)
            put(ws, row, 5, s_self)
            put(ws, row, 6, s_mgr)
            tot_self += s_self
            tot_mgr += s_mgr
            row += 1
    label(ws, row, 1, "评定总分:", fill=None)
    merge(ws, row, 2, row, 3, "")
    put(ws, row, 4, 80)
    put(ws, row, 5, tot_self)
    put(ws, row, 6, tot_mgr)
    row += 1
    merge(ws, row, 1, row, 6, "三、专项指标考核:(占总考核的60%) 见“专项指标”工作表", bold=True)
    row += 1
    grade = "86(工作表现优良,完全胜任岗位一般要求)"
    label(ws, row, 1, "四、综合评分:")
    merge(ws, row, 2, row, 6, grade)
    r.put("grade", grade)
    row += 1
    sig_m, sig_e = f"{mgr} 日期:2025-07-07", f"{emp} 日期:2025-07-08"
    label(ws, row, 1, "考核人:", fill=None)
    merge(ws, row, 2, row, 3, sig_m)
    label(ws, row, 4, "被考核人:", fill=None)
    merge(ws, row, 5, row, 6, sig_e)
    r.put("manager_signature", sig_m)
    r.put("employee_confirmation", sig_e)
    kpi = wb.create_sheet("专项指标")
    widths(kpi, [34, 30, 8, 10])
    merge(kpi, 1, 1, 1, 4, "三、专项指标考核:(占总考核的60%)", bold=True)
    for c, h in enumerate(["岗位主要工作指标", "期望目标", "配分", "主管评分"], 1):
        label(kpi, 2, c, h)
    items = [
        ("招聘需求按期完成率", "不低于90%", 35, 31),
        ("新员工试用期留存率", "不低于85%", 25, 20),
        ("面试反馈录入及时率", "面试后1个工作日内录入", 20, 15),
        ("人才库新增候选人", "每月不少于30人", 20, 18),
    ]
    for i, it in enumerate(items):
        for c, v in enumerate(it, 1):
            put(kpi, 3 + i, c, v)
    label(kpi, 7, 1, "评定总分:", fill=None)
    put(kpi, 7, 2, "")
    put(kpi, 7, 3, 100)
    put(kpi, 7, 4, 84)
    note = wb.create_sheet("填表说明")
    note_sheet(
        note,
        "填表说明",
        [
            "1、本表旨在帮助上级客观地对员工试用期内的工作绩效和工作能力进行评价。",
            "2、专项指标考核栏由考核人根据员工的工作岗位设定主要工作目标,按重要性依次罗列并给出配分;"
            "为突出重点,指标不宜超过5项,配分之和为100。",
            "3、综合评分 = 基本指标得分×40% + 专项指标得分×60%,按综合评分标准确定档次。",
        ],
    )
    name = "TB03_360docs_probation_appraisal.xlsx"
    wb.save(out / name)
    return name, [r]


def t04_renrendoc_pip(out):
    """Source: https://renrendoc.com/paper/154882611.html (bilingual 'Performance Improvement
    Plan 绩效改进计划': confidentiality note; Employee name 员工姓名 / Position title 职位 /
    Department 部门 / Supervisor name 主管姓名 / Position title 主管职位 / Start date of Plan
    计划开始时间; PART I 第一部分 (To be completed prior to the discussion with the employee):
    List objectives that have not been achieved 列出尚未达成的目标 1-4; List competency & Skill
    gaps … 列出需改进的个人能力或绩效表现,并提供评分和评分理由: Core Competency 核心能力/绩效 |
    Rating 评分 (1-5, 5 being highest) | Rationale for rating 评分理由; PART II 第二部分 (To be
    completed and agreed with the employee)).
    Reproduced: everything above with bilingual labels (the label 'Position title' twice);
    the page text stops at PART II, so PART II's plan table (Improvement goal 改进目标 | Action
    steps 行动措施 | Measure of success 衡量标准 | Target date 完成日期), the support line, the
    review dates and the two signature lines are reconstructed. One sheet per employee.
    Mapping: 员工姓名 -> employee_name, the first 职位 -> position, 部门 -> department, 主管姓名
    -> manager_name, the competency-gap table (需改进的个人能力…) -> weaknesses (rows joined
    like a plan table), the PART II table -> improvement_plan, 公司提供的支持 -> resource_support,
    员工签名 -> employee_confirmation, 经理签名 -> manager_signature. 计划开始时间 (start of the
    plan, not the talk), the unmet objectives, 主管职位 and the review dates are unmapped."""
    names = Names(210)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    recs = []
    specs = [
        dict(
            dept="市场部",
            pos="活动策划",
            mgr_pos="市场部经理",
            start=dt.datetime(2025, 4, 14),
            goals=[
                "1. 二季度线下活动到场人数目标3000人,实际完成1860人。",
                "2. 活动复盘报告按时提交率目标100%,实际60%。",
            ],
            gaps=[
                (("方案交付", "2", "4月两场活动方案比约定时间晚交3天,导致物料制作压缩。"), False),
                (("时间管理", "2", "时间观念较差,工作拖拉。"), True),
            ],
            plan=[
                (
                    (
                        "提升方案按时交付率",
                        "每周一提交本周工作计划,周五复盘进度",
                        "方案按时交付率达到90%",
                        "2025-06-30",
                    ),
                    (False, False),
                ),
                (
                    ("改善跨部门沟通", "评审前1天将方案发给相关部门确认", "评审延期次数为0", "2025-06-30"),
                    (False, False),
                ),
                (("加强专业学习", "多看行业资料", "", ""), (True, True)),
            ],
            support="市场部经理每两周一对一辅导1次;提供活动项目管理模板。",
            sig_date="2025-04-14",
        ),
        dict(
            dept="客户服务中心",
            pos="客服专员",
            mgr_pos="客服主管",
            start=dt.datetime(2025, 5, 6),
            goals=["1. 客户满意度目标4.6分,4月实际4.2分。", "2. 一次解决率目标85%,4月实际76%。"],
            gaps=[
                (("业务知识", "2", "4月有14张工单因退款规则答复错误被退回。"), False),
                (("服务意识", "3", "5月2日通话中打断客户3次,被质检扣分。"), False),
            ],
            plan=[
                (
                    ("提高一次解决率", "每天下班前复盘2张被退回工单", "一次解决率达到85%", "2025-07-31"),
                    (False, False),
                ),
                (("掌握退款规则", "参加退款规则专项培训并考试", "考试成绩80分以上", "持续"), (False, True)),
            ],
            support="",
            sig_date="",
        ),
    ]
    for i, sp in enumerate(specs):
        emp, mgr = names(), names()
        ws = wb.create_sheet(f"PIP-{emp}")
        widths(ws, [30, 34, 30, 30])
        r = Rec()
        merge(ws, 1, 1, 1, 4, "Performance Improvement Plan 绩效改进计划", bold=True, align=CENTER)
        ws.cell(row=1, column=1).font = Font(bold=True, size=15)
        merge(
            ws,
            2,
            1,
            2,
            4,
            "This is a confidential document. 这是一份保密文件。The document must be signed by the "
            "Employee and respective Manager. 该文件必须由员工本人和各部门经理签名。",
            border=False,
        )
        ws.row_dimensions[2].height = 30
        info = [
            [
                ("Employee name 员工姓名:", "employee_name", emp),
                ("Position title 职位:", "position", sp["pos"]),
            ],
            [
                ("Department 部门:", "department", sp["dept"]),
                ("Supervisor name 主管姓名:", "manager_name", mgr),
            ],
            [
                ("Position title 主管职位:", None, sp["mgr_pos"]),
                ("Start date of Plan 计划开始时间:", None, sp["start"]),
            ],
        ]
        for j, pairs in enumerate(info):
            for c, (lab, key, val) in enumerate(pairs):
                label(ws, 3 + j, 2 * c + 1, lab)
                put(ws, 3 + j, 2 * c + 2, val, fmt=DATE if isinstance(val, dt.datetime) else None)
                if key:
                    r.put(key, val)
        merge(
            ws,
            6,
            1,
            6,
            4,
            "PART I 第一部分 (To be completed prior to the discussion with the employee)"
            "(在与员工讨论前应完成)",
            bold=True,
            fill=BLUE,
        )
        merge(ws, 7, 1, 7, 4, "List objectives that have not been achieved: 列出尚未达成的目标:", bold=True)
        row = 8
        for g in sp["goals"]:
            merge(ws, row, 1, row, 4, g)
            row += 1
        merge(
            ws,
            row,
            1,
            row,
            4,
            "List competency & skill gaps and provide a rating, rationale for the same "
            "列出需改进的个人能力或绩效表现,并提供评分和评分理由",
            bold=True,
        )
        row += 1
        label(ws, row, 1, "Core Competency 核心能力/绩效")
        label(ws, row, 2, "Rating 评分 (on a scale of 1-5, 5 being highest)")
        merge(ws, row, 3, row, 4, "Rationale for rating 评分理由", bold=True, fill=GREY, align=CENTER)
        row += 1
        for cells, _ in sp["gaps"]:
            put(ws, row, 1, cells[0])
            put(ws, row, 2, cells[1])
            merge(ws, row, 3, row, 4, cells[2])
            row += 1
        r.put("weaknesses", "\n".join(" ".join(c) for c, _ in sp["gaps"]), [v for _, v in sp["gaps"]])
        merge(
            ws,
            row,
            1,
            row,
            4,
            "PART II 第二部分 (To be completed and agreed with the employee)(完成并经员工同意)",
            bold=True,
            fill=BLUE,
        )
        row += 1
        for c, h in enumerate(
            [
                "Improvement goal 改进目标",
                "Action steps 行动措施",
                "Measure of success 衡量标准",
                "Target date 完成日期",
            ],
            1,
        ):
            label(ws, row, c, h)
        row += 1
        for cells, _ in sp["plan"]:
            for c, v in enumerate(cells, 1):
                put(ws, row, c, v)
            row += 1
        r.put(
            "improvement_plan",
            "\n".join(" ".join(c for c in cells if c) for cells, _ in sp["plan"]),
            [v for _, v in sp["plan"]],
        )
        label(ws, row, 1, "Support to be provided 公司提供的支持:")
        merge(ws, row, 2, row, 4, sp["support"])
        r.put("resource_support", sp["support"])
        row += 1
        label(ws, row, 1, "Review dates 跟进检查日期:")
        merge(ws, row, 2, row, 4, "2025-05-12;2025-06-09" if i == 0 else "2025-06-03;2025-07-01")
        row += 1
        e_sig = f"{emp} {sp['sig_date']}" if sp["sig_date"] else ""
        m_sig = f"{mgr} {sp['sig_date'] or '2025-05-06'}"
        label(ws, row, 1, "Employee signature 员工签名 / Date 日期:")
        put(ws, row, 2, e_sig)
        label(ws, row, 3, "Manager signature 经理签名 / Date 日期:")
        put(ws, row, 4, m_sig)
        r.put("employee_confirmation", e_sig)
        r.put("manager_signature", m_sig)
        recs.append(r)
    name = "TB04_renrendoc_pip_bilingual.xlsx"
    wb.save(out / name)
    return name, recs


# ---------------------------------------------------------------- build, expected, validation
LAYOUTS = [
    x01_ruoyi_perf_interview,
    x02_liger_grouped,
    x03_campus_interview_list,
    x04_sdhr_followup,
    x05_pm_interview_wide,
    x06_pg_interview_records,
    x07_moa_positive_track,
    t01_qbg6_book,
    t02_fudaoke_frontline,
    t03_360docs_probation,
    t04_renrendoc_pip,
]


def book_text(path):
    wb = openpyxl.load_workbook(path)
    parts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            parts.append(" ".join(xl_text(c.value) for c in row if c.value is not None))
    return norm("\n".join(parts))


def generate(out: Path):
    out.mkdir(parents=True, exist_ok=True)
    exp = []
    for fn in LAYOUTS:
        name, recs = fn(out)
        rr = []
        for r in recs:
            r.check()
            rr.append({"fields": r.fields(), "findings": [list(x) for x in r.findings()]})
        exp.append({"file": name, "records": rr})
    (out / "expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return exp


def validate(out: Path, exp):
    counts, nrec = {}, 0
    for d in exp:
        blob = book_text(out / d["file"])
        for i, rec in enumerate(d["records"]):
            nrec += 1
            assert set(REQUIRED) <= set(rec["fields"]), (d["file"], i)
            for k, v in rec["fields"].items():
                assert norm(v) in blob, (d["file"], i, k, v)
            for rule, _ in rec["findings"]:
                counts[rule] = counts.get(rule, 0) + 1
    return f"{len(exp)} files, {nrec} records, findings: {dict(sorted(counts.items()))}"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "excel"
    print(validate(target, generate(target)))
