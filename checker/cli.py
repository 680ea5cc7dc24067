"""The `checker` command: argument parsing and output only; the work is in checker.api."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import click

from checker.config import Config, ConfigError, load_config
from checker.model import Severity

# the engine, rule pack and NLP load when a command needs them: `checker --help` stays quick
if TYPE_CHECKING:
    from checker.api import Checker

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
# Usage and configuration errors (unknown option, --format pdf, --disable no-such-rule, a broken rule
# pack or config): sysexits' EX_USAGE, so a script can tell "wrong command" from findings (1) and
# unreadable input (2); click's own code for them would be 2.
EXIT_USAGE = 64

# Click's help and error texts in Chinese: click looks every message up through gettext (`_` and
# `ngettext` in its modules); these are the ones a user of this CLI can meet.
_ZH = {
    "Usage:": "用法:",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Error: {message}": "错误:{message}",
    "Try '{command} {option}' for help.": "运行「{command} {option}」查看帮助。",
    "Invalid value: {message}": "取值无效:{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效:{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数:{param_name}",
    "Missing command.": "缺少命令。",
    "No such option {name!r}.": "没有这个选项:{name}。",
    "No such command {name!r}.": "没有这个命令:{name}。",
    "Option {name!r} does not take a value.": "选项 {name} 不带取值。",
    "Option {name!r} requires an argument.": "选项 {name} 需要一个取值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name} 需要 {nargs} 个取值。",
    "Got unexpected extra argument ({args})": "多余的参数({args})",
    "Got unexpected extra arguments ({args})": "多余的参数({args})",
    "Did you mean {possibility}?": "是不是要用 {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(是不是要用其中之一:{possibilities}?)",
    "{value!r} is not {choice}.": "「{value}」不是 {choice}。",
    "{value!r} is not one of {choices}.": "「{value}」不是可选值之一:{choices}。",
    "{value!r} is not a valid {number_type}.": "「{value}」不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{name} {filename!r} does not exist.": "{name}「{filename}」不存在。",
    "{name} {filename!r} is a directory.": "{name}「{filename}」是一个目录。",
    "{name} {filename!r} is a file.": "{name}「{filename}」是一个文件。",
    "{name} {filename!r} is not readable.": "{name}「{filename}」不可读。",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s,版本 %(version)s",
    "Aborted!": "已中止。",
    "default: {default}": "默认:{default}",
    "unknown error": "未知错误",
}


def _zh(message: str) -> str:
    return _ZH.get(message, message)


def _nzh(singular: str, plural: str, n: int) -> str:
    return _ZH.get(singular if n == 1 else plural, singular if n == 1 else plural)


def _chinese_click() -> None:
    import importlib

    for name in ("core", "exceptions", "parser", "types", "decorators", "formatting"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _zh
        if hasattr(module, "ngettext"):
            module.ngettext = _nzh


_chinese_click()


def _config(
    rules: str | None,
    fields: tuple[str, ...],
    disable: tuple[str, ...],
    config_path: str | None,
    lexicon_dirs: tuple[str, ...] = (),
) -> Config:
    config = load_config(Path(config_path) if config_path else None)
    if rules:
        config.rules = rules
    config.fields = [*config.fields, *fields]
    config.disable = [*config.disable, *disable]
    config.lexicon_dirs = [*config.lexicon_dirs, *lexicon_dirs]
    return config


def _checker(config: Config, disable: tuple[str, ...] = ()) -> Checker:
    """The checker for this run; `disable` (the --disable ids given on the command line) must name
    rules of the pack: a typo would otherwise silently leave the rule on."""
    from checker.api import Checker
    from checker.checks.pack import PackError

    try:
        checker = Checker(config)
    except (PackError, ConfigError, ValueError, FileNotFoundError) as exc:
        raise click.ClickException(str(exc)) from exc
    known = _pack_rule_ids(checker)
    unknown = [rid for spec in disable for rid in spec.split(",") if rid.strip() and rid.strip() not in known]
    if unknown and known:
        raise click.BadParameter(
            f"规则包里没有这条规则:{'、'.join(unknown)}。已知的规则 id:{'、'.join(sorted(known))}",
            param_hint="--disable",
        )
    return checker


def _pack_and_fields(config: Config):
    """The rule pack and field table for commands that do not check anything (rules, explain): a
    broken pack or table is a Chinese error with the usage exit code, never a traceback."""
    from checker.checks.pack import PackError, load_pack
    from checker.intake.fields import load_alias_table

    try:
        table = load_alias_table(tuple(config.fields))
        return load_pack(config.rules, set(table.names)), table
    except (PackError, ConfigError, ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc


def _pack_rule_ids(checker: Checker) -> set[str]:
    return {rule.id for rule in getattr(checker.pack, "rules", []) or []}


common_options = [
    click.option("--rules", "rules", help="规则包:内置名称(default、strict)或 YAML 文件路径"),
    click.option(
        "--fields",
        "fields",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="额外的字段别名表(YAML),可多次给出",
    ),
    click.option("--disable", "disable", multiple=True, help="本次运行停用的规则 id,可多次给出"),
    click.option(
        "--config",
        "config_path",
        type=click.Path(exists=True, dir_okay=False),
        help="配置文件(默认从当前目录向上查找 .checker.toml)",
    ),
    click.option(
        "--lexicons",
        "lexicon_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False),
        help="额外的词表目录(与内置词表合并)",
    ),
]


def with_common(fn):
    for option in reversed(common_options):
        fn = option(fn)
    return fn


def history_options(fn):
    """--save / --db of `checker audit` (the record database; commands `sample` and `trends` at the end)."""
    fn = click.option("--db", "db_url", default=None, metavar="URL",
                      help="记录库:SQLAlchemy URL 或 SQLite 文件路径(默认取 [history] url 或 checker-history.sqlite)")(fn)  # fmt: skip
    return click.option(
        "--save", is_flag=True, help="把本次结果(记录、问题)存入记录库,供 checker trends 与抽检使用"
    )(fn)


class _Main(click.Group):
    """The `checker` group: every error the CLI reports itself (click's usage errors and the
    ClickExceptions raised here for a bad pack, config or database URL) exits with EXIT_USAGE."""

    def make_context(self, *args, **kwargs):
        with _usage_exit():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        with _usage_exit():
            return super().invoke(ctx)


class _usage_exit:
    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if isinstance(exc, click.ClickException):
            exc.exit_code = EXIT_USAGE
        return False


def run() -> None:
    """The `checker` console script: main(), then out of the process without tearing the interpreter down.

    After a 100k-row audit the process holds millions of objects (the segmenter's dictionary, the rules'
    caches, the copied-text index); freeing them one by one at exit took 1.4 s of a 56 s run, for
    nothing. The exit handlers still run and the standard streams are flushed, so what a command
    wrote is all there; a command that left a thread of its own running gets the normal exit, which
    waits for it."""
    try:
        main()
        code: object = EXIT_OK  # click's standalone mode always ends in SystemExit
    except SystemExit as exc:
        code = exc.code
    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        sys.exit(code)
    if code is None:
        code = EXIT_OK
    elif not isinstance(code, int):  # sys.exit("message"): printed, status 1
        print(code, file=sys.stderr)
        code = EXIT_FINDINGS
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        # a closed pipe (checker ... | head): its reader wanted no more
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="interview-record-checker")
def main() -> None:
    """绩效面谈记录质检:检查必填要素、空泛评价、不可衡量的改进计划、记录超时与员工未确认。"""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "formats",
    multiple=True,
    default=None,
    help="输出格式:text(默认)、json、jsonl(每行一条记录,最后一行汇总)、md、html、docx、xlsx、sarif;可多次给出",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="并行读取与检查的工作进程数(默认:全部 CPU 核心);每个进程各自遵守单文件的时间与内存预算",
)
@click.option(
    "--progress/--no-progress", default=None, help="进度条(默认:仅在终端上显示,输出到管道或文件时不显示)"
)
@click.option("--output", "-o", "output", type=click.Path(), help="输出文件或目录(多种格式时为目录)")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="达到该严重级别的问题使退出码为1(默认 warning)",
)
@click.option("--color/--no-color", default=None, help="终端颜色(默认:终端上开启)")
@click.option(
    "--per-record", is_flag=True, help="另为每条记录单独生成 md/html/json 报告(在输出目录的 records/ 下)"
)
@history_options
@with_common
def audit(
    paths,
    formats,
    jobs,
    progress,
    output,
    fail_on,
    color,
    per_record,
    rules,
    fields,
    disable,
    config_path,
    lexicon_dirs,
    save=False,
    db_url=None,
):
    """检查面谈记录:文件、目录(递归)或通配符。

    退出码:0 = 没有达到失败级别的问题;1 = 有问题;2 = 有文件无法读取或没有找到记录;64 = 用法或配置错误。
    """
    from checker.reports.stream import ReportStream, parse_formats

    try:
        parse_formats(list(formats or ["text"]))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from exc
    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    checker = _checker(config, disable)
    try:
        stream = ReportStream(
            list(formats or ["text"]),
            output,
            checker.pack.label,
            color=color,
            inputs=paths,
            pack=checker.pack,
            per_record=per_record,
            fields=checker.fields,
        )
    except ValueError as exc:  # --output missing, or a file where a folder is needed
        raise click.UsageError(str(exc)) from exc
    saver = history_saver(config, save, db_url, paths, checker.pack.label)  # --save: the record database
    # records go from the workers to the writers as they come: nothing holds the whole batch
    show = progress if progress is not None else sys.stderr.isatty()
    with Progress(show) as bar:
        for item in checker.iter_audit(paths, jobs=jobs, on_file=bar.file_done, on_start=bar.start):
            stream.add(item)
            if saver is not None:
                saver.add(item)
    try:
        written = stream.close()
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    history_saved(saver)
    _tell(stream, written, checker)
    if not stream.counter.records and not stream.counter.errors:
        click.echo(
            "没有找到可以检查的面谈记录:给出的目录里没有支持的文件"
            "(.docx、.xlsx、.xls、.doc、.json、.jsonl、.csv 等;本工具自己写出的报告不算)。",
            err=True,
        )
        sys.exit(EXIT_UNREADABLE)
    sys.exit(exit_code_from(stream.counter, fail_on or config.fail_on))


def _tell(stream, written: list[Path], checker: Checker) -> None:
    """On stderr: where every output file went, inputs the docx format left alone, unreadable files."""
    per_record = [p for p in written if p.parent.name == "records"]
    for path in written:
        if path not in per_record or len(per_record) <= 5:
            click.echo(f"已写出:{path}", err=True)
    if len(per_record) > 5:
        click.echo(f"已写出 {len(per_record)} 份逐条报告:{per_record[0].parent}/", err=True)
    for source in stream.clean:
        click.echo(f"没有问题,未生成带批注的副本:{source}", err=True)
    text_on_terminal = stream.output is None and stream.formats[0] == "text"
    if stream.errors and not text_on_terminal:  # the text report lists them itself
        click.echo(f"{len(stream.errors)} 个文件无法读取:", err=True)
        for err in stream.errors:
            click.echo(f"  {err.source}:{err.message} [{err.code}]", err=True)


class Progress:
    """A progress bar on stderr (files, records/s, ETA) when it is a terminal; nothing otherwise.

    tqdm rather than rich: it is already installed with spaCy, imports in ~30 ms instead of ~150 ms
    (a one-draft audit pays for the import), and draws on stderr without taking over the terminal
    that the text report is written to."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar = None
        self.records = 0

    def start(self, files: int) -> None:
        if not self.enabled or files < 2:
            return
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: workers may be forked while the bar is up
        self.bar = tqdm(
            total=files, unit="文件", file=sys.stderr, dynamic_ncols=True, leave=False, smoothing=0.1
        )

    def file_done(self, result, records: int) -> None:
        if self.bar is None:
            return
        self.records += records
        elapsed = self.bar.format_dict.get("elapsed", 0) or 1e-9
        self.bar.set_postfix_str(f"{self.records} 条记录, {self.records / elapsed:.0f} 条/秒", refresh=False)
        self.bar.update(1)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()
        return False


