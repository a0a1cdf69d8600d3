"""Fixtures of the anomaly tests: the shared simulated weeks and the demo registry."""

from __future__ import annotations

import pytest

from orbithub.core.registry import Registry
from tests.assistant.suggest.weeks import Weeks, demo_registry, demo_weeks


@pytest.fixture(scope="session")
def weeks(tmp_path_factory: pytest.TempPathFactory) -> Weeks:
    """Four simulated weeks of the demo family (made once per session)."""
    return demo_weeks(tmp_path_factory)


@pytest.fixture
def registry() -> Registry:
    """The demo world's spaces, rooms and devices."""
    return demo_registry()
