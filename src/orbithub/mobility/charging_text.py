"""Smart charging told in words, in English and in Chinese: the plan, and why there is none."""

# Chinese sentences use full-width punctuation, as written Chinese does.
# ruff: noqa: RUF001

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from orbithub.mobility.charging import ChargeRequestError

if TYPE_CHECKING:
    from orbithub.mobility.charging import ChargePlan
    from orbithub.mobility.errors import MobilityError

__all__ = [
    "MOBILITY_STOPPED",
    "NOT_PLUGGED",
    "NO_BATTERY_LEVEL",
    "NO_CHARGER",
    "NO_TARIFF",
    "NO_TRACKER",
    "SMART_CHARGING_OFF",
    "ChargeReason",
    "explain_plan",
    "planner_refused",
    "switched_by_hand",
]


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


@dataclass(frozen=True, slots=True)
class ChargeReason:
    """Why a vehicle has no charging plan, or why its plan is not being followed.

    Attributes:
        en: the reason in English.
        zh: the reason in Chinese (the English text where no wording is known).
    """

    en: str
    zh: str

    def text(self, language: str = "en") -> str:
        """The reason in ``language``: ``zh`` (any ``zh-*`` variant), else English."""
        return self.zh if language.lower().startswith("zh") else self.en


NO_CHARGER = ChargeReason(
    "no home with an EV charger; add one to the vehicle's home",
    "没有装有充电桩的家；请在该车的家中添加充电桩",
)
NO_TRACKER = ChargeReason(
    "the vehicle has no device reporting its battery", "该车没有上报电量的设备"
)
NO_BATTERY_LEVEL = ChargeReason(
    "the vehicle has not reported its battery level yet", "该车尚未上报电量"
)
NO_TARIFF = ChargeReason(
    "no electricity tariff is set for the car's home; set one in the app or with "
    "PUT /api/tariffs/{home} and the charger follows the cheapest hours",
    "车所在的家还没有设置电价；请在应用中或用 PUT /api/tariffs/{home} 设置，"
    "充电桩就会按最便宜的时段充电",
)
SMART_CHARGING_OFF = ChargeReason("smart charging is off for this vehicle", "该车的智能充电已关闭")
NOT_PLUGGED = ChargeReason("the car is not plugged in at home", "车未在家插电")
MOBILITY_STOPPED = ChargeReason("the mobility services are not running", "出行服务未运行")


def switched_by_hand(on: bool, actor: str | None, since: datetime) -> ChargeReason:
    """Someone else switched the charger at ``since`` (local time); the plan waits for unplug.

    Args:
        on: whether they switched it on.
        actor: who did it; None when unknown (a switch on the charger itself).
        since: when, in the home's time zone.
    """
    hm = f"{since:%H:%M}"
    verb = "打开" if on else "关闭"
    who = f"由 {actor} 手动{verb}" if actor else f"被手动{verb}"
    return ChargeReason(
        f"the charger was switched {'on' if on else 'off'} by {actor or 'hand'} at {hm}; "
        "the plan resumes when the car is unplugged",
        f"充电桩已于 {hm} {who}；拔下充电枪后恢复按计划充电",
    )


_FIELDS_ZH = {
    "capacity_kwh": ("电池容量", " kWh"),
    "soc": ("当前电量", "%"),
    "target_soc": ("目标电量", "%"),
    "charger_kw": ("充电功率", " kW"),
    "efficiency": ("充电效率", ""),
    "limit_soc": ("充电上限", "%"),
    "slot_s": ("计划时段", " 秒"),
}


def planner_refused(error: MobilityError) -> ChargeReason:
    """Why the planner refused its inputs; Chinese where the kind of error is known.

    An error of another kind keeps its English text in both languages.
    """
    en = str(error)
    if not isinstance(error, ChargeRequestError):
        return ChargeReason(en, en)
    if error.far_departure:
        return ChargeReason(en, "出发时间在一周以后；请设定 7 天内的出发时间")
    if error.field in _FIELDS_ZH:
        label, unit = _FIELDS_ZH[error.field]
        return ChargeReason(
            en,
            f"{label}须在 {error.low:g}{unit} 到 {error.high:g}{unit} 之间，"
            f"当前为 {error.value!r}{unit}",
        )
    return ChargeReason(en, en)
