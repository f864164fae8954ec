#!/usr/bin/env python3
"""Draws the Teams app's two icons for the web part (a 3 x 3 matrix of squares), as Teams asks:
<component id>_color.png, 192 x 192, in colour; <component id>_outline.png, 32 x 32, white on
transparent. SharePoint puts them in the Teams app it makes from the package ("Add to Teams").
Run from anywhere: python3 sharepoint/make-teams-icons.py (package-solution takes every file
in teams/, so this script lives beside it, not in it)."""
import os
import struct
import zlib

COMPONENT = "697e6e8f-d9c8-4ccc-96fa-61ff6a85e926"
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "teams")
NHS_BLUE = (0x00, 0x5E, 0xB8, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(width, height, pixel):
    rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def grid(size, margin, gap, inside, outside):
    """A 3 x 3 grid of squares filling `size` less `margin`, `gap` apart."""
    cell = (size - 2 * margin - 2 * gap) // 3
    start = (size - 3 * cell - 2 * gap) // 2

    def pixel(x, y):
        for row in range(3):
            for col in range(3):
                left, top = start + col * (cell + gap), start + row * (cell + gap)
                if left <= x < left + cell and top <= y < top + cell:
                    return inside
        return outside
    return pixel


# Colour: white squares on NHS blue.
colour = grid(192, 36, 10, WHITE, NHS_BLUE)
# Outline: white squares on transparent, as Teams draws outline icons.
outline = grid(32, 4, 2, WHITE, CLEAR)
with open(os.path.join(HERE, f"{COMPONENT}_color.png"), "wb") as f:
    f.write(png(192, 192, colour))
with open(os.path.join(HERE, f"{COMPONENT}_outline.png"), "wb") as f:
    f.write(png(32, 32, outline))
