"""What the oracle and the strict readers share: where the golden cases are, how a case is
read, and the tally of checks (one printed line each, then "N passed, N failed").

Standard library only, so it runs wherever Python 3.11 does, with nothing to install.
"""

import json
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "core" / "tests" / "cases"
BUILTINS = REPO / "core" / "instruments"

# The day the golden harness gives the agreed draft's `agreed.on` when a case has no today.txt.
DEFAULT_AGREED_ON = "2026-12-01"


class DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs):
    # The formats refuse a key given twice ("appears twice"); so does every reader here.
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(f"the key {key!r} appears twice")
        seen[key] = value
    return seen


def load_json(text):
    """JSON with numbers kept exact (Decimal, never binary floats) and duplicate keys refused."""
    return json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicates)


def read_text(path):
    return Path(path).read_text(encoding="utf-8")


def case_dirs():
    return sorted(p for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("."))


def instrument_text(case):
    """The case's instrument: builtin.txt names a built-in one, else instrument.json."""
    builtin = case / "builtin.txt"
    if builtin.exists():
        return read_text(BUILTINS / (builtin.read_text().strip() + ".json"))
    return read_text(case / "instrument.json")


def expected(case):
    return load_json(read_text(case / "expected.json"))


def optional_text(case, name):
    path = case / name
    return path.read_text(encoding="utf-8").strip() if path.exists() else None


def files_in(case, folder):
    """(name, text) of each file in a case's folder, in name order, as the harness reads them."""
    path = case / folder
    if not path.is_dir():
        return None
    return [(p.name, read_text(p)) for p in sorted(path.iterdir()) if p.is_file()]


class Tally:
    """One printed line per check; the last line says how many passed and failed."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok   {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))
        return ok

    def same(self, name, oracle, golden):
        """The oracle's figure against expected.json's; on a difference, say where."""
        differences = []
        diff(oracle, golden, "", differences)
        detail = "; ".join(differences[:6]) + (" …" if len(differences) > 6 else "")
        return self.check(name, not differences, detail)

    def note(self, text):
        print(f"note {text}")

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def diff(oracle, golden, path, out):
    """Collects the paths where two JSON-like values differ. Numbers compare by value
    (2.0 == 2.00 == 2), so a score kept in hundredths matches expected.json's number."""
    if isinstance(oracle, dict) and isinstance(golden, dict):
        for key in sorted(set(oracle) | set(golden)):
            here = f"{path}.{key}" if path else str(key)
            if key not in golden:
                out.append(f"{here}: oracle has {oracle[key]!r}, expected.json has nothing")
            elif key not in oracle:
                out.append(f"{here}: expected.json has {golden[key]!r}, oracle has nothing")
            else:
                diff(oracle[key], golden[key], here, out)
    elif isinstance(oracle, list) and isinstance(golden, list):
        if len(oracle) != len(golden):
            out.append(f"{path}: oracle has {len(oracle)} entries, expected.json {len(golden)}")
        for index, (a, b) in enumerate(zip(oracle, golden)):
            diff(a, b, f"{path}[{index}]", out)
    elif isinstance(oracle, bool) or isinstance(golden, bool):
        if oracle is not golden:
            out.append(f"{path}: oracle {oracle!r}, expected.json {golden!r}")
    elif oracle != golden:
        out.append(f"{path or '(whole)'}: oracle {oracle!r}, expected.json {golden!r}")
