#!/usr/bin/env python3
"""Draws the app icons (assets/icons/*.png) from the shape of assets/favicon.svg.

Standard library only, so anyone can regenerate them: `python3 scripts/make-icons.py`.
The output is deterministic (same bytes on every run), so `git diff` shows real changes.

- icon-192.png, icon-512.png: the favicon's rounded square on transparency ("any").
- icon-maskable-512.png: full-bleed background with the mark inside the central 80 %
  safe zone, because launchers crop maskable icons to circles or squircles.
- apple-touch-icon.png (180): full-bleed and opaque; iOS rounds the corners itself.
"""
import struct
import zlib
from pathlib import Path

ACCENT = (0x0B, 0x5C, 0xAD)  # --accent in style/main.css, theme_color in the manifest
WHITE = (0xFF, 0xFF, 0xFF)
# The "V" of assets/favicon.svg, in its 64-unit viewBox.
MARK = [(14, 18), (24, 18), (32, 40), (40, 18), (50, 18), (37, 48), (27, 48)]
SAMPLES = 4  # per axis: 16 samples per pixel smooth the edges


def inside_polygon(x, y, points):
    inside = False
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def inside_rounded_square(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return 0 <= x <= size and 0 <= y <= size and (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def render(size, *, rounded, mark_scale):
    """RGBA rows; the mark is scaled by `mark_scale` about the centre."""
    unit = size / 64
    offset = 32 * (1 - mark_scale)
    mark = [((x * mark_scale + offset) * unit, (y * mark_scale + offset) * unit) for x, y in MARK]
    radius = 12 * unit
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            background = foreground = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = px + (sx + 0.5) / SAMPLES
                    y = py + (sy + 0.5) / SAMPLES
                    if rounded and not inside_rounded_square(x, y, size, radius):
                        continue
                    if inside_polygon(x, y, mark):
                        foreground += 1
                    else:
                        background += 1
            total = SAMPLES * SAMPLES
            covered = background + foreground
            if covered == 0:
                row += bytes((0, 0, 0, 0))
                continue
            colour = [round((a * background + b * foreground) / covered) for a, b in zip(ACCENT, WHITE)]
            row += bytes(colour + [round(255 * covered / total)])
        rows.append(bytes(row))
    return rows


def png(size, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    out = Path(__file__).resolve().parent.parent / "assets" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    icons = {
        "icon-192.png": (192, True, 1.0),
        "icon-512.png": (512, True, 1.0),
        # The favicon's mark spans 36 of 64 units; at 0.8 it stays well inside the 80 % safe circle.
        "icon-maskable-512.png": (512, False, 0.8),
        "apple-touch-icon.png": (180, False, 0.9),
    }
    for name, (size, rounded, scale) in icons.items():
        (out / name).write_bytes(png(size, render(size, rounded=rounded, mark_scale=scale)))
        print(f"wrote assets/icons/{name}")


if __name__ == "__main__":
    main()
