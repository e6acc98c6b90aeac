#!/usr/bin/python3
"""Parses iCalendar files with libical (the C library, through ctypes).

Usage: ics_libical.py FILE...

For each FILE: icalparser_parse_string must return one VCALENDAR, libical's
restriction check (RFC 5545 property counts per component) must pass, and
no component may hold an X-LIC-ERROR property (libical's record of a line it
could not parse). Prints "VEVENTS VTIMEZONES" per file; exits 1 with a
message on the first file that fails.
"""
import ctypes
import ctypes.util
import sys

lib = ctypes.CDLL(ctypes.util.find_library("ical") or "libical.so.3")
lib.icalparser_parse_string.restype = ctypes.c_void_p
lib.icalparser_parse_string.argtypes = [ctypes.c_char_p]
lib.icalcomponent_isa.argtypes = [ctypes.c_void_p]
lib.icalcomponent_count_errors.argtypes = [ctypes.c_void_p]
lib.icalcomponent_count_components.argtypes = [ctypes.c_void_p, ctypes.c_int]
lib.icalrestriction_check.argtypes = [ctypes.c_void_p]
lib.icalcomponent_free.argtypes = [ctypes.c_void_p]
lib.icalcomponent_string_to_kind.argtypes = [ctypes.c_char_p]


def kind(name):
    return lib.icalcomponent_string_to_kind(name.encode())


def main():
    if len(sys.argv) < 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            text = f.read()
        cal = lib.icalparser_parse_string(text)
        if not cal or lib.icalcomponent_isa(cal) != kind("VCALENDAR"):
            sys.stderr.write("ics_libical: %s: libical finds no VCALENDAR\n" % path)
            sys.exit(1)
        ok = lib.icalrestriction_check(cal)
        errors = lib.icalcomponent_count_errors(cal)
        events = lib.icalcomponent_count_components(cal, kind("VEVENT"))
        zones = lib.icalcomponent_count_components(cal, kind("VTIMEZONE"))
        lib.icalcomponent_free(cal)
        if not ok or errors:
            sys.stderr.write("ics_libical: %s: %d parse errors, restriction check %s\n"
                             % (path, errors, "passed" if ok else "failed"))
            sys.exit(1)
        print("%d %d" % (events, zones))


main()
