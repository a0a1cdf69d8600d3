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
