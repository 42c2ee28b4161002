#!/usr/bin/env python3
"""Writes N distinct small PNG photos (each its own colour gradient, so distinct bytes and SHA-256)
into sub-folders of a directory, with the standard library only.
    make_photos.py DIR N"""
import os
import struct
import sys
import zlib


def png(width, height, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    for i in range(count):
        folder = os.path.join(out, "site-%d" % (i % 4))
        os.makedirs(folder, exist_ok=True)
        r, g, b = (i * 37) % 256, (i * 91) % 256, (i * 53 + 40) % 256
        data = png(48, 32, lambda x, y: ((r + 3 * x) % 256, (g + 5 * y) % 256, b))
        with open(os.path.join(folder, "photo_%03d.png" % i), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
