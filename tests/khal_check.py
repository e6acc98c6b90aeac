#!/usr/bin/python3
"""Imports an iCalendar feed into khal (a real calendar client) and checks
what khal then lists against the feed as python3-icalendar reads it.

Usage: khal_check.py FILE

khal runs with a configuration of its own in a temporary folder (local
zone UTC), imports FILE with `khal import --batch` and lists every event
once, over the days the feed spans. Each VEVENT of FILE must be listed exactly once, under its UID, with
the same title, all-day events on their dates (khal shows the last day,
DTEND - 1), timed events at DTSTART and DTEND converted from their TZID to
UTC, and recurring events with their RRULE. Prints the number of events;
exits 1 with the differences otherwise.
"""
import datetime
import os
import subprocess
import sys
import tempfile

import icalendar

CONFIG = """[calendars]
[[feed]]
path = {dir}/cal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
default_timezone = UTC
local_timezone = UTC
[sqlite]
path = {dir}/khal.db
"""


def expected(path):
    """Lines uid|start|end|all-day|title as khal should list FILE's events,
    and the first and last day they touch."""
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    lines, days = [], []
    for ev in cal.walk("VEVENT"):
        start, end = ev["DTSTART"].dt, ev["DTEND"].dt
        for t in (start, end):
            days.append(t.date() if isinstance(t, datetime.datetime) else t)
        if isinstance(start, datetime.datetime):
            utc = datetime.timezone.utc
            s = start.astimezone(utc).strftime("%Y-%m-%d %H:%M")
            e = end.astimezone(utc).strftime("%Y-%m-%d %H:%M")
            allday = "False"
        else:
            s = start.strftime("%Y-%m-%d")
            e = (end - datetime.timedelta(days=1)).strftime("%Y-%m-%d")
            allday = "True"
        rrule = ev.get("RRULE")
        rep = "R" if rrule else ""
        lines.append("|".join([str(ev["UID"]), s, e, allday, rep, str(ev["SUMMARY"])]))
    one = datetime.timedelta(days=1)
    span = (min(days) - one, max(days) + one) if days else (datetime.date(2000, 1, 1),) * 2
    return sorted(lines), span


def khal_lines(path, span):
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "cal"))
        conf = os.path.join(tmp, "config")
        with open(conf, "w") as f:
            f.write(CONFIG.format(dir=tmp))
        env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp, TZ="UTC")
        subprocess.run(["khal", "-c", conf, "import", "--batch", "-a", "feed", path],
                       check=True, env=env, stdin=subprocess.DEVNULL)
        out = subprocess.run(["khal", "-c", conf, "list", "--once", "--day-format", "",
                              "--format", "{uid}|{start}|{end}|{all-day}|{repeat-symbol}|{title}",
                              span[0].isoformat(), span[1].isoformat()],
                             check=True, env=env, stdout=subprocess.PIPE,
                             stdin=subprocess.DEVNULL).stdout.decode("utf-8")
    lines = []
    for line in out.splitlines():
        if not line.strip():
            continue
        f = [x.strip() for x in line.split("|", 5)]
        f[4] = "R" if f[4] else ""  # khal's repeat symbol
        lines.append("|".join(f))
    return sorted(lines)


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    want, span = expected(sys.argv[1])
    got = khal_lines(sys.argv[1], span)
    if want != got:
        sys.stderr.write("khal_check: %s: khal lists\n  %s\nexpected\n  %s\n"
                         % (sys.argv[1], "\n  ".join(got), "\n  ".join(want)))
        sys.exit(1)
    print(len(got))


main()
