"""Quality checker for performance-interview records (绩效面谈记录).

from checker import Checker
report = Checker().audit_paths(["drafts/"])
"""

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


def audit_paths(paths, config=None) -> Report:
    return Checker(config).audit_paths(paths) if config else Checker().audit_paths(paths)


def audit_file(path, config=None) -> Report:
    return audit_paths([path], config)


def audit_record(fields: dict[str, str], source: str = "<record>", config=None) -> RecordReport:
    from checker.model import FieldValue

    checker = Checker(config) if config else Checker()
    return checker.audit_record(
        Record(source=source, fields={k: FieldValue(text=v) for k, v in fields.items()})
    )
