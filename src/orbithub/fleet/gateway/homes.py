"""One signed-in person's view of one home: their rights there, the home's registry and state."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from orbithub.access import Principal
from orbithub.api.errors import ApiError
from orbithub.core.registry import Device, Registry
from orbithub.fleet.gateway.access import home_principal, home_registry
from orbithub.storage.fleet import FleetChange, FleetHome, FleetStore

__all__ = ["HomeView", "home_view", "no_device", "no_home", "store_of"]


def store_of(request: Request) -> FleetStore:
    """The gateway's fleet store."""
    store = request.app.state.fleet_store
    assert isinstance(store, FleetStore)  # noqa: S101 - create_gateway_app sets it
    return store


def no_home(home: str) -> ApiError:
    """The one answer for a home that does not exist and a home the caller may not see."""
    return ApiError(
        404, "not_found", f"no home {home!r} that you may see; GET /api/homes lists yours"
    )


def no_device(home: str, device: str) -> ApiError:
    """The one answer for a device that does not exist and one the caller may not see."""
    return ApiError(
        404,
        "not_found",
        f"no device {device!r} in home {home!r} that you may see; "
        f"GET /api/homes/{home}/devices lists yours",
    )


@dataclass(frozen=True, slots=True)
class HomeView:
    """A home as one person may see it.

    Attributes:
        home: the home.
        principal: the person's rights in it (limited to it).
        registry: the home's registry.
    """

    home: FleetHome
    principal: Principal
    registry: Registry

    def visible(self) -> list[Device]:
        """The devices the person may see, ordered by id."""
        return sorted(
            (d for d in self.registry.devices() if self.principal.can_view_device(d)),
            key=lambda d: d.id,
        )

    def device(self, device_id: str) -> Device:
        """A device the person may see.

        Raises:
            ApiError: 404 for a device that does not exist or that the person may not see.
        """
        device = self.registry.find_device(device_id)
        if device is None or not self.principal.can_view_device(device):
            raise no_device(self.home.id, device_id)
        return device

    def may_see(self, change: FleetChange) -> bool:
        """Whether a change of this home is of a device the person may see."""
        device = self.registry.find_device(change.device)
        return device is not None and self.principal.can_view_device(device)


async def home_view(store: FleetStore, principal: Principal, home: str) -> HomeView:
    """The caller's view of ``home``.

    Raises:
        ApiError: 404 when the home does not exist or the caller is not a member of it (the
            two are told apart by no one outside the home).
    """
    role = await store.homes.role(principal.user_id, home)
    if role is None:
        raise no_home(home)
    scoped = home_principal(principal, home, role)
    record = await store.homes.home(home)
    if record is None or not scoped.can_view_space(home):
        raise no_home(home)
    registry = home_registry(record, await store.homes.devices(home))
    return HomeView(record, scoped, registry)