def exit_code(report, fail_on: str) -> int:
    from checker.model import SummaryCounter

    counter = SummaryCounter()
    for rec in report.records:
        counter.add(rec)
    counter.errors = len(report.errors)
    return exit_code_from(counter, fail_on)


def exit_code_from(counter, fail_on: str) -> int:
    if counter.errors:
        return EXIT_UNREADABLE
    if fail_on == "never":
        return EXIT_OK
    return EXIT_FINDINGS if counter.worst >= Severity(fail_on).rank else EXIT_OK


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@with_common
def fields(path, fmt, rules, fields, disable, config_path, lexicon_dirs):
    """显示从一个文件中提取出的字段及其位置(模板没被识别时先运行它)。"""
    from checker.intake.errors import InputError
    from checker.nlp.checkboxes import has_boxes, ticked_options

    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    checker = _checker(config, disable)
    table = checker.fields
    try:  # the audit's limits and worker budget: a hostile file stops here as it would in `audit`
        records = checker.read_records(path)
    except InputError as exc:
        click.echo(f"{path}: 无法读取 [{exc.code}] {exc.message}", err=True)
        sys.exit(EXIT_UNREADABLE)
    if fmt == "json":
        click.echo(json.dumps([r.model_dump(mode="json") for r in records], ensure_ascii=False, indent=2))
        return
    for record in records:
        title = f"{record.source}" + (f" [{record.sheet}]" if record.sheet else "")
        click.secho(title, bold=True)
        for key, value in record.fields.items():
            where = value.location.describe() if value.location else ""
            text = value.text.replace("\n", " ⏎ ")
            shown = text if len(text) <= 60 else text[:57] + "…"
            click.echo(f"  {table.name(key)}({key})  {click.style(where, dim=True)}")
            click.echo(f"      {shown or click.style('(空)', fg='yellow')}")
            if has_boxes(value.text):
                chosen = "、".join(ticked_options(value.text)) or "(未勾选)"
                click.echo(f"      {click.style('勾选:', fg='cyan')}{chosen}")
        missing = [k for k in table.required if k not in record.fields]
        if missing:
            click.secho(
                "  模板中没有找到:" + "、".join(f"{table.name(k)}({k})" for k in missing), fg="yellow"
            )
        if record.extra:
            click.secho("  没有对应字段的标签(内容已保留,不参与检查):", fg="cyan")
            for label, value in record.extra.items():
                near = table.nearest(label)
                hint = f"最接近:{table.name(near[0])}({near[0]}),如是请在字段表加一行:" if near else ""
                line = f"{near[0]}: {{aliases: [{label}]}}" if near else ""
                shown = value.text.replace("\n", " ⏎ ")
                shown = shown if len(shown) <= 30 else shown[:27] + "…"
                click.echo(f"    「{label}」 {click.style(shown or '(空)', dim=True)}")
                if near:
                    click.echo(f"        {hint}{click.style(line, fg='green')}")


