"""A tiny raster toolkit for the simulated scope's screenshots: an indexed canvas, a
5×7 bitmap font, and BMP (24/8 bit), PNG and TIFF encoders.

No imaging library is a declared dependency, and these formats are simple enough
to write with `struct` and `zlib`: the scope only needs a palette of a dozen
colours, lines, boxes and short labels.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

# 5×7 glyphs, one 5-bit row (bit 4 = leftmost) per entry, top to bottom.
_FONT: dict[str, tuple[int, ...]] = {
    "0": (0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E),
    "1": (0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E),
    "2": (0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F),
    "3": (0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E),
    "4": (0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02),
    "5": (0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E),
    "6": (0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E),
    "7": (0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08),
    "8": (0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E),
    "9": (0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C),
    "A": (0x0E, 0x11, 0x11, 0x11, 0x1F, 0x11, 0x11),
    "B": (0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E),
    "C": (0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E),
    "D": (0x1C, 0x12, 0x11, 0x11, 0x11, 0x12, 0x1C),
    "E": (0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F),
    "F": (0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10),
    "G": (0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F),
    "H": (0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11),
    "I": (0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E),
    "J": (0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C),
    "K": (0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11),
    "L": (0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F),
    "M": (0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11),
    "N": (0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11),
    "O": (0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E),
    "P": (0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10),
    "Q": (0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D),
    "R": (0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11),
    "S": (0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E),
    "T": (0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04),
    "U": (0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E),
    "V": (0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04),
    "W": (0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A),
    "X": (0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11),
    "Y": (0x11, 0x11, 0x11, 0x0A, 0x04, 0x04, 0x04),
    "Z": (0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F),
    "a": (0x00, 0x00, 0x0E, 0x01, 0x0F, 0x11, 0x0F),
    "k": (0x10, 0x10, 0x12, 0x14, 0x18, 0x14, 0x12),
    "m": (0x00, 0x00, 0x1A, 0x15, 0x15, 0x11, 0x11),
    "n": (0x00, 0x00, 0x16, 0x19, 0x11, 0x11, 0x11),
    "p": (0x00, 0x00, 0x1E, 0x11, 0x1E, 0x10, 0x10),
    "s": (0x00, 0x00, 0x0E, 0x10, 0x0E, 0x01, 0x1E),
    "t": (0x08, 0x08, 0x1C, 0x08, 0x08, 0x09, 0x06),
    "u": (0x00, 0x00, 0x11, 0x11, 0x11, 0x13, 0x0D),
    "z": (0x00, 0x00, 0x1F, 0x02, 0x04, 0x08, 0x1F),
    ".": (0x00, 0x00, 0x00, 0x00, 0x00, 0x0C, 0x0C),
    ",": (0x00, 0x00, 0x00, 0x00, 0x0C, 0x04, 0x08),
    "-": (0x00, 0x00, 0x00, 0x1F, 0x00, 0x00, 0x00),
    "+": (0x00, 0x04, 0x04, 0x1F, 0x04, 0x04, 0x00),
    "/": (0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0x00),
    ":": (0x00, 0x0C, 0x0C, 0x00, 0x0C, 0x0C, 0x00),
    "=": (0x00, 0x00, 0x1F, 0x00, 0x1F, 0x00, 0x00),
    "%": (0x18, 0x19, 0x02, 0x04, 0x08, 0x13, 0x03),
    "'": (0x04, 0x04, 0x08, 0x00, 0x00, 0x00, 0x00),
    "^": (0x04, 0x0E, 0x15, 0x04, 0x04, 0x04, 0x04),
    "v": (0x04, 0x04, 0x04, 0x04, 0x15, 0x0E, 0x04),
    " ": (0, 0, 0, 0, 0, 0, 0),
}


class Canvas:
    """An indexed-colour image (one palette entry per pixel) with a few primitives."""

    def __init__(self, width: int, height: int, palette: list[tuple[int, int, int]]) -> None:
        self.width = width
        self.height = height
        self.palette = palette
        self.px = np.zeros((height, width), dtype=np.uint8)

    def fill(self, x0: int, y0: int, x1: int, y1: int, color: int) -> None:
        """Fill the half-open box [x0, x1) × [y0, y1), clipped to the image."""
        x0, x1 = max(0, x0), min(self.width, x1)
        y0, y1 = max(0, y0), min(self.height, y1)
        if x0 < x1 and y0 < y1:
            self.px[y0:y1, x0:x1] = color

    def frame(self, x0: int, y0: int, x1: int, y1: int, color: int) -> None:
        self.fill(x0, y0, x1, y0 + 1, color)
        self.fill(x0, y1 - 1, x1, y1, color)
        self.fill(x0, y0, x0 + 1, y1, color)
        self.fill(x1 - 1, y0, x1, y1, color)

    def text(self, x: int, y: int, s: str, color: int, scale: int = 1) -> int:
        """Draw `s` with its top-left at (x, y); return the x after the last glyph."""
        for ch in s:
            glyph = _FONT.get(ch) or _FONT.get(ch.upper()) or _FONT[" "]
            for row, bits in enumerate(glyph):
                for col in range(5):
                    if bits & (0x10 >> col):
                        self.fill(x + col * scale, y + row * scale,
                                  x + (col + 1) * scale, y + (row + 1) * scale, color)
            x += 6 * scale
        return x

    def vspans(self, xs: np.ndarray, y_lo: np.ndarray, y_hi: np.ndarray, color: int,
               clip: tuple[int, int]) -> None:
        """Vertical segments (one per x) between y_lo and y_hi: a trace column by column."""
        lo = np.clip(np.minimum(y_lo, y_hi), clip[0], clip[1] - 1).astype(int)
        hi = np.clip(np.maximum(y_lo, y_hi), clip[0], clip[1] - 1).astype(int)
        for x, a, b in zip(xs.tolist(), lo.tolist(), hi.tolist(), strict=True):
            if 0 <= x < self.width:
                self.px[a : b + 1, x] = color

    def palette_rgb(self, color: bool = True, invert: bool = False) -> np.ndarray:
        """The palette as n × 3 uint8, optionally grey (luma) and/or inverted."""
        pal = np.asarray(self.palette, dtype=np.float64)
        if not color:
            luma = pal @ np.array([0.299, 0.587, 0.114])
            pal = np.repeat(luma[:, None], 3, axis=1)
        out = np.clip(np.rint(pal), 0, 255).astype(np.uint8)
        return 255 - out if invert else out

    def rgb(self, color: bool = True, invert: bool = False) -> np.ndarray:
        """height × width × 3 uint8 through the (grey/inverted) palette."""
        return self.palette_rgb(color, invert)[self.px]


def encode_bmp24(rgb: np.ndarray) -> bytes:
    """Windows BMP, BITMAPINFOHEADER, 24 bpp, bottom-up rows padded to 4 bytes."""
    h, w, _ = rgb.shape
    row = w * 3
    pad = (4 - row % 4) % 4
    pixels = rgb[::-1, :, ::-1]  # bottom-up, BGR
    if pad:
        pixels = np.concatenate([pixels.reshape(h, row),
                                 np.zeros((h, pad), dtype=np.uint8)], axis=1)
    data = np.ascontiguousarray(pixels).tobytes()
    header = struct.pack("<2sIHHI", b"BM", 54 + len(data), 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 24, 0, len(data), 3780, 3780, 0, 0)
    return header + info + data


def encode_bmp8(index: np.ndarray, palette: np.ndarray) -> bytes:
    """8 bpp BMP with a 256-entry palette (BGRA entries)."""
    h, w = index.shape
    pad = (4 - w % 4) % 4
    rows = index[::-1]
    if pad:
        rows = np.concatenate([rows, np.zeros((h, pad), dtype=np.uint8)], axis=1)
    data = np.ascontiguousarray(rows).tobytes()
    pal = np.zeros((256, 4), dtype=np.uint8)
    pal[: len(palette), :3] = palette[:, ::-1]
    offset = 54 + 1024
    header = struct.pack("<2sIHHI", b"BM", offset + len(data), 0, 0, offset)
    info = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 8, 0, len(data), 3780, 3780, 256, 0)
    return header + info + pal.tobytes() + data


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def encode_png(rgb: np.ndarray) -> bytes:
    """PNG, 8-bit truecolour, filter 0 on every row, one zlib stream in one IDAT."""
    h, w, _ = rgb.shape
    raw = np.concatenate([np.zeros((h, 1), dtype=np.uint8), rgb.reshape(h, w * 3)], axis=1)
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(raw.tobytes(), 6))
            + _png_chunk(b"IEND", b""))


def encode_tiff(rgb: np.ndarray) -> bytes:
    """Baseline TIFF, little-endian, uncompressed RGB in one strip."""
    h, w, _ = rgb.shape
    data = np.ascontiguousarray(rgb).tobytes()
    entries = [
        (256, 4, 1, w), (257, 4, 1, h), (258, 3, 3, 0), (259, 3, 1, 1), (262, 3, 1, 2),
        (273, 4, 1, 0), (277, 3, 1, 3), (278, 4, 1, h), (279, 4, 1, len(data)),
        (284, 3, 1, 1),
    ]
    ifd_size = 2 + 12 * len(entries) + 4
    bps_offset = 8 + ifd_size
    data_offset = bps_offset + 6
    out = bytearray(struct.pack("<2sHI", b"II", 42, 8))
    out += struct.pack("<H", len(entries))
    for tag, typ, count, value in entries:
        if tag == 258:
            value = bps_offset
        elif tag == 273:
            value = data_offset
        if typ == 3 and count == 1:
            out += struct.pack("<HHIHH", tag, typ, count, value, 0)
        else:
            out += struct.pack("<HHII", tag, typ, count, value)
    out += struct.pack("<I", 0)
    out += struct.pack("<HHH", 8, 8, 8)
    return bytes(out) + data
