"""JSON report, exactly SPEC section 3 plus score, verdict, locations, errors and summary."""

from __future__ import annotations

import json

from checker.model import Report


def render(report: Report) -> str:
    return json.dumps(report.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
