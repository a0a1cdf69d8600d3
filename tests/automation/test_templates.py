"""Templates: a mistake is found when the file loads; a rendered value fits its property."""

from __future__ import annotations

from pathlib import Path

import pytest

from orbithub.automation import AutomationFileError, load_automations, parse_automation
from orbithub.automation.engine import Engine
from orbithub.automation.model import Automation, ManualTrigger, SetStep
from orbithub.automation.templates import TemplateFailed, render
from orbithub.automation.trace import RunStatus
from orbithub.automation.values import coerce_rendered
from orbithub.core.hub import Hub
from orbithub.spec.model import Access, Format, Property, Urn, ValueListItem

from .conftest import RecordingAdapter

TEMPLATED = """
automations:
  - id: hello
    triggers: [{type: manual}]
    actions:
      - type: notify
        title: Hello
        message: "{{ trigger.person "
      - type: set
        device: lamp
        path: light.brightness
        value: "{{ brightness }}"
"""


def test_bad_templates_fail_at_load_with_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "hello.yaml"
    path.write_text(TEMPLATED, encoding="utf-8")
    with pytest.raises(AutomationFileError) as caught:
        load_automations(path)
    issues = {issue.path: issue for issue in caught.value.issues}
    syntax = issues["automations[0].actions[0].message"]
    assert syntax.message.startswith("template syntax error: ")
    assert syntax.line == 8
    unknown = issues["automations[0].actions[1].value"]
    assert unknown.message == (
        "template uses unknown name(s) brightness; "
        "a template may use automation, now, state, trigger"
    )
    assert unknown.line == 12


def test_a_template_cannot_reach_python_internals() -> None:
    sneaky = "{{ trigger.__class__.__mro__[1].__subclasses__() }}"
    with pytest.raises(TemplateFailed, match="unsafe"):
        render(sneaky, {"trigger": {}})


def test_webhook_ids_must_be_hard_to_guess() -> None:
    body = {"id": "x", "triggers": [{"type": "webhook", "id": "door"}], "actions": []}
    with pytest.raises(AutomationFileError) as caught:
        parse_automation(body)
    messages = {i.path: i.message for i in caught.value.issues}
    assert "too short to keep secret" in messages["triggers[0].id"]


async def test_a_templated_comparison_switches_a_plug(hub: Hub, adapter: RecordingAdapter) -> None:
    hub.report("temp", "temperature-humidity-sensor.temperature", 29.5)
    hot = Automation(
        "hot",
        "Fan plug when hot",
        (ManualTrigger(),),
        actions=(
            SetStep(
                "plug",
                "switch.on",
                "{{ state('temp', 'temperature-humidity-sensor.temperature') > 28 }}",
            ),
            SetStep(
                "lamp",
                "light.on",
                "{{ 'ON' if trigger.kind == 'time' else 'off' }}",
            ),
            SetStep(
                "lamp",
                "light.brightness",
                "{{ state('temp', 'temperature-humidity-sensor.temperature') | int }}",
            ),
        ),
    )
    async with Engine(hub, [hot]) as engine:
        engine.fire("hot")
        await engine.wait_idle()
    (run,) = engine.runs("hot")
    assert run.status is RunStatus.DONE, run.error
    assert adapter.writes() == [
        ("plug", "switch.on", True),
        ("lamp", "light.on", False),
        ("lamp", "light.brightness", 29),
    ]


async def test_a_rendered_value_the_property_cannot_take_is_refused_as_before(
    hub: Hub, adapter: RecordingAdapter
) -> None:
    odd = Automation(
        "odd",
        "odd",
        (ManualTrigger(),),
        actions=(SetStep("plug", "switch.on", "{{ 'maybe' }}"),),
    )
    async with Engine(hub, [odd]) as engine:
        engine.fire("odd")
        await engine.wait_idle()
    (run,) = engine.runs("odd")
    assert run.status is RunStatus.FAILED
    assert run.error is not None
    assert "expected true or false" in run.error
    assert "'maybe'" in run.error
    assert adapter.writes() == []


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        (Format.BOOL, "True", True),
        (Format.BOOL, " FALSE ", False),
        (Format.BOOL, "on", True),
        (Format.BOOL, "No", False),
        (Format.BOOL, "1", True),
        (Format.BOOL, "0", False),
        (Format.BOOL, "maybe", "maybe"),
        (Format.UINT8, "40", 40),
        (Format.UINT8, "40.0", 40),
        (Format.UINT8, "40.5", 40.5),
        (Format.UINT8, "Cool", 2),
        (Format.FLOAT, "23.5", 23.5),
        (Format.FLOAT, "-1e2", -100.0),
        (Format.FLOAT, "nan", "nan"),
        (Format.FLOAT, "1_000", "1_000"),
        (Format.STRING, "40", "40"),
        (Format.STRING, "True", "True"),
    ],
)
def test_rendered_text_is_read_by_the_property_format(
    fmt: Format, text: str, expected: object
) -> None:
    modes = (ValueListItem(1, "Auto"), ValueListItem(2, "Cool"))
    urn = Urn("miot-spec-v2", "property", "mode", "00000008")
    lists = modes if fmt is Format.UINT8 else ()
    prop = Property(1, urn, "x", fmt, frozenset({Access.WRITE}), value_list=lists)
    value = coerce_rendered(prop, text)
    assert value == expected
    assert type(value) is type(expected)
