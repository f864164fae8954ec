#!/usr/bin/env python3
"""Strict readers for every file format the core writes, run over every export recorded in the
golden cases (core/tests/cases/*/expected.json; the golden test proves the code writes exactly
these strings):

- CSV (responseCsv, aggregateCsv, systemCsv, systemCsvAnonymous): RFC 4180 records ended by
  CRLF, read back with Python's csv module in strict mode; every row as wide as the header; no
  control characters but the line breaks inside quoted cells (and tab); and no cell a
  spreadsheet would run as a formula: core/src/csv.rs promises that a cell starting with `=`,
  `+`, `-`, `@`, tab or carriage return is prefixed with `'`, with no exception for numbers
  (none of these exports holds a signed figure), so any cell read back starting with one fails.
- iCalendar (calendar): RFC 5545 line endings, folding, content-line grammar, components,
  required properties, DTSTAMP and DATE values, TEXT escaping, no control characters, unique
  UIDs.
- JSON (expected.json itself): no key given twice, and every score a number with at most two
  decimals (core/src/score.rs: "Serialised to JSON as a number with at most two decimals").
  tests/node/exports.test.mjs validates the response-shaped JSON against the JSON Schemas
  with ajv and parses the calendars with ical.js.

Each reader first proves it can fail: a few broken samples are fed to it and must be refused.

Run: python3 tests/oracle/strict.py   (one line per check, then "N passed, N failed")
"""

import csv
import io
import re
import sys
from datetime import date, datetime
from decimal import Decimal

sys.dont_write_bytecode = True  # no __pycache__ left beside the tests

from common import Tally, case_dirs, expected

# RFC 5545 3.1: CONTROL = %x00-08 / %x0A-1F / %x7F; HTAB (%x09) is allowed. C1 controls
# (U+0080-U+009F) are refused too: the core promises to remove them from what it writes.
ICS_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f\x80-\x9f]")
# In a CSV cell: every control but tab, CR and LF (those only inside quoted cells: see below).
CSV_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# ---------------------------------------------------------------------------------------------
# CSV


def csv_problems(text):
    """Every way `text` fails to be a strict RFC 4180 CSV file as the core promises it."""
    problems = []
    if not text:
        return ["empty file"]
    # RFC 4180 by hand first, because the csv module accepts bare LF or CR as record ends:
    # outside quotes, CR and LF appear only together, as the CRLF ending a record; inside
    # quotes, a quote is either doubled or closes the cell, which then ends at , or CRLF.
    quoted, at_cell_start, i = False, True, 0
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"':
                if text[i + 1:i + 2] == '"':
                    i += 1
                else:
                    quoted = False
                    following = text[i + 1:i + 3]
                    if not (following.startswith(",") or following == "\r\n" or i + 1 == len(text)):
                        problems.append(f"text after a closing quote at offset {i}")
        elif ch == '"':
            if not at_cell_start:
                problems.append(f"a quote inside an unquoted cell at offset {i}")
            quoted = True
        elif ch == "\r":
            if text[i + 1:i + 2] != "\n":
                problems.append(f"a bare CR outside quotes at offset {i}")
            else:
                i += 1
                at_cell_start = True
                i += 1
                continue
        elif ch == "\n":
            problems.append(f"a bare LF outside quotes at offset {i}")
        at_cell_start = ch == ","
        i += 1
    if quoted:
        problems.append("a quoted cell is never closed")
    if not text.endswith("\r\n"):
        problems.append("the last record does not end with CRLF")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        return problems + [f"csv module (strict): {error}"]
    if not rows or not rows[0] or not all(rows[0]):
        problems.append("no header, or an empty header cell")
        return problems
    width = len(rows[0])
    for r, row in enumerate(rows):
        if len(row) != width:
            problems.append(f"row {r} has {len(row)} cells, the header {width}")
        for c, cell in enumerate(row):
            if CSV_CONTROLS.search(cell):
                problems.append(f"row {r} col {c}: control character {CSV_CONTROLS.search(cell).group()!r}")
            if cell.startswith(FORMULA_STARTS):
                problems.append(f"row {r} col {c}: {cell[:20]!r} would run as a formula")
    return problems


# ---------------------------------------------------------------------------------------------
# iCalendar (RFC 5545)

