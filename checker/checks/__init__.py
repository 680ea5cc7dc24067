"""Check kinds: one module per kind; importing this package registers them all."""

from checker.checks import confirmation, deadline, evidence, existence, measurable, required, timeliness  # noqa: F401
from checker.checks.base import REGISTRY, CheckContext, Rule, Settings  # noqa: F401
