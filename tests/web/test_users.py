"""Users and grants for the owner: names not ids, role change, password reset, removal asked.

Devices are picked by name, a grant shows its expiry, and a person is removed only after a
second, explicit tap.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.web.axe import serious_violations
from tests.web.conftest import OWNER, PASSWORD, Hub, sign_in

NEW_PASSWORD = "another horse battery"  # noqa: S105 (a test account on a throwaway hub)


def test_the_owner_manages_a_person(
    hub: Hub, owner_token: str, page: Page, artifacts: Path
) -> None:
    with hub.client(owner_token) as client:
        created = client.post(
            "/api/users",
            json={
                "username": "dana",
                "password": PASSWORD,
                "role": "guest",
                "display_name": "Dana",
            },
        )
        assert created.status_code == 201, created.text
        dana_id = created.json()["id"]
    sign_in(page, OWNER)
    page.goto("/#/users")
    dana = page.locator("[data-user='dana']")
    # A device grant picked by its name; the grant reads in names, with its expiry.
    dana.get_by_role("button", name="Access").click()
    dana.get_by_label("Desk lamp").check()
    dana.get_by_role("button", name="Grant access").click()
    expect(dana.locator("[data-grant]")).to_contain_text("Desk lamp")
    expect(dana.locator("[data-grant]")).to_contain_text("no expiry")
    with hub.client(owner_token) as client:
        grants = client.get(f"/api/users/{dana_id}/grants").json()
    assert [g["device_ids"] for g in grants] == [["desk-lamp"]]
    # The role changes from the list.
    dana.get_by_label("Role").select_option("child")
    expect(dana).to_contain_text("Child")
    # A new password: the old one no longer signs in, the new one does.
    dana.get_by_label("New password").fill(NEW_PASSWORD)
    dana.get_by_role("button", name="Set password").click()
    expect(page.get_by_role("status")).to_contain_text("New password set for Dana")
    with hub.client() as client:
        old = client.post("/api/auth/login", json={"username": "dana", "password": PASSWORD})
        new = client.post("/api/auth/login", json={"username": "dana", "password": NEW_PASSWORD})
    assert old.status_code == 401
    assert new.status_code == 200, new.text
    page.screenshot(path=artifacts / "users-manage.png", full_page=True)
    assert serious_violations(page) == []
    # Removing asks first; Cancel keeps the person.
    dana.get_by_role("button", name="Remove user").click()
    question = dana.get_by_role("alertdialog", name="Remove Dana? Their access and sessions end.")
    question.get_by_role("button", name="Cancel").click()
    expect(question).to_have_count(0)
    with hub.client(owner_token) as client:
        assert any(u["username"] == "dana" for u in client.get("/api/users").json())
    dana.get_by_role("button", name="Remove user").click()
    dana.get_by_role("alertdialog").get_by_role("button", name="Remove user").click()
    expect(page.locator("[data-user='dana']")).to_have_count(0)
    with hub.client(owner_token) as client:
        assert all(u["username"] != "dana" for u in client.get("/api/users").json())


def test_taking_access_away_asks_first(hub: Hub, owner_token: str, page: Page) -> None:
    with hub.client(owner_token) as client:
        created = client.post(
            "/api/users",
            json={
                "username": "erin",
                "password": PASSWORD,
                "role": "guest",
                "display_name": "Erin",
            },
        )
        assert created.status_code == 201, created.text
        erin_id = created.json()["id"]
        granted = client.post(
            f"/api/users/{erin_id}/grants",
            json={"space_id": "home", "device_ids": ["kitchen-light"]},
        )
        assert granted.status_code in (200, 201), granted.text
    sign_in(page, OWNER)
    page.goto("/#/users")
    erin = page.locator("[data-user='erin']")
    erin.get_by_role("button", name="Access").click()
    grant = erin.locator("[data-grant]")
    expect(grant).to_contain_text("Kitchen light")
    # The first tap only asks; Cancel keeps the grant, on the screen and on the hub.
    grant.get_by_role("button", name="Revoke").click()
    question = grant.get_by_role(
        "alertdialog", name="Revoke access to Home: Kitchen light for Erin?"
    )
    expect(question).to_be_visible()
    with hub.client(owner_token) as client:
        assert len(client.get(f"/api/users/{erin_id}/grants").json()) == 1
    question.get_by_role("button", name="Cancel").click()
    expect(question).to_have_count(0)
    expect(grant).to_contain_text("Kitchen light")
    with hub.client(owner_token) as client:
        assert len(client.get(f"/api/users/{erin_id}/grants").json()) == 1
    # Saying yes takes the access away.
    grant.get_by_role("button", name="Revoke").click()
    grant.get_by_role("alertdialog").get_by_role("button", name="Revoke").click()
    expect(erin.locator("[data-grant]")).to_have_count(0)
    with hub.client(owner_token) as client:
        assert client.get(f"/api/users/{erin_id}/grants").json() == []
