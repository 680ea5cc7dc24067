"""The one exception parsers raise for an input they cannot read."""

from __future__ import annotations


class InputError(Exception):
    """A file that yields no records. `code` is stable (English), `message` is for people (Chinese)."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
