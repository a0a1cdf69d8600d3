"""Which MIoT spec a Xiaomi model follows: a dropped-in file, a shipped one, the cache, the service.

A device names its model in ``miIO.info`` (``xiaomi.airp.mb5``); the spec instance of that model
says what the device holds. The hub looks, in order, for a file the user dropped into
``<data>/xiaomi/specs/<model>.json`` (it wins, so a user can correct a published spec), a spec
shipped with OrbitHub, one cached from an earlier download, and last the public MIoT spec
service, when it is allowed and reachable. The service is never required: every device works
offline once its spec is in one of the files. Downloads are bounded in time and size.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import httpx

from orbithub.errors import OrbitHubError
from orbithub.files import write_atomically
from orbithub.spec.errors import SpecError
from orbithub.spec.miot import load_spec
from orbithub.spec.model import DeviceType

__all__ = [
    "DEFAULT_SPEC_SERVICE",
    "ENV_SPEC_SERVICE",
    "ResolvedSpec",
    "SpecResolver",
    "SpecSource",
    "UnknownModelError",
    "check_model",
    "shipped_models",
    "spec_service_from_env",
]

_LOGGER = logging.getLogger(__name__)

DEFAULT_SPEC_SERVICE = "https://miot-spec.org/miot-spec-v2"
"""The public MIoT spec service: ``/instances`` lists models, ``/instance?type=`` gives one."""
ENV_SPEC_SERVICE = "ORBITHUB_MIOT_SPEC_URL"
"""Another address for the spec service (a mirror), or ``off`` to never ask it."""

_MODEL = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}(\.[a-z0-9][a-z0-9_-]{0,31}){1,4}")
_SUFFIX = ".json"
_TIMEOUT_S = 10.0
# The list of every published instance is a few MiB today; a spec itself tens of KiB.
_MAX_LIST_BYTES = 32 * 1024 * 1024
_MAX_SPEC_BYTES = 2 * 1024 * 1024
_MAX_FILE_BYTES = _MAX_SPEC_BYTES


class SpecSource(StrEnum):
    """Where a model's spec was found."""

    DROPPED = "dropped"
    SHIPPED = "shipped"
    CACHE = "cache"
    SERVICE = "service"


@dataclass(frozen=True, slots=True)
class ResolvedSpec:
    """A model's spec and where it came from (a file path or the service's address)."""

    model: str
    spec: DeviceType
    source: SpecSource
    where: str


class UnknownModelError(OrbitHubError):
    """No spec is known for a model; the message says where to put one.

    Attributes:
        model: the model asked for.
        drop_path: where a spec file for it would be found.
        service: why the spec service did not help (off, unreachable, no such model).
    """

    def __init__(self, model: str, drop_path: Path, service: str) -> None:
        self.model = model
        self.drop_path = drop_path
        self.service = service
        super().__init__(
            f"no MIoT spec is known for model {model!r}: save its spec instance (from "
            f"{DEFAULT_SPEC_SERVICE}/instance?type=<its urn>) as {drop_path}, or allow the spec "
            f"service ({service})"
        )


def check_model(model: str) -> str:
    """``model`` when it looks like a Xiaomi model string (it becomes a file name).

    Raises:
        OrbitHubError: it does not (``vendor.kind.version``, lower case).
    """
    if not _MODEL.fullmatch(model):
        raise OrbitHubError(
            f"{model[:80]!r} is not a Xiaomi model name; expected lower-case words joined by "
            "dots, such as 'xiaomi.airp.mb5'"
        )
    return model


def spec_service_from_env() -> str | None:
    """The spec service's address from ``ORBITHUB_MIOT_SPEC_URL`` (None: ``off``)."""
    value = os.environ.get(ENV_SPEC_SERVICE, "").strip()
    if value.lower() in ("off", "none", "no", "0"):
        return None
    return value.rstrip("/") or DEFAULT_SPEC_SERVICE


def shipped_models() -> list[str]:
    """Every model whose spec ships with OrbitHub, sorted."""
    return sorted(_shipped_names())


def _models_folder() -> Traversable:
    return resources.files(__package__ or "orbithub.adapters.miio").joinpath("models")


@cache
def _shipped_names() -> frozenset[str]:
    return frozenset(
        entry.name.removesuffix(_SUFFIX)
        for entry in _models_folder().iterdir()
        if entry.name.endswith(_SUFFIX) and entry.is_file()
    )


@cache
def _shipped(name: str) -> DeviceType:
    # Shipped files never change while the hub runs: each is read once and shared.
    data = json.loads(_models_folder().joinpath(name).read_text(encoding="utf-8"))
    return load_spec(data, source=f"shipped spec {name}")


