"""Quality checker for performance-interview records (绩效面谈记录).

from checker import Checker
report = Checker().audit_paths(["drafts/"])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.api import Checker
    from checker.model import Finding, Record, RecordReport, Report

__all__ = [
    "Checker",
    "Finding",
    "Record",
    "RecordReport",
    "Report",
    "audit_paths",
    "audit_file",
    "audit_record",
]
__version__ = "0.1.0"

# The names above are imported on first use (PEP 562): `import checker.cli` for `checker --help`,
# or any other submodule, does not load the rule engine and the NLP through this package.
_LAZY = {
    "Checker": "checker.api",
    "Finding": "checker.model",
    "Record": "checker.model",
    "RecordReport": "checker.model",
    "Report": "checker.model",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'checker' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


def audit_paths(paths, config=None) -> Report:
    from checker.api import Checker

    return Checker(config).audit_paths(paths) if config else Checker().audit_paths(paths)


def audit_file(path, config=None) -> Report:
    return audit_paths([path], config)


def audit_record(fields: dict[str, str], source: str = "<record>", config=None) -> RecordReport:
    from checker.api import Checker
    from checker.model import FieldValue, Record

    checker = Checker(config) if config else Checker()
    return checker.audit_record(
        Record(source=source, fields={k: FieldValue(text=v) for k, v in fields.items()})
    )
