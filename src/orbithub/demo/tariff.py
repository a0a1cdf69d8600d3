"""The demo home's electricity tariff: a time-of-use rate shaped like Beijing's."""

from __future__ import annotations

from orbithub.mobility.tariff import Tariff, TariffWindow

__all__ = ["beijing_tariff"]


def beijing_tariff() -> Tariff:
    """A residential time-of-use tariff shaped like Beijing's (peak, flat and valley), in CNY.

    Valley 23:00-07:00, peak 10:00-15:00 and 18:00-21:00, flat otherwise. The prices are round
    figures for the demo, not a published rate card.
    """
    windows = (
        TariffWindow(23 * 60, 7 * 60, 0.30, "valley"),
        TariffWindow(7 * 60, 10 * 60, 0.50, "flat"),
        TariffWindow(10 * 60, 15 * 60, 0.80, "peak"),
        TariffWindow(15 * 60, 18 * 60, 0.50, "flat"),
        TariffWindow(18 * 60, 21 * 60, 0.80, "peak"),
        TariffWindow(21 * 60, 23 * 60, 0.50, "flat"),
    )
    return Tariff(windows, "Asia/Shanghai", "CNY", "Beijing-like time of use")
