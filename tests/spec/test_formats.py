"""Checking and coercing one value against one property."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from orbithub.spec import (
    Access,
    Format,
    NotInValueList,
    NotReadable,
    NotWritable,
    OffStep,
    OutOfRange,
    Property,
    Urn,
    ValueListItem,
    ValueRange,
    WrongType,
    check_report,
    check_value,
    check_write,
)
from orbithub.spec.formats import INTEGER_BOUNDS

RWN = frozenset(Access)
INTEGER_FORMATS = [f for f in Format if f.is_integer]
FLOAT_STEPS = [1.0, 0.5, 0.1, 0.01, 0.001, 0.000001, 2.0, 0.25]


def _prop(
    fmt: Format,
    value_range: ValueRange | None = None,
    value_list: tuple[ValueListItem, ...] = (),
    access: frozenset[Access] = RWN,
    unit: str | None = None,
) -> Property:
    return Property(
        iid=1,
        type=Urn("miot-spec-v2", "property", "level", "00000001", "test", "1"),
        description="",
        format=fmt,
        access=access,
        unit=unit,
        value_range=value_range,
        value_list=value_list,
        name="level",
        path="thing.level",
        siid=2,
    )


TARGET = Property(
    3,
    Urn("miot-spec-v2", "property", "target-temperature", "00000021"),
    "Target Temperature",
    Format.FLOAT,
    RWN,
    "celsius",
    ValueRange(16, 31, 0.5),
    path="air-conditioner.target-temperature",
)
MODE = _prop(Format.UINT8, value_list=(ValueListItem(0, "Auto"), ValueListItem(1, "Cool")))
NOT_A_NUMBER = st.one_of(
    st.text(),
    st.none(),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)


def test_message_says_where_what_and_what_is_allowed() -> None:
    with pytest.raises(OutOfRange) as info:
        check_value(TARGET, 35)

    assert str(info.value) == (
        "air-conditioner.target-temperature: above the maximum 31 celsius; "
        "allowed 16..31 in steps of 0.5 celsius (got 35)"
    )
    assert info.value.prop == "air-conditioner.target-temperature"
    assert info.value.value == 35


def test_float_noise_is_rounded_to_the_step() -> None:
    assert check_value(TARGET, 23.500000001) == 23.5
    assert check_value(TARGET, 16) == 16.0
    assert isinstance(check_value(TARGET, 16), float)


def test_off_step_float_is_refused() -> None:
    with pytest.raises(OffStep, match=r"not on a step of 0\.5 from 16"):
        check_value(TARGET, 23.3)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_float_refuses_non_finite_numbers(bad: float) -> None:
    with pytest.raises(WrongType, match="finite"):
        check_value(_prop(Format.FLOAT), bad)


def test_bool_accepts_bools_and_exactly_zero_and_one() -> None:
    prop = _prop(Format.BOOL)

    assert check_value(prop, True) is True
    assert check_value(prop, 1) is True
    assert check_value(prop, 0) is False


@pytest.mark.parametrize("bad", [2, -1, 1.0, 0.0, "true", "1", None, [True]])
def test_bool_refuses_everything_else(bad: object) -> None:
    with pytest.raises(WrongType, match="true or false"):
        check_value(_prop(Format.BOOL), bad)


def test_integer_accepts_an_integral_float_and_returns_an_int() -> None:
    result = check_value(_prop(Format.UINT8, ValueRange(0, 100, 1)), 42.0)

    assert result == 42
    assert type(result) is int


@pytest.mark.parametrize("bad", [42.5, True, False, "42", None, math.nan])
def test_integer_refuses_non_whole_numbers_and_bools(bad: object) -> None:
    with pytest.raises(WrongType, match="whole number"):
        check_value(_prop(Format.UINT8), bad)


@pytest.mark.parametrize("fmt", INTEGER_FORMATS)
def test_integer_format_bounds_apply_without_a_value_range(fmt: Format) -> None:
    low, high = INTEGER_BOUNDS[fmt]
    prop = _prop(fmt)

    assert check_value(prop, low) == low
    assert check_value(prop, high) == high
    with pytest.raises(OutOfRange, match=fmt.value):
        check_value(prop, high + 1)
    with pytest.raises(OutOfRange, match=fmt.value):
        check_value(prop, low - 1)


def test_value_list_refuses_unlisted_values_and_names_the_allowed_ones() -> None:
    assert check_value(MODE, 1) == 1
    with pytest.raises(NotInValueList, match=r"0 \(Auto\), 1 \(Cool\)"):
        check_value(MODE, 2)


def test_string_accepts_text_only() -> None:
    prop = _prop(Format.STRING)

    assert check_value(prop, "Home Wi-Fi") == "Home Wi-Fi"
    with pytest.raises(WrongType, match="text"):
        check_value(prop, 5)


def test_write_needs_write_access() -> None:
    read_only = _prop(Format.BOOL, access=frozenset({Access.READ, Access.NOTIFY}))

    with pytest.raises(NotWritable, match=r"thing\.level"):
        check_write(read_only, True)
    assert check_report(read_only, True) is True


def test_report_needs_read_or_notify_access() -> None:
    write_only = _prop(Format.UINT8, access=frozenset({Access.WRITE}))
    notify_only = _prop(Format.UINT8, access=frozenset({Access.NOTIFY}))

    with pytest.raises(NotReadable, match="write-only"):
        check_report(write_only, 1)
    assert check_write(write_only, 1) == 1
    assert check_report(notify_only, 1) == 1


def test_access_is_checked_before_the_value() -> None:
    read_only = _prop(Format.UINT8, access=frozenset({Access.READ}))

    # The user learns the property cannot be written at all, not that 999 is too big.
    with pytest.raises(NotWritable):
        check_write(read_only, 999)


@st.composite
def _integer_case(draw: st.DrawFn) -> tuple[Property, int, int, int]:
    fmt = draw(st.sampled_from(INTEGER_FORMATS))
    low, high = INTEGER_BOUNDS[fmt]
    minimum = draw(st.integers(low, high))
    step = draw(st.integers(1, 1000))
    count = draw(st.integers(0, 1000))
    maximum = min(minimum + step * count, high)
    return _prop(fmt, ValueRange(minimum, maximum, step)), minimum, maximum, step


@given(_integer_case(), st.data())
def test_integer_on_step_within_range_is_accepted_unchanged(
    case: tuple[Property, int, int, int], data: st.DataObject
) -> None:
    prop, minimum, maximum, step = case
    k = data.draw(st.integers(0, (maximum - minimum) // step))

    result = check_value(prop, minimum + k * step)

    assert result == minimum + k * step
    assert type(result) is int


@given(_integer_case(), st.integers(1, 10_000))
def test_integer_outside_range_is_out_of_range(
    case: tuple[Property, int, int, int], beyond: int
) -> None:
    prop, minimum, maximum, _ = case

    with pytest.raises(OutOfRange):
        check_value(prop, maximum + beyond)
    with pytest.raises(OutOfRange):
        check_value(prop, minimum - beyond)


@given(_integer_case(), st.data())
def test_integer_between_steps_is_off_step(
    case: tuple[Property, int, int, int], data: st.DataObject
) -> None:
    prop, minimum, maximum, step = case
    assume(step > 1 and maximum - minimum >= step)  # else no value lies between two steps
    k = data.draw(st.integers(0, (maximum - minimum) // step - 1))
    offset = data.draw(st.integers(1, step - 1))

    with pytest.raises(OffStep):
        check_value(prop, minimum + k * step + offset)


@st.composite
def _float_case(draw: st.DrawFn) -> tuple[Property, float, float, float]:
    step = draw(st.sampled_from(FLOAT_STEPS))
    # Bounds on the step's grid, as real specs write them (16..31 by 0.5, -40..125 by 0.1).
    places = len(repr(step).split(".")[1]) if "e" not in repr(step) else 6
    minimum = round(draw(st.integers(-100_000, 100_000)) * step, places)
    count = draw(st.integers(1, 100_000))
    maximum = round(minimum + count * step, places)
    return _prop(Format.FLOAT, ValueRange(minimum, maximum, step)), minimum, maximum, step


@given(_float_case(), st.data())
def test_float_on_step_within_range_is_accepted_nearly_unchanged(
    case: tuple[Property, float, float, float], data: st.DataObject
) -> None:
    prop, minimum, maximum, step = case
    k = data.draw(st.integers(0, round((maximum - minimum) / step)))
    value = minimum + k * step  # carries the usual binary float noise

    result = check_value(prop, value)

    assert type(result) is float
    assert math.isclose(result, value, rel_tol=1e-9, abs_tol=step * 1e-6)
    assert minimum <= result <= maximum
    # Rounded to the grid: checking it again gives exactly the same number.
    assert check_value(prop, result) == result


@given(_float_case(), st.integers(1, 1000))
def test_float_outside_range_is_out_of_range(
    case: tuple[Property, float, float, float], beyond: int
) -> None:
    prop, minimum, maximum, step = case

    with pytest.raises(OutOfRange):
        check_value(prop, maximum + beyond * step)
    with pytest.raises(OutOfRange):
        check_value(prop, minimum - beyond * step)


@given(_float_case(), st.data(), st.floats(0.01, 0.99))
def test_float_between_steps_is_off_step(
    case: tuple[Property, float, float, float], data: st.DataObject, fraction: float
) -> None:
    prop, minimum, maximum, step = case
    k = data.draw(st.integers(0, round((maximum - minimum) / step) - 1))

    with pytest.raises(OffStep):
        check_value(prop, minimum + (k + fraction) * step)


@given(st.sampled_from([*INTEGER_FORMATS, Format.FLOAT]), NOT_A_NUMBER)
def test_numbers_refuse_other_types(fmt: Format, value: object) -> None:
    with pytest.raises(WrongType):
        check_value(_prop(fmt), value)


@given(st.one_of(st.integers(), st.floats(), st.none(), st.booleans()))
def test_string_refuses_other_types(value: object) -> None:
    with pytest.raises(WrongType):
        check_value(_prop(Format.STRING), value)


@given(st.text())
def test_string_returns_any_text_unchanged(value: str) -> None:
    assert check_value(_prop(Format.STRING), value) == value
