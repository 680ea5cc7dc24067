"""Check kinds: one module per kind; importing this package registers them all."""

# issue 12 added copied, duration, feedback, followup, grade, location, sensitive, support (the policy rules;
# the cross-record stage is checker/checks/crossrecord.py)
from checker.checks import (  # noqa: F401
    confirmation,
    copied,
    deadline,
    duration,
    evidence,
    existence,
    feedback,
    followup,
    grade,
    location,
    measurable,
    required,
    sensitive,
    support,
    timeliness,
)
from checker.checks.base import REGISTRY, CheckContext, Rule, Settings  # noqa: F401
