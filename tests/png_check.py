#!/usr/bin/python3
"""Decodes PNG files with the standard library only (zlib) and checks them.

Usage: png_check.py [--nonblank] FILE...

Each FILE must be a PNG whose chunks have correct CRCs, whose IHDR is
8-bit grey, grey+alpha, RGB or RGBA, not interlaced, and whose IDAT data
inflate and unfilter to exactly height rows of width pixels. With
--nonblank, at least 1% of the pixels must differ from the colour of the
top-left pixel (a rendered page, not an empty one). Prints one line per
file, "WIDTHxHEIGHT" (with --nonblank and the number of pixels that
differ), and exits 1 with a message on the first file that fails.
"""
import struct
import sys
import zlib


def fail(path, msg):
    sys.stderr.write("png_check: %s: %s\n" % (path, msg))
    sys.exit(1)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode(path, pixels):
    """(width, height, channels, rows) of the PNG at path; rows is empty
    unless pixels (unfiltering cannot fail once each row's filter type is
    valid, and it is slow in Python)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(path, "no PNG signature")
    pos, idat, ihdr, seen_end = 8, [], None, False
    while pos + 12 <= len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        tail = data[pos + 8 + n:pos + 12 + n]
        if len(body) != n or len(tail) != 4:
            fail(path, "truncated chunk %r" % kind)
        crc = struct.unpack(">I", tail)[0]
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            fail(path, "bad chunk %r" % kind)
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            seen_end = True
            break
        pos += 12 + n
    if not ihdr or not idat or not seen_end:
        fail(path, "missing IHDR, IDAT or IEND")
    width, height, depth, ctype, _, _, interlace = ihdr
    channels = {0: 1, 4: 2, 2: 3, 6: 4}.get(ctype)
    if depth != 8 or channels is None or interlace:
        fail(path, "unsupported PNG type (depth %d, colour %d)" % (depth, ctype))
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    if len(raw) != height * (stride + 1):
        fail(path, "image data of %d bytes, expected %d" % (len(raw), height * (stride + 1)))
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ft = raw[y * (stride + 1)]
        if ft > 4:
            fail(path, "bad filter type %d in row %d" % (ft, y))
        if not pixels:
            continue
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                line[i] = (line[i] + paeth(a, b, c)) & 255
            elif ft != 0:
                fail(path, "bad filter type %d in row %d" % (ft, y))
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    args = sys.argv[1:]
    nonblank = bool(args) and args[0] == "--nonblank"
    if nonblank:
        args = args[1:]
    if not args:
        sys.stderr.write(__doc__)
        sys.exit(2)
    for path in args:
        width, height, ch, rows = decode(path, nonblank)
        if not nonblank:
            print("%dx%d" % (width, height))
            continue
        first = rows[0][:ch]
        differ = sum(1 for r in rows for x in range(0, width * ch, ch) if r[x:x + ch] != first)
        if nonblank and differ * 100 < width * height:
            fail(path, "blank: %d of %d pixels differ from the background" % (differ, width * height))
        print("%dx%d %d" % (width, height, differ))


main()
