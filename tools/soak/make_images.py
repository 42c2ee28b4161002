#!/usr/bin/env python3
"""Writes N distinct small photos (PNG and JPEG-free: PNG via zlib, no third-party modules) for
the soak run: each has its own content hash, so a project run analyses every one of them.
Usage: make_images.py OUT_DIR N [SIZE]"""
import os
import struct
import sys
import zlib


def png(width, height, seed):
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            v = (seed * 2654435761 + x * 40503 + y * 9973) & 0xFFFFFF
            rows += bytes(((v >> 16) & 255, (v >> 8) & 255, v & 255))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 1)) + chunk(b"IEND", b"")


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 48
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        sub = os.path.join(out, "%03d" % (i // 1000))  # folders of 1,000, as cameras write them
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "IMG_%05d.png" % i), "wb") as f:
            f.write(png(size, size, i + 1))


if __name__ == "__main__":
    main()