@main.command("rules")
@click.option("--kinds", is_flag=True, help="列出可用的检查类型(kind)")
@with_common
def list_rules(kinds, rules, fields, disable, config_path, lexicon_dirs):
    """列出当前生效的规则。"""
    from checker.checks import REGISTRY

    if kinds:
        for name, kind in sorted(REGISTRY.items()):
            click.echo(f"{name:16s} {kind.doc.splitlines()[0] if kind.doc else ''}")
        return
    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    pack, _ = _pack_and_fields(config)
    click.secho(f"规则包 {pack.label}:{pack.description}", bold=True)
    for rule in pack.rules:
        off = rule.id in config.disable or not rule.enabled
        state = click.style("停用", fg="yellow") if off else click.style("启用", fg="green")
        click.echo(
            f"  {rule.id:20s} {rule.severity.value:8s} {state}  {rule.kind:16s} {','.join(rule.fields)}"
        )


@main.command()
@click.argument("rule_id")
@with_common
def explain(rule_id, rules, fields, disable, config_path, lexicon_dirs):
    """显示一条规则的说明和正反例。"""
    from checker.checks.base import example_fields

    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    pack, fields_table = _pack_and_fields(config)
    rule = pack.get(rule_id)
    if rule is None:
        raise click.ClickException(f"规则包 {pack.label} 中没有规则「{rule_id}」(用 checker rules 查看全部)")
    click.secho(f"{rule.id}  [{rule.severity.value}]  kind={rule.kind}", bold=True)
    click.echo(rule.description)
    click.echo(f"适用字段:{'、'.join(rule.fields) or '(整条记录)'}")
    if rule.params:
        click.echo(f"参数:{json.dumps(rule.params, ensure_ascii=False)}")
    click.echo(f"提示模板:{rule.message}")
    click.echo(f"建议模板:{rule.suggestion}")
    for label, items, colour in (
        ("会触发", rule.examples.fires, "red"),
        ("不会触发", rule.examples.passes, "green"),
    ):
        click.secho(f"{label}的例子:", fg=colour)
        for ex in items:
            values, span = example_fields(rule, ex)
            shown = "  ".join(f"{fields_table.name(k)}:{v}" for k, v in values.items())
            click.echo(f"  - {shown}" + (f"   → 标出「{span}」" if span else ""))


