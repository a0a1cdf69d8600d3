"""A charging plan told in words, in English and in Chinese."""

# Chinese sentences use full-width punctuation, as written Chinese does.
# ruff: noqa: RUF001

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from orbithub.mobility.charging import ChargePlan

__all__ = ["explain_plan"]


def _money(amount: float, currency: str, language: str) -> str:
    if language == "zh" and currency == "CNY":
        return f"{amount:.2f} 元"
    return f"{amount:.2f} {currency}"


def explain_plan(plan: ChargePlan, language: str) -> str:
    """The plan in one or two sentences, ``en`` or ``zh``."""
    zone = ZoneInfo(plan.timezone)
    r = plan.request

    def hm(t: float) -> str:
        # Rounded to the minute: 03:45:43 reads as 03:46, not 03:45.
        return datetime.fromtimestamp(round(t / 60) * 60, zone).strftime("%H:%M")

    zh = language == "zh"
    parts: list[str] = []
    if r.target_soc > r.limit_soc:
        parts.append(
            f"目标 {r.target_soc:.0f}% 高于充电上限 {r.limit_soc:.0f}%，"
            f"按 {r.limit_soc:.0f}% 计划。"
            if zh
            else f"The target {r.target_soc:.0f} % is above the charge limit "
            f"{r.limit_soc:.0f} %; planning for {r.limit_soc:.0f} %."
        )
    if not plan.slots and r.soc >= plan.goal_soc:
        parts.append(
            f"当前电量 {r.soc:.0f}%，已达到目标 {plan.goal_soc:.0f}%，无需充电。"
            if zh
            else f"Already at {r.soc:.0f} % (target {plan.goal_soc:.0f} %): no charging needed."
        )
        return "".join(parts) if zh else " ".join(parts)
    if not plan.slots:
        parts.append(
            f"{hm(r.departure)} 前已没有充电时间，电量保持 {r.soc:.0f}%。"
            if zh
            else f"No time left to charge before {hm(r.departure)}; the car stays at {r.soc:.0f} %."
        )
        return "".join(parts) if zh else " ".join(parts)
    periods = ("、" if zh else ", ").join(f"{hm(a)}-{hm(b)}" for a, b in plan.sessions)
    cost = _money(plan.cost, plan.currency, language)
    if not plan.feasible:
        parts.append(
            f"无法在 {hm(r.departure)} 前充到 {plan.goal_soc:.0f}%：届时最多能到 "
            f"{plan.reachable_soc:.0f}%。充电 {periods}，费用 {cost}。"
            if zh
            else f"Cannot reach {plan.goal_soc:.0f} % by {hm(r.departure)}: at most "
            f"{plan.reachable_soc:.0f} % is reachable by then. Charging {periods}, cost {cost}."
        )
        return "".join(parts) if zh else " ".join(parts)
    saves = _money(plan.savings, plan.currency, language)
    if zh:
        parts.append(f"充电 {periods}，费用 {cost}")
        parts.append(f"，比立即充电节省 {saves}。" if plan.savings >= 0.005 else "。")
        parts.append(f"{hm(r.departure)} 前充到 {plan.final_soc:.0f}%。")
        return "".join(parts)
    tail = f", saves {saves} vs. now" if plan.savings >= 0.005 else ""
    parts.append(f"Charging {periods}, cost {cost}{tail}.")
    parts.append(f"Reaches {plan.final_soc:.0f} % by {hm(r.departure)}.")
    return " ".join(parts)
