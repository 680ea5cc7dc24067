#!/usr/bin/env python3
"""A realistic year of interview records for a mid-size company, with planted trends.

    .venv/bin/python benchmarks/hr_year.py --out 面谈记录/ [--employees 240] [--year 2024] [--seed 7]

writes one folder per month (面谈记录/2024-01/ ...), and in it one batch workbook per department
(研发中心_2024-01.xlsx: a header row, one talk per row), the way an HR system exports them.

The company: seven departments in six job families, each written several ways (T序列 / 技术序列 /
研发, 销售序列 / 营销 ...; rules/normalise.yaml folds them), two or three managers per department,
grades written as A / 优秀 / B+ / 良好 .... Every employee has one talk a quarter; departments hold
them in different months of the quarter, so every month has records.

Planted, for tests and the README demo:
- 测试资源 (written as 测试环境 / 测试资源 / 测试设备 / 测试机 ...) rising in the technical family:
  asked for in about 10% of its talks in Q1, 60% in Q4; rare elsewhere.
- each family has its own steady asks (销售: 客户线索 / CRM; 运营: 排班人手; 生产: 设备维护; ...), and
  培训 / 晋升 come up everywhere.
- writing quality differs by manager (some write vague ratings, plans without deadlines, late
  records, a one-line 上期改进项回顾, forget the employee's signature) and improves during the year
  in two departments. Summaries are put together from the employee's own project and figures, so
  they are not copies of each other (copied-text fires only now and then, as in real batches).

`generate_year()` returns the records as dicts of canonical field keys (tests use it directly).
Output is deterministic for a seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

QUARTER_MONTHS = ((1, 2, 3), (4, 5, 6), (7, 8, 9), (10, 11, 12))

# department -> (job-family spellings used in it, positions, managers, month offset in the quarter)
DEPARTMENTS = {
    "研发中心": (["T序列", "技术序列", "研发"], ["后端工程师", "前端工程师", "算法工程师"], ["刘洋", "陈刚", "孙磊"], 0),
    "测试部": (["技术序列", "T序列"], ["测试工程师", "测试开发工程师"], ["赵敏", "钱坤"], 1),
    "产品部": (["P序列", "产品序列"], ["产品经理", "交互设计师"], ["周航", "吴迪"], 2),
    "销售部": (["销售序列", "营销", "S序列"], ["客户经理", "销售代表"], ["郑凯", "王芳", "冯涛"], 0),
    "客服中心": (["运营序列", "客服"], ["客服专员", "客服组长"], ["褚青", "卫琳"], 1),
    "人力行政部": (["职能序列", "职能类"], ["招聘专员", "行政专员", "薪酬专员"], ["蒋雯"], 2),
    "生产部": (["生产序列", "制造"], ["操作工", "设备技术员", "班组长"], ["沈浩", "韩冰"], 2),
}
SIZE_WEIGHTS = {"研发中心": 6, "测试部": 2, "产品部": 2, "销售部": 5, "客服中心": 3, "人力行政部": 2, "生产部": 4}
FAMILY_OF = {"研发中心": "tech", "测试部": "tech", "产品部": "product", "销售部": "sales", "客服中心": "ops",
             "人力行政部": "admin", "生产部": "prod"}  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞",
         "平", "刚", "桂英", "晨", "浩", "宇", "欣", "婷", "子涵", "雨桐", "思远", "嘉怡", "志强", "晓东", "文博",
         "一鸣", "佳琪", "梓萱", "俊杰", "海燕", "建华", "丽华", "春梅"]  # fmt: skip
GRADES = [("A", "优秀", "A级"), ("B", "良好", "B+", "B级"), ("B", "良好", "B-"), ("C", "合格", "C级"), ("S", "卓越")]
GRADE_WEIGHTS = [20, 30, 20, 15, 5]
LOCATIONS = ["3楼会议室", "5楼小会议室", "301会议室", "线上视频会议", "车间办公室", "部门办公室"]

# the planted topic: share of technical talks asking for it, by quarter
TEST_RESOURCE_SHARE = (0.10, 0.25, 0.40, 0.60)
TEST_RESOURCE_ASKS = [
    "测试环境不够用,联调经常排队,希望增加2套独立测试环境",
    "申请测试设备:安卓真机5台、iOS真机3台,由IT部在季度内到位",
    "测试资源紧张,回归测试要等别的项目让出环境,希望公司统筹测试资源",
    "需要一台专用测试服务器做性能压测",
    "测试环境经常被其他团队占用,希望按项目分配测试资源",
    "希望补充测试机,现在5个人共用2台测试机",
]
FAMILY_ASKS = {
    "tech": ["希望参加一次架构设计培训", "申请云服务器预算用于技术预研", "希望安排资深同事做代码评审",
             "需要购买性能分析工具的正版授权", "希望减少临时需求插入,保证迭代节奏"],
    "product": ["希望开放用户调研预算,每季度访谈10位用户", "需要数据分析平台的查询权限",
                "希望参加一次交互设计培训", "需要设计资源支持,原型评审时能有设计师参与"],
    "sales": ["希望市场部每月提供更多客户线索", "CRM系统经常卡顿,希望升级CRM系统", "申请增加差旅预算用于拜访重点客户",
              "希望组织新产品培训,便于向客户讲解", "需要售前工程师支持大客户投标"],
    "ops": ["高峰期排班人手不足,希望增加2名兼职客服", "知识库内容陈旧,希望产品部每月更新知识库",
            "工单系统经常卡顿,希望优化工单系统", "希望参加一次投诉处理技巧培训"],
    "admin": ["希望开通在线学习平台账号", "报销审批流程太长,希望简化审批流程", "需要新的招聘渠道预算",
              "希望参加一次劳动法实务培训"],
    "prod": ["设备老化,希望安排设备维护和备件更换", "希望增加安全培训,每季度一次", "夜班人手不足,希望补充2名操作工",
             "需要新的检测工装,减少返工"],
}  # fmt: skip
COMMON_ASKS = ["希望公司提供更多培训机会", "希望明确晋升通道和评定标准", "希望主管每月安排一次一对一沟通"]
FEEDBACK = {
    "tech": ["认可本季度的评价,项目排期偏紧", "需求变更频繁,影响交付质量", "希望多参与技术方案设计", "认可评价,线上故障处理占用时间较多",
             "认可评价,希望减少会议", "对评价没有异议"],
    "product": ["认可评价,跨部门推动比较吃力", "希望有更多用户数据支撑决策", "认可评价,需求评审效率有待提高", "对评价没有异议"],
    "sales": ["认可评价,指标分解偏高", "认为新客户开发难度大,线索质量一般", "认可评价,回款周期拉长影响业绩", "对评价没有异议",
              "认可评价,希望多跟资深同事跑客户"],
    "ops": ["认可评价,高峰期压力较大", "希望减少夜班次数", "认可评价,客户情绪问题处理难度大", "对评价没有异议"],
    "admin": ["认可评价,临时事务较多", "希望工作职责更清晰", "对评价没有异议", "认可评价,跨部门配合有时不顺畅"],
    "prod": ["认可评价,设备故障影响产量", "希望改善车间通风条件", "对评价没有异议", "认可评价,新员工带教占用时间"],
}
DISAGREE_TECH = ["对上线延期的原因有分歧:员工认为是测试环境不足导致联调排队,主管认为是排期估计不足",
                 "对本季度工作量的认定有分歧:员工认为测试资源不足占用了大量等待时间"]  # fmt: skip
DISAGREE = {
    "tech": ["对技术债务的优先级有分歧,员工希望预留重构时间", "对值班安排有分歧"],
    "product": ["对需求优先级排序有分歧,员工希望先做用户体验优化", "对版本节奏有分歧"],
    "sales": ["对季度指标的分配有分歧,员工认为所在区域客户基数小", "对提成核算口径有分歧"],
    "ops": ["对满意度考核口径有分歧,员工认为差评多与产品问题有关", "对排班规则有分歧"],
    "admin": ["对临时事务的考核方式有分歧", "对招聘周期指标有分歧"],
    "prod": ["对产量考核有分歧,员工认为设备停机时间应扣除", "对加班安排有分歧"],
}
CAREER = {
    "tech": ["希望两年内成为技术负责人", "希望转向架构方向", "希望深入自动化测试方向", "希望在当前岗位继续积累", "希望尝试带新人",
             "希望学习大数据相关技术"],
    "product": ["希望独立负责一条产品线", "希望提升数据分析能力,向数据产品方向发展", "希望在当前岗位继续积累", "希望尝试用户增长方向"],
    "sales": ["希望晋升为大客户经理", "希望带领小团队", "希望在当前岗位继续积累", "希望转向渠道管理"],
    "ops": ["希望晋升为客服组长", "希望转岗到运营分析", "希望在当前岗位继续积累", "希望参与质检工作"],
    "admin": ["希望考取人力资源管理师证书", "希望向HRBP方向发展", "希望在当前岗位继续积累", "希望学习薪酬设计"],
    "prod": ["希望考取高级技工证", "希望晋升为班组长", "希望在当前岗位继续积累", "希望学习设备维修"],
}
# a written-out summary: what the employee did + the result + one observed behaviour, each drawn on its
# own (with the employee's project and figures), so two people's summaries are not copies of each other
WORK = ["本季度负责{p}项目的{n}个需求", "本季度完成{p}项目{n}项任务", "牵头{p}项目的上线准备", "参与{p}项目,承担{n}个模块",
        "负责{p}的日常维护,处理问题{n}0余件", "季度指标完成率{k}0%", "跟进{p}的{n}家重点客户", "独立负责{p}的{n}个版本迭代"]
RESULT = ["上线后故障率下降{k}%", "{n}项任务全部按期交付,其中{m}项提前一周完成", "客户满意度提升{k}个百分点",
          "返工率从{k}%降到{m}%", "交付周期平均缩短{m}天", "新增签约{m}家,回款率{k}0%", "投诉量环比下降{k}%",
          "整理的排查手册被团队沿用"]
BEHAVIOUR = ["在跨部门协调中主动组织{m}次评审,沟通能力强", "主动带教{m}名新人,新人均按期转正", "每周整理风险清单并提前预警{m}次,责任心强",
             "在{p}故障处理中连续跟进{m}天直至恢复,执行力强", "主动提出{m}条流程改进建议并被采纳", "协调两个部门解决交付冲突,推动力强",
             "复盘会上主动分享{m}个案例,团队意识强", "按时提交周报,数据准确"]
VAGUE_SUMMARY = ["工作态度认真,沟通能力强,执行力有待提高", "工作积极,能力较强,团队合作好", "表现一般,责任心有待加强"]
GOOD_ITEMS = ["每月参加1次{t}培训,{q}末前完成2门课程", "{q}末前独立完成1份{p}项目复盘报告", "下次面谈前将返工率降低到3%以内",
              "每两周与主管进行1次一对一沟通,{q}末复盘", "{q}末前考取{t}相关证书", "下次面谈前整理{p}的操作手册并在组内分享1次",
              "{q}末前把{p}的响应时长缩短到2小时以内", "每月输出1份{t}分析报告,{q}末前完成3份"]
VAGUE_PLAN = [["提升{t}能力", "加强沟通"], ["每月参加1次{t}培训", "多和同事交流"], ["尽快熟悉{p}业务", "提高工作效率"]]
PROJECTS = ["订单中心", "会员系统", "支付网关", "数据平台", "新门店", "华东大客户", "客服知识库", "二号产线"]
TOPICS_TRAIN = ["数据分析", "项目管理", "沟通技巧", "专业技能"]


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in used:
            used.add(name)
            return name


def make_staff(rng: random.Random, employees: int) -> list[dict]:
    total = sum(SIZE_WEIGHTS.values())
    used: set[str] = set()
    staff = []
    for dept, weight in SIZE_WEIGHTS.items():
        families, positions, managers, _ = DEPARTMENTS[dept]
        for _ in range(max(3, round(employees * weight / total))):
            staff.append({
                "employee_id": f"E{len(staff) + 1:04d}",
                "employee_name": _name(rng, used),
                "department": dept,
                "family": FAMILY_OF[dept],
                "job_family": rng.choice(families),
                "position": rng.choice(positions),
                "manager_name": rng.choice(managers),
                "skill": rng.random(),
            })  # fmt: skip
    return staff


def _manager_quality(manager: str, dept: str, quarter: int) -> float:
    """Probability that a record by this manager is well written (improves in two departments)."""
    base = {"孙磊": 0.45, "冯涛": 0.4, "卫琳": 0.5, "韩冰": 0.5}.get(manager, 0.8)
    if dept in ("销售部", "生产部"):
        base += 0.1 * quarter
    return min(base, 0.95)


def generate_year(seed: int = 7, employees: int = 240, year: int = 2024) -> list[dict]:
    """One record per employee per quarter; dicts of canonical field keys -> text, in date order."""
    rng = random.Random(seed)
    staff = make_staff(rng, employees)
    records = []
    for quarter, months in enumerate(QUARTER_MONTHS):
        for person in staff:
            dept = person["department"]
            family = person["family"]
            month = months[DEPARTMENTS[dept][3]]
            day = rng.randint(3, 25)
            talk = dt.datetime(year, month, day, rng.choice([9, 10, 14, 15, 16]), rng.choice([0, 30]))
            good = rng.random() < _manager_quality(person["manager_name"], dept, quarter)
            late = not good and rng.random() < 0.4
            written = talk + (dt.timedelta(days=rng.randint(3, 6)) if late else dt.timedelta(hours=rng.randint(1, 20)))
            grade_row = rng.choices(GRADES, GRADE_WEIGHTS)[0]
            fill = {"p": rng.choice(PROJECTS), "n": rng.randint(3, 12), "k": rng.randint(2, 9), "m": rng.randint(2, 6),
                    "t": rng.choice(TOPICS_TRAIN), "q": f"Q{quarter + 1}"}  # fmt: skip
            if good or rng.random() < 0.3:
                summary = f"{rng.choice(WORK)},{rng.choice(RESULT)};{rng.choice(BEHAVIOUR)}".format(**fill)
            else:
                summary = rng.choice(VAGUE_SUMMARY)
            if good:
                items = [i.format(**fill) for i in rng.sample(GOOD_ITEMS, 2)]
            else:
                items = [i.format(**fill) for i in rng.choice(VAGUE_PLAN)]
            plan = "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1))
            last = person.get("last_plan")
            if last is None:
                review = ""
            elif good:
                review = ";".join(f"{item}:已落实" if rng.random() < 0.7 else f"{item}:完成一半,下季度继续" for item in last)
            else:
                review = "上期计划基本完成"
            person["last_plan"] = items
            asks = [rng.choice(FAMILY_ASKS[family])]
            disagreements = "无分歧,双方对评价和计划均达成一致"
            if family == "tech" and rng.random() < TEST_RESOURCE_SHARE[quarter]:
                asks.insert(0, rng.choice(TEST_RESOURCE_ASKS))
                if rng.random() < 0.4:
                    disagreements = rng.choice(DISAGREE_TECH)
            elif family != "tech" and rng.random() < 0.02:  # rare outside the technical family
                asks.append("希望协调测试环境验证新系统")
            if rng.random() < 0.35:
                asks.append(rng.choice(COMMON_ASKS))
            if disagreements.startswith("无") and rng.random() < 0.25:
                disagreements = rng.choice(DISAGREE[family])
            confirmed = good or rng.random() < 0.7
            record = {
                "employee_name": person["employee_name"],
                "employee_id": person["employee_id"],
                "department": dept,
                "position": person["position"],
                "job_family": person["job_family"],
                "manager_name": person["manager_name"],
                "interview_type": "季度面谈",
                "period": f"{year}年第{'一二三四'[quarter]}季度",
                "interview_time": talk.strftime("%Y-%m-%d %H:%M"),
                "location": rng.choice(LOCATIONS),
                "grade": rng.choice(grade_row),
                "performance_summary": summary,
                "employee_feedback": rng.choice(FEEDBACK[family]),
                "consensus": "双方认可本季度的评价和下季度的改进计划",
                "disagreements": disagreements,
                "improvement_plan": plan,
                "previous_review": review,
                "resource_support": ";".join(asks),
                "career_development": rng.choice(CAREER[family]),
                "employee_confirmation": f"{person['employee_name']} {written:%Y-%m-%d}" if confirmed else "",
                "record_date": written.strftime("%Y-%m-%d %H:%M"),
            }
            records.append(record)
    records.sort(key=lambda r: (r["interview_time"], r["employee_id"]))
    return records


HEADERS = {
    "employee_name": "员工姓名", "employee_id": "工号", "department": "部门", "position": "岗位",
    "job_family": "岗位序列", "manager_name": "面谈人", "interview_type": "面谈类型", "period": "考核周期",
    "interview_time": "面谈时间", "location": "面谈地点", "grade": "绩效等级", "performance_summary": "绩效总结",
    "employee_feedback": "员工意见", "consensus": "共识", "disagreements": "分歧", "improvement_plan": "改进计划",
    "resource_support": "资源支持", "career_development": "职业发展", "previous_review": "上期改进项回顾",
    "employee_confirmation": "员工签字",
    "record_date": "记录日期",
}  # fmt: skip


def write_year(records: list[dict], out: Path) -> list[Path]:
    """One folder per month, one batch workbook per department in it; returns the files written."""
    import openpyxl

    groups: dict[tuple[str, str], list[dict]] = {}
    for rec in records:
        groups.setdefault((rec["interview_time"][:7], rec["department"]), []).append(rec)
    written = []
    for (month, dept), rows in sorted(groups.items()):
        folder = out / month
        folder.mkdir(parents=True, exist_ok=True)
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "面谈记录"
        sheet.append([f"{dept} {month} 绩效面谈记录汇总"])
        sheet.append(list(HEADERS.values()))
        for rec in rows:
            sheet.append([rec.get(key, "") for key in HEADERS])
        path = folder / f"{dept}_{month}.xlsx"
        book.save(path)
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--employees", type=int, default=240)
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    records = generate_year(args.seed, args.employees, args.year)
    files = write_year(records, args.out)
    print(f"{len(records)} 条记录,{len(files)} 个文件 -> {args.out}")


if __name__ == "__main__":
    main()
