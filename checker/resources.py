"""Where the shipped data (rules/, lexicons/) lives, and how its YAML is read.

In a wheel the data is installed inside the package (checker/_data/...); in an
editable install or a source checkout it is the repository's top-level folder.
"""

from __future__ import annotations

from pathlib import Path

import yaml

_PACKAGE = Path(__file__).resolve().parent
# libyaml's loader parses the shipped packs and alias table ~7x faster than the pure-Python one
# (rules/default.yaml: 82 ms -> 12 ms), which a one-draft audit pays on every start; same result.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(kind: str) -> Path:
    """kind is "rules" or "lexicons"."""
    for candidate in (_PACKAGE / "_data" / kind, _PACKAGE.parent / kind):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"找不到随程序安装的数据目录 {kind}/")


def load_yaml(text: str):
    """yaml.safe_load, with libyaml when it is installed. A broken file is parsed again by the
    pure-Python loader: its error quotes the offending line, which libyaml's does not."""
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader, C or Python
    except yaml.YAMLError:
        return yaml.safe_load(text)  # raises the pure-Python loader's error
