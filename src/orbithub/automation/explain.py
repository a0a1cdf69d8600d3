"""Explanations: every reason of a trace as a sentence, in English, Simplified Chinese or German."""

# The Chinese sentences use full-width punctuation on purpose: it is correct Chinese
# typography, not a look-alike of ASCII.
# ruff: noqa: RUF001

from __future__ import annotations

import string
from typing import Literal

from orbithub.automation.model import Automation, SetStep
from orbithub.automation.spoken import device_name, property_params, set_params
from orbithub.automation.trace import (
    Evaluation,
    Reason,
    ReasonCode,
    RunStatus,
    RunTrace,
    StepTrace,
)
from orbithub.core.registry import Registry

__all__ = ["Language", "explain", "explain_run"]

Language = Literal["en", "zh", "de"]

_INDEX: dict[str, int] = {"en": 0, "zh": 1, "de": 2}

_TEMPLATES: dict[ReasonCode, tuple[str, str, str]] = {
    ReasonCode.FIRED: (
        "fired",
        "已触发",
        "ausgelöst",
    ),
    ReasonCode.CAUGHT_UP: (
        "fired late: its time {due} passed while the hub was stopped (catch-up: run once)",
        "延迟触发：计划时间 {due} 时中枢未运行（补偿策略：补跑一次）",
        "verspätet ausgelöst: die Zeit {due} verstrich, während der Hub gestoppt war "
        "(Nachholen: einmal ausführen)",
    ),
    ReasonCode.NOT_MATCHED: (
        "the trigger did not match: {detail}",
        "触发条件不匹配：{detail}",
        "der Auslöser passte nicht: {detail}",
    ),
    ReasonCode.FOR_WAITING: (
        "the value matched; it must hold for {seconds} s before firing",
        "数值已满足，需持续 {seconds} 秒才会触发",
        "der Wert passte; er muss {seconds} s lang gelten, bevor ausgelöst wird",
    ),
    ReasonCode.FOR_CANCELLED: (
        "the value changed to {value} before {seconds} s had passed",
        "未满 {seconds} 秒数值就变为 {value}",
        "der Wert wechselte zu {value}, bevor {seconds} s vergangen waren",
    ),
    ReasonCode.DISABLED: (
        "the automation is disabled",
        "该自动化已停用",
        "die Automation ist ausgeschaltet",
    ),
    ReasonCode.CONDITION_FALSE: (
        "condition {condition} was false: {device} {path} was {value}, needed {expected}",
        "条件 {condition} 不成立：{device} 的 {path} 为 {value}，需要 {expected}",
        "Bedingung {condition} war nicht erfüllt: {device} {path} war {value}, "
        "nötig war {expected}",
    ),
    ReasonCode.NO_VALUE: (
        "condition {condition} could not be checked: {device} has not reported {path} yet",
        "条件 {condition} 无法判断：{device} 尚未上报 {path}",
        "Bedingung {condition} ließ sich nicht prüfen: {device} hat {path} noch nicht gemeldet",
    ),
    ReasonCode.DEVICE_OFFLINE: (
        "condition {condition} could not be checked: {device} is offline",
        "条件 {condition} 无法判断：{device} 离线",
        "Bedingung {condition} ließ sich nicht prüfen: {device} ist offline",
    ),
    ReasonCode.OUTSIDE_TIME_WINDOW: (
        "condition {condition}: it was {now}, outside the window {window}",
        "条件 {condition}：当时为 {now}，不在时间段 {window} 内",
        "Bedingung {condition}: es war {now}, außerhalb des Zeitfensters {window}",
    ),
    ReasonCode.WRONG_WEEKDAY: (
        "condition {condition}: it was {day}, not one of {days}",
        "条件 {condition}：当天是{day}，不在 {days} 之中",
        "Bedingung {condition}: es war {day}, keiner von {days}",
    ),
    ReasonCode.SUN_POSITION: (
        "condition {condition}: it was {now}, needed {expected}",
        "条件 {condition}：当时为 {now}，需要 {expected}",
        "Bedingung {condition}: es war {now}, nötig war {expected}",
    ),
    ReasonCode.NONE_OF: (
        "condition {condition}: none of its alternatives held",
        "条件 {condition}：所有备选条件均不成立",
        "Bedingung {condition}: keine ihrer Alternativen war erfüllt",
    ),
    ReasonCode.NOT_NEGATED: (
        "condition {condition}: the negated condition held",
        "条件 {condition}：被取反的条件成立了",
        "Bedingung {condition}: die verneinte Bedingung war erfüllt",
    ),
    ReasonCode.ALREADY_RUNNING: (
        "it was already running (mode single) since {since}",
        "自 {since} 起已在运行（单实例模式）",
        "sie lief bereits seit {since} (Modus single)",
    ),
    ReasonCode.QUEUE_FULL: (
        "its queue was full ({max} runs waiting)",
        "排队已满（{max} 个待运行）",
        "ihre Warteschlange war voll ({max} Läufe warten)",
    ),
    ReasonCode.TOO_MANY_RUNS: (
        "{max} runs were already going (mode parallel)",
        "已有 {max} 个运行在进行（并行模式）",
        "es liefen bereits {max} Läufe (Modus parallel)",
    ),
    ReasonCode.RATE_LIMITED: (
        "rate limited: {runs} runs within {per} s already",
        "触发过于频繁：{per} 秒内已运行 {runs} 次",
        "zu häufig: schon {runs} Läufe innerhalb von {per} s",
    ),
    ReasonCode.LOOP_STOPPED: (
        "stopped as a loop: {cycle} went round {rounds} times within {window} s; disabled "
        "until someone enables it again",
        "检测到循环而停止：{cycle} 在 {window} 秒内循环了 {rounds} 轮；已停用，需有人重新启用",
        "als Schleife gestoppt: {cycle} lief {rounds}-mal innerhalb von {window} s im Kreis; "
        "ausgeschaltet, bis jemand sie wieder einschaltet",
    ),
    ReasonCode.MISSED_SKIPPED: (
        "its time {due} passed while the hub was stopped; skipped (catch-up: skip)",
        "计划时间 {due} 时中枢未运行，已跳过（补偿策略：跳过）",
        "die Zeit {due} verstrich, während der Hub gestoppt war; übersprungen "
        "(Nachholen: überspringen)",
    ),
    ReasonCode.PRESENCE_FALSE: (
        "condition {condition} was false: at {space} were {people}, needed {expected}",
        "条件 {condition} 不成立：{space} 当时有 {people}，需要 {expected}",
        "Bedingung {condition} war nicht erfüllt: in {space} waren {people}, nötig war {expected}",
    ),
    ReasonCode.PRESENCE_UNKNOWN: (
        "condition {condition} could not be checked: nobody's presence at {space} is known yet",
        "条件 {condition} 无法判断：尚不知道 {space} 有谁在",
        "Bedingung {condition} ließ sich nicht prüfen: noch ist unbekannt, wer in {space} ist",
    ),
    ReasonCode.OWNER_REFUSED: (
        "refused with its owner's rights: {why}",
        "按其所有者的权限被拒绝：{why_zh}",
        "mit den Rechten ihres Besitzers abgelehnt: {why}",
    ),
}