@main.command()
@click.argument("text")
@with_common
def tokens(text, rules, fields, disable, config_path, lexicon_dirs):
    """显示一段文字的分词结果,以及每个词被识别成了什么(调词表时用)。"""
    from checker.nlp import pipeline
    from checker.nlp.points import split_points

    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    checker = _checker(config, disable)
    analyzer = checker.analyzer
    for point in split_points(text):
        analysis = analyzer.analyze(point.text)
        click.secho(f"要点:{point.text}", bold=True)
        roles: dict[tuple[int, int], list[str]] = {}
        for group, label in (
            (analysis.judgements, "评价"),
            (analysis.evidence, "事例"),
            (analysis.quantities, "数量"),
            (analysis.criteria, "验收标准"),
            (analysis.deadlines, "期限"),
            (analysis.non_deadlines, "非期限"),
            (analysis.directions, "方向词"),
        ):
            for hit in group:
                roles.setdefault((hit.start, hit.end), []).append(f"{label}:{hit.kind}")
        segs = pipeline.spacy_segment(point.text)  # spaCy's blank zh: the same words the checker uses
        click.echo("  分词:" + " / ".join(t.text for t in segs))
        for (start, end), labels in sorted(roles.items()):
            click.echo(f"  「{point.text[start:end]}」 {start}-{end}  {'、'.join(labels)}")
        verdicts = []
        if analysis.judgements:
            verdicts.append("有评价" + ("且有事例" if analysis.evidence else ",无事例 → vague-rating"))
        verdicts.append(
            "可衡量"
            if (analysis.quantities or analysis.criteria)
            else "不可衡量 → plan-no-quantity(若为改进项)"
        )
        verdicts.append("有期限" if analysis.deadlines else "无期限 → plan-no-deadline(若为改进项)")
        click.echo("  判断:" + ";".join(verdicts))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址(非本机地址需要先设置访问令牌)")
