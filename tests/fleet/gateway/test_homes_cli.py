"""``orbithub homes``: an operator provisions a home, lets a person in, and keeps months."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from orbithub.cli.main import app
from orbithub.storage import Database
from orbithub.storage import users as user_store
from orbithub.storage.users import Role
from tests.conftest import service_url
from tests.storage.conftest import POSTGRES_URL_VARIABLE, postgres_schema

pytestmark = pytest.mark.postgres


@pytest.fixture
async def schema() -> AsyncIterator[tuple[str, str]]:
    url = service_url(POSTGRES_URL_VARIABLE, "PostgreSQL")
    async with postgres_schema(url) as name:
        db = await Database.open(url, schema=name)
        try:
            await user_store.create_user(
                db,
                username="erin",
                display_name="Erin",
                role=Role.GUEST,
                language="en",
                password_hash="not-a-hash",  # noqa: S106 - never signs in
                now=0.0,
            )
        finally:
            await db.close()
        yield url, name


def _homes(schema: tuple[str, str], *args: str) -> tuple[int, str]:
    url, name = schema
    result = CliRunner().invoke(
        app, ["homes", *args, "--database-url", url, "--database-schema", name]
    )
    return result.exit_code, result.output


def test_an_operator_provisions_a_home_and_lets_a_person_in(schema: tuple[str, str]) -> None:
    assert _homes(schema, "add", "villa-7", "Villa 7") == (0, "home villa-7 (Villa 7)\n")
    assert _homes(schema, "member", "villa-7", "erin", "--role", "child") == (
        0,
        "erin is child in villa-7\n",
    )
    code, output = _homes(schema, "member", "villa-7", "nobody")
    assert code == 1
    assert "orbithub users add" in output
    code, output = _homes(schema, "add", "villa 7", "Bad")
    assert code == 1
    assert "subject token" in output
    assert _homes(schema, "member", "villa-7", "erin", "--remove") == (0, "erin left villa-7\n")


def test_months_are_made_ahead_and_detached(schema: tuple[str, str]) -> None:
    code, output = _homes(schema, "months", "--ahead", "4")
    assert code == 0, output
    assert len(output.removeprefix("attached: ").split(", ")) == 5
    this = datetime.now(UTC)
    following = f"{this.year + this.month // 12}-{this.month % 12 + 1:02d}"
    code, output = _homes(schema, "months", "--ahead", "0", "--detach-before", following)
    assert code == 0, output
    lines = output.splitlines()
    assert lines[0] == f"detached fleet_history_y{this.year}m{this.month:02d}"
    assert lines[1].startswith(f"attached: {following}, ")
    assert len(lines[1].split(", ")) == 4
    assert _homes(schema, "months", "--detach-before", "June")[0] == 2
