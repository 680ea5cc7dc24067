"""What reading one file in a budgeted worker gives back, and the memory readings the workers use.

The workers themselves live in pool.py: long-lived processes that cap their address space
(RLIMIT_AS) per file and are killed and replaced when a file overruns its time budget.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from checker.intake.errors import InputError
from checker.model import Record

MEMORY = ("memory", "读取该文件所需内存超过上限,已停止(可能是异常或恶意构造的文件)")


@dataclass
class ReadResult:
    """What reading one file gave: records or an error, and what it cost."""

    source: str
    records: list[Record] = field(default_factory=list)
    error: InputError | None = None
    seconds: float = 0.0
    peak_mb: float = 0.0  # resident memory the read added in its worker; 0 when read in-process


def _vm_bytes() -> int:
    """Current address-space size of this process (Linux), 0 when unknown."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def _rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1048576
