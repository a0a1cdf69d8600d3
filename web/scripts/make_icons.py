"""Draw OrbitHub's app icons (PNG and SVG) with the standard library only.

Run from ``web/``: ``python3 scripts/make_icons.py``. The output is committed under
``public/icons``; the drawing is deterministic, so re-running changes nothing.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

BG = (31, 58, 95)
RING = (255, 255, 255)
PLANET = (245, 196, 81)
OUT = Path(__file__).resolve().parent.parent / "public" / "icons"


def _coverage(d: float) -> float:
    """Anti-aliased coverage of a pixel whose centre is ``d`` pixels inside an edge."""
    return max(0.0, min(1.0, d + 0.5))


def _pixel(x: float, y: float, size: int, maskable: bool) -> tuple[int, int, int, int]:
    u, v = (x / size) * 2 - 1, (y / size) * 2 - 1
    px = 2 / size  # one pixel in unit coordinates
    if maskable:
        alpha = 1.0
        scale = 0.72  # keep the drawing inside the maskable safe zone
    else:
        r, k = 0.36, 1.0 - 0.36  # rounded square
        dx, dy = max(abs(u) - k, 0.0), max(abs(v) - k, 0.0)
        alpha = _coverage((r - math.hypot(dx, dy)) / px)
        scale = 1.0
    u, v = u / scale, v / scale
    colour = BG
    # The orbit: a tilted ellipse ring.
    a = math.radians(25)
    eu, ev = u * math.cos(a) - v * math.sin(a), u * math.sin(a) + v * math.cos(a)
    ring = math.hypot(eu / 0.78, ev / 0.36)
    ring_d = (0.07 - abs(ring - 1) * 0.36) / (px / scale)
    # The hub: a circle in the middle.
    hub_d = (0.27 - math.hypot(u, v)) / (px / scale)
    planet_d = (0.12 - math.hypot(u - 0.62, v + 0.36)) / (px / scale)
    for d, c in ((hub_d, RING), (ring_d, RING), (planet_d, PLANET)):
        cov = _coverage(d)
        colour = (
            round(colour[0] * (1 - cov) + c[0] * cov),
            round(colour[1] * (1 - cov) + c[1] * cov),
            round(colour[2] * (1 - cov) + c[2] * cov),
        )
    return (*colour, round(alpha * 255))


def _png(size: int, maskable: bool = False) -> bytes:
    rows = bytearray()
    for y in range(size):
        rows.append(0)
        for x in range(size):
            rows.extend(_pixel(x + 0.5, y + 0.5, size, maskable))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 2 2">
<rect x="-1" y="-1" width="2" height="2" rx="0.36" fill="#1f3a5f"/>
<ellipse rx="0.78" ry="0.36" transform="rotate(-25)" fill="none" stroke="#fff" stroke-width="0.1"/>
<circle r="0.27" fill="#fff"/>
<circle cx="0.62" cy="-0.36" r="0.12" fill="#f5c451"/>
</svg>
"""


def main() -> None:
    """Write every icon the web manifest names."""
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(SVG, encoding="utf-8")
    (OUT / "icon-192.png").write_bytes(_png(192))
    (OUT / "icon-512.png").write_bytes(_png(512))
    (OUT / "icon-maskable-512.png").write_bytes(_png(512, maskable=True))


if __name__ == "__main__":
    main()
