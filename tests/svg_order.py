#!/usr/bin/python3
"""svg_order.py SVG LABEL...: checks that the SVG (zeitstrahl -o x.svg) is
well-formed and that the nodes whose text starts with each LABEL lie left to
right in the order given (each LABEL's leftmost node counts)."""
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"


def main():
    root = ET.parse(sys.argv[1]).getroot()
    xs = {}
    for g in root.iter(NS + "g"):
        if g.get("class") != "node":
            continue
        texts = [t for t in g.iter(NS + "text")]
        if not texts:
            continue
        label = texts[0].text or ""
        x = min(float(t.get("x")) for t in texts)
        for want in sys.argv[2:]:
            if label.startswith(want):
                xs[want] = min(xs.get(want, x), x)
    missing = [w for w in sys.argv[2:] if w not in xs]
    if missing:
        print("no node for", missing, file=sys.stderr)
        return 1
    order = [xs[w] for w in sys.argv[2:]]
    if order != sorted(order) or len(set(order)) != len(order):
        print("not left to right:", list(zip(sys.argv[2:], order)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
