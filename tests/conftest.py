from __future__ import annotations

import pytest

from checker.intake.fields import load_alias_table


@pytest.fixture(scope="session")
def alias_table():
    return load_alias_table()


@pytest.fixture(scope="session")
def checker_instance():
    from checker import Checker

    return Checker()