NAME = r"(?:[A-Za-z0-9-]+)"
# param-value = paramtext / quoted-string; paramtext = *SAFE-CHAR (no CTL, DQUOTE, ";", ":", ",")
PARAM_VALUE = r'(?:[^\x00-\x08\x0a-\x1f\x7f";:,]*|"[^\x00-\x08\x0a-\x1f\x7f"]*")'
PARAM = rf"{NAME}={PARAM_VALUE}(?:,{PARAM_VALUE})*"
CONTENT_LINE = re.compile(rf"^({NAME})((?:;{PARAM})*):(.*)$", re.DOTALL)
# Properties whose value type is TEXT (RFC 5545 3.8.1.x): escaped \\ \; \, \n.
TEXT_PROPERTIES = {"SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "UID", "CONTACT", "RESOURCES", "CATEGORIES", "PRODID"}
# Properties that hold one TEXT value, so an unescaped comma is an error too.
SINGLE_TEXT = {"SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "UID", "CONTACT", "PRODID"}
STAMP = re.compile(r"^\d{8}T\d{6}Z$")
DATE_VALUE = re.compile(r"^\d{8}$")


def real_date(digits):
    try:
        date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        return True
    except ValueError:
        return False


def real_stamp(value):
    try:
        datetime.strptime(value, "%Y%m%dT%H%M%SZ")
        return True
    except ValueError:
        return False


def text_escaping_problem(name, value):
    """A TEXT value: a backslash only before \\ ; , n N; `;` (and `,` in a single value) only
    escaped."""
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\":
            if value[i + 1:i + 2] not in ("\\", ";", ",", "n", "N"):
                return f"{name}: a backslash not starting an escape at {i}"
            i += 2
            continue
        if ch == ";":
            return f"{name}: an unescaped ';' at {i}"
        if ch == "," and name in SINGLE_TEXT:
            return f"{name}: an unescaped ',' at {i}"
        i += 1
    return None


def ics_problems(text):
    """Every way `text` fails to be a strict RFC 5545 calendar as the core promises it."""
    problems = []
    if not text.endswith("\r\n"):
        problems.append("does not end with CRLF")
    physical = text.split("\r\n")
    if physical and physical[-1] == "":
        physical.pop()
    logical = []
    for n, line in enumerate(physical, start=1):
        if "\r" in line or "\n" in line:
            problems.append(f"line {n}: a bare CR or LF (lines end with CRLF only)")
        if len(line.encode("utf-8")) > 75:
            problems.append(f"line {n}: {len(line.encode('utf-8'))} octets, more than 75")
        if ICS_CONTROLS.search(line):
            problems.append(f"line {n}: control character {ICS_CONTROLS.search(line).group()!r}")
        if line.startswith(" "):
            if not logical:
                problems.append(f"line {n}: a continuation with nothing to continue")
            else:
                logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])  # unfold: drop CRLF + one space
        elif line.startswith("\t"):
            problems.append(f"line {n}: continuation starts with a tab (this file folds with one space)")
        else:
            logical.append((n, line))
    stack, calendars, uids = [], 0, []
    event = None
    calendar_props = []
    for n, line in logical:
        match = CONTENT_LINE.match(line)
        if not match:
            problems.append(f"line {n}: not NAME[;params]:value: {line[:40]!r}")
            continue
        name, params, value = match.group(1).upper(), match.group(2), match.group(3)
        if name == "BEGIN":
            if value == "VCALENDAR" and stack:
                problems.append(f"line {n}: VCALENDAR inside another component")
            if value == "VEVENT" and stack != ["VCALENDAR"]:
                problems.append(f"line {n}: VEVENT outside VCALENDAR")
            if value == "VCALENDAR":
                calendars += 1
            stack.append(value)
            if value == "VEVENT":
                event = []
            continue
        if name == "END":
            if not stack or stack[-1] != value:
                problems.append(f"line {n}: END:{value} does not close {stack[-1] if stack else 'anything'}")
            else:
                stack.pop()
            if value == "VEVENT" and event is not None:
                problems += check_event(event)
                uids += [v for p, _, v, _ in event if p == "UID"]
                event = None
            continue
        if not stack:
            problems.append(f"line {n}: {name} outside any component")
        if name in TEXT_PROPERTIES:
            problem = text_escaping_problem(name, value)
            if problem:
                problems.append(f"line {n}: {problem}")
        if event is not None:
            event.append((name, params, value, n))
        elif stack == ["VCALENDAR"]:
            calendar_props.append((name, value))
    if stack:
        problems.append(f"components left open: {stack}")
    if calendars != 1:
        problems.append(f"{calendars} VCALENDAR components, expected 1")
    if ("VERSION", "2.0") not in calendar_props:
        problems.append("no VERSION:2.0")
    if sum(1 for name, _ in calendar_props if name == "PRODID") != 1:
        problems.append("PRODID missing or repeated")
    if len(uids) != len(set(uids)):
        problems.append(f"UIDs repeated: {uids}")
    return problems


def check_event(event):
    problems = []
    for required in ("UID", "DTSTAMP", "DTSTART"):
        count = sum(1 for name, _, _, _ in event if name == required)
        if count != 1:
            problems.append(f"a VEVENT has {count} {required}, expected exactly 1")
    for name, params, value, n in event:
        if name == "DTSTAMP" and not (STAMP.match(value) and real_stamp(value)):
            problems.append(f"line {n}: DTSTAMP {value!r} is not YYYYMMDDTHHMMSSZ")
        if name == "DTSTART":
            if params.upper() == ";VALUE=DATE":
                if not (DATE_VALUE.match(value) and real_date(value)):
                    problems.append(f"line {n}: DTSTART;VALUE=DATE {value!r} is not a real YYYYMMDD date")
            elif not re.match(r"^\d{8}T\d{6}Z?$", value):
                problems.append(f"line {n}: DTSTART {value!r} is neither a DATE nor a DATE-TIME")
    return problems


