"""Assistant matching latency per sentence, and accuracy on the evaluation sets.

Every sentence of the evaluation sets (English and Chinese) is understood against the demo
world: sentence templates (hassil), then the keyword fallback, then target resolution.
Printed per language: the first sentence (templates compiled on first use), then the median,
95th percentile and worst of the rest, for matching alone (what runs in the worker thread) and
for the whole interpretation; then the accuracy on the tuned and held-out sets, on the
languages read by templates alone (eval_languages.yaml: de, fr, es, it, nl, pt, sv, da),
and on the held-out conversations (eval_dialogue.yaml), asked of the demo home with its
simulated devices running.

    python bench/bench_assistant.py [--rounds 3] [--no-accuracy]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.assistant import Assistant, Language, Speaker
from orbithub.assistant.evaluate import accuracy, evaluate, evaluate_dialogue, load_cases
from orbithub.assistant.nlu.parse import understand
from orbithub.automation.scenes import Scene
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub

DATA = Path(__file__).resolve().parent.parent / "tests" / "assistant" / "nlu" / "data"
SCENES = (
    Scene("movie-night", "Movie night", (("living-room-light", "light.brightness", 20),)),
    Scene("good-night", "Good night", (("bedroom-lamp", "light.on", False),)),
    Scene("leave-home", "Leaving home", (("living-room-light", "light.on", False),)),
)
FRIDAY_EVENING = datetime(2026, 11, 20, 19, 30, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp()
SCENE_NAMES = {
    "movie-night": ["观影模式", "观影"],
    "good-night": ["晚安"],
    "leave-home": ["离家模式", "离家"],
}


def _hub(clock: ManualClock | None = None) -> Hub:
    world = demo_world()
    hub = Hub(clock=clock or ManualClock(start=1_795_000_000.0))
    for space in world.spaces:
        hub.add_space(space)
    for room in world.rooms:
        hub.add_room(room)
    for device in world.devices:
        hub.add_device(device)
    return hub


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"median {statistics.median(ordered) * 1000:6.2f} ms   p95 {p95 * 1000:6.2f} ms   "
        f"max {ordered[-1] * 1000:6.2f} ms"
    )


async def main(rounds: int, scores: bool) -> None:
    cases = load_cases(DATA / "eval_tuned.yaml") + load_cases(DATA / "eval_heldout.yaml")
    hub = _hub()
    assistant = Assistant(hub, scenes=SCENES, scene_names=SCENE_NAMES)
    lexicon, lists = assistant.vocabulary()
    speaker = Speaker("alex")
    for section, language in (("en", Language.EN), ("zh", Language.ZH)):
        texts = [c.text for c in cases if c.section == section]
        start = time.perf_counter()
        understand(texts[0], language, lexicon, lists)
        first = time.perf_counter() - start
        matching: list[float] = []
        whole: list[float] = []
        cpu: list[float] = []
        by_layer = {"hassil": 0, "rules": 0}
        for _ in range(rounds):
            for text in texts:
                start = time.perf_counter()
                heard = understand(text, None, lexicon, lists)
                matching.append(time.perf_counter() - start)
                by_layer[heard.matched_by] += 1
                start, start_cpu = time.perf_counter(), time.process_time()
                await assistant.interpret(text, speaker=speaker)
                whole.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
        print(f"{section}: {len(texts)} sentences x {rounds} rounds")
        print(f"  first sentence (compiles the templates): {first * 1000:.0f} ms")
        print(f"  matching        {_ms(matching)}")
        print(f"  interpretation  {_ms(whole)}   (matching in a worker thread + resolution)")
        # CPU time of this process alone: on a shared machine the wall clock also measures
        # the neighbours.
        print(f"  interpretation  {_ms(cpu)}   (CPU time of this process)")
        share = by_layer["hassil"] / max(1, sum(by_layer.values()))
        print(f"  matched by templates {share:.0%}, by the keyword fallback {1 - share:.0%}")
    others = load_cases(DATA / "eval_languages.yaml")
    wall: list[float] = []
    used: list[float] = []
    for text in [c.text for c in others]:
        await assistant.interpret(text, speaker=speaker)  # compiles each language's templates
    for _ in range(rounds):
        for text in [c.text for c in others]:
            start, start_cpu = time.perf_counter(), time.process_time()
            await assistant.interpret(text, speaker=speaker)
            wall.append(time.perf_counter() - start)
            used.append(time.process_time() - start_cpu)
    print(f"languages read by templates: {len(others)} sentences x {rounds} rounds")
    print(f"  interpretation  {_ms(wall)}")
    print(f"  interpretation  {_ms(used)}   (CPU time of this process)")
    for name in ("eval_tuned", "eval_heldout", "eval_languages") if scores else ():
        outcomes = await evaluate(assistant, load_cases(DATA / f"{name}.yaml"), speaker)
        for section, (right, total) in accuracy(outcomes).items():
            print(f"accuracy {name} {section}: {right}/{total} = {right / total:.1%}")
    assistant.close()
    if scores:
        await _dialogue()


@contextlib.asynccontextmanager
async def _home() -> AsyncIterator[tuple[Assistant, Callable[[float], Awaitable[None]]]]:
    """A fresh demo home with its simulated devices running, and its assistant.

    Its clock starts when the conversation set's yes/no answers were written for: a Friday
    evening in Beijing, the family at home, the car charging.
    """
    clock = ManualClock(start=FRIDAY_EVENING)
    hub = _hub(clock)
    hub.add_adapter(SimAdapter(seed=7, clock=clock, routines=False, tick=60.0))
    assistant = Assistant(hub, scenes=SCENES, scene_names=SCENE_NAMES)
    try:
        async with hub:
            yield assistant, clock.advance
    finally:
        assistant.close()


async def _dialogue() -> None:
    """The conversation set, each case in a fresh demo home."""
    outcomes = await evaluate_dialogue(load_cases(DATA / "eval_dialogue.yaml"), _home)
    for section, (right, total) in accuracy(outcomes).items():
        print(f"accuracy eval_dialogue {section}: {right}/{total} = {right / total:.1%}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the sentences")
    parser.add_argument("--no-accuracy", action="store_true", help="only time the matching")
    args = parser.parse_args()
    asyncio.run(main(args.rounds, not args.no_accuracy))
