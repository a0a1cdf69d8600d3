"""Short spoken-style answers in the language of the request: done, refused, which one?"""

# ruff: noqa: RUF001 - Chinese text uses Chinese punctuation

from __future__ import annotations

import re
from collections.abc import Sequence

from orbithub.assistant import fan
from orbithub.assistant.execute import Outcome, Problem
from orbithub.assistant.model import Intent, Language
from orbithub.assistant.nlu.text import is_cjk
from orbithub.assistant.phrases import PHRASES, Phrases
from orbithub.core.registry import Device, Registry, Room, Space
from orbithub.spec.model import Value

__all__ = [
    "cancelled",
    "clarify",
    "display_name",
    "done",
    "join",
    "no_question",
    "nothing_found",
    "unknown",
]

_MODES_ZH = {
    "auto": "自动",
    "cool": "制冷",
    "dry": "除湿",
    "heat": "制热",
    "fan": "送风",
    "sleep": "睡眠",
    "favorite": "收藏",
    "manual": "手动",
    "eco": "节能",
    "frost protection": "防冻",
    "low": "低速",
    "medium": "中速",
    "high": "高速",
}

_EN: dict[Intent, str] = {
    Intent.TURN_ON: "Turned on {names}.",
    Intent.TURN_OFF: "Turned off {names}.",
    Intent.SET_BRIGHTNESS: "{Names} set to {value}% brightness.",
    Intent.SET_COLOR_TEMPERATURE: "{Names} set to {value} K.",
    Intent.SET_TEMPERATURE: "{Names} set to {value} °C.",
    Intent.SET_MODE: "{Names} switched to {value} mode.",
    Intent.SET_FAN_LEVEL: "Fan of {names} set to {value}.",
    Intent.SET_POSITION: "Moving {names} to {value}% open.",
    Intent.SET_VOLUME: "Volume of {names} set to {value}.",
    Intent.SET_CHANNEL: "{Names} switched to channel {value}.",
    Intent.SET_CHARGE_LIMIT: "Charge limit of {names} set to {value}%.",
    Intent.OPEN: "Opening {names}.",
    Intent.CLOSE: "Closing {names}.",
    Intent.LOCK: "Locked {names}.",
    Intent.UNLOCK: "Unlocked {names}.",
    Intent.START: "Started {names}.",
    Intent.STOP: "Stopped {names}.",
    Intent.DOCK: "Sending {names} back to the dock.",
    Intent.MUTE: "Muted {names}.",
    Intent.UNMUTE: "Unmuted {names}.",
}
_ZH: dict[Intent, str] = {
    Intent.TURN_ON: "已打开{names}。",
    Intent.TURN_OFF: "已关闭{names}。",
    Intent.SET_BRIGHTNESS: "已将{names}亮度调到{value}%。",
    Intent.SET_COLOR_TEMPERATURE: "已将{names}色温调到{value}K。",
    Intent.SET_TEMPERATURE: "已将{names}调到{value}度。",
    Intent.SET_MODE: "已将{names}切换到{value}模式。",
    Intent.SET_FAN_LEVEL: "已将{names}风速调到{value}。",
    Intent.SET_POSITION: "正在把{names}开到{value}%。",
    Intent.SET_VOLUME: "已将{names}音量调到{value}。",
    Intent.SET_CHANNEL: "已将{names}换到{value}台。",
    Intent.SET_CHARGE_LIMIT: "已将{names}充电上限设为{value}%。",
    Intent.OPEN: "正在打开{names}。",
    Intent.CLOSE: "正在关闭{names}。",
    Intent.LOCK: "已锁上{names}。",
    Intent.UNLOCK: "已解锁{names}。",
    Intent.START: "{names}已启动。",
    Intent.STOP: "{names}已停止。",
    Intent.DOCK: "{names}正在回充。",
    Intent.MUTE: "{names}已静音。",
    Intent.UNMUTE: "{names}已取消静音。",
}
# A curtain moved a bit ("open the curtains a bit") says where it went, not only that it moved.
_NUDGED_EN = {True: "{Names} opened to {value}%.", False: "{Names} closed to {value}%."}
_NUDGED_ZH = {True: "已将{names}开到{value}%。", False: "已将{names}关到{value}%。"}
_FEATURE_EN = {
    ("charging", True): "Charging {names} now.",
    ("charging", False): "Stopped charging {names}.",
    ("climate", True): "Climate of {names} is on.",
    ("climate", False): "Climate of {names} is off.",
}
_FEATURE_ZH = {
    ("charging", True): "开始给{names}充电。",
    ("charging", False): "已停止给{names}充电。",
    ("climate", True): "已打开{names}的空调。",
    ("climate", False): "已关闭{names}的空调。",
}


