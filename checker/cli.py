"""The `checker` command: argument parsing and output only; the work is in checker.api."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from checker.api import Checker
from checker.checks.pack import PackError
from checker.config import Config, ConfigError, load_config
from checker.model import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


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


def _checker(config: Config) -> Checker:
    try:
        return Checker(config)
    except (PackError, ConfigError, ValueError, FileNotFoundError) as exc:
        raise click.ClickException(str(exc)) from exc


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    help="输出格式:text(默认)、json、md、html、docx、xlsx、sarif;可多次给出",
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
@with_common
def audit(
    paths, formats, output, fail_on, color, per_record, rules, fields, disable, config_path, lexicon_dirs
):
    """检查面谈记录:文件、目录(递归)或通配符。

    退出码:0 = 没有达到失败级别的问题;1 = 有问题;2 = 有文件无法读取。
    """
    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    checker = _checker(config)
    report = checker.audit_paths(paths)
    from checker.reports import write_reports

    try:
        write_reports(
            report,
            list(formats or ["text"]),
            output,
            color=color,
            inputs=paths,
            pack=checker.pack,
            per_record=per_record,
        )
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    sys.exit(exit_code(report, fail_on or config.fail_on))


def exit_code(report, fail_on: str) -> int:
    if report.errors:
        return EXIT_UNREADABLE
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    worst = max((f.severity.rank for r in report.records for f in r.findings), default=0)
    return EXIT_FINDINGS if worst >= threshold else EXIT_OK


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@with_common
def fields(path, fmt, rules, fields, disable, config_path, lexicon_dirs):
    """显示从一个文件中提取出的字段及其位置(模板没被识别时先运行它)。"""
    from checker.intake.errors import InputError
    from checker.nlp.checkboxes import has_boxes, ticked_options

    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    from checker.intake.fields import load_alias_table
    from checker.intake.reader import read_bytes

    table = load_alias_table(tuple(config.fields))
    try:
        records = read_bytes(Path(path).read_bytes(), path, table)
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


@main.command("rules")
@click.option("--kinds", is_flag=True, help="列出可用的检查类型(kind)")
@with_common
def list_rules(kinds, rules, fields, disable, config_path, lexicon_dirs):
    """列出当前生效的规则。"""
    from checker.checks import REGISTRY
    from checker.checks.pack import load_pack
    from checker.intake.fields import load_alias_table

    if kinds:
        for name, kind in sorted(REGISTRY.items()):
            click.echo(f"{name:16s} {kind.doc.splitlines()[0] if kind.doc else ''}")
        return
    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    try:
        pack = load_pack(config.rules, set(load_alias_table(tuple(config.fields)).names))
    except PackError as exc:
        raise click.ClickException(str(exc)) from exc
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
    from checker.checks.pack import load_pack

    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    pack = load_pack(config.rules)
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
            click.echo(f"  - {ex if isinstance(ex, str) else json.dumps(ex, ensure_ascii=False)}")


@main.command()
@click.argument("text")
@with_common
def tokens(text, rules, fields, disable, config_path, lexicon_dirs):
    """显示一段文字的分词结果,以及每个词被识别成了什么(调词表时用)。"""
    from checker.nlp import pipeline
    from checker.nlp.points import split_points

    config = _config(rules, fields, disable, config_path, lexicon_dirs)
    checker = _checker(config)
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
        segs = pipeline.segment(point.text)
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
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址")
@click.option("--port", default=8080, show_default=True, type=int, help="端口(0 = 任选空闲端口)")
@click.option("--max-upload-mb", default=50, show_default=True, type=int, help="单次上传大小上限(MB)")
@click.option("--verbose", is_flag=True, help="打印每个请求")
@with_common
def serve(host, port, max_upload_mb, verbose, rules, fields, disable, config_path, lexicon_dirs):
    """以 HTTP 服务运行(供上传流程调用):POST /v1/audit、POST /v1/records、GET /v1/rules。"""
    from checker.service import make_server

    checker = _checker(_config(rules, fields, disable, config_path, lexicon_dirs))
    server = make_server(checker, host, port, max_upload_mb * 1024 * 1024, verbose)
    click.echo(f"checker 服务已启动:http://{host}:{server.server_address[1]}/ (Ctrl+C 停止)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":  # pragma: no cover
    main()
