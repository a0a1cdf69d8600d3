"""Every route declares the right it needs, and its dependencies enforce the role it names.

The behaviour of every operation against its declared right is checked over a running hub in
``test_rights_matrix``; this checks the declarations themselves, without a server.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.routing import APIRoute

from orbithub.api.deps import current_principal, require_adult, require_owner, require_signed_in
from orbithub.api.rights import RIGHT_KEY, Right, requires
from orbithub.api.routes import ROUTERS


def test_every_route_declares_a_right_its_dependencies_enforce() -> None:
    enforced = {
        Right.OWNER: require_owner,
        Right.ADULT: require_adult,
        Right.SESSION: require_signed_in,
    }
    problems = []
    for router in ROUTERS:
        for route in router.routes:
            assert isinstance(route, APIRoute)
            name = f"{sorted(route.methods or ())} {route.path}"
            declared = (route.openapi_extra or {}).get(RIGHT_KEY)
            if declared not in set(Right):
                problems.append(f"{name}: declares no right (x-orbithub-right: {declared!r})")
                continue
            calls = set(_dependencies(route))
            needed = enforced.get(Right(declared))
            if needed is not None and needed not in calls:
                problems.append(f"{name}: declares {declared} without depending on {needed}")
            signed_in = current_principal in calls
            if signed_in == (declared in (Right.PUBLIC, Right.PHONE)):
                problems.append(f"{name}: declares {declared} but signed_in={signed_in}")
    assert problems == []


def _dependencies(route: APIRoute) -> Iterator[object]:
    pending = list(route.dependant.dependencies)
    while pending:
        dependant = pending.pop()
        yield dependant.call
        pending.extend(dependant.dependencies)


def test_a_declaration_keeps_the_rest_of_the_extra() -> None:
    body = {"requestBody": {"required": True}}
    assert requires(Right.ADULT, body) == {"requestBody": {"required": True}, RIGHT_KEY: "adult"}
    assert body == {"requestBody": {"required": True}}
