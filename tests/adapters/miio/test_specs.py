"""A Xiaomi model's spec: a dropped-in file, a shipped one, the cache, the spec service."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from orbithub.adapters.miio.specs import (
    SpecResolver,
    SpecSource,
    UnknownModelError,
    shipped_models,
    spec_service_from_env,
)
from orbithub.errors import OrbitHubError
from orbithub.spec import SpecError, SpecFileError
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "miot"
FAN = "orbithub.fan.own1"
FAN_URN = "urn:miot-spec-v2:device:fan:0000A005:orbithub-fan1:1"


class _SpecService:
    """A spec service on loopback serving the fan fixture; counts what it was asked."""

    def __init__(self, instances: list[dict[str, object]], spec: bytes) -> None:
        self.asked: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = parse_qs(url.query)
                outer.asked.append(url.path)
                if url.path == "/miot-spec-v2/instances" and query.get("status") == ["all"]:
                    self._send(json.dumps({"instances": instances}).encode())
                elif url.path == "/miot-spec-v2/instance" and query.get("type") == [FAN_URN]:
                    self._send(spec)
                else:
                    self.send_error(404)

            def _send(self, body: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/miot-spec-v2"


@pytest.fixture
def service() -> Iterator[_SpecService]:
    spec = (FIXTURES / f"{FAN}.json").read_bytes()
    instances: list[dict[str, object]] = [
        {"status": "released", "model": FAN, "version": 1, "type": FAN_URN},
        {"status": "debug", "model": FAN, "version": 2, "type": FAN_URN + "-debug"},
        {"status": "released", "model": "other.kind.v1", "version": 3, "type": "urn:x"},
    ]
    running = _SpecService(instances, spec)
    thread = threading.Thread(target=running.server.serve_forever, daemon=True)
    thread.start()
    yield running
    running.server.shutdown()
    running.server.server_close()
    thread.join(5)


def test_the_shipped_specs_load_and_include_a_purifier() -> None:
    models = shipped_models()
    assert "xiaomi.airp.mb5" in models
    resolver = SpecResolver(Path("/nonexistent"), service_url=None)
    for model in models:
        found = resolver.local(model)
        assert found is not None
        assert found.source is SpecSource.SHIPPED
    mb5 = resolver.local("xiaomi.airp.mb5")
    assert mb5 is not None
    assert mb5.spec.property("air-purifier.mode").writable


async def test_a_dropped_file_is_found_and_wins_over_a_shipped_one(tmp_path: Path) -> None:
    resolver = SpecResolver(tmp_path, service_url=None)
    drop = resolver.drop_path("xiaomi.airp.mb5")
    assert drop == tmp_path / "xiaomi" / "specs" / "xiaomi.airp.mb5.json"
    drop.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / f"{FAN}.json", drop)
    found = await resolver.resolve("xiaomi.airp.mb5")
    assert (found.source, found.where) == (SpecSource.DROPPED, str(drop))
    assert found.spec.type.name == "fan"


async def test_a_damaged_dropped_file_is_named_not_skipped(tmp_path: Path) -> None:
    resolver = SpecResolver(tmp_path, service_url=None)
    drop = resolver.drop_path("acme.fan.v9")
    drop.parent.mkdir(parents=True)
    drop.write_text('{"type": "urn:miot-spec-v2:device:fan:0000A005:acme-v9:1"}')
    with pytest.raises(SpecFileError, match=r"acme\.fan\.v9\.json"):
        await resolver.resolve("acme.fan.v9")
    drop.write_text("{not json")
    with pytest.raises(SpecError, match="cannot be read"):
        await resolver.resolve("acme.fan.v9")


async def test_an_unknown_model_says_where_to_drop_its_spec(tmp_path: Path) -> None:
    resolver = SpecResolver(tmp_path, service_url=None)
    with pytest.raises(UnknownModelError) as raised:
        await resolver.resolve("zhimi.airpurifier.ma4")
    message = str(raised.value)
    assert str(tmp_path / "xiaomi" / "specs" / "zhimi.airpurifier.ma4.json") in message
    assert "ORBITHUB_MIOT_SPEC_URL=off" in message


@pytest.mark.parametrize("model", ["../../etc/passwd", "UPPER.case.x", "nodots", "a." * 40 + "b"])
async def test_a_model_that_is_no_model_name_is_refused(tmp_path: Path, model: str) -> None:
    with pytest.raises(OrbitHubError, match="not a Xiaomi model name"):
        await SpecResolver(tmp_path, service_url=None).resolve(model)


async def test_the_service_gives_a_spec_that_is_cached_for_offline_use(
    tmp_path: Path, service: _SpecService
) -> None:
    online = SpecResolver(tmp_path, service_url=service.url)
    found = await online.resolve(FAN)
    assert found.source is SpecSource.SERVICE
    assert FAN_URN in found.where  # the released instance, not the newer debug one
    assert service.asked == ["/miot-spec-v2/instances", "/miot-spec-v2/instance"]
    cached = tmp_path / "xiaomi" / "spec-cache" / f"{FAN}.json"
    assert cached.read_bytes() == (FIXTURES / f"{FAN}.json").read_bytes()
    # Later, offline: the cache answers and the service is not asked again.
    offline = await SpecResolver(tmp_path, service_url=None).resolve(FAN)
    assert (offline.source, offline.spec) == (SpecSource.CACHE, found.spec)
    assert len(service.asked) == 2


async def test_a_model_the_service_lacks_is_unknown_with_the_reason(
    tmp_path: Path, service: _SpecService
) -> None:
    with pytest.raises(UnknownModelError, match=r"lists no spec for acme\.fan\.v9"):
        await SpecResolver(tmp_path, service_url=service.url).resolve("acme.fan.v9")


async def test_an_answer_past_the_size_limit_is_not_read(
    tmp_path: Path, service: _SpecService
) -> None:
    # The list of models here is a few hundred bytes; a limit below that stands for a service
    # (or something posing as one) sending without end.
    resolver = SpecResolver(tmp_path, service_url=service.url, max_list_bytes=100)
    with pytest.raises(UnknownModelError, match="sent more than"):
        await resolver.resolve(FAN)
    small_spec = SpecResolver(tmp_path, service_url=service.url, max_spec_bytes=1000)
    with pytest.raises(UnknownModelError, match="sent more than"):
        await small_spec.resolve(FAN)
    assert not (tmp_path / "xiaomi" / "spec-cache" / f"{FAN}.json").exists()


async def test_an_unreachable_service_is_unknown_not_a_hang(tmp_path: Path) -> None:
    # A port nothing listens on: refused at once.
    resolver = SpecResolver(tmp_path, service_url="http://127.0.0.1:9/miot-spec-v2", timeout=2)
    with pytest.raises(UnknownModelError, match="could not be reached"):
        await resolver.resolve("acme.fan.v9")


def test_the_service_address_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ORBITHUB_MIOT_SPEC_URL", raising=False)
    assert spec_service_from_env() == "https://miot-spec.org/miot-spec-v2"
    monkeypatch.setenv("ORBITHUB_MIOT_SPEC_URL", "http://mirror.lan/specs/")
    assert spec_service_from_env() == "http://mirror.lan/specs"
    monkeypatch.setenv("ORBITHUB_MIOT_SPEC_URL", "off")
    assert spec_service_from_env() is None
