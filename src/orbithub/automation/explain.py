"""Explanations: every reason of a trace as a sentence, in English or Simplified Chinese."""

# The Chinese sentences use full-width punctuation on purpose: it is correct Chinese
# typography, not a look-alike of ASCII.
# ruff: noqa: RUF001

from __future__ import annotations

import string
from typing import Literal

from orbithub.automation.trace import Evaluation, Reason, ReasonCode, RunStatus, RunTrace

__all__ = ["Language", "explain", "explain_run"]

Language = Literal["en", "zh"]

_TEMPLATES: dict[ReasonCode, tuple[str, str]] = {
    ReasonCode.FIRED: ("fired", "已触发"),
    ReasonCode.CAUGHT_UP: (
        "fired late: its time {due} passed while the hub was stopped (catch-up: run once)",
        "延迟触发：计划时间 {due} 时中枢未运行（补偿策略：补跑一次）",
    ),
    ReasonCode.NOT_MATCHED: (
        "the trigger did not match: {detail}",
        "触发条件不匹配：{detail}",
    ),
    ReasonCode.FOR_WAITING: (
        "the value matched; it must hold for {seconds} s before firing",
        "数值已满足，需持续 {seconds} 秒才会触发",
    ),
    ReasonCode.FOR_CANCELLED: (
        "the value changed to {value} before {seconds} s had passed",
        "未满 {seconds} 秒数值就变为 {value}",
    ),
    ReasonCode.DISABLED: ("the automation is disabled", "该自动化已停用"),
    ReasonCode.CONDITION_FALSE: (
        "condition {condition} was false: {device} {path} was {value}, needed {expected}",
        "条件 {condition} 不成立：{device} 的 {path} 为 {value}，需要 {expected}",
    ),
    ReasonCode.NO_VALUE: (
        "condition {condition} could not be checked: {device} has not reported {path} yet",
        "条件 {condition} 无法判断：{device} 尚未上报 {path}",
    ),
    ReasonCode.DEVICE_OFFLINE: (
        "condition {condition} could not be checked: {device} is offline",
        "条件 {condition} 无法判断：{device} 离线",
    ),
    ReasonCode.OUTSIDE_TIME_WINDOW: (
        "condition {condition}: it was {now}, outside the window {window}",
        "条件 {condition}：当时为 {now}，不在时间段 {window} 内",
    ),
    ReasonCode.WRONG_WEEKDAY: (
        "condition {condition}: it was {day}, not one of {days}",
        "条件 {condition}：当天是{day}，不在 {days} 之中",
    ),
    ReasonCode.SUN_POSITION: (
        "condition {condition}: it was {now}, needed {expected}",
        "条件 {condition}：当时为 {now}，需要 {expected}",
    ),
    ReasonCode.NONE_OF: (
        "condition {condition}: none of its alternatives held",
        "条件 {condition}：所有备选条件均不成立",
    ),
    ReasonCode.NOT_NEGATED: (
        "condition {condition}: the negated condition held",
        "条件 {condition}：被取反的条件成立了",
    ),
    ReasonCode.ALREADY_RUNNING: (
        "it was already running (mode single) since {since}",
        "自 {since} 起已在运行（单实例模式）",
    ),
    ReasonCode.QUEUE_FULL: (
        "its queue was full ({max} runs waiting)",
        "排队已满（{max} 个待运行）",
    ),
    ReasonCode.TOO_MANY_RUNS: (
        "{max} runs were already going (mode parallel)",
        "已有 {max} 个运行在进行（并行模式）",
    ),
    ReasonCode.RATE_LIMITED: (
        "rate limited: {runs} runs within {per} s already",
        "触发过于频繁：{per} 秒内已运行 {runs} 次",
    ),
    ReasonCode.LOOP_STOPPED: (
        "stopped as a loop: {cycle} went round {rounds} times within {window} s; disabled "
        "until someone enables it again",
        "检测到循环而停止：{cycle} 在 {window} 秒内循环了 {rounds} 轮；已停用，需有人重新启用",
    ),
    ReasonCode.MISSED_SKIPPED: (
        "its time {due} passed while the hub was stopped; skipped (catch-up: skip)",
        "计划时间 {due} 时中枢未运行，已跳过（补偿策略：跳过）",
    ),
    ReasonCode.PRESENCE_FALSE: (
        "condition {condition} was false: at {space} were {people}, needed {expected}",
        "条件 {condition} 不成立：{space} 当时有 {people}，需要 {expected}",
    ),
    ReasonCode.PRESENCE_UNKNOWN: (
        "condition {condition} could not be checked: nobody's presence at {space} is known yet",
        "条件 {condition} 无法判断：尚不知道 {space} 有谁在",
    ),
    ReasonCode.OWNER_REFUSED: (
        "refused with its owner's rights: {why}",
        "按其所有者的权限被拒绝：{why_zh}",
    ),
}

_STATUS: dict[RunStatus, tuple[str, str]] = {
    RunStatus.RUNNING: ("running", "运行中"),
    RunStatus.QUEUED: ("queued", "排队中"),
    RunStatus.DONE: ("done", "完成"),
    RunStatus.FAILED: ("failed", "失败"),
    RunStatus.CANCELLED: ("cancelled", "已取消"),
    RunStatus.TIMED_OUT: ("timed out", "超时"),
    RunStatus.INTERRUPTED: ("interrupted by a stop; resumes on start", "因停止而中断，启动后继续"),
    RunStatus.REFUSED: ("refused: its owner may not do this", "已拒绝：其所有者无此权限"),
}


class _Lenient(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def explain(item: Evaluation | Reason, lang: Language = "en") -> str:
    """One sentence for an evaluation (with its trigger) or a bare reason.

    Args:
        item: what to explain.
        lang: ``"en"`` or ``"zh"`` (Simplified Chinese).
    """
    reason = item.reason if isinstance(item, Evaluation) else item
    english, chinese = _TEMPLATES[reason.code]
    template = chinese if lang == "zh" else english
    text = string.Formatter().vformat(template, (), _Lenient(reason.params))
    if isinstance(item, Evaluation):
        if lang == "zh":
            return f"触发器「{item.trigger}」：{text}"
        return f"trigger {item.trigger}: {text}"
    return text


def explain_run(run: RunTrace, lang: Language = "en") -> list[str]:
    """A run's steps as lines: path, kind, result or error."""
    english, chinese = _STATUS[run.status]
    head = f"{run.automation_id} ({run.trigger}): {chinese if lang == 'zh' else english}"
    if run.error:
        head += f" — {run.error}"
    lines = [head]
    for step in run.steps:
        outcome = f"error: {step.error}" if step.error else step.result
        if lang == "zh" and step.error:
            outcome = f"错误：{step.error}"
        lines.append(f"  {step.path} {step.kind}: {outcome}")
    return lines
