"""Where the shipped data (rules/, lexicons/) lives.

In a wheel the data is installed inside the package (checker/_data/...); in an
editable install or a source checkout it is the repository's top-level folder.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_path(kind: str) -> Path:
    """kind is "rules" or "lexicons"."""
    for candidate in (_PACKAGE / "_data" / kind, _PACKAGE.parent / kind):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"找不到随程序安装的数据目录 {kind}/")