@click.option("--port", default=8080, show_default=True, type=int, help="端口(0 = 任选空闲端口)")
@click.option(
    "--workers", type=click.IntRange(min=1), default=None, help="应用进程数(默认:每个 CPU 核心一个)"
)
@click.option("--max-upload-mb", type=float, default=None, help="单次上传大小上限(MB,默认 50)")
@click.option("--request-seconds", type=float, default=None, help="单次同步请求的时间预算(秒,默认 60)")
@click.option("--redis", "redis_url", default=None, help="Redis 地址(redis://…):任务交给 checker worker 处理")
@click.option("--verbose", is_flag=True, help="打印每个请求")
@with_common
def serve(
    host,
    port,
    workers,
    max_upload_mb,
    request_seconds,
    redis_url,
    verbose,
    rules,
    fields,
    disable,
    config_path,
    lexicon_dirs,
):
    """以 HTTP 服务运行:页面 /、POST /api/v1/audit、/api/v1/jobs、接口文档 /docs(见 README「上传流程」)。"""
    from checker.service.settings import check_bind, service_settings

    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    try:
        settings = service_settings(
            config,
            workers=workers,
            max_upload_mb=max_upload_mb,
            request_seconds=request_seconds,
            redis_url=redis_url,
        )
        check_bind([host], settings)  # before loading anything: no tokens, no listening beyond loopback
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    _checker(config)  # a broken rule pack or field table stops here, with its message
    from checker.service.run import serve as run_serve

    run_serve(config, settings, host, port, verbose)


