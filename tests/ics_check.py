#!/usr/bin/python3
"""Checks an iCalendar file with python3-icalendar (Debian 4.0.3).

Usage: ics_check.py [--utc] FILE

Parses FILE with icalendar.Calendar.from_ical (which also builds a tzinfo
from each VTIMEZONE whose TZID pytz does not know: that is where libical's
untruncated, "/freeassociation.sourceforge.net/"-prefixed zones fail with
"RRULE UNTIL values must be specified in UTC"), fails on any error the parser
recorded in a component, and prints one line per VEVENT, in file order:

    SUMMARY<TAB>DTSTART<TAB>DTEND<TAB>TZID-or-DATE

DTSTART and DTEND are the iCalendar values as written (20170707,
20170502T180000); the last column is the TZID, DATE for all-day values,
UTC for ...Z times and FLOATING for times without a zone. With --utc,
DTSTART and DTEND of a time with a zone are the instants icalendar reads
(the TZID through the file's VTIMEZONE) in UTC (20170707T140000Z). Exits 1
with a message on stderr if the file cannot be read or parsed.
"""
import datetime
import sys

import icalendar


def fail(msg):
    """Prints msg to stderr and exits 1."""
    sys.stderr.write("ics_check: %s\n" % msg)
    sys.exit(1)


def one_line(text):
    """text with tabs and line breaks turned into spaces."""
    return " ".join(str(text).split())


def value(prop):
    """The iCalendar text of a date or date-time property, or "-"."""
    return prop.to_ical().decode("utf-8") if prop is not None else "-"


def instant(prop):
    """The UTC instant of a date-time property with a zone, as ...Z; else
    its value."""
    dt = prop.dt if prop is not None else None
    if not isinstance(dt, datetime.datetime) or dt.tzinfo is None:
        return value(prop)
    return dt.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def zone(prop):
    """TZID of a date-time property, DATE, UTC, FLOATING, or "-"."""
    if prop is None:
        return "-"
    if "TZID" in prop.params:
        return prop.params["TZID"]
    if prop.params.get("VALUE") == "DATE" or len(value(prop)) == 8:
        return "DATE"
    return "UTC" if value(prop).endswith("Z") else "FLOATING"


def check_errors(comp):
    """Fails if icalendar recorded errors while parsing comp."""
    for name, err in getattr(comp, "errors", []):
        fail("%s: %s: %s" % (comp.name, name, err))


def main(argv):
    utc = len(argv) == 3 and argv[1] == "--utc"
    if utc:
        argv = argv[:1] + argv[2:]
    if len(argv) != 2:
        fail("usage: ics_check.py [--utc] FILE")
    try:
        with open(argv[1], "rb") as f:
            data = f.read()
    except OSError as e:
        fail("%s: %s" % (argv[1], e.strerror))
    try:
        cal = icalendar.Calendar.from_ical(data)
        for comp in cal.walk():
            check_errors(comp)
    except Exception as e:  # icalendar raises ValueError and others
        fail("%s: %s" % (argv[1], e))
    for ev in cal.walk("VEVENT"):
        start, end = ev.get("DTSTART"), ev.get("DTEND")
        show = instant if utc else value
        print("\t".join([one_line(ev.get("SUMMARY", "")), show(start),
                         show(end), zone(start)]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
