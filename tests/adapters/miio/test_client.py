"""The miIO client against simulated devices on loopback: what a caller sees."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from orbithub.adapters.miio import (
    MAX_BATCH,
    DeviceBusy,
    DeviceError,
    MiioClient,
    MiioError,
    NoAnswer,
    NoSuchProperty,
    NotReadable,
    NotWritable,
    SimulatedMiioDevice,
    SpecValues,
    Timing,
    Token,
    ValueRefused,
)
from orbithub.spec import Action, DeviceType, Property, Value

from .conftest import FAST, TOKEN, load


async def test_hello_and_info_identify_the_device(
    client: MiioClient, purifier: SimulatedMiioDevice
) -> None:
    hello = await client.hello()
    assert hello.device_id == 0x1A2B3C
    assert hello.token is None  # current firmware hides it
    info = await client.info()
    assert (info.model, info.firmware, info.ip) == ("zhimi.airp.rmb1", "2.1.8_0045", "127.0.0.1")
    assert info.mac.count(":") == 5
    assert client.device_id == 0x1A2B3C


async def test_a_set_is_read_back(client: MiioClient, purifier: SimulatedMiioDevice) -> None:
    before = await client.get_properties([(2, 1), (2, 4)])
    assert [(r.ok, r.value) for r in before] == [(True, False), (True, 0)]
    done = await client.set_properties([(2, 1, True), (2, 4, 2)])
    assert all(r.ok and r.error is None for r in done)
    after = await client.get_properties([(2, 1), (2, 4)])
    assert [r.value for r in after] == [True, 2]


class _Busy(SpecValues):
    def write(self, prop: Property, value: Value) -> None:
        raise DeviceBusy(-4004, prop.ids, "heating up")


async def test_each_refused_property_gets_its_own_typed_error() -> None:
    spec = load("yeelink.bhf_light.v5")
    async with SimulatedMiioDevice(spec, TOKEN, model="yeelink.bhf_light.v5", device_id=9) as dev:
        host, port = dev.address
        async with MiioClient(host, TOKEN, port=port, timing=FAST) as miio:
            read = await miio.get_properties([(2, 2), (9, 9), (2, 3)])
            assert isinstance(read[0].error, NotReadable)  # write-only mode
            assert isinstance(read[1].error, NoSuchProperty)
            assert read[2].value == 1  # the others still arrive
            assert read[2].ok
            wrote = await miio.set_properties([(3, 6, 30), (2, 3, 250), (2, 3, 40)])
            assert isinstance(wrote[0].error, NotWritable)  # read-only temperature
            # the second write to 2.3 replaces the first within one call
            assert [r.code for r in wrote] == [-4002, 0]
            refused = await miio.set_properties([(2, 3, 250)])
            assert isinstance(refused[0].error, ValueRefused)
            assert "2.3" in str(refused[0].error)
            dev.provider = _Busy(spec)
            busy = await miio.set_properties([(2, 3, 50)])
            assert isinstance(busy[0].error, DeviceBusy)


async def test_many_properties_go_in_batches_the_device_accepts(
    client: MiioClient, purifier: SimulatedMiioDevice, purifier_spec: DeviceType
) -> None:
    addresses = [(p.siid, p.iid) for p in purifier_spec.properties() if p.readable]
    addresses += [(50, piid) for piid in range(1, 20)]  # unknown ones pad it past 40
    results = await client.get_properties(addresses)
    assert [(r.siid, r.piid) for r in results] == addresses
    assert sum(r.ok for r in results) == len(addresses) - 19
    batches = -(-len(addresses) // MAX_BATCH)
    assert purifier.stats.answered == batches + 0  # one request per batch, none refused whole


class _Counter(SpecValues):
    def __init__(self, spec: DeviceType) -> None:
        super().__init__(spec)
        self.runs: list[tuple[str, tuple[Value, ...]]] = []

    def act(self, action: Action, args: tuple[Value, ...]) -> tuple[Value, ...]:
        self.runs.append((action.path, args))
        return ()


async def test_actions_run_and_bad_ones_are_refused(
    client: MiioClient, purifier: SimulatedMiioDevice, purifier_spec: DeviceType
) -> None:
    provider = _Counter(purifier_spec)
    purifier.provider = provider
    done = await client.action(2, 1)
    assert done.code == 0
    await client.action(4, 1, [12])
    assert provider.runs == [("air-purifier.toggle", ()), ("filter.reset-filter-life", (12,))]
    with pytest.raises(NoSuchProperty, match=r"2\.9"):
        await client.action(2, 9)
    with pytest.raises(ValueRefused, match="arguments"):
        await client.action(4, 1, [])


async def test_an_unknown_method_is_the_devices_error(client: MiioClient) -> None:
    with pytest.raises(DeviceError, match="-32601") as caught:
        await client.call("get_prop", ["power"])
    assert caught.value.code == -32601


async def test_ten_percent_loss_still_converges(
    client: MiioClient, purifier: SimulatedMiioDevice
) -> None:
    purifier.loss = 0.1
    for level in range(60):
        mode = level % 3
        done = await client.set_properties([(2, 4, mode)])
        assert done[0].ok
        read = await client.get_properties([(2, 4)])
        assert read[0].value == mode
    assert purifier.stats.lost > 0
    assert client.stats.retries > 0


async def test_a_reboot_is_resynced_without_the_caller_noticing(
    client: MiioClient, purifier: SimulatedMiioDevice
) -> None:
    await client.set_properties([(2, 1, True)])
    purifier.reboot()
    read = await client.get_properties([(2, 1)])
    assert read[0].value is True
    assert purifier.stats.stale >= 1  # the old clock's packet was ignored
    assert client.stats.resyncs == 1


async def test_a_wrong_token_ends_in_no_answer_by_the_deadline(
    purifier: SimulatedMiioDevice,
) -> None:
    host, port = purifier.address
    wrong = Token(bytes(16))
    timing = Timing(first_wait=0.05, max_wait=0.2, deadline=0.6)
    async with MiioClient(host, wrong, port=port, timing=timing) as miio:
        loop = asyncio.get_running_loop()
        started = loop.time()
        with pytest.raises(NoAnswer, match="no answer: check the token and the address") as no:
            await miio.info()
        assert no.value.answers_hello  # so it says the token is the likely culprit
        assert 0.55 <= loop.time() - started < 1.0
    assert purifier.stats.refused >= 1
    assert purifier.stats.answered == 0


async def test_nobody_listening_ends_in_no_answer() -> None:
    timing = Timing(first_wait=0.05, max_wait=0.1, deadline=0.3)
    async with SimulatedMiioDevice(load("zhimi.airp.rmb1"), TOKEN, model="m", device_id=1) as gone:
        host, port = gone.address
    async with MiioClient(host, TOKEN, port=port, timing=timing) as miio:
        with pytest.raises(NoAnswer) as no:
            await miio.get_properties([(2, 1)])
    assert not no.value.answers_hello
    assert str(no.value) == "no answer: check the token and the address"


async def test_a_batch_past_what_the_device_takes_is_refused_whole(
    purifier: SimulatedMiioDevice, purifier_spec: DeviceType
) -> None:
    readable = [(p.siid, p.iid) for p in purifier_spec.properties() if p.readable]
    assert len(readable) > 20
    host, port = purifier.address
    async with MiioClient(host, TOKEN, port=port, timing=FAST, batch_size=64) as greedy:
        with pytest.raises(DeviceError, match="at most 20"):
            await greedy.get_properties(readable)


async def test_an_address_that_cannot_be_reached_says_so() -> None:
    with pytest.raises(MiioError, match=r"cannot reach 127\.0\.0\.1 port 70000"):
        await MiioClient("127.0.0.1", TOKEN, port=70000, timing=FAST).open()


async def test_reboots_during_loss_still_converge(
    client: MiioClient, purifier: SimulatedMiioDevice
) -> None:
    purifier.loss = 0.1
    for round_ in range(30):
        if round_ % 10 == 5:
            purifier.reboot()
        await client.set_properties([(2, 4, round_ % 3)])
        assert (await client.get_properties([(2, 4)]))[0].value == round_ % 3
    # The first restart sends the clock back by far; the later ones (seconds after the first)
    # leave it close enough that the device takes the requests without a resync.
    assert client.stats.resyncs >= 1


def _open_sockets() -> int:
    return sum(1 for fd in Path("/proc/self/fd").iterdir() if "socket" in _target(fd))


def _target(fd: Path) -> str:
    try:
        return str(fd.readlink())
    except OSError:  # closed while listing
        return ""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to count sockets")
async def test_opening_at_once_from_several_tasks_leaves_no_socket_behind(
    purifier: SimulatedMiioDevice,
) -> None:
    host, port = purifier.address
    before = _open_sockets()
    miio = MiioClient(host, TOKEN, port=port, timing=FAST)
    await asyncio.gather(miio.open(), miio.open(), miio.open())
    assert (await miio.info()).model
    await miio.close()
    await asyncio.sleep(0)  # let the transport finish closing
    assert _open_sockets() == before