@main.command()
@click.option(
    "--redis", "redis_url", default=None, help="Redis 地址(默认:CHECKER_REDIS_URL 或配置 [service] redis_url)"
)
@click.option(
    "--concurrency", "-c", type=click.IntRange(min=1), default=None, help="并行任务数(默认:CPU 核心数)"
)
@click.option("--verbose", is_flag=True, help="打印每个任务")
@with_common
def worker(redis_url, concurrency, verbose, rules, fields, disable, config_path, lexicon_dirs):
    """运行任务处理进程(Celery):从 Redis 取 /api/v1/jobs 提交的任务,可在多台机器上运行。"""
    from checker.service.settings import service_settings

    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    try:
        settings = service_settings(config, redis_url=redis_url)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    if not settings.redis_url:
        raise click.ClickException(
            "没有配置 Redis:用 --redis redis://主机:6379/0、环境变量 CHECKER_REDIS_URL 或配置 [service] redis_url"
        )
    _checker(config)
    from checker.service.app import _cpus
    from checker.service.run import worker as run_worker

    run_worker(config, settings, concurrency or _cpus(), verbose)


# ---------------------------------------------------------------- HR's month: record database, sample, trends
# (issue 11; the work is in checker/history/)


def history_saver(config, save: bool, db_url: str | None, paths, rule_pack: str):
    """A RunSaver when `--save` (or [history] save = true), else None."""
    if not (save or config.history.save):
        return None
    from checker.history import audit_saver

    try:
        return audit_saver(config, db_url, [str(p) for p in paths], rule_pack)
    except Exception as exc:  # a wrong URL or an unreachable server: say so before checking anything
        raise click.ClickException(f"记录库无法打开:{exc}") from exc


def history_saved(saver) -> None:
    if saver is None:
        return
    run_id = saver.close()
    click.echo(f"已存入记录库 {saver.store.url}:第 {run_id} 次运行,{saver.records} 条记录", err=True)
    saver.store.close()


def _rule_names(config) -> dict[str, str]:
    """Short Chinese names of the rules of the configured pack (as the audit reports show them)."""
    try:
        from checker.checks.pack import load_pack
        from checker.model import Report
        from checker.reports.common import rule_infos

        infos = rule_infos(Report(), load_pack(config.rules)).items()
        # a rule without a short name of its own is shown by its id (a description clause is too long for a column)
        return {
            k: v.title
            for k, v in infos
            if v.title and not v.title.startswith(("(", "(")) and len(v.title) <= 16
        }
    except Exception:
        return {}


def _store(config, db_url: str | None):
    from checker.history.store import open_store

    try:
        return open_store(db_url, config)
    except Exception as exc:
        raise click.ClickException(f"记录库无法打开:{exc}") from exc


# the record database option of the history commands
DB_OPTION = click.option(
    "--db",
    "db_url",
    default=None,
    metavar="URL",
    help="记录库(默认取 [history] url 或 checker-history.sqlite)",
)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--rate", type=click.FloatRange(0, 1, min_open=True), default=0.1, show_default=True,
              help="抽样比例(0.1 = 10%);每层至少 1 条")  # fmt: skip
@click.option("--seed", type=int, required=True, help="随机种子:同样的输入和种子,抽中的记录相同")
@click.option("--by", type=click.Choice(["department", "manager", "job_family"]), default=None,
              help="分层依据:部门、面谈人或岗位序列(按 rules/normalise.yaml 归一);不给则不分层")  # fmt: skip
@click.option("--exclude-recent", type=click.IntRange(min=0), default=0, show_default=True, metavar="MONTHS",
              help="跳过近 N 个月内已抽检过的记录(查记录库)")  # fmt: skip
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False),
              help="抽中的记录复制到这个目录(须为空或不存在),之后可直接 checker audit 该目录")  # fmt: skip
@click.option("--manifest", default=None, type=click.Path(dir_okay=False),
              help="抽检清单的路径(不带扩展名,写 .xlsx 和 .csv);默认在输出目录旁:<目录名>_抽检清单")  # fmt: skip