class SpecResolver:
    """Finds the spec of a model for one hub (its data directory and spec service).

    Args:
        data_dir: the hub's data directory; dropped files and the cache live under ``xiaomi/``.
        service_url: the spec service's address; None never asks it.
        timeout: seconds one request to the service may take.
        max_list_bytes: the most the service's list of models may weigh.
        max_spec_bytes: the most one spec from the service may weigh.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        service_url: str | None = DEFAULT_SPEC_SERVICE,
        timeout: float = _TIMEOUT_S,
        max_list_bytes: int = _MAX_LIST_BYTES,
        max_spec_bytes: int = _MAX_SPEC_BYTES,
    ) -> None:
        self.dropped_dir = data_dir / "xiaomi" / "specs"
        self.cache_dir = data_dir / "xiaomi" / "spec-cache"
        self.service_url = service_url.rstrip("/") if service_url else None
        self._timeout = timeout
        self._max_list = max_list_bytes
        self._max_spec = max_spec_bytes

    def drop_path(self, model: str) -> Path:
        """Where a user puts the spec file of ``model``."""
        return self.dropped_dir / f"{check_model(model)}{_SUFFIX}"

    def local(self, model: str) -> ResolvedSpec | None:
        """The spec from the files alone (dropped, shipped, cached); blocking file reads.

        Raises:
            OrbitHubError: the model name is not valid.
            SpecFileError: a dropped or cached file is not a valid spec (the message names it).
        """
        check_model(model)
        dropped = self.drop_path(model)
        if dropped.is_file():
            return ResolvedSpec(model, _load_file(dropped), SpecSource.DROPPED, str(dropped))
        name = f"{model}{_SUFFIX}"
        if model in _shipped_names():
            return ResolvedSpec(model, _shipped(name), SpecSource.SHIPPED, f"models/{name}")
        cached = self.cache_dir / name
        if cached.is_file():
            return ResolvedSpec(model, _load_file(cached), SpecSource.CACHE, str(cached))
        return None

    async def resolve(self, model: str) -> ResolvedSpec:
        """The spec of ``model`` from the files, else from the spec service (then cached).

        Raises:
            UnknownModelError: no file has it and the service is off, unreachable or lacks it.
            SpecFileError: a file, or the service's answer, is not a valid spec.
        """
        found = await asyncio.to_thread(self.local, model)
        if found is not None:
            return found
        if self.service_url is None:
            raise UnknownModelError(
                model, self.drop_path(model), f"it is off: {ENV_SPEC_SERVICE}=off"
            )
        try:
            urn, raw = await self._download(model)
        except _ServiceError as exc:
            raise UnknownModelError(model, self.drop_path(model), str(exc)) from None
        try:
            data = json.loads(raw)
        except ValueError:
            raise SpecError(f"the spec service's answer for {urn} is not JSON") from None
        spec = load_spec(data, source=f"the spec service's {urn}")
        cached = self.cache_dir / f"{model}{_SUFFIX}"
        await asyncio.to_thread(write_atomically, cached, raw)
        _LOGGER.info("spec of %s (%s) downloaded and cached in %s", model, urn, cached)
        return ResolvedSpec(model, spec, SpecSource.SERVICE, f"{self.service_url} ({urn})")

    async def _download(self, model: str) -> tuple[str, bytes]:
        base = self.service_url
        assert base is not None  # noqa: S101 - resolve checks it
        async with httpx.AsyncClient(timeout=self._timeout, follow_redirects=False) as client:
            listing = await _get(client, f"{base}/instances", {"status": "all"}, self._max_list)
            urn = _newest_instance(listing, model)
            if urn is None:
                raise _ServiceError(f"{base} lists no spec for {model}")
            raw = await _get(client, f"{base}/instance", {"type": urn}, self._max_spec)
        return urn, raw


class _ServiceError(OrbitHubError):
    """The spec service could not give a spec."""


async def _get(client: httpx.AsyncClient, url: str, params: dict[str, str], limit: int) -> bytes:
    """The body of a GET, refused past ``limit`` bytes or the client's time limit."""
    try:
        async with (
            asyncio.timeout(client.timeout.read or _TIMEOUT_S),
            client.stream("GET", url, params=params) as answer,
        ):
            if answer.status_code != 200:
                raise _ServiceError(f"{url} answered HTTP {answer.status_code}")
            body = bytearray()
            async for chunk in answer.aiter_bytes():
                body += chunk
                if len(body) > limit:
                    raise _ServiceError(f"{url} sent more than {limit:,} bytes; not read")
            return bytes(body)
    except TimeoutError:
        raise _ServiceError(f"{url} did not answer in time") from None
    except httpx.HTTPError as exc:
        raise _ServiceError(f"{url} could not be reached: {exc}") from None


def _newest_instance(listing: bytes, model: str) -> str | None:
    """The type URN of the newest released instance of ``model`` (any status when none is)."""
    try:
        data = json.loads(listing)
    except ValueError:
        raise _ServiceError("the spec service's list of models is not JSON") from None
    instances = data.get("instances") if isinstance(data, dict) else None
    if not isinstance(instances, list):
        raise _ServiceError("the spec service's answer holds no list of instances")
    best: tuple[bool, int, str] | None = None
    for item in instances:
        if not isinstance(item, dict) or item.get("model") != model:
            continue
        urn, version = item.get("type"), item.get("version", 0)
        if not isinstance(urn, str) or not isinstance(version, int):
            continue
        rank = (item.get("status") == "released", version, urn)
        if best is None or rank > best:
            best = rank
    return None if best is None else best[2]


def _load_file(path: Path) -> DeviceType:
    try:
        st = path.stat()
    except OSError as exc:
        raise SpecError(f"{path} cannot be read as a MIoT spec: {exc}") from None
    # Read again only when the file changed (a user may replace a dropped-in spec any time).
    return _load_changed(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=256)
def _load_changed(path: Path, mtime_ns: int, size: int) -> DeviceType:
    try:
        if size > _MAX_FILE_BYTES:
            raise SpecError(f"{path} is {size} bytes; a MIoT spec is far smaller (a wrong file?)")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise SpecError(f"{path} cannot be read as a MIoT spec: {exc}") from None
    return load_spec(data, source=str(path))