# With the home's registry at hand, a property's reason is said with the device's name and the
# property and its values in words (see orbithub.automation.spoken).
_SPOKEN: dict[ReasonCode, tuple[str, str, str]] = {
    ReasonCode.CONDITION_FALSE: (
        "a condition did not hold: {subject} was {value}, it needed to be {expected}",
        "条件不成立：{subject}是{value}，需要{expected}",
        "eine Bedingung war nicht erfüllt: {subject} war {value}, nötig war {expected}",
    ),
    ReasonCode.NO_VALUE: (
        "a condition could not be checked: {device} has not reported its {label} yet",
        "条件无法判断：{device}尚未上报{label}",
        "Bedingung ließ sich nicht prüfen: {device} hat {label} noch nicht gemeldet",
    ),
    ReasonCode.DEVICE_OFFLINE: (
        "a condition could not be checked: {device} was offline",
        "条件无法判断：{device}离线",
        "Bedingung ließ sich nicht prüfen: {device} war offline",
    ),
}

_SET: tuple[str, str, str] = (
    "set {subject} to {value}",
    "把{subject}设为{value}",
    "{subject} auf {value} gesetzt",
)
_SWITCHED: dict[bool, tuple[str, str, str]] = {
    True: ("turned {device} on", "打开了{device}", "{device} eingeschaltet"),
    False: ("turned {device} off", "关闭了{device}", "{device} ausgeschaltet"),
}
_UNCONFIRMED = "(sent, not confirmed)"
_UNCONFIRMED_WORDS = (
    " (sent, not confirmed)",
    "（已发送，未确认）",
    " (gesendet, nicht bestätigt)",
)

