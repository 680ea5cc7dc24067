"""Where the shipped data (rules/, lexicons/) lives, and how its YAML is read.

In a wheel the data is installed inside the package (checker/_data/...); in an
editable install or a source checkout it is the repository's top-level folder.

Every start of `checker audit` reads the rule pack and the alias table. Parsed, they
are kept in the user's cache folder (marshal, keyed by a hash of the text), so a start
after the first does not import PyYAML at all (~15 ms) nor parse (~20 ms); an edited
file has a new key and is parsed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_path(kind: str) -> Path:
    """kind is "rules" or "lexicons"."""
    for candidate in (_PACKAGE / "_data" / kind, _PACKAGE.parent / kind):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"找不到随程序安装的数据目录 {kind}/")


def load_yaml(text: str):
    """yaml.safe_load, with libyaml's loader when it is installed (~7x faster: rules/default.yaml
    82 ms -> 12 ms; same result). A broken file is parsed again by the pure-Python loader: its
    error (yaml.YAMLError) quotes the offending line, which libyaml's does not."""
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe
    except yaml.YAMLError:
        return yaml.safe_load(text)  # raises the pure-Python loader's error


def load_yaml_file(path: str | Path):
    """load_yaml of a file's text, through the parse cache (OSError when the file cannot be read)."""
    text = Path(path).read_text(encoding="utf-8")
    key = hashlib.sha1(f"{sys.version_info[:2]} {marshal.version}\n{text}".encode("utf-8", "surrogatepass"))
    cached = _cache_folder() / f"{key.hexdigest()}.marshal"
    try:
        return marshal.loads(cached.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not there yet, or damaged: parse
    data = load_yaml(text)
    _store(cached, data)
    return data


def is_yaml_error(exc: BaseException) -> bool:
    """Whether exc is PyYAML's parse error (without importing PyYAML when it was never needed)."""
    yaml = sys.modules.get("yaml")
    return yaml is not None and isinstance(exc, yaml.YAMLError)


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "checker" / "yaml"


def _store(cached: Path, data) -> None:
    """Write atomically; data marshal cannot hold (a YAML date) and a read-only cache are not cached."""
    try:
        blob = marshal.dumps(data)
    except ValueError:
        return
    tmp = None
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, cached)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