# ---------------------------------------------------------------------------------------------
# JSON


def decimals_problems(value, path=""):
    """Every non-whole number must have at most two decimals (scores are hundredths)."""
    problems = []
    if isinstance(value, dict):
        for key, inner in value.items():
            problems += decimals_problems(inner, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            problems += decimals_problems(inner, f"{path}[{index}]")
    elif isinstance(value, Decimal) and value != value.quantize(Decimal("0.01")):
        problems.append(f"{path}: {value} has more than two decimals")
    return problems


# ---------------------------------------------------------------------------------------------


def self_test(t):
    """Each reader refuses what it must, so a pass below means something."""
    good_csv = "A,B\r\n1,\"x, \"\"y\"\"\r\nz\"\r\n"
    t.check("self-test: a well-formed CSV passes the CSV reader", not csv_problems(good_csv), str(csv_problems(good_csv)))
    for label, bad in [
        ("LF record endings", "A,B\n1,2\n"),
        ("a short row", "A,B\r\n1\r\n"),
        ("an unneutralised formula", "A,B\r\n=1+1,2\r\n"),
        ("a negative number (the docs promise every leading - is neutralised)", "A,B\r\n-2,2\r\n"),
        ("a BEL character", "A,B\r\nx\x07,2\r\n"),
        ("a line break outside quotes", "A,B\r\nx\ny,2\r\n"),
        ("a stray quote", "A,B\r\nx\"y,2\r\n"),
        ("no final CRLF", "A,B\r\n1,2"),
    ]:
        t.check(f"self-test: the CSV reader refuses {label}", bool(csv_problems(bad)))
    good_ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:a@x\r\n"
                "DTSTAMP:20261129T090000Z\r\nDTSTART;VALUE=DATE:20270131\r\nSUMMARY:Due: a\\, b\\; c\r\n"
                "DESCRIPTION:" + "x" * 63 + "\r\n yz\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    t.check("self-test: a well-formed calendar passes the RFC 5545 reader", not ics_problems(good_ics), str(ics_problems(good_ics)))
    for label, bad in [
        ("LF line endings", good_ics.replace("\r\n", "\n")),
        ("a 76-octet line", good_ics.replace("SUMMARY:Due: a\\, b\\; c", "SUMMARY:" + "x" * 68)),
        ("a DTSTAMP with milliseconds", good_ics.replace("20261129T090000Z", "20261129T090000.123Z")),
        ("a DTSTAMP with dashes", good_ics.replace("20261129T090000Z", "2026-11-29T09:00:00Z")),
        ("a date that does not exist", good_ics.replace("20270131", "20270230")),
        ("an unescaped comma in SUMMARY", good_ics.replace("a\\, b", "a, b")),
        ("an unescaped semicolon", good_ics.replace("b\\; c", "b; c")),
        ("a bad escape", good_ics.replace("a\\, b", "a\\x b")),
        ("an ESC character", good_ics.replace("Due: a", "Due: \x1ba")),
        ("an unclosed VEVENT", good_ics.replace("END:VEVENT\r\n", "")),
        ("a missing UID", good_ics.replace("UID:a@x\r\n", "")),
        ("two DTSTART", good_ics.replace("SUMMARY", "DTSTART;VALUE=DATE:20270131\r\nSUMMARY")),
        ("no PRODID", good_ics.replace("PRODID:-//x//y//EN\r\n", "")),
        ("a repeated UID", good_ics.replace("END:VCALENDAR", "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20261129T090000Z\r\n"
                                            "DTSTART;VALUE=DATE:20270131\r\nEND:VEVENT\r\nEND:VCALENDAR")),
        ("a line that is not NAME:value", good_ics.replace("SUMMARY:", "SUMMARY ")),
    ]:
        t.check(f"self-test: the RFC 5545 reader refuses {label}", bool(ics_problems(bad)))
    t.check("self-test: a score with three decimals is refused", bool(decimals_problems({"a": [Decimal("1.234")]})))


def main():
    t = Tally()
    self_test(t)
    for case in case_dirs():
        try:
            golden = expected(case)
        except ValueError as error:
            t.check(f"{case.name}: expected.json is strict JSON (no key twice)", False, str(error))
            continue
        t.check(f"{case.name}: expected.json is strict JSON (no key twice)", True)
        problems = decimals_problems(golden)
        t.check(f"{case.name}: every number in expected.json has at most two decimals", not problems, "; ".join(problems[:5]))
        exports = [(f"responseCsv[{n}]", text) for n, text in enumerate(golden.get("responseCsv", []))]
        exports += [(key, golden[key]) for key in ("aggregateCsv", "systemCsv", "systemCsvAnonymous") if key in golden]
        for label, text in exports:
            problems = csv_problems(text)
            t.check(f"{case.name}: {label} is strict CSV", not problems, "; ".join(problems[:5]))
        if "calendar" in golden:
            problems = ics_problems(golden["calendar"])
            t.check(f"{case.name}: calendar is strict RFC 5545", not problems, "; ".join(problems[:5]))
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
