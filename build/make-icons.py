#!/usr/bin/env python3
"""Draw Firebreak's icons: a flame split by a cleared strip (the firebreak).

Writes icon.png (512 px app icon on a rounded dark square), tray-icon.png and
tray-icon@2x.png (coloured flame, 16 and 32 px) and tray-iconTemplate.png and
tray-iconTemplate@2x.png (black flame for the macOS menu bar, which tints it).
Uses only the standard library: shapes are sampled 4x4 per pixel and written as RGBA PNG.

Run from the repository root: python3 build/make-icons.py
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

BACKGROUND = (27, 31, 39)
OUTER_FLAME = (242, 107, 29)
INNER_FLAME = (255, 194, 61)
SAMPLES = 4


def flame(x, y, scale=1.0, base_y=0.70, tip_y=0.12):
    """Whether unit point (x, y) lies in a leaning teardrop flame, scaled about its base."""
    radius = 0.25 * scale
    centre_y = base_y - radius * 0.2
    tip = centre_y - (centre_y - tip_y) * scale
    if y >= centre_y:
        return math.hypot(x - 0.5, y - centre_y) <= radius
    if y < tip:
        return False
    t = (centre_y - y) / (centre_y - tip)  # 0 at the widest point, 1 at the tip
    half_width = radius * (1 - t**1.7)  # flat at t = 0, so it joins the circle smoothly
    lean = 0.07 * scale * math.sin(t * math.pi / 2) ** 2  # no slope at t = 0 either
    return abs(x - (0.5 + lean)) <= half_width


def firebreak(x, y):
    """The cleared strip: a band rising gently from left to right across the flame."""
    centre = 0.50 - 0.12 * (x - 0.5)
    return abs(y - centre) <= 0.035


def rounded_square(x, y, margin=0.04, radius=0.19):
    """Whether (x, y) lies in the app icon's rounded background square."""
    lo, hi = margin + radius, 1 - margin - radius
    dx = max(lo - x, 0, x - hi)
    dy = max(lo - y, 0, y - hi)
    return math.hypot(dx, dy) <= radius


def colour_mark(x, y, with_background):
    """Returns the RGBA colour of one sample of the coloured mark."""
    in_flame = flame(x, y) and not firebreak(x, y)
    if in_flame:
        rgb = INNER_FLAME if flame(x, y, scale=0.55) else OUTER_FLAME
        return rgb + (255,)
    if with_background and rounded_square(x, y):
        return BACKGROUND + (255,)
    return (0, 0, 0, 0)


def template_mark(x, y):
    """Returns the RGBA colour of one sample of the black template mark."""
    return (0, 0, 0, 255) if flame(x, y) and not firebreak(x, y) else (0, 0, 0, 0)


def render(size, sample, inset=0.0):
    """Renders `sample(x, y) -> RGBA` at `size` px, averaging SAMPLES x SAMPLES points per pixel."""
    rows = []
    span = 1 - 2 * inset
    for py in range(size):
        row = bytearray([0])  # PNG filter type: none
        for px in range(size):
            total = [0, 0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = inset + span * (px + (sx + 0.5) / SAMPLES) / size
                    y = inset + span * (py + (sy + 0.5) / SAMPLES) / size
                    r, g, b, a = sample(x, y)
                    total[0] += r * a
                    total[1] += g * a
                    total[2] += b * a
                    total[3] += a
            alpha = total[3] / (SAMPLES * SAMPLES)
            if total[3] == 0:
                row += bytes(4)
            else:
                row += bytes(round(c / total[3]) for c in total[:3]) + bytes([round(alpha)])
        rows.append(bytes(row))
    return b"".join(rows)


def write_png(path, size, pixels):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    png += chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as out:
        out.write(png)
    print(f"wrote {os.path.relpath(path)} ({size}x{size})")


def main():
    write_png(os.path.join(HERE, "icon.png"), 512, render(512, lambda x, y: colour_mark(x, y, True)))
    for size, suffix in ((16, ""), (32, "@2x")):
        # The tray mark is cropped to the flame's extent so it fills the small square.
        colour = render(size, lambda x, y: colour_mark(x, y, False), inset=0.08)
        write_png(os.path.join(HERE, f"tray-icon{suffix}.png"), size, colour)
        template = render(size, template_mark, inset=0.08)
        write_png(os.path.join(HERE, f"tray-iconTemplate{suffix}.png"), size, template)


if __name__ == "__main__":
    main()
