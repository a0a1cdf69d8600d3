"""Anomaly alerts: readings far from their hour-of-week baseline, doors left open, silence.

A :class:`Detector` learns baselines (median and MAD by hour of the week) from history,
judges live readings against them on the bus, checks doors and silent devices once a minute,
and raises one alert per condition, each explaining the baseline it broke in English and
Chinese and asking for a phone notification.
"""

from orbithub.assistant.anomaly.baseline import (
    Baseline,
    Baselines,
    build_baselines,
    hour_of_week,
    usual_interval,
)
from orbithub.assistant.anomaly.detector import AnomalySettings, Detector, UnknownAlertError
from orbithub.assistant.anomaly.model import Alert, AlertKind
from orbithub.assistant.anomaly.records import is_measurement, read_history
from orbithub.assistant.anomaly.store import AlertStore

__all__ = [
    "Alert",
    "AlertKind",
    "AlertStore",
    "AnomalySettings",
    "Baseline",
    "Baselines",
    "Detector",
    "UnknownAlertError",
    "build_baselines",
    "hour_of_week",
    "is_measurement",
    "read_history",
    "usual_interval",
]
