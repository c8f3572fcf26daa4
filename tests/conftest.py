"""Shared pytest options: --regen-golden rewrites tests/fixtures/*.expected.jsonl from the current cleaner
(review the printed diff before committing)."""
from __future__ import annotations

import pytest


def pytest_addoption(parser):
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="rewrite golden expected.jsonl files from the current cleaner and print the diff")


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a test that takes more than a few seconds")


@pytest.fixture(scope="session")
def regen_golden(request) -> bool:
    return bool(request.config.getoption("--regen-golden"))
