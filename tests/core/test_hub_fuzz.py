"""Whatever a device sends, the hub neither raises nor keeps a value its spec refuses."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space
from orbithub.spec.errors import SpecError
from orbithub.spec.formats import check_report
from orbithub.spec.library import device_type

SPEC = device_type("air-conditioner")
TARGET = SPEC.property("air-conditioner.target-temperature")
ADDRESSES = (
    [p.path for p in SPEC.properties()]
    + [p.ids for p in SPEC.properties()]
    + [
        "air-conditioner.nonsense",
        "9.9",
        "",
    ]
)
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _hub() -> Hub:
    hub = Hub()
    hub.add_space(Space("home", "Home"))
    hub.add_device(Device("ac", "AC", SPEC, "home", "test"))
    return hub


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(ADDRESSES), JUNK), max_size=30))
def test_reports_never_raise_and_state_stays_in_spec(reports: list[tuple[str, object]]) -> None:
    hub = _hub()
    hub.report("ac", "air-conditioner.target-temperature", 24.5)
    last_good = 24.5
    for address, value in reports:
        accepted = hub.report("ac", address, value)
        if accepted and address in (TARGET.path, TARGET.ids):
            last_good = float(check_report(TARGET, value))
    for path, state in hub.state.device("ac").items():
        prop = SPEC.property(path)
        try:
            assert check_report(prop, state.value) == state.value
        except SpecError as exc:
            raise AssertionError(f"{path} holds off-spec {state.value!r}") from exc
    assert hub.state.value("ac", "air-conditioner.target-temperature") == last_good


@settings(max_examples=100)
@given(st.dictionaries(st.text(max_size=30), JUNK, max_size=10), st.text(max_size=12))
def test_report_many_and_events_from_unknown_or_junk_never_raise(
    values: dict[str, object], device: str
) -> None:
    hub = _hub()
    hub.report_many(device, values)
    hub.report_many("ac", values)
    hub.report_event("ac", device, values)
    hub.set_online(device, True)