_STATUS: dict[RunStatus, tuple[str, str, str]] = {
    RunStatus.RUNNING: ("running", "运行中", "läuft"),
    RunStatus.QUEUED: ("queued", "排队中", "wartet"),
    RunStatus.DONE: ("done", "完成", "fertig"),
    RunStatus.FAILED: ("failed", "失败", "fehlgeschlagen"),
    RunStatus.CANCELLED: ("cancelled", "已取消", "abgebrochen"),
    RunStatus.TIMED_OUT: ("timed out", "超时", "Zeit überschritten"),
    RunStatus.INTERRUPTED: (
        "interrupted by a stop; resumes on start",
        "因停止而中断，启动后继续",
        "durch einen Stopp unterbrochen; läuft beim Start weiter",
    ),
    RunStatus.REFUSED: (
        "refused: its owner may not do this",
        "已拒绝：其所有者无此权限",
        "abgelehnt: ihr Besitzer darf das nicht",
    ),
}


class _Lenient(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def _sentence(reason: Reason, lang: Language, registry: Registry | None) -> str:
    index = _INDEX.get(lang, 0)
    template = _TEMPLATES[reason.code][index]
    params = dict(reason.params)
    if registry is not None:
        spoken = property_params(registry, params, lang) if reason.code in _SPOKEN else None
        if spoken is not None:
            template, params = _SPOKEN[reason.code][index], spoken
        elif "device" in params:
            params["device"] = device_name(registry, params["device"], lang)
    return string.Formatter().vformat(template, (), _Lenient(params))


def explain(
    item: Evaluation | Reason, lang: Language = "en", registry: Registry | None = None
) -> str:
    """One sentence for an evaluation (with its trigger) or a bare reason.

    Args:
        item: what to explain.
        lang: ``"en"``, ``"zh"`` (Simplified Chinese) or ``"de"``.
        registry: the home's devices: with it, devices are called by their names and a
            property's value is said in words ("Desk lamp was off"), else by ids and paths.
    """
    reason = item.reason if isinstance(item, Evaluation) else item
    text = _sentence(reason, lang, registry)
    if isinstance(item, Evaluation):
        if lang == "zh":
            return f"触发器「{item.trigger}」：{text}"
        if lang == "de":
            return f"Auslöser {item.trigger}: {text}"
        return f"trigger {item.trigger}: {text}"
    return text


def _step_words(
    step: StepTrace, lang: Language, registry: Registry, automation: Automation
) -> str | None:
    """A top-level set step's outcome in words, from the action it ran; None: said as kept."""
    # A top-level step's path is its index; a nested one's (``0.then.1``) is left as kept.
    if step.error or step.kind != "set" or not step.path.isdigit():
        return None
    try:
        action = automation.actions[int(step.path)]
    except IndexError:
        return None
    if not isinstance(action, SetStep) or not isinstance(action.value, bool | int | float):
        return None  # a template's value is only known from the result as kept
    index = _INDEX.get(lang, 0)
    params = set_params(registry, action.device, action.path, action.value, lang)
    if action.path.endswith(".on") and isinstance(action.value, bool):
        text = _SWITCHED[action.value][index].format_map(params)
    else:
        text = _SET[index].format_map(params)
    if step.result.endswith(_UNCONFIRMED):
        text += _UNCONFIRMED_WORDS[index]
    return text


def explain_run(
    run: RunTrace,
    lang: Language = "en",
    registry: Registry | None = None,
    automation: Automation | None = None,
) -> list[str]:
    """A run's steps as lines: path, kind, result or error.

    With the home's ``registry`` and the ``automation`` that ran, the automation is called by
    its name and what each set step did is said in words ("turned Desk lamp on").
    """
    named = automation.name if automation is not None and automation.name else run.automation_id
    head = f"{named} ({run.trigger}): {_STATUS[run.status][_INDEX.get(lang, 0)]}"
    if run.error:
        head += f" — {run.error}"
    lines = [head]
    for step in run.steps:
        outcome = f"error: {step.error}" if step.error else step.result
        if lang == "zh" and step.error:
            outcome = f"错误：{step.error}"
        elif lang == "de" and step.error:
            outcome = f"Fehler: {step.error}"
        if registry is not None and automation is not None:
            outcome = _step_words(step, lang, registry, automation) or outcome
        lines.append(f"  {step.path} {step.kind}: {outcome}")
    return lines
