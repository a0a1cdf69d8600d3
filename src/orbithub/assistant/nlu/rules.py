"""The keyword fallback: what a sentence asks for when no sentence template matched it.

Family speech is looser than any template list ("tv off", "烧壶水", "客厅太热了，空调调低点"),
so after the templates the sentence is read for its verbs, question words and numbers, in a
fixed order that puts the specific before the general (a mode before "turn on", a history
question before a state question). Names were found beforehand; they are blanked out here so a
name never reads as a verb ("扫地机器人" is a robot, not "sweep").
"""

# ruff: noqa: RUF002 - Chinese examples in the docs use Chinese punctuation

from __future__ import annotations

import re
from dataclasses import dataclass

from orbithub.assistant.model import Intent, Language
from orbithub.assistant.nlu import relative as rel
from orbithub.assistant.nlu.relative import amount_en, nudge_en, nudge_zh, signed, step_zh
from orbithub.assistant.nlu.text import Quantity

__all__ = ["MODE_WORDS", "Parsed", "classify"]


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a sentence asks for, before its targets are resolved.

    Attributes:
        intent: the intent.
        value: a number, a mode or fan level name, or ``up``/``down``.
        feature: for start/stop: ``charging``, ``climate`` or ``clean``.
        attribute: for questions: what is asked (``temperature``, ``locked``, ``range``...).
        temperature: for a mode, the target temperature said with it ("制冷26度"), set after
            the mode.
    """

    intent: Intent
    value: float | str | None = None
    feature: str | None = None
    attribute: str | None = None
    temperature: float | None = None


@dataclass(frozen=True, slots=True)
class Clues:
    """What the mentions of a sentence tell the classifier."""

    types: frozenset[str]
    has_target: bool
    has_scene: bool
    asked: bool = False
    """The sentence ended with a question mark."""


MODE_WORDS: dict[str, tuple[str, ...]] = {
    "cool": ("cooling", "cool", "制冷", "冷风"),
    "heat": ("heating", "heat", "制热", "暖风", "热风"),
    "dry": ("dehumidify", "dry", "除湿", "抽湿"),
    "fan": ("fan only", "fan", "送风", "通风"),
    "auto": ("automatic", "auto", "自动"),
    "sleep": ("sleep", "睡眠"),
    "favorite": ("favourite", "favorite", "收藏", "喜爱"),
    "manual": ("manual", "手动"),
    "eco": ("eco", "节能"),
    "frost protection": ("frost", "防冻"),
}
_FAN_WORDS: dict[str, tuple[str, ...]] = {
    "high": ("high", "max", "maximum", "fast", "高", "大", "强"),
    "medium": ("medium", "mid", "middle", "中"),
    "low": ("low", "min", "minimum", "slow", "低", "小", "弱"),
    "auto": ("auto", "automatic", "自动"),
}
_BRIGHTER_EN = r"bright|lighter|\bup\b|\bincrease|\braise|\bhigher\b|\bmore\b|\bboost"
_DIMMER_EN = r"\bdim|\bdarker\b|\bdown\b|\blower|\bdecrease|\breduce|\bless\b"
_CLIMATE = {"air-conditioner", "thermostat", "water-heater", "vehicle"}
_LIGHT = {"light"}


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


def _number(quantities: list[Quantity], *units: str) -> float | None:
    for q in quantities:
        if not units or q.unit in units:
            return q.value
    return None


def _mode(text: str) -> str | None:
    for key, words in MODE_WORDS.items():
        for word in words:
            if _has(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text):
                return key
    return None


def _degrees(quantities: list[Quantity], climate: bool) -> float | None:
    """The temperature said: a number with degrees, or a bare one for a climate device."""
    degrees = _number(quantities, "degrees")
    if degrees is None and climate:
        degrees = _number(quantities, "")
    return degrees


def _mode_and_degrees_en(rest: str, qs: list[Quantity], c: Clues) -> Parsed | None:
    """A mode and a temperature together: "set the AC to cool at 24 degrees"."""
    degrees = _degrees(qs, bool(c.types & _CLIMATE))
    if degrees is None:
        return None
    named = re.search(r"\b(?:to|in|into|on)\s+(\w+(?: only)?)\b", rest)
    mode = _mode(named.group(1)) if named else None
    if mode is None and _has(r"\bmode\b", rest):
        mode = _mode(rest)
    return None if mode is None else Parsed(Intent.SET_MODE, mode, temperature=degrees)


def _fan(text: str, quantities: list[Quantity]) -> float | str | None:
    number = _number(quantities)
    if number is not None:
        return number
    for key, words in _FAN_WORDS.items():
        for word in words:
            if _has(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text):
                return key
    return None


def _attribute_en(t: str) -> str | None:
    table = (
        (r"\bhumid", "humidity"),
        (r"air quality|\bpm|pollution", "pm"),
        (r"\brange\b|how far", "range"),
        (r"battery|charge level|how full|charged\b", "battery"),
        (r"\b(unlock\w*|locked|lock)\b", "locked"),
        (r"charging|plugged", "charging"),
        (r"\bmode\b", "mode"),
        (r"\bfan\b", "fan"),
        (r"\bpower\b|\busing\b|consum|watt", "power"),
        (r"\bwhere\b", "location"),
        (r"\bhome\b", "presence"),
        (r"set to|\btarget", "target-temperature"),
        (r"temperature|\bwarm|\bhot\b|\bcold\b|\bcool\b|degrees", "temperature"),
        (r"motion|\bmove|someone|anyone", "motion"),
        (r"\bopen|\bclosed\b|\bshut\b", "open"),
        (r"cleaning|sweeping|vacuuming|\bdoing\b|finish", "status"),
        (r"bright", "brightness"),
        (r"volume", "volume"),
        (r"position", "position"),
        (r"\bon\b|\boff\b|running", "on"),
    )
    return next((name for pattern, name in table if _has(pattern, t)), None)


def _attribute_zh(t: str) -> str | None:
    table = (
        (r"锁", "locked"),
        (r"湿度|潮", "humidity"),
        (r"空气|质量|pm|雾霾", "pm"),
        (r"续航|公里|多远|里程", "range"),
        (r"电量|多少电|电池|剩.{0,2}电", "battery"),
        (r"充电|插着|插枪|插电", "charging"),
        (r"模式", "mode"),
        (r"风速|风量", "fan"),
        (r"功率|用电|耗电|瓦", "power"),
        (r"在哪|哪里|哪儿|位置", "location"),
        (r"在家|到家|回家", "presence"),
        (r"设的|设定|设置|目标", "target-temperature"),
        (r"温度|多少度|几度|热|冷", "temperature"),
        (r"人|动静|移动|经过|检测", "motion"),
        (r"门.{0,2}开|开着|关着|开的|关好|开了|打开", "open"),
        (r"扫地|打扫|清扫|状态|干嘛|干啥|在做|在干", "status"),
        (r"亮度", "brightness"),
        (r"音量|声音", "volume"),
    )
    return next((name for pattern, name in table if _has(pattern, t)), None)


def _feature(t: str, types: frozenset[str]) -> str | None:
    if _has(r"charg|充", t):
        return "charging"
    if _has(r"climate|cabin|heat|cool|precondition|warm|空调|暖|预热", t):
        return "climate"
    if _has(r"clean|vacuum|sweep|扫|拖", t) or "vacuum" in types:
        return "clean"
    return None


def classify(
    normalized: str, rest: str, language: Language, quantities: list[Quantity], clues: Clues
) -> Parsed:
    """The intent of a normalised sentence.

    Args:
        normalized: the whole normalised sentence.
        rest: the sentence with the names found in it blanked out (verbs are read here).
        language: the sentence's language.
        quantities: its numbers with units.
        clues: device types and kinds named, and whether a target or a scene was named.
    """
    if language is Language.ZH:
        return _zh(normalized, rest, quantities, clues)
    return _en(normalized, rest, quantities, clues)


def _en(t: str, rest: str, qs: list[Quantity], c: Clues) -> Parsed:
    question = c.asked or _has(
        r"^(is|are|was|were|what|whats|how|which|where|does|do|did|has|have|any)\b", t
    )
    if _has(r"\bwhen\b|\blast (time|opened|unlocked|locked)\b", t) or (
        question and _has(r"\b(highest|lowest|max|maximum|min|minimum|average|peak)\b", t)
    ):
        return Parsed(Intent.QUERY_HISTORY, attribute=_attribute_en(t))
    if question:
        return Parsed(Intent.QUERY_STATE, attribute=_attribute_en(t))
    if c.has_scene and not c.has_target:
        return Parsed(Intent.ACTIVATE_SCENE)
    if _has(r"\bunmute\b", rest):
        return Parsed(Intent.UNMUTE)
    if _has(r"\bmute\b", rest):
        return Parsed(Intent.MUTE)
    relative = "up" if _has(r"\bup\b|louder|warmer|hotter|higher|increase|raise", t) else None
    relative = relative or (
        "down" if _has(r"\bdown\b|quieter|cooler|colder|lower|decrease|reduce", t) else None
    )
    complaint = re.search(r"too (dark|dim|bright|cold|chilly|hot|warm|stuffy)", t)
    if complaint is not None:
        word = complaint.group(1)
        if word in ("dark", "dim", "bright"):
            return Parsed(Intent.SET_BRIGHTNESS, "up" if word != "bright" else "down")
        return Parsed(Intent.SET_TEMPERATURE, "up" if word in ("cold", "chilly") else "down")
    amount = amount_en(t)
    if _has(r"\bvolume\b|\bloud|\bquiet", t) or (
        # "Turn the TV up a bit": up and down on a TV are its volume.
        "television" in c.types and relative and not _has(r"\bchannel\b", t)
    ):
        if relative and amount:
            return Parsed(Intent.SET_VOLUME, signed(relative, amount))
        return Parsed(Intent.SET_VOLUME, _number(qs) if _number(qs) is not None else relative)
    if _has(r"\bchannel\b", t) and _number(qs) is not None:
        return Parsed(Intent.SET_CHANNEL, _number(qs))
    if _has(r"charg\w* limit|\bcharge (the car |it |my car )?(up )?to\b", t):
        return Parsed(Intent.SET_CHARGE_LIMIT, _number(qs))
    if _has(r"\bdock\b|\bbase\b|go home|go back|come back|\breturn", rest):
        return Parsed(Intent.DOCK)
    if c.types & _LIGHT and not c.types & _CLIMATE and _has(r"warmer|cooler|colder|whiter", t):
        return Parsed(Intent.SET_COLOR_TEMPERATURE, "down" if "warmer" in t else "up")
    if _has(r"colou?r temp|kelvin|\d+k\b|(warm|cool|cold) (white|light)|daylight|white light", t):
        number = _number(qs, "k", "")
        if number is None:
            number = 2700.0 if "warm" in t else 5000.0 if "daylight" in t else 6500.0
        return Parsed(Intent.SET_COLOR_TEMPERATURE, number)
    combined = _mode_and_degrees_en(rest, qs, c)
    if combined is not None:
        return combined
    if _has(r"\bmode\b", rest) and _mode(rest):
        return Parsed(Intent.SET_MODE, _mode(rest))
    if (fan_step := rel.fan_step_en(t, "air-purifier" in c.types)) is not None:
        return Parsed(Intent.SET_FAN_LEVEL, fan_step)
    fan_words = r"\bfan\b|\bwind\b" + (r"|\blevel\b|\bspeed\b" if "air-purifier" in c.types else "")
    if _has(fan_words, rest) and _fan(rest, qs) is not None:
        return Parsed(Intent.SET_FAN_LEVEL, _fan(rest, qs))
    mode_to = re.search(r"\b(to|in|into)\s+(\w+(?: only)?)$", rest.strip())
    if mode_to and _mode(mode_to.group(2)) and not _has(r"\bon\b|\boff\b", rest):
        return Parsed(Intent.SET_MODE, _mode(mode_to.group(2)))
    percent = _number(qs, "%")
    # "Turn the kitchen light up": up and down on a light are its brightness.
    lamp = bool(c.types & _LIGHT) and not c.types & _CLIMATE
    up_down = _has(r"\b(up|down)\b", rest) and not _has(r"\b(on|off)\b", rest)
    if _has(r"bright|\bdim|darker|lighter", t) or (lamp and (percent is not None or up_down)):
        if percent is None and _number(qs, "") is not None:
            percent = _number(qs, "")
        # Dimming words first: "lower the brightness" holds "bright" but asks for less.
        lighter = "down" if _has(_DIMMER_EN, t) else "up" if _has(_BRIGHTER_EN, t) else "down"
        if amount is not None:
            return Parsed(Intent.SET_BRIGHTNESS, signed(lighter, amount))
        return Parsed(Intent.SET_BRIGHTNESS, percent if percent is not None else lighter)
    nudge = nudge_en(t, rest, qs) if "curtain" in c.types else None
    if nudge is not None:
        return Parsed(Intent.SET_POSITION, nudge)
    if "curtain" in c.types and (_number(qs) is not None or _has(r"halfway|half way|half", t)):
        return Parsed(Intent.SET_POSITION, _number(qs) if _number(qs) is not None else 50.0)
    degrees = _number(qs, "degrees")
    climate = bool(c.types & _CLIMATE) or _has(r"temperature|^(heat|cool|warm)\b", t)
    if degrees is None and climate:
        degrees = _number(qs, "")
    if relative and amount and (climate or degrees is not None):
        return Parsed(Intent.SET_TEMPERATURE, signed(relative, amount))
    if degrees is not None:
        return Parsed(Intent.SET_TEMPERATURE, degrees)
    warmth = _has(r"warmer|cooler|hotter|colder", t) and c.has_target
    if relative and (climate or warmth or _has(r"\bheat|\bit\b", t)):
        return Parsed(Intent.SET_TEMPERATURE, relative)
    if _has(r"\b(stop|pause|halt|end)\b", rest):
        return Parsed(Intent.STOP, feature=_feature(t, c.types))
    if _has(
        r"\b(start|begin|resume|precondition|preheat|warm up|cool down)\b|vacuuming|\bclean", rest
    ) or _has(r"^charge\b", t):
        return Parsed(Intent.START, feature=_feature(t, c.types))
    if _has(r"\bunlock\b", rest):
        return Parsed(Intent.UNLOCK)
    if _has(r"\block\b", t) and not _has(r"\b(on|off)\b", rest):
        return Parsed(Intent.LOCK)
    if _has(r"\boff\b|\bkill\b|shut (off|down)|power down|\b(turn|switch) of\b", rest):
        return Parsed(Intent.TURN_OFF)
    if _has(r"\b(open|raise|pull up)\b", rest):
        return Parsed(
            Intent.OPEN
            if c.types & {"curtain", "lock", "magnet-sensor"} or not c.types
            else Intent.TURN_ON
        )
    if _has(r"\b(close|shut|draw|lower)\b", rest):
        return Parsed(Intent.CLOSE)
    if _has(r"\bon\b|boil", rest):
        return Parsed(Intent.TURN_ON)
    return Parsed(Intent.UNKNOWN)


def _zh(t: str, rest: str, qs: list[Quantity], c: Clues) -> Parsed:
    if _has(r"上次|上一次|最后一次|什么时候|何时|最高|最低|平均|峰值", t) or (
        _has(r"几点", t) and _has(r"开|关|锁|人|检测|动", t)
    ):
        return Parsed(Intent.QUERY_HISTORY, attribute=_attribute_zh(rest))
    if c.asked or _has(
        r"吗|没有?$|了没|多少|几度|怎么样|如何|哪些|哪里|哪儿|在哪|是否|是不是|状态|有没有|几点|啥"
        r"|多远|多久|多长|什么|哪个|哪一个|干嘛|干啥|(\w)没\1",  # A没A: 锁没锁, 开没开
        t,
    ):
        return Parsed(Intent.QUERY_STATE, attribute=_attribute_zh(rest))
    if c.has_scene and not c.has_target:
        return Parsed(Intent.ACTIVATE_SCENE)
    if _has(r"取消静音|解除静音", rest):
        return Parsed(Intent.UNMUTE)
    if _has(r"静音", rest):
        return Parsed(Intent.MUTE)
    up = _has(r"调高|升高|高一?点|高些|加大|大一?点|热一?点|暖(和|一?点|些)|调大|亮一?点", t)
    down = _has(r"调低|降低|低一?点|低些|减小|小一?点|凉(快|一?点|些)|冷一?点|调小|暗一?点", t)
    relative = "up" if up else "down" if down else None
    complaint = re.search(r"(太|好|有点|有些)(暗|黑|亮|刺眼|冷|凉|热|闷)", t)
    if complaint is not None and not _has(r"开|关|调|设", rest):
        word = complaint.group(2)
        if word in ("暗", "黑", "亮", "刺眼"):
            return Parsed(Intent.SET_BRIGHTNESS, "up" if word in ("暗", "黑") else "down")
        return Parsed(Intent.SET_TEMPERATURE, "up" if word in ("冷", "凉") else "down")
    step = step_zh(rest)
    if _has(r"音量|声音", t):
        if step is not None:
            return Parsed(Intent.SET_VOLUME, step)
        return Parsed(Intent.SET_VOLUME, _number(qs) if _number(qs) is not None else relative)
    if _has(r"频道|\d+台|台$", t) and "television" in c.types and _number(qs) is not None:
        return Parsed(Intent.SET_CHANNEL, _number(qs))
    if _has(r"充电上限|充电限制|充到|充满到", t):
        return Parsed(Intent.SET_CHARGE_LIMIT, _number(qs))
    if _has(r"回充|回去充电|回座|回基站|回家|回去|叫回来|回来", rest):
        return Parsed(Intent.DOCK)
    if c.types & _LIGHT and not c.types & _CLIMATE and _has(r"(暖|黄|冷|白)一?点", t):
        return Parsed(Intent.SET_COLOR_TEMPERATURE, "down" if _has(r"暖|黄", t) else "up")
    if _has(r"色温|暖光|暖白|黄光|冷光|冷白|白光|自然光", t):
        number = _number(qs, "k", "")
        if number is None:
            number = 2700.0 if _has(r"暖|黄", t) else 4000.0 if "自然" in t else 6500.0
        return Parsed(Intent.SET_COLOR_TEMPERATURE, number)
    if _has(r"制冷|制热|除湿|抽湿|送风|睡眠|节能|防冻", rest) or (
        _has(r"模式", rest) and _mode(rest)
    ):
        # "制冷26度": the temperature said with the mode is set too, after it.
        degrees = _degrees(qs, bool(c.types & _CLIMATE) or "空调" in t)
        return Parsed(Intent.SET_MODE, _mode(rest), temperature=degrees)
    if (fan_step := rel.fan_step_zh(rest, "air-purifier" in c.types)) is not None:
        return Parsed(Intent.SET_FAN_LEVEL, fan_step)
    if "air-purifier" in c.types and _has(r"最大|最高|最小|最低", rest):
        return Parsed(Intent.SET_FAN_LEVEL, "high" if _has(r"最大|最高", rest) else "low")
    if _has(r"风速|风量|风力|档", rest) and _fan(rest, qs) is not None:
        return Parsed(Intent.SET_FAN_LEVEL, _fan(rest, qs))
    if _has(r"亮度|调亮|调暗|亮一?点|暗一?点|亮些|暗些|最亮|最暗", t) or (
        c.types & _LIGHT and not c.types & _CLIMATE and _number(qs, "%", "") is not None
    ):
        if _has(r"最亮", t):
            return Parsed(Intent.SET_BRIGHTNESS, 100.0)
        if _has(r"最暗", t):
            return Parsed(Intent.SET_BRIGHTNESS, 1.0)
        if step is not None:
            return Parsed(Intent.SET_BRIGHTNESS, step)
        number = _number(qs, "%", "")
        lighter = "up" if _has(r"亮", t) and not _has(r"暗", t) else "down"
        return Parsed(Intent.SET_BRIGHTNESS, number if number is not None else lighter)
    nudge = (step or nudge_zh(rest, qs)) if "curtain" in c.types else None
    if nudge is not None:
        return Parsed(Intent.SET_POSITION, nudge)
    if "curtain" in c.types and (_number(qs) is not None or "一半" in t):
        return Parsed(Intent.SET_POSITION, _number(qs) if _number(qs) is not None else 50.0)
    degrees = _number(qs, "degrees")
    if degrees is None and (c.types & _CLIMATE or "温度" in t):
        degrees = _number(qs, "")
    if step is not None and (_number(qs, "degrees") is not None or c.types & _CLIMATE):
        return Parsed(Intent.SET_TEMPERATURE, step)
    if degrees is not None:
        return Parsed(Intent.SET_TEMPERATURE, degrees)
    if relative and (c.types & _CLIMATE or _has(r"温度|空调|暖|凉", t)):
        return Parsed(Intent.SET_TEMPERATURE, relative)
    if _has(r"停止|停下|暂停|停|别.{0,2}充|不要.{0,2}充|不充", rest):
        return Parsed(Intent.STOP, feature=_feature(t, c.types))
    if _has(r"开始|扫地|打扫|清扫|扫一下|扫扫|充电|预热|预冷", rest) or (
        _has(r"启动", rest) and "vacuum" in c.types
    ):
        return Parsed(Intent.START, feature=_feature(t, c.types))
    if _has(r"解锁|开锁", t):
        return Parsed(Intent.UNLOCK)
    if _has(r"锁上|上锁|锁门|锁车|锁好|^锁|锁起来", t):
        return Parsed(Intent.LOCK)
    curtain = bool(c.types & {"curtain"})
    if _has(r"关|熄|灭|拉上|合上", rest):
        return Parsed(Intent.CLOSE if curtain else Intent.TURN_OFF)
    if _has(r"开|启动|启|拉开", rest) or _has(r"烧.{0,2}水", t):
        return Parsed(Intent.OPEN if curtain else Intent.TURN_ON)
    return Parsed(Intent.UNKNOWN)
