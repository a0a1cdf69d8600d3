"""Home Assistant template rendering in the sandbox."""

from __future__ import annotations

import pytest

from orbithub.adapters.mqtt import (
    TemplateError,
    TemplateValueMissing,
    render_template,
    render_value,
)
from orbithub.adapters.mqtt.templates import simple_json_key


@pytest.mark.parametrize(
    ("template", "payload", "value_json", "expected"),
    [
        ("{{ value }}", "ON", None, "ON"),
        ("{{ value_json.temperature }}", "", {"temperature": 21.5}, "21.5"),
        ("{{ value_json['a']['b'] }}", "", {"a": {"b": 1}}, "1"),
        ("{{ value | float * 2 }}", "1.5", None, "3.0"),
        ("{{ value | int + 1 }}", "41", None, "42"),
        ("{{ (value | float / 3) | round(2) }}", "10", None, "3.33"),
        ("{{ value_json.x | default('none') }}", "", {}, "none"),
        ("{{ value | lower }}", "HEAT", None, "heat"),
        ("{{ value | upper }}", "on", None, "ON"),
        ("{{ value_json | tojson }}", "", {"a": 1}, '{"a":1}'),
        ("{{ value_json | to_json }}", "", [1], "[1]"),
        ("{{ (value | from_json).k }}", '{"k": 3}', None, "3"),
        ("{{ value | bool }}", "yes", None, "True"),
        ("{{ value | int | iif('on', 'off') }}", "1", None, "on"),
        ("{{ iif(value == 'x', 1, 2) }}", "x", None, "1"),
        ("{{ min(3, 1, 2) }} {{ max([1, 5]) }}", "", None, "1 5"),
        ("{% if value_json.on %}ON{% else %}OFF{% endif %}", "", {"on": False}, "OFF"),
        ("{% if value_json.missing is defined %}y{% else %}n{% endif %}", "", {}, "n"),
        ("{{ value.split(',')[1] }}", "a,b", None, "b"),
        ("{{ value_json.v | is_defined }}", "", {"v": 2}, "2"),
        ("{{ value | regex_replace('a', 'b') }}", "aa", None, "bb"),
        ("{{ value | float('bad') }}", "n/a", None, "bad"),
    ],
)
def test_render(template: str, payload: str, value_json: object, expected: str) -> None:
    assert render_template(template, payload=payload, value_json=value_json) == expected


def test_command_variables() -> None:
    assert render_template('{"position": {{ position }}}', variables={"position": 40}) == (
        '{"position": 40}'
    )


@pytest.mark.parametrize(
    ("template", "value_json"),
    [
        ("{{ value_json.missing }}", {}),
        ("{{ value_json.a.b.c }}", {"a": 1}),
        ("{{ value_json.v | is_defined }}", {}),
        ("{{ value_json.t }}", None),
        ("{{ value | float }}", None),
    ],
)
def test_undefined_results_are_missing(template: str, value_json: object) -> None:
    with pytest.raises(TemplateValueMissing):
        render_template(template, payload="abc", value_json=value_json)


@pytest.mark.parametrize(
    "template",
    [
        "{{ value ",  # syntax
        "{{ 1 / 0 }}",
        "{{ ''.__class__.__mro__ }}",  # sandbox
        "{{ value_json.__init__.__globals__ }}",
        "{{ [1][5] }}",
    ],
)
def test_render_errors_name_template_and_payload(template: str) -> None:
    with pytest.raises(TemplateError) as info:
        render_template(template, payload="PAYLOAD", value_json={"a": 1})
    assert "PAYLOAD" in str(info.value)
    assert info.value.template == template


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", True),
        ("False", False),
        ("21", 21),
        ("-3", -3),
        ("21.5", 21.5),
        ("1e3", 1000.0),
        ("ON", "ON"),
        ("nan", "nan"),
        ("", ""),
    ],
)
def test_render_value(text: str, value: object) -> None:
    result = render_value(text)
    assert result == value
    assert type(result) is type(value)


def test_simple_json_key() -> None:
    assert simple_json_key("{{ value_json.temperature }}") == "temperature"
    assert simple_json_key('{{ value_json["local_temperature"] }}') == "local_temperature"
    assert simple_json_key("{{value_json['x']}}") == "x"
    assert simple_json_key("{{ value_json.a.b }}") is None
    assert simple_json_key("{{ value_json.a | lower }}") is None