@DB_OPTION
@click.option("--no-record", is_flag=True, help="不把这次抽中的记录写入记录库(试抽)")
@with_common
def sample(sources, rate, seed, by, exclude_recent, output, manifest, db_url, no_record, rules, fields, disable,
           config_path, lexicon_dirs):  # fmt: skip
    """每月抽检:按比例分层随机抽取记录,复制到输出目录,并写抽检清单(xlsx 和 csv)。

    例:checker sample 2024-06/ --rate 0.1 --seed 202406 --by department --exclude-recent 3 --output 2024-06抽检/
    """
    from checker.history.sample import BY_NAMES, run_sample
    from checker.normalise import load_normaliser

    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    checker = _checker(config, disable)
    out = Path(output)
    if out.exists() and any(out.iterdir()):
        raise click.ClickException(
            f"输出目录 {out} 不为空:请换一个目录或先清空它(抽检目录里只应有这次抽中的记录)"
        )
    store = None if (no_record and not exclude_recent) else _store(config, db_url)
    try:
        result, paths = run_sample(checker, list(sources), rate=rate, seed=seed, by=by or "",
                                   exclude_recent=exclude_recent, output=out,
                                   manifest=Path(manifest) if manifest else None,
                                   store=None if no_record else store, normaliser=load_normaliser(config.normalise),
                                   recent_store=store)  # fmt: skip
    finally:
        if store is not None:
            store.close()
    skipped = sum(1 for c in result.candidates if c.status == "跳过")
    click.echo(f"共 {len(result.candidates)} 条记录,分 {len(result.strata)} 层({BY_NAMES.get(by or '', by)}),"
               f"抽中 {len(result.picked)} 条" + (f",跳过近期已抽 {skipped} 条" if skipped else "") + "。")  # fmt: skip
    for s in result.strata.values():
        click.echo(f"  {s.name}:{s.total} 条,抽 {s.picked} 条")
    if result.errors:
        click.echo(f"{len(result.errors)} 个文件无法读取(见清单)", err=True)
    click.echo(f"抽中的记录:{out}/  清单:{paths[0]}、{paths[1]}")
    click.echo(f"下一步:checker audit {out} --save --format xlsx --output {out.name}_结果/")


@main.command()
@click.option("--since", default=None, metavar="YYYY-MM", help="从这个月起(按面谈月份)")
@click.option("--until", default=None, metavar="YYYY-MM", help="到这个月止")
@click.option("--by", type=click.Choice(["month", "department", "job_family", "grade", "manager"]), default="month",
              show_default=True, help="分组:月份、部门、岗位序列、绩效等级、面谈人")  # fmt: skip
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "xlsx", "html"]), default="text", show_default=True
)
@click.option("--output", "-o", default=None, type=click.Path(dir_okay=False),
              help="输出文件(xlsx 默认 trends.xlsx;其余默认打印到终端)")  # fmt: skip
@click.option("--top", type=click.IntRange(min=1), default=5, show_default=True, help="每组列出的话题数")
@click.option("--no-topics", is_flag=True, help="不分析员工反映的话题")
@DB_OPTION
@with_common
def trends(
    since, until, by, fmt, output, top, no_topics, db_url, rules, fields, disable, config_path, lexicon_dirs
):
    """质量趋势:合格率与各规则问题率(按月、部门、岗位序列、绩效等级、面谈人),以及员工反映的话题。"""
    import re as _re

    from checker.history.render import render
    from checker.history.topics import load_topic_lexicon
    from checker.history.trends import build_trends
    from checker.normalise import load_normaliser

    for name, value in (("--since", since), ("--until", until)):
        if value and not _re.fullmatch(r"\d{4}-\d{2}", value):
            raise click.BadParameter("应为 YYYY-MM,例如 2024-01", param_hint=name)
    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    names = _rule_names(config)
    store = _store(config, db_url)
    try:
        records = store.load_records(since=since, until=until)
        doc = build_trends(records, by=by, since=since, until=until, normaliser=load_normaliser(config.normalise),
                           topics=not no_topics, top=top, topic_lexicon=load_topic_lexicon(config.lexicon_dirs),
                           database=store.url, rule_names=names)  # fmt: skip
    finally:
        store.close()
    content = render(doc, fmt)
    if fmt == "xlsx" and not output:
        output = "trends.xlsx"
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            Path(output).write_bytes(content)
        else:
            Path(output).write_text(content, encoding="utf-8")
        click.echo(f"已写入 {output}", err=True)
    else:
        click.echo(content, nl=False)


def _chinese_usage(group: click.Group) -> None:
    """「用法: checker audit [选项] PATHS...」 rather than [OPTIONS]."""
    group.options_metavar = "[选项]"
    group.subcommand_metavar = "命令 [参数]..."
    for command in group.commands.values():
        command.options_metavar = "[选项]"


_chinese_usage(main)


if __name__ == "__main__":  # pragma: no cover
    main()