def display_name(device: Device, language: Language) -> str:
    """The device's name in the language: its first Chinese alias for Chinese."""
    if language is Language.ZH:
        return next((a for a in device.aliases if is_cjk(a)), device.name)
    return device.name


def join(items: Sequence[str], language: Language, *, last: str | None = None) -> str:
    """Join names: ``A, B and C`` or ``A、B和C`` (``or`` / ``还是`` with ``last``)."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    phrases = PHRASES.get(language)
    if phrases is not None:
        end = phrases.last_or if last in ("or", "还是") else phrases.last_and
        return phrases.joiner.join(items[:-1]) + end + items[-1]
    if language is Language.ZH:
        return "、".join(items[:-1]) + (last or "和") + items[-1]
    return ", ".join(items[:-1]) + f" {last or 'and'} " + items[-1]


def _names(devices: Sequence[Device], language: Language) -> str:
    names = [display_name(d, language) for d in devices]
    if language is Language.ZH or language in PHRASES:
        return join(names, language)
    return join([f"the {n}" if not n[0].isupper() else n for n in names], language)


def _shown(value: Value | None, language: Language) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str) and language is Language.ZH:
        return _MODES_ZH.get(value, value)
    return "" if value is None else str(value)


def _range_text(outcome: Outcome, language: Language) -> str:
    prop = outcome.prop
    name = display_name(outcome.device, language)
    if prop is None or prop.value_range is None:
        if language is Language.ZH:
            return f"{name}不接受这个值（{outcome.message}）。"
        return f"{name} refused that: {outcome.message}."
    low, high = f"{prop.value_range.min:g}", f"{prop.value_range.max:g}"
    unit = {"celsius": " °C", "percentage": "%", "kelvin": " K"}.get(prop.unit or "", "")
    step = prop.value_range.step
    inside = (
        isinstance(outcome.value, int | float)
        and prop.value_range.min <= outcome.value <= prop.value_range.max
    )
    if language is Language.ZH:
        zh_unit = {"celsius": "度", "percentage": "%", "kelvin": "K"}.get(prop.unit or "", "")
        if inside and step:
            return f"{name}只能设在{low}到{high}{zh_unit}之间，每档{step:g}，我没有改动。"
        return f"{name}只能设在{low}到{high}{zh_unit}之间，我没有改动。"
    if inside and step:
        return f"{name} goes from {low} to {high}{unit} in steps of {step:g}; I left it as it was."
    return f"{name} only goes from {low} to {high}{unit}; I left it as it was."


def _ends(outcomes: Sequence[Outcome], language: Language) -> list[str]:
    """Relative changes that stopped at the end of the range: said, not hidden."""
    parts: list[str] = []
    for outcome in outcomes:
        if outcome.problem is not None or not outcome.at_end:
            continue
        if outcome.prop is not None and outcome.prop.name == "target-position":
            continue  # "opened to 100%" already says the curtain went as far as it goes
        name = display_name(outcome.device, language)
        top = outcome.at_end == "max"
        if language is Language.ZH:
            parts.append(f"{name}已经调到{'最高' if top else '最低'}了。")
        else:
            parts.append(f"That's as {'high' if top else 'low'} as {name} goes.")
    return parts


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _mode_and_temperature(
    outcomes: Sequence[Outcome], mode: float | str | None, temperature: float, language: Language
) -> list[str]:
    """What was done for "cool at 24 degrees": both, or the mode alone when 24 was refused."""
    zh = language is Language.ZH
    both = [o.device for o in outcomes if o.problem is None]
    # The mode goes out first: when the temperature is then refused, the mode did change.
    mode_only = [o.device for o in outcomes if o.problem and o.actions and o.actions[0].ok]
    shown, degrees = _shown(mode, language), _shown(temperature, language)
    parts: list[str] = []
    if both:
        names = _names(both, language)
        parts.append(
            f"已将{names}切换到{shown}模式，温度调到{degrees}度。"
            if zh
            else f"{_capitalized(names)} switched to {shown} mode at {degrees} °C."
        )
    if mode_only:
        names = _names(mode_only, language)
        template = (_ZH if zh else _EN)[Intent.SET_MODE]
        parts.append(template.format(names=names, Names=_capitalized(names), value=shown))
    return parts


def _nudged(outcomes: Sequence[Outcome], opening: bool, language: Language) -> list[str]:
    """Where each curtain moved a bit went: one sentence per position reached."""
    reached: dict[str, list[Device]] = {}
    for outcome in outcomes:
        if outcome.problem is None:
            reached.setdefault(_shown(outcome.value, language), []).append(outcome.device)
    template = (_NUDGED_ZH if language is Language.ZH else _NUDGED_EN)[opening]
    parts: list[str] = []
    for value, devices in reached.items():
        names = _names(devices, language)
        parts.append(template.format(names=names, Names=_capitalized(names), value=value))
    return parts


def _stepped(outcomes: Sequence[Outcome], language: Language) -> list[str]:
    """The speed each fan stepped to ("调高一档"), named: one sentence per speed reached."""
    reached: dict[str, list[Device]] = {}
    for outcome in outcomes:
        if outcome.problem is None and outcome.prop is not None:
            name = fan.level_name(outcome.prop, outcome.value)
            reached.setdefault(_shown(name, language), []).append(outcome.device)
    template = (_ZH if language is Language.ZH else _EN)[Intent.SET_FAN_LEVEL]
    parts: list[str] = []
    for value, devices in reached.items():
        names = _names(devices, language)
        parts.append(template.format(names=names, Names=_capitalized(names), value=value))
    return parts


def done(
    intent: Intent,
    outcomes: Sequence[Outcome],
    value: float | str | None,
    feature: str | None,
    language: Language,
    *,
    temperature: float | None = None,
) -> str:
    """The answer after commands: what was done, then what was refused and why.

    ``temperature``: the target temperature set with a mode (the answer names both).
    """
    if language in PHRASES:
        return _done_plain(intent, outcomes, value, PHRASES[language], language)
    zh = language is Language.ZH
    ok = [o.device for o in outcomes if o.problem is None and o.confirmed and o.via is None]
    parts: list[str] = []
    parts.extend(_unconfirmed(outcomes, language))
    parts.extend(_switched(outcomes, intent is Intent.START, language))
    if intent is Intent.SET_MODE and temperature is not None:
        parts.extend(_mode_and_temperature(outcomes, value, temperature, language))
        ok = []
    elif intent is Intent.SET_POSITION and isinstance(value, str):
        parts.extend(_nudged(outcomes, value == "up" or value.startswith("+"), language))
        ok = []
    elif intent is Intent.SET_FAN_LEVEL and fan.is_step(value):
        parts.extend(_stepped(outcomes, language))
        ok = []
    if ok:
        shown_value = next(
            (o.value for o in outcomes if o.problem is None and o.value is not None), None
        )
        if isinstance(value, str) and intent in (Intent.SET_MODE, Intent.SET_FAN_LEVEL):
            shown_value = value
        template = (_ZH if zh else _EN)[intent]
        if intent in (Intent.START, Intent.STOP) and feature in ("charging", "climate"):
            template = (_FEATURE_ZH if zh else _FEATURE_EN)[(feature, intent is Intent.START)]
        names = _names(ok, language)
        parts.append(
            template.format(
                names=names,
                Names=names[:1].upper() + names[1:],
                value=_shown(shown_value if shown_value is not None else value, language),
            )
        )
    parts.extend(_ends(outcomes, language))
    for outcome in outcomes:
        name = display_name(outcome.device, language)
        if outcome.problem is Problem.FORBIDDEN:
            parts.append(f"你没有控制{name}的权限。" if zh else f"You don't have access to {name}.")
        elif outcome.problem is Problem.UNSUPPORTED:
            parts.append(f"{name}不支持这个操作。" if zh else f"{name} can't do that.")
        elif outcome.problem is Problem.OUT_OF_RANGE:
            parts.append(_range_text(outcome, language))
        elif outcome.problem is Problem.NO_SUCH_VALUE:
            parts.append(
                f"{name}没有这个选项，可选：{outcome.message}。"
                if zh
                else f"{name} has no such setting; it offers {outcome.message}."
            )
        elif outcome.problem is Problem.NOT_PLUGGED:
            parts.append(
                f"{name}没有插枪，{'没法充电' if intent is Intent.START else '没有在充电'}。"
                if zh
                else f"{name} isn't plugged in, so "
                + ("it can't charge." if intent is Intent.START else "it isn't charging.")
            )
        elif outcome.problem is Problem.FAILED:
            parts.append(
                f"{name}没有响应：{outcome.message}"
                if zh
                else f"{name} did not respond: {outcome.message}"
            )
    return " ".join(parts) if not zh else "".join(parts)


def _unconfirmed(outcomes: Sequence[Outcome], language: Language) -> list[str]:
    """Commands that went out but that no device acknowledged: said as sent, not as done."""
    sent = [o.via or o.device for o in outcomes if o.problem is None and not o.confirmed]
    if not sent:
        return []
    names = _names(sent, language)
    if language is Language.ZH:
        return [f"已把指令发给{names}，但它还没有确认。"]
    return [f"Sent to {names}, but it has not confirmed yet."]


def _switched(outcomes: Sequence[Outcome], start: bool, language: Language) -> list[str]:
    """Charging started or stopped by switching the home charger: says which switch moved."""
    parts: list[str] = []
    for outcome in outcomes:
        if outcome.problem is not None or not outcome.confirmed or outcome.via is None:
            continue
        car, charger = (display_name(d, language) for d in (outcome.device, outcome.via))
        if language is Language.ZH:
            parts.append(
                f"已打开{charger}，开始给{car}充电。"
                if start
                else f"已关闭{charger}，{car}停止充电。"
            )
        else:
            parts.append(
                f"Switched {charger} on: {car} is charging now."
                if start
                else f"Switched {charger} off: {car} stopped charging."
            )
    return parts


def _done_plain(
    intent: Intent,
    outcomes: Sequence[Outcome],
    value: float | str | None,
    phrases: Phrases,
    language: Language,
) -> str:
    """What was done and what was refused, in a language read by templates alone."""
    parts: list[str] = []
    ok = [o for o in outcomes if o.problem is None]
    if ok:
        shown = next((o.value for o in ok if o.value is not None), value)
        template = phrases.done.get(intent, phrases.done[Intent.TURN_ON])
        names = _names([o.device for o in ok], language)
        parts.append(template.format(names=names, value=_shown(shown, language)))
    for outcome in outcomes:
        name = display_name(outcome.device, language)
        prop = outcome.prop
        if outcome.problem is Problem.FORBIDDEN:
            parts.append(phrases.no_access.format(names=name))
        elif outcome.problem is Problem.OUT_OF_RANGE and prop and prop.value_range:
            low, high = f"{prop.value_range.min:g}", f"{prop.value_range.max:g}"
            parts.append(phrases.out_of_range.format(names=name, low=low, high=high))
        elif outcome.problem is not None:
            parts.append(phrases.failed.format(names=name))
    return " ".join(parts)


def clarify(choices: Sequence[Device], language: Language) -> str:
    """The question back when a request could mean several devices."""
    names = [display_name(d, language) for d in choices]
    if language in PHRASES:
        return PHRASES[language].which.format(names=join(names, language, last="or"))
    if language is Language.ZH:
        return f"你指的是哪一个：{join(names, language, last='还是')}？"
    return f"Which one do you mean: {join(names, language, last='or')}?"


def place_name(registry: Registry, place_id: str, language: Language) -> str:
    """A room's (or space's) name in the language: its first Chinese alias for Chinese."""
    rooms = {r.id: r for r in registry.rooms()}
    spaces = {s.id: s for s in registry.spaces()}
    place: Room | Space | None = rooms.get(place_id) or spaces.get(place_id)
    if place is None:
        return place_id
    if language is Language.ZH:
        return next((a for a in place.aliases if is_cjk(a)), place.name)
    return place.name


def missing(what: str, where: str, near: Sequence[Device], language: Language) -> str:
    """A place named without the device asked for, and what it offers instead (a question)."""
    names = [display_name(d, language) for d in near]
    if language in PHRASES:
        phrases = PHRASES[language]
        text = phrases.missing.format(where=where)
        return text + (
            " " + phrases.which.format(names=join(names, language, last="or")) if names else ""
        )
    if language is Language.ZH:
        text = f"{where}没有{what or '这样的设备'}。"
        return text + (f"你是指{join(names, language, last='还是')}吗？" if names else "")
    thing = f"no {what}" if what else "nothing like that"
    text = f"There's {thing} in the {where}."
    if not names:
        return text
    said = join([f"the {n}" if not n[0].isupper() else n for n in names], language, last="or")
    return f"{text} Do you mean {said}?"


def not_found(what: str, language: Language) -> str:
    """What the speaker named but may not see: not found, as if it were not there."""
    what = re.sub(r"\b(ac|tv|pc|ev)\b", lambda m: m.group(1).upper(), what)
    if language in PHRASES:
        return PHRASES[language].not_found.format(names=what)
    if language is Language.ZH:
        return f"我找不到{what}。"
    return f"I can't find the {what}."


def no_access(devices: Sequence[Device], language: Language) -> str:
    """The speaker sees these devices but may not control them."""
    names = _names(devices, language)
    if language in PHRASES:
        return PHRASES[language].no_access.format(names=names)
    if language is Language.ZH:
        return f"你没有权限控制{names}。"
    return f"You don't have access to {names}."


def nothing_found(language: Language, named: Sequence[Device] = ()) -> str:
    """The answer when no device fits the request."""
    if language in PHRASES:
        return PHRASES[language].nothing
    if named:
        name = display_name(named[0], language)
        return f"{name}不支持这个操作。" if language is Language.ZH else f"{name} can't do that."
    if language is Language.ZH:
        return "我找不到能做这件事的设备。"
    return "I can't find a device that can do that."


def cancelled(language: Language) -> str:
    """The answer to "cancel" while a question waits."""
    if language in PHRASES:
        return PHRASES[language].cancelled
    return (
        "好的，已取消，什么都没改。"
        if language is Language.ZH
        else "OK, cancelled: nothing changed."
    )


def no_question(language: Language) -> str:
    """The answer to an answer when no question waits (or it expired)."""
    if language in PHRASES:
        return PHRASES[language].no_question
    if language is Language.ZH:
        return "我现在没有在等你回答。请把要做的事完整说一遍。"
    return "I'm not waiting for an answer right now. Please say the whole request again."


def unknown(language: Language) -> str:
    """The answer to a request the home cannot serve."""
    if language in PHRASES:
        return PHRASES[language].unknown
    if language is Language.ZH:
        return "抱歉，这个我还做不到。我可以开关设备、调温度和亮度、回答设备状态。"
    return (
        "Sorry, I can't help with that. I can switch devices, set temperatures and lights, "
        "and answer questions about the home."
    )
