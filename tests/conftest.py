"""Settings shared by the whole suite: where the real services are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def service_url(variable: str, what: str) -> str:
    """The URL of a real service from the environment, or skip with a reason.

    CI sets ``ORBITHUB_REQUIRE_SERVICES=1``: there a missing URL fails the test instead, so a
    service-backed test can never pass by being skipped.
    """
    url = os.environ.get(variable)
    if url:
        return url
    reason = f"{what} tests need {variable} (e.g. set it to the server's URL)"
    if os.environ.get("ORBITHUB_REQUIRE_SERVICES"):
        pytest.fail(f"{reason}; ORBITHUB_REQUIRE_SERVICES is set, so this is an error")
    pytest.skip(reason)


@pytest.fixture(autouse=True, scope="session")
def _own_runtime_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Hubs started by tests leave their notes in the session's own folder, not the user's.

    A running hub says where it is in ``$XDG_RUNTIME_DIR/orbithub`` (see
    :mod:`orbithub.cli.running`); the test processes inherit this folder, so a command a test
    runs without ``--data-dir`` never finds a hub of another test session on the machine.
    """
    os.environ["XDG_RUNTIME_DIR"] = str(tmp_path_factory.mktemp("runtime"))
    # Demos started by tests write no weeks of history behind them (it costs each one about
    # 15 s of CPU); the tests of that history ask for it with --history-days.
    os.environ.setdefault("ORBITHUB_DEMO_HISTORY_DAYS", "0")
