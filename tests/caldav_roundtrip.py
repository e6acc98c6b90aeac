#!/usr/bin/python3
"""Stores iCalendar feeds on a Radicale CalDAV server and reads them back.

Usage: caldav_roundtrip.py FILE...

Starts Radicale (Debian package radicale) on 127.0.0.1 on a free port with
its storage in a temporary folder, creates one calendar per FILE with
MKCALENDAR, uploads FILE with an HTTP PUT of the whole collection, reads
the collection back with GET, and compares the events as python3-icalendar
reads them: the same UIDs, each with the same SUMMARY, DESCRIPTION,
DTSTART, DTEND (the same instants or dates), SEQUENCE, RRULE and TRANSP.
Radicale re-serialises what it stores (its own PRODID, its own VTIMEZONE
layout), so the bytes are not compared. The server is stopped and its
folder removed on every exit. Prints "FILE: N events" per file; exits 1
with the differences otherwise.
"""
import base64
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import icalendar

AUTH = "Basic " + base64.b64encode(b"zs:zs").decode()
FIELDS = ("SUMMARY", "DESCRIPTION", "DTSTART", "DTEND", "SEQUENCE", "RRULE", "TRANSP")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(method, url, data=None):
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Authorization": AUTH,
                                          "Content-Type": "text/calendar; charset=utf-8"})
    with urllib.request.urlopen(req, timeout=20) as r:
        return r.status, r.read()


def events(data):
    """{UID: {field: comparable value}} of the VEVENTs in data."""
    out = {}
    for ev in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        rec = {}
        for f in FIELDS:
            v = ev.get(f)
            if v is None:
                rec[f] = None
            elif f in ("DTSTART", "DTEND"):
                rec[f] = v.dt
            else:
                rec[f] = v.to_ical()
        out[str(ev["UID"])] = rec
    return out


def main():
    files = sys.argv[1:]
    if not files:
        sys.stderr.write(__doc__)
        sys.exit(2)
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        conf = os.path.join(tmp, "config")
        with open(conf, "w") as f:
            f.write("[server]\nhosts = 127.0.0.1:%d\n[auth]\ntype = none\n"
                    "[storage]\nfilesystem_folder = %s/collections\n[web]\ntype = none\n"
                    "[logging]\nlevel = warning\n" % (port, tmp))
        log = open(os.path.join(tmp, "log"), "w")
        server = subprocess.Popen(["/usr/bin/python3", "-m", "radicale", "--config", conf],
                                  stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        try:
            base = "http://127.0.0.1:%d/zs/" % port
            for _ in range(100):
                try:
                    request("PROPFIND", base)
                    break
                except (urllib.error.URLError, ConnectionError):
                    if server.poll() is not None:
                        break
                    time.sleep(0.1)
            failed = False
            for i, path in enumerate(files):
                with open(path, "rb") as f:
                    sent = f.read()
                url = base + "feed%d/" % i
                request("MKCALENDAR", url)
                status, _ = request("PUT", url, sent)
                _, got = request("GET", url)
                want, back = events(sent), events(got)
                if want != back:
                    failed = True
                    for uid in sorted(set(want) | set(back)):
                        if want.get(uid) != back.get(uid):
                            sys.stderr.write("caldav_roundtrip: %s: %s\n  sent %r\n  read %r\n"
                                             % (path, uid, want.get(uid), back.get(uid)))
                else:
                    print("%s: %d events (PUT %d)" % (path, len(back), status))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()
    sys.exit(1 if failed else 0)


main()
