#!/usr/bin/python3
"""Checks the references of a TimeML file as the TempEval-3 tools follow them.

Usage: timeml_check.py FILE

FILE must parse as XML (xml.etree) with one DCT TIMEX3 whose
functionInDocument is CREATION_TIME; every EVENT must have an eid and a
class, every MAKEINSTANCE an eiid and the eventID of an EVENT, every TLINK
a lid, a TimeML 1.2.1 relType, one source (eventInstanceID or timeID) and
one target (relatedToEventInstance or relatedToTime), each naming a
MAKEINSTANCE or TIMEX3 of the file; every SLINK and ALINK a lid, a
TimeML 1.2.1 relType of its kind and an eventInstanceID and a
subordinatedEventInstance (SLINK) or relatedToEventInstance (ALINK) naming
MAKEINSTANCEs of the file; ids unique (lids across the three kinds); every
beginPoint, endPoint and anchorTimeID of a TIMEX3 naming a TIMEX3 of the
file, and a TIMEX3 without text (non-consuming: a date a duration points
to) outside TEXT, where TempEval-3 tools, which read TEXT, do not take it
for a mention.
Prints "EVENTS TIMEX3 TLINKS"; exits 1 with the first problem.
"""
import sys
import xml.etree.ElementTree as ET

RELS = {"BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED", "DURING", "DURING_INV",
        "SIMULTANEOUS", "IAFTER", "IBEFORE", "IDENTITY", "BEGINS", "ENDS",
        "BEGUN_BY", "ENDED_BY"}
SLINK_RELS = {"MODAL", "EVIDENTIAL", "NEG_EVIDENTIAL", "FACTIVE", "COUNTER_FACTIVE",
              "CONDITIONAL"}
ALINK_RELS = {"INITIATES", "CULMINATES", "TERMINATES", "CONTINUES", "REINITIATES"}


def fail(msg):
    sys.stderr.write("timeml_check: %s: %s\n" % (sys.argv[1], msg))
    sys.exit(1)


def unique(elems, attr):
    ids = [e.get(attr) for e in elems]
    if None in ids or len(set(ids)) != len(ids):
        fail("missing or repeated %s" % attr)
    return set(ids)


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    root = ET.parse(sys.argv[1]).getroot()
    dct = [t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"]
    if len(dct) != 1:
        fail("%d CREATION_TIME TIMEX3" % len(dct))
    timexes = list(root.iter("TIMEX3"))
    events = list(root.iter("EVENT"))
    tids, eids = unique(timexes, "tid"), unique(events, "eid")
    for t in timexes:
        for a in ("beginPoint", "endPoint", "anchorTimeID"):
            if t.get(a) is not None and t.get(a) not in tids:
                fail("TIMEX3 %s: %s %s names no TIMEX3" % (t.get("tid"), a, t.get(a)))
    for text in root.iter("TEXT"):
        for t in text.iter("TIMEX3"):
            if not "".join(t.itertext()).strip():
                fail("TIMEX3 %s without text in TEXT" % t.get("tid"))
    if any(not e.get("class") for e in events):
        fail("an EVENT without class")
    insts = list(root.iter("MAKEINSTANCE"))
    eiids = unique(insts, "eiid")
    for m in insts:
        if m.get("eventID") not in eids:
            fail("MAKEINSTANCE %s of no EVENT" % m.get("eiid"))
    links = list(root.iter("TLINK"))
    sub = list(root.iter("SLINK")) + list(root.iter("ALINK"))
    unique(links + sub, "lid")
    for l in sub:
        kind, rels = (l.tag, SLINK_RELS if l.tag == "SLINK" else ALINK_RELS)
        if l.get("relType") not in rels:
            fail("%s %s: relType %s" % (kind, l.get("lid"), l.get("relType")))
        other = "subordinatedEventInstance" if kind == "SLINK" else "relatedToEventInstance"
        if l.get("eventInstanceID") not in eiids or l.get(other) not in eiids:
            fail("%s %s: bad ends" % (kind, l.get("lid")))
    for l in links:
        if l.get("relType") not in RELS:
            fail("TLINK %s: relType %s" % (l.get("lid"), l.get("relType")))
        src = [(l.get(a), ids) for a, ids in (("eventInstanceID", eiids), ("timeID", tids)) if l.get(a)]
        dst = [(l.get(a), ids) for a, ids in (("relatedToEventInstance", eiids), ("relatedToTime", tids))
               if l.get(a)]
        if len(src) != 1 or len(dst) != 1 or src[0][0] not in src[0][1] or dst[0][0] not in dst[0][1]:
            fail("TLINK %s: bad ends" % l.get("lid"))
    print("%d %d %d" % (len(events), len(timexes), len(links)))


main()
