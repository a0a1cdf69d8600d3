"""A single hub installed without the fleet extra: the CLI starts, the fleet says what to add."""

from __future__ import annotations

import subprocess
import sys

# Run the CLI with the NATS client made unimportable, as on `pip install orbithub`.
_WITHOUT_NATS = (
    "import sys; sys.modules['nats'] = None; "
    "from orbithub.cli.main import main; sys.argv = ['orbithub', *sys.argv[1:]]; main()"
)


def _orbithub(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _WITHOUT_NATS, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_hub_commands_work_without_the_fleet_extra() -> None:
    helped = _orbithub("--help")
    assert helped.returncode == 0, helped.stderr
    assert "demo" in helped.stdout
    assert "serve" in helped.stdout
    specs = _orbithub("spec", "types")
    assert specs.returncode == 0, specs.stderr


def test_fleet_commands_say_what_to_install() -> None:
    gateway = ("gateway", "--database-url", "postgresql://nobody@127.0.0.1:9/none")
    for args in (("fleet", "up", "--homes", "3"), ("worker", "--help"), gateway):
        said = _orbithub(*args)
        assert said.returncode == 1
        assert "pip install 'orbithub[fleet]'" in " ".join(said.stderr.split())
        assert "Traceback" not in said.stderr
