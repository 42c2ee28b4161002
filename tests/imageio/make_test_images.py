#!/usr/bin/env python3
"""Writes the small hand-made test images of tests/data/images (python3 standard library only).

Every pixel value is known, so the tests can check decoded pixels exactly. Run from anywhere:
    python3 tests/imageio/make_test_images.py
JPEG and WebP test images are made at test time with OpenCV (no encoder in the standard library).
"""
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "images")

# The 3x2 reference pattern (RGB), row-major.
RGB = [[(255, 0, 0), (0, 255, 0), (0, 0, 255)],
       [(10, 20, 30), (200, 150, 100), (255, 255, 255)]]
GRAY = [[0, 128, 255], [7, 77, 200]]
ALPHA = [[255, 128, 0], [0, 64, 255]]
PALETTE = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (12, 34, 56)]
INDICES = [[0, 1, 2], [3, 2, 1]]


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, bit_depth, color_type, rows, extra=b""):
    """rows: list of raw row byte strings (without the filter byte)."""
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + extra +
            png_chunk(b"IDAT", zlib.compress(raw, 9)) + png_chunk(b"IEND", b""))


def make_pngs():
    write("rgb_3x2.png", png(3, 2, 8, 2, [bytes(c for p in row for c in p) for row in RGB]))
    write("gray_3x2.png", png(3, 2, 8, 0, [bytes(row) for row in GRAY]))
    write("gray_alpha_3x2.png", png(3, 2, 8, 4, [bytes(v for g, a in zip(gr, ar) for v in (g, a))
                                                   for gr, ar in zip(GRAY, ALPHA)]))
    write("rgba_3x2.png", png(3, 2, 8, 6, [bytes(v for p, a in zip(pr, ar) for v in (*p, a))
                                             for pr, ar in zip(RGB, ALPHA)]))
    plte = png_chunk(b"PLTE", bytes(c for p in PALETTE for c in p))
    trns = png_chunk(b"tRNS", bytes([255, 255, 255, 0]))  # index 3 fully transparent
    write("palette_3x2.png", png(3, 2, 8, 3, [bytes(row) for row in INDICES], plte + trns))
    # 16-bit samples v * 257 (high byte == low byte) reduce to v whether the decoder strips or scales.
    write("rgb16_3x2.png", png(3, 2, 16, 2, [b"".join(struct.pack(">H", c * 257) for p in row for c in p)
                                               for row in RGB]))
    write("gray16_3x2.png", png(3, 2, 16, 0, [b"".join(struct.pack(">H", g * 257) for g in row) for row in GRAY]))
    write("one_1x1.png", png(1, 1, 8, 2, [bytes([1, 2, 3])]))
    # Decompression bomb: a tiny file whose header claims 65535 x 65535 RGB pixels.
    ihdr = struct.pack(">IIBBBBB", 65535, 65535, 8, 2, 0, 0, 0)
    write("bomb_65535x65535.png", b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) +
          png_chunk(b"IDAT", zlib.compress(b"\x00" * 4096, 9)) + png_chunk(b"IEND", b""))


def bmp_rows(top_down):
    rows = []
    order = RGB if top_down else list(reversed(RGB))
    for row in order:
        data = bytes(c for p in row for c in (p[2], p[1], p[0]))  # BGR
        rows.append(data + b"\x00" * ((4 - len(data) % 4) % 4))
    return b"".join(rows)


def make_bmps():
    for name, top_down in (("rgb_3x2.bmp", False), ("topdown_3x2.bmp", True)):
        pixels = bmp_rows(top_down)
        height = -2 if top_down else 2
        dib = struct.pack("<IiiHHIIiiII", 40, 3, height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
        head = b"BM" + struct.pack("<IHHI", 14 + len(dib) + len(pixels), 0, 0, 14 + len(dib))
        write(name, head + dib + pixels)
    pixels = bmp_rows(False)
    dib = struct.pack("<IHHHH", 12, 3, 2, 1, 24)  # OS/2 BITMAPCOREHEADER
    write("os2_3x2.bmp", b"BM" + struct.pack("<IHHI", 14 + 12 + len(pixels), 0, 0, 26) + dib + pixels)


def tiff(big_endian, long_dims, orientation=None):
    e = ">" if big_endian else "<"
    pixels = bytes(c for row in RGB for p in row for c in p)
    entries = []  # (tag, type, count, value bytes (<= 4, left-justified))

    def short(tag, v):
        entries.append((tag, 3, 1, struct.pack(e + "HH", v, 0)))

    def long_(tag, v):
        entries.append((tag, 4, 1, struct.pack(e + "I", v)))

    n_entries = 10 if orientation is None else 11
    ifd_offset = 8
    bps_offset = ifd_offset + 2 + n_entries * 12 + 4
    data_offset = bps_offset + 6
    (long_ if long_dims else short)(256, 3)
    (long_ if long_dims else short)(257, 2)
    entries.append((258, 3, 3, struct.pack(e + "I", bps_offset)))
    short(259, 1)  # no compression
    short(262, 2)  # RGB
    long_(273, data_offset)
    if orientation is not None:
        short(274, orientation)
    short(277, 3)
    short(278, 2)
    long_(279, len(pixels))
    short(284, 1)  # chunky
    assert len(entries) == n_entries
    out = (b"MM\x00\x2a" if big_endian else b"II\x2a\x00") + struct.pack(e + "I", ifd_offset)
    out += struct.pack(e + "H", n_entries)
    for tag, typ, count, value in entries:
        out += struct.pack(e + "HHI", tag, typ, count) + value
    out += struct.pack(e + "I", 0)
    out += struct.pack(e + "HHH", 8, 8, 8) + pixels
    return out


def gif_frame(indices):
    """Image descriptor + LZW data, a clear code before every pixel so the code width stays 3 bits."""
    codes = []
    for row in indices:
        for i in row:
            codes += [4, i]
    codes.append(5)
    bits, nbits, data = 0, 0, bytearray()
    for c in codes:
        bits |= c << nbits
        nbits += 3
        while nbits >= 8:
            data.append(bits & 0xFF)
            bits >>= 8
            nbits -= 8
    if nbits:
        data.append(bits & 0xFF)
    desc = b"\x2c" + struct.pack("<HHHHB", 0, 0, 3, 2, 0) + b"\x02"
    return desc + bytes([len(data)]) + bytes(data) + b"\x00"


def make_gifs():
    head = b"GIF89a" + struct.pack("<HHBBB", 3, 2, 0x81, 0, 0) + bytes(c for p in PALETTE for c in p)
    write("palette_3x2.gif", head + gif_frame(INDICES) + b"\x3b")
    gce = b"\x21\xf9\x04\x00\x0a\x00\x00\x00"  # 0.1 s delay, no transparency
    second = [[3, 3, 3], [3, 3, 3]]
    write("animated_3x2.gif", head + gce + gif_frame(INDICES) + gce + gif_frame(second) + b"\x3b")


def main():
    os.makedirs(OUT, exist_ok=True)
    make_pngs()
    make_bmps()
    write("rgb_3x2.tif", tiff(False, False))
    write("rgb_be_3x2.tif", tiff(True, True))
    write("tiff_named.jpg", tiff(False, False))  # a TIFF with a JPEG name: magic bytes decide
    for orientation in range(2, 9):  # TIFF Orientation tag (= EXIF orientation), big-endian for 6
        write("orient%d_3x2.tif" % orientation, tiff(orientation == 6, False, orientation))
    make_gifs()
    write("text_named.jpg", b"This is not an image, only text with a .jpg name.\n")
    write("empty.jpg", b"")


if __name__ == "__main__":
    main()
