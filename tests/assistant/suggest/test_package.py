"""The public names of the suggestion and anomaly packages."""

from __future__ import annotations

from orbithub.assistant import anomaly, suggest


def test_public_names() -> None:
    assert suggest.__all__ == [
        "AutomationSink",
        "Candidate",
        "LibrarySink",
        "ManualCommand",
        "MiningSettings",
        "PresenceRecord",
        "Status",
        "Suggester",
        "Suggestion",
        "SuggestionDecidedError",
        "SuggestionError",
        "SuggestionKind",
        "SuggestionStore",
        "UnknownSuggestionError",
        "YamlFolderSink",
        "mine",
        "read_records",
        "same_habit",
    ]
    assert anomaly.__all__ == [
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
    for module in (suggest, anomaly):
        for name in module.__all__:
            assert getattr(module, name) is not None
