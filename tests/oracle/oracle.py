#!/usr/bin/env python3
"""An independent oracle for the core's golden cases.

A golden file (core/tests/cases/<case>/expected.json) records what the Rust code computed; it
cannot say whether that was right. This is a second, deliberately simple implementation of the
same rules in Python, written from the documentation (README.md, docs/instrument-format.md,
docs/response-format.md, docs/*.schema.json and the doc comments on the core's public types),
not from the Rust function bodies. For every case it reads the inputs, recomputes every figure
and export, and compares them with expected.json.

Where the documentation is silent and a rule was taken from the exports themselves or from the
code, the comment beside it says so (search for "Not documented").

Run: python3 tests/oracle/oracle.py   (one line per check, then "N passed, N failed")
"""

import csv
import io
import re
import sys
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

sys.dont_write_bytecode = True  # no __pycache__ left beside the tests

from common import (
    DEFAULT_AGREED_ON,
    Tally,
    case_dirs,
    expected,
    files_in,
    instrument_text,
    load_json,
    optional_text,
)

# ---------------------------------------------------------------------------------------------
# Scores: exact fractions, rounded once to the nearest hundredth, halves away from zero
# (docs/instrument-format.md, "Rounding"). A score is kept as whole hundredths.


def to_hundredths(fraction):
    """Rounds a Fraction of a level value to whole hundredths, halves away from zero."""
    scaled = Fraction(fraction) * 100
    magnitude = int(abs(scaled) + Fraction(1, 2))  # floor(|x| + 1/2)
    return -magnitude if scaled < 0 else magnitude


def as_number(hundredths):
    """Hundredths as the exact decimal expected.json holds (compared by value)."""
    return None if hundredths is None else Decimal(hundredths) / 100


def two_decimals(hundredths):
    """A score as the CSV files write it: "2.33", "" for none. Not documented beyond "rounded
    to the nearest hundredth"; two decimals always is what the exports show."""
    if hundredths is None:
        return ""
    sign = "-" if hundredths < 0 else ""
    whole, part = divmod(abs(hundredths), 100)
    return f"{sign}{whole}.{part:02d}"


def median(values):
    """The median of Fractions; for an even count the mean of the two middle values."""
    values = sorted(values)
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def roll_up(rule, values_and_weights):
    """A component from its items or the overall from its components (values as Fractions).
    `mean` is weighted; `median` and `minimum` ignore weights. None for an empty set."""
    if not values_and_weights:
        return None
    if rule == "mean":
        total = sum(value * weight for value, weight in values_and_weights)
        return to_hundredths(total / sum(weight for _, weight in values_and_weights))
    values = [value for value, _ in values_and_weights]
    if rule == "median":
        return to_hundredths(median(values))
    if rule == "minimum":
        return to_hundredths(min(values))
    raise ValueError(f"unknown rule {rule}")


def spread_of(hundredths_list):
    """Count, median, lowest, highest and max - min of a set of scores (the board's component
    figures and the system's)."""
    if not hundredths_list:
        return {"count": 0, "median": None, "min": None, "max": None, "spread": None}
    low, high = min(hundredths_list), max(hundredths_list)
    return {
        "count": len(hundredths_list),
        "median": as_number(to_hundredths(median([Fraction(h, 100) for h in hundredths_list]))),
        "min": as_number(low),
        "max": as_number(high),
        "spread": as_number(high - low),
    }


# ---------------------------------------------------------------------------------------------
# Text written to CSV and .ics: control characters are removed (C0 other than tab and the line
# breaks a format allows, DEL, and C1); a CSV cell a spreadsheet would run as a formula gets a
# leading apostrophe (core/src/csv.rs doc comment: cells starting with =, +, -, @, tab or CR).

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def without_controls(text):
    return CONTROLS.sub("", text)


def csv_cell(text):
    """The text a CSV cell holds once read back (quoting is the strict reader's business)."""
    text = without_controls(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def read_csv(text):
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


# ---------------------------------------------------------------------------------------------
# The instrument (docs/instrument-format.md).


class Instrument:
    def __init__(self, data):
        self.data = data
        self.id = data["id"]
        self.version = data["version"]
        scale = data["scale"]
        self.levels = scale["levels"]  # lowest first
        self.values = [level["value"] for level in self.levels]
        # A special answer is offered when the scale names it. Where a label is needed and the
        # instrument gives none, "Not applicable"/"Don't know" (Instrument::rating_label doc).
        self.special_labels = {}
        if "notApplicable" in scale:
            self.special_labels["notApplicable"] = scale["notApplicable"]["label"]
        if "dontKnow" in scale:
            self.special_labels["dontKnow"] = scale["dontKnow"]["label"]
        scoring = data.get("scoring", {})
        self.component_rule = scoring.get("component", "mean")
        self.overall_rule = scoring.get("overall", "mean")
        self.bands = [(Fraction(band["from"]), band["label"]) for band in scoring.get("bands", [])]
        self.components = data["components"]
        # Every item with its component, in instrument order.
        self.items = [(component, item) for component in self.components for item in component["items"]]
        self.item_by_id = {item["id"]: (component, item) for component, item in self.items}
        self.position = {item["id"]: index for index, (_, item) in enumerate(self.items)}

    def index(self, value):
        return self.values.index(value) if value in self.values else None

    def label(self, value):
        return self.levels[self.values.index(value)]["label"]

    def special_label(self, special):
        defaults = {"notApplicable": "Not applicable", "dontKnow": "Don't know"}
        return self.special_labels.get(special, defaults[special])

    def band(self, hundredths):
        """The label of the highest band whose `from` is at or below the score."""
        label = None
        for start, name in self.bands:
            if Fraction(hundredths, 100) >= start:
                label = name
        return label

    def descriptor(self, item, index):
        """What the level at `index` looks like for this item: the item's descriptor, else the
        scale's level description, else nothing (docs: items[].levels)."""
        if item.get("levels"):
            return item["levels"][index]
        return self.levels[index].get("description", "")


IDENTIFIER = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def instrument_problems(data):
    """The paths of every problem with an instrument, by the rules in docs/instrument-format.md
    (Fields and Limits). Used to check the invalid-instrument case names the same fields.
    Not documented: that level labels must be unique ignoring case ("Two"/"two" is refused);
    this follows the case's expected.json."""
    problems = []
    if not isinstance(data, dict):
        return [""]

    def unknown(obj, known, at):
        for key in obj:
            if key not in known:
                problems.append(f"{at}{key}")

    def text(obj, key, at, required=True, limit=200):
        if key not in obj:
            if required:
                problems.append(f"{at}{key}")
            return None
        value = obj[key]
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            problems.append(f"{at}{key}")
            return None
        return value

    def whole(obj, key, at, low, high):
        if key not in obj:
            return None
        value = obj[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            problems.append(f"{at}{key}")
            return None
        return value

    unknown(data, {"formatVersion", "id", "version", "title", "description", "source", "scale", "scoring", "components"}, "")
    if data.get("formatVersion") != 1:
        problems.append("formatVersion")
    if not isinstance(data.get("id"), str) or not IDENTIFIER.match(data["id"]):
        problems.append("id")
    text(data, "version", "")
    text(data, "title", "")
    text(data, "description", "", required=False, limit=4000)
    text(data, "source", "", required=False, limit=4000)

    level_count = None
    scale = data.get("scale")
    if not isinstance(scale, dict):
        problems.append("scale")
    else:
        unknown(scale, {"levels", "notApplicable", "dontKnow"}, "scale.")
        levels = scale.get("levels")
        if not isinstance(levels, list) or not 2 <= len(levels) <= 10:
            problems.append("scale.levels")
        else:
            level_count = len(levels)
            previous, labels = None, set()
            for i, level in enumerate(levels):
                at = f"scale.levels[{i}]."
                if not isinstance(level, dict):
                    problems.append(at[:-1])
                    continue
                unknown(level, {"value", "label", "description"}, at)
                value = whole(level, "value", at, 0, 100)
                if "value" not in level:
                    problems.append(at + "value")
                if value is not None:
                    if previous is not None and value <= previous:
                        problems.append(at + "value")
                    previous = value
                label = text(level, "label", at)
                if label is not None:
                    if label.lower() in labels:
                        problems.append(at + "label")
                    labels.add(label.lower())
                text(level, "description", at, required=False, limit=4000)
        for special in ("notApplicable", "dontKnow"):
            if special in scale:
                if not isinstance(scale[special], dict):
                    problems.append(f"scale.{special}")
                else:
                    unknown(scale[special], {"label"}, f"scale.{special}.")
                    text(scale[special], "label", f"scale.{special}.")

    scoring = data.get("scoring", {})
    if not isinstance(scoring, dict):
        problems.append("scoring")
    else:
        unknown(scoring, {"component", "overall", "bands"}, "scoring.")
        for key in ("component", "overall"):
            if key in scoring and scoring[key] not in ("mean", "median", "minimum"):
                problems.append(f"scoring.{key}")
        bands = scoring.get("bands", [])
        if not isinstance(bands, list) or len(bands) > 10:
            problems.append("scoring.bands")
        else:
            previous = None
            for i, band in enumerate(bands):
                at = f"scoring.bands[{i}]."
                if not isinstance(band, dict):
                    problems.append(at[:-1])
                    continue
                unknown(band, {"from", "label"}, at)
                start = band.get("from")
                if isinstance(start, bool) or not isinstance(start, (int, Decimal)) or not 0 <= start <= 100 \
                        or Decimal(start) != Decimal(start).quantize(Decimal("0.01")):
                    problems.append(at + "from")
                else:
                    if previous is not None and start <= previous:
                        problems.append(at + "from")
                    previous = start
                text(band, "label", at)

    components = data.get("components")
    if not isinstance(components, list) or not 1 <= len(components) <= 30:
        problems.append("components")
        return problems
    component_ids, item_ids, item_total = set(), set(), 0
    for c, component in enumerate(components):
        at = f"components[{c}]."
        if not isinstance(component, dict):
            problems.append(at[:-1])
            continue
        unknown(component, {"id", "title", "description", "guidance", "weight", "items"}, at)
        cid = component.get("id")
        if not isinstance(cid, str) or not IDENTIFIER.match(cid):
            problems.append(at + "id")
        elif cid in component_ids:
            problems.append(at + "id")
        else:
            component_ids.add(cid)
        text(component, "title", at)
        text(component, "description", at, required=False, limit=4000)
        text(component, "guidance", at, required=False, limit=4000)
        whole(component, "weight", at, 1, 1000)
        items = component.get("items")
        if not isinstance(items, list) or not items:
            problems.append(at + "items")
            continue
        item_total += len(items)
        for i, item in enumerate(items):
            it = f"{at}items[{i}]."
            if not isinstance(item, dict):
                problems.append(it[:-1])
                continue
            unknown(item, {"id", "title", "prompt", "levels", "moveUp", "guidance", "evidence", "weight"}, it)
            iid = item.get("id")
            if not isinstance(iid, str) or not IDENTIFIER.match(iid):
                problems.append(it + "id")
            elif iid in item_ids:
                problems.append(it + "id")
            else:
                item_ids.add(iid)
            text(item, "title", it)
            text(item, "prompt", it, required=False, limit=4000)
            text(item, "guidance", it, required=False, limit=4000)
            whole(item, "weight", it, 1, 1000)
            for key, wanted, limit in (("levels", level_count, 4000), ("moveUp", None if level_count is None else level_count - 1, 4000), ("evidence", None, 4000)):
                if key not in item:
                    continue
                entries = item[key]
                if not isinstance(entries, list):
                    problems.append(it + key)
                    continue
                if (wanted is not None and len(entries) != wanted) or (key == "evidence" and len(entries) > 20):
                    problems.append(it + key)
                for e, entry in enumerate(entries):
                    if not isinstance(entry, str) or not entry.strip() or len(entry) > limit:
                        problems.append(f"{it}{key}[{e}]")
    if item_total > 500:
        problems.append("components")
    return problems


# ---------------------------------------------------------------------------------------------
# Responses (docs/response-format.md).

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
STATUSES = ("notStarted", "inProgress", "done", "dropped")
STATUS_WORDS = {"notStarted": "Not started", "inProgress": "In progress", "done": "Done", "dropped": "Dropped"}


def real_day(text):
    if not isinstance(text, str) or not DAY.match(text):
        return False
    try:
        date.fromisoformat(text)
        return True
    except ValueError:
        return False


def real_timestamp(text):
    if not isinstance(text, str) or not TIMESTAMP.match(text):
        return False
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
        return True
    except ValueError:
        return False


def read_response(text, instrument=None):
    """A response file as the core reads it: (response, []) or (None, [paths of problems]).
    With an instrument, every answer must fit it (docs: "Loading against an instrument")."""
    try:
        data = load_json(text)
    except ValueError:
        return None, [""]
    if not isinstance(data, dict):
        return None, [""]
    version = data.get("formatVersion")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= 2:
        return None, ["formatVersion"]
    problems = []
    top = {"formatVersion", "instrument", "title", "organisation", "respondent", "created", "updated", "answers"}
    # Added in format 2; refused in a format 1 file. `agreed` (a board's agreed record) is new.
    top |= {"nextReview", "paper", "agreed"} if version == 2 else set()
    problems += [key for key in data if key not in top]
    ref = data.get("instrument")
    if not isinstance(ref, dict) or not isinstance(ref.get("id"), str) or not isinstance(ref.get("version"), str):
        problems.append("instrument")
        return None, problems
    if instrument is not None and ref["id"] != instrument.id:
        return None, ["instrument.id"]  # nothing else is checked against another matrix
    for key in ("created", "updated"):
        if key in data and not real_timestamp(data[key]):
            problems.append(key)
    if "nextReview" in data and not real_day(data["nextReview"]):
        problems.append("nextReview")
    agreed = data.get("agreed")
    if agreed is not None:
        # `raters` is required; `on` is a day, or empty when not known (response.schema.json).
        if not isinstance(agreed, dict) or set(agreed) - {"raters", "on"}:
            problems.append("agreed")
        else:
            raters, on = agreed.get("raters"), agreed.get("on", "")
            if isinstance(raters, bool) or not isinstance(raters, int) or raters < 0:
                problems.append("agreed.raters")
            if on != "" and not real_day(on):
                problems.append("agreed.on")
    answers = data.get("answers", {})
    if not isinstance(answers, dict):
        return None, problems + ["answers"]
    answer_keys = {"level", "special", "notes", "target", "action", "owner", "due"}
    if version == 2:
        answer_keys |= {"prioritised", "status", "progress"}
    for item_id, answer in answers.items():
        at = f"answers.{item_id}"
        if not isinstance(answer, dict):
            problems.append(at)
            continue
        problems += [f"{at}.{key}" for key in answer if key not in answer_keys]
        if instrument is not None and item_id not in instrument.item_by_id:
            problems.append(at)
            continue
        level, special = answer.get("level"), answer.get("special")
        if level is not None and special is not None:
            problems.append(at)  # never both
            continue
        for key in ("level", "target"):
            value = answer.get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int):
                problems.append(f"{at}.{key}")
            elif instrument is not None and instrument.index(value) is None:
                problems.append(f"{at}.{key}")
        if special is not None:
            if special not in ("notApplicable", "dontKnow"):
                problems.append(f"{at}.special")
            elif instrument is not None and special not in instrument.special_labels:
                problems.append(f"{at}.special")
        if answer.get("due") and not real_day(answer["due"]):
            problems.append(f"{at}.due")
        if answer.get("status") is not None and answer["status"] not in STATUSES:
            problems.append(f"{at}.status")
        for p, line in enumerate(answer.get("progress", [])):
            if not isinstance(line, dict) or not real_day(line.get("date")) or not isinstance(line.get("text"), str):
                problems.append(f"{at}.progress[{p}]")
    if problems:
        return None, problems
    # Format 1 had no other way to say an item is a priority: an answer with an action, owner
    # or due date becomes one of the board's priorities (docs: Versions and migration).
    if version == 1:
        for answer in answers.values():
            if answer.get("action") or answer.get("owner") or answer.get("due"):
                answer["prioritised"] = True
    data.setdefault("answers", {})
    return data, []


def rating(response, item_id):
    """("level", value), ("special", name) or None for unanswered (notes alone do not count)."""
    answer = response["answers"].get(item_id) or {}
    if answer.get("level") is not None:
        return ("level", answer["level"])
    if answer.get("special") is not None:
        return ("special", answer["special"])
    return None


def level_of(response, item_id):
    found = rating(response, item_id)
    return found[1] if found and found[0] == "level" else None


def assessment_day(response):
    """The day an assessment stands for: the day a board's agreed record was agreed (started),
    else the day it was created, else the day it was last changed."""
    agreed = response.get("agreed")
    if isinstance(agreed, dict) and agreed.get("on"):
        return agreed["on"]
    return (response.get("created") or response.get("updated") or "")[:10]


# ---------------------------------------------------------------------------------------------
# One response's scores (Scoring in README.md and docs/instrument-format.md).


def counts(instrument, response, items):
    tally = {"rated": 0, "notApplicable": 0, "dontKnow": 0, "unanswered": 0}
    for _, item in items:
        found = rating(response, item["id"])
        if found is None:
            tally["unanswered"] += 1
        elif found[0] == "level":
            tally["rated"] += 1
        else:
            tally[found[1]] += 1
    total = len(items)
    answered = total - tally["unanswered"]
    # "a whole percentage of all items, rounded down so 100 means truly complete"
    tally["total"] = total
    tally["completionPercent"] = answered * 100 // total if total else 0
    return tally


def component_scores(instrument, response):
    """Each component's score in hundredths (None where no item has a level)."""
    scores = []
    for component in instrument.components:
        rated = []
        for item in component["items"]:
            level = level_of(response, item["id"])
            if level is not None:
                rated.append((Fraction(level), item.get("weight", 1)))
        scores.append(roll_up(instrument.component_rule, rated))
    return scores


def overall_score(instrument, scores):
    """The overall figure from the component scores as shown (rounded), components without a
    score left out."""
    rated = [(Fraction(score, 100), component.get("weight", 1))
             for component, score in zip(instrument.components, scores) if score is not None]
    return roll_up(instrument.overall_rule, rated)


def score_report(instrument, response):
    scores = component_scores(instrument, response)
    overall = overall_score(instrument, scores)
    components = []
    for component, score in zip(instrument.components, scores):
        items = []
        for item in component["items"]:
            found = rating(response, item["id"])
            level = found[1] if found and found[0] == "level" else None
            items.append({
                "id": item["id"],
                "level": level,
                "levelIndex": None if level is None else instrument.index(level),
                "special": found[1] if found and found[0] == "special" else None,
            })
        components.append({
            "id": component["id"],
            "score": as_number(score),
            "band": None if score is None else instrument.band(score),
            "counts": counts(instrument, response, [(component, item) for item in component["items"]]),
            "items": items,
        })
    return {
        "overall": as_number(overall),
        "overallBand": None if overall is None else instrument.band(overall),
        "counts": counts(instrument, response, instrument.items),
        "components": components,
    }


# ---------------------------------------------------------------------------------------------
# Action plan and actions (plan.rs, progress.rs doc comments; response-format.md).


def level_descriptor(instrument, item, value):
    index = instrument.index(value)
    return {"value": value, "label": instrument.levels[index]["label"], "descriptor": instrument.descriptor(item, index)}


def latest_line(answer):
    """The latest line of an action's progress log (the log is kept oldest first)."""
    lines = answer.get("progress") or []
    return lines[-1] if lines else None


def action_plan(instrument, response):
    """Every rated item below its target (the explicit target, else the next level up), the
    widest weighted gap first, then the item furthest from the top of the scale, then
    instrument order."""
    entries = []
    for component, item in instrument.items:
        answer = response["answers"].get(item["id"]) or {}
        level = level_of(response, item["id"])
        if level is None:
            continue
        index = instrument.index(level)
        if index + 1 >= len(instrument.values) and answer.get("target") is None:
            continue  # at the top with no higher target
        target = answer.get("target")
        target_index = instrument.index(target) if target is not None else index + 1
        if target_index <= index:
            continue
        gap = target_index - index
        moves = item.get("moveUp") or []
        entries.append({
            "componentId": component["id"],
            "componentTitle": component["title"],
            "itemId": item["id"],
            "itemTitle": item["title"],
            "current": level_descriptor(instrument, item, level),
            "next": level_descriptor(instrument, item, instrument.values[index + 1]),
            "target": level_descriptor(instrument, item, instrument.values[target_index]),
            "gap": gap,
            "priority": gap * item.get("weight", 1) * component.get("weight", 1),
            "notes": answer.get("notes", ""),
            "action": answer.get("action", ""),
            "owner": answer.get("owner", ""),
            "due": answer.get("due", ""),
            "prioritised": bool(answer.get("prioritised")),
            "status": answer.get("status"),
            "progress": latest_line(answer),
            "moveUp": moves[index] if index < len(moves) else "",
            "_order": (-gap * item.get("weight", 1) * component.get("weight", 1), -(len(instrument.values) - 1 - index), instrument.position[item["id"]]),
        })
    entries.sort(key=lambda entry: entry["_order"])
    for entry in entries:
        del entry["_order"]
    return entries


def is_action(answer):
    """An item is followed as an action when the board made it a priority or an action is
    written for it (progress.rs doc comment)."""
    return bool(answer.get("prioritised") or answer.get("action"))


def progress_report(instrument, response, today):
    actions = []
    for component, item in instrument.items:
        answer = response["answers"].get(item["id"]) or {}
        if not is_action(answer):
            continue
        status = answer.get("status") or "notStarted"
        due = answer.get("due", "")
        entry = {
            "componentId": component["id"],
            "componentTitle": component["title"],
            "itemId": item["id"],
            "itemTitle": item["title"],
            "action": answer.get("action", ""),
            "owner": answer.get("owner", ""),
            "due": due,
            "status": status,
            # Due before today and neither done nor dropped.
            "overdue": bool(due) and due < today and status not in ("done", "dropped"),
        }
        if latest_line(answer):
            entry["latest"] = latest_line(answer)
        actions.append(entry)
    # Overdue first, earliest due first; then the rest by due date, those without one last;
    # ties in instrument order (sorted() keeps the instrument order of equals).
    actions.sort(key=lambda a: (not a["overdue"], a["due"] == "", a["due"]))
    tally = {s: sum(1 for a in actions if a["status"] == s) for s in STATUSES}
    return {
        "today": today,
        "total": len(actions),
        "notStarted": tally["notStarted"],
        "inProgress": tally["inProgress"],
        "done": tally["done"],
        "dropped": tally["dropped"],
        "overdue": sum(1 for a in actions if a["overdue"]),
        "actions": actions,
    }


# ---------------------------------------------------------------------------------------------
# The board: aggregate, agreed draft (aggregate.rs doc comments; README "Board mode").


def aggregate(instrument, responses, threshold):
    items = []
    for component, item in instrument.items:
        tally = {"count": 0, "notApplicable": 0, "dontKnow": 0, "unanswered": 0}
        levels = []
        for response in responses:
            found = rating(response, item["id"])
            if found is None:
                tally["unanswered"] += 1
            elif found[0] == "level":
                tally["count"] += 1
                levels.append(found[1])
            else:
                tally[found[1]] += 1
        indexes = [instrument.index(v) for v in levels]
        spread = max(indexes) - min(indexes) if levels else 0
        items.append({
            "id": item["id"],
            "componentId": component["id"],
            **tally,
            "median": as_number(to_hundredths(median([Fraction(v) for v in levels]))) if levels else None,
            "min": min(levels) if levels else None,
            "max": max(levels) if levels else None,
            "spread": spread,
            "distribution": [levels.count(v) for v in instrument.values],
            "disagreement": spread >= threshold,
        })
    per_response = [component_scores(instrument, r) for r in responses]
    components = []
    for c, component in enumerate(instrument.components):
        scores = [scores[c] for scores in per_response if scores[c] is not None]
        components.append({
            "id": component["id"],
            **spread_of(scores),
            "disagreements": sum(1 for i in items if i["componentId"] == component["id"] and i["disagreement"]),
        })
    return {
        "respondents": len(responses),
        "threshold": threshold,
        "components": components,
        "items": items,
        "discussionOrder": discussion_order(instrument, responses, items),
    }


def discussion_order(instrument, responses, items):
    """Flagged items first, then by spread, then by how far the ratings sit from their median
    on average in level steps, then instrument order (aggregate.rs doc comment). Not
    documented: which median the distance is taken from; here the median of the level steps
    (positions on the scale) of those who chose a level."""
    def distance(item):
        steps = [Fraction(instrument.index(level_of(r, item["id"])))
                 for r in responses if level_of(r, item["id"]) is not None]
        if not steps:
            return Fraction(0)
        middle = median(steps)
        return sum(abs(s - middle) for s in steps) / len(steps)

    ranked = sorted(items, key=lambda i: (not i["disagreement"], -i["spread"], -distance(i), instrument.position[i["id"]]))
    return [i["id"] for i in ranked]


def agreed_draft(instrument, responses, combined, on):
    """The board's agreed record to start from: each item whose median is exactly a level's value
    at that level; an item whose median falls between two levels is left for the board to
    choose; "not applicable" where nobody chose a level but someone said so. It names the
    organisation every response naming one names (trimmed, ignoring ASCII case, as the first
    writes it), and says it was agreed from that many people's ratings, on that day."""
    answers = {}
    for item in combined["items"]:
        if item["median"] is not None:
            if item["median"] in instrument.values:
                answers[item["id"]] = {"level": item["median"]}
        elif item["notApplicable"] > 0:
            answers[item["id"]] = {"special": "notApplicable"}
    names = [r.get("organisation", "").strip() for r in responses if r.get("organisation", "").strip()]
    same = len({ascii_lower(name) for name in names}) == 1
    draft = {
        "answers": answers,
        "organisation": names[0] if same else "",
    }
    # Nobody's ratings make no agreed record.
    if responses:
        draft["agreed"] = {"raters": len(responses), "on": on}
    return draft


# ---------------------------------------------------------------------------------------------
# Comparison over time (compare.rs doc comments).


def change_word(delta):
    if delta is None:
        return "notComparable"
    return "improved" if delta > 0 else "declined" if delta < 0 else "unchanged"


def comparison(instrument, baseline, current):
    items = []
    for component, item in instrument.items:
        then, now = level_of(baseline, item["id"]), level_of(current, item["id"])
        steps = None if then is None or now is None else instrument.index(now) - instrument.index(then)
        items.append({"id": item["id"], "componentId": component["id"], "baseline": then, "current": now,
                      "steps": steps, "change": change_word(steps)})

    def figure(ident, then, now):
        delta = None if then is None or now is None else now - then
        return {"id": ident, "baseline": as_number(then), "current": as_number(now),
                "delta": as_number(delta), "change": change_word(delta)}

    then_scores, now_scores = component_scores(instrument, baseline), component_scores(instrument, current)
    return {
        "items": items,
        "components": [figure(c["id"], a, b) for c, a, b in zip(instrument.components, then_scores, now_scores)],
        "overall": figure("overall", overall_score(instrument, then_scores), overall_score(instrument, now_scores)),
        "improved": [i["id"] for i in items if i["change"] == "improved"],
        "declined": [i["id"] for i in items if i["change"] == "declined"],
        "unchanged": [i["id"] for i in items if i["change"] == "unchanged"],
        "notComparable": [i["id"] for i in items if i["change"] == "notComparable"],
    }


# ---------------------------------------------------------------------------------------------
# Trends (trend.rs doc comments).


def trends(instrument, responses):
    # Oldest first by each assessment's day; equal days keep their order.
    ordered = sorted(responses, key=assessment_day)
    points = [{"label": r.get("title") or f"Assessment {n}", "date": assessment_day(r)}
              for n, r in enumerate(ordered, start=1)]
    per_point = [component_scores(instrument, r) for r in ordered]
    movers, not_compared = [], []
    for _, item in instrument.items:
        levels = [level_of(r, item["id"]) for r in ordered]
        rated = [v for v in levels if v is not None]
        if rated and len(rated) < len(levels):
            # Not documented exactly: "items not rated in every assessment" in the exports
            # means rated in some but not all (never-rated items are not listed).
            not_compared.append(item["title"])
        if rated:
            change = instrument.index(rated[-1]) - instrument.index(rated[0])
            if change:
                movers.append({"itemId": item["id"], "itemTitle": item["title"],
                               "from": instrument.label(rated[0]), "to": instrument.label(rated[-1]),
                               "change": change})
    # Most moved first; not documented how equals are ordered: instrument order here.
    movers.sort(key=lambda m: -abs(m["change"]))
    return {
        "points": points,
        "overall": [as_number(overall_score(instrument, s)) for s in per_point],
        "components": [{"id": c["id"], "title": c["title"], "scores": [as_number(s[i]) for s in per_point]}
                       for i, c in enumerate(instrument.components)],
        "movers": movers[:5],
        "notCompared": not_compared,
    }


# ---------------------------------------------------------------------------------------------
# CSV exports (csv.rs doc comments: the columns; the cell layout follows the exports' headers).


def response_csv(instrument, response):
    rows = [["Component", "Item", "Level", "Level label", "Special answer", "Notes", "Target",
             "Target label", "Priority now", "Action", "Owner", "Due", "Status", "Latest progress"]]
    for component, item in instrument.items:
        answer = response["answers"].get(item["id"]) or {}
        found = rating(response, item["id"])
        level = found[1] if found and found[0] == "level" else None
        special = found[1] if found and found[0] == "special" else None
        target = answer.get("target")
        latest = latest_line(answer)
        # Not documented: the Status cell is filled for items followed as actions (and any with
        # a status), and the latest progress line is written "date: text".
        status = answer.get("status") or ("notStarted" if is_action(answer) else None)
        rows.append([
            component["title"], item["title"],
            "" if level is None else str(level),
            "" if level is None else instrument.label(level),
            "" if special is None else instrument.special_label(special),
            answer.get("notes", ""),
            "" if target is None else str(target),
            "" if target is None else instrument.label(target),
            "Yes" if answer.get("prioritised") else "",
            answer.get("action", ""), answer.get("owner", ""), answer.get("due", ""),
            STATUS_WORDS[status] if status else "",
            f"{latest['date']}: {latest['text']}" if latest else "",
        ])
    return [[csv_cell(cell) for cell in row] for row in rows]


def aggregate_csv(instrument, combined):
    header = ["Component", "Item", "Rated", "Median", "Lowest", "Highest", "Spread (levels)"]
    header += [f"{level['label']} ({level['value']})" for level in instrument.levels]
    header += ["Not applicable", "Don't know", "Unanswered", "Disagreement"]
    rows = [header]
    for (component, item), figures in zip(instrument.items, combined["items"]):
        median_cell = "" if figures["median"] is None else two_decimals(int(figures["median"] * 100))
        rows.append([
            component["title"], item["title"], str(figures["count"]), median_cell,
            "" if figures["min"] is None else str(figures["min"]),
            "" if figures["max"] is None else str(figures["max"]),
            str(figures["spread"]),
            *[str(n) for n in figures["distribution"]],
            str(figures["notApplicable"]), str(figures["dontKnow"]), str(figures["unanswered"]),
            "yes" if figures["disagreement"] else "no",
        ])
    return [[csv_cell(cell) for cell in row] for row in rows]


# ---------------------------------------------------------------------------------------------
# The system view (system.rs doc comments; README "Hidden names stay hidden").


def ascii_lower(text):
    return "".join(chr(ord(ch) + 32) if "A" <= ch <= "Z" else ch for ch in text)


def organisation_name(record):
    """The record's organisation, trimmed (a system view's records must name one)."""
    return (record.get("organisation") or "").strip()


def scramble(name):
    """FNV-1a of the ASCII-lower-cased UTF-8 bytes (system.rs doc comment). Not documented: the
    width (64-bit, the standard FNV-1a-64 constants) and that letters go by ascending value."""
    value = 0xCBF29CE484222325
    for byte in ascii_lower(name).encode("utf-8"):
        value ^= byte
        value = (value * 0x100000001B3) % (1 << 64)
    return value


def letters(n):
    """"A" … "Z", then "AA", "AB", …, as spreadsheet columns are named."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def fit(instrument, record):
    """The answers that fit this instrument (known item, level on the scale, special offered)
    and how many were set aside."""
    kept, set_aside = {}, 0
    for item_id, answer in record["answers"].items():
        fits = item_id in instrument.item_by_id
        if fits and answer.get("level") is not None:
            fits = instrument.index(answer["level"]) is not None
        if fits and answer.get("special") is not None:
            fits = answer["special"] in instrument.special_labels
        if fits:
            kept[item_id] = answer
        else:
            set_aside += 1
    return {**record, "answers": kept}, set_aside


def system_view(instrument, records):
    entries = []
    for record in records:
        fitted, set_aside = fit(instrument, record)
        entries.append((organisation_name(record), record, fitted, set_aside))
    # Alphabetical, ignoring ASCII case; equal names keep their order.
    entries.sort(key=lambda e: ascii_lower(e[0]))
    by_scramble = sorted(range(len(entries)), key=lambda i: scramble(entries[i][0]))
    alias = {position: f"Organisation {letters(k)}" for k, position in enumerate(by_scramble)}
    organisations, per_org = [], []
    for position, (name, record, fitted, set_aside) in enumerate(entries):
        scores = component_scores(instrument, fitted)
        per_org.append(scores)
        organisations.append({
            "name": name, "alias": alias[position],
            "instrumentVersion": record["instrument"]["version"], "setAside": set_aside,
            "overall": as_number(overall_score(instrument, scores)),
            "components": [as_number(s) for s in scores],
            "_record": record,
        })
    components = []
    for c, component in enumerate(instrument.components):
        components.append({"id": component["id"], **spread_of([s[c] for s in per_org if s[c] is not None])})
    items = []
    for component, item in instrument.items:
        levels, words = [], []
        for _, _, fitted, _ in entries:
            found = rating(fitted, item["id"])
            levels.append(found[1] if found and found[0] == "level" else None)
            if found is None:
                words.append("\u2013")  # "–" for none
            elif found[0] == "level":
                words.append(instrument.label(found[1]))
            else:
                words.append(instrument.special_label(found[1]))
        given = [v for v in levels if v is not None]
        steps = [instrument.index(v) for v in given]
        items.append({
            "id": item["id"], "componentId": component["id"], "levels": levels, "answers": words,
            "median": as_number(to_hundredths(median([Fraction(v) for v in given]))) if given else None,
            "spread": max(steps) - min(steps) if given else 0,
        })
    differences = [i["id"] for i in sorted(items, key=lambda i: (-i["spread"], instrument.position[i["id"]])) if i["spread"] > 0]
    return {
        "organisations": organisations,
        "aliasOrder": by_scramble,
        "components": components,
        "items": items,
        "differences": differences,
    }


def system_csv(instrument, view, anonymous, record_row):
    """One row per component, then one per item: each organisation's score or answer, then the
    system median, lowest, highest and spread. Not documented: the cell layout (scores with two
    decimals, an item's answer as its level value or the special answer's label, empty for none,
    lowest/highest as level values, spread in levels); it follows the exported header."""
    order = view["aliasOrder"] if anonymous else list(range(len(view["organisations"])))
    names = [view["organisations"][p]["alias" if anonymous else "name"] for p in order]
    rows = [["Component", "Item", *names, "System median", "Lowest", "Highest", "Spread"]]
    if record_row:
        # Whether each record is a board's agreed record and from how many people's ratings.
        # Not documented yet: the row's wording follows the export.
        raters = []
        for p in order:
            agreed = view["organisations"][p]["_record"].get("agreed")
            raters.append(str(agreed["raters"]) if isinstance(agreed, dict) else "Not marked as agreed")
        rows.append(["(record)", "Agreed from how many people's ratings", *raters, "", "", "", ""])
    for c, (component, figures) in enumerate(zip(instrument.components, view["components"])):
        cells = [two_decimals(None if (s := view["organisations"][p]["components"][c]) is None else int(s * 100)) for p in order]
        rows.append([component["title"], "(component score)", *cells,
                     *[two_decimals(None if figures[k] is None else int(figures[k] * 100)) for k in ("median", "min", "max", "spread")]])
    for (component, item), figures in zip(instrument.items, view["items"]):
        cells = []
        for p in order:
            record = view["organisations"][p]["_fitted"]
            found = rating(record, item["id"])
            cells.append("" if found is None else str(found[1]) if found[0] == "level" else instrument.special_label(found[1]))
        given = [v for v in figures["levels"] if v is not None]
        rows.append([component["title"], item["title"], *cells,
                     "" if figures["median"] is None else two_decimals(int(figures["median"] * 100)),
                     str(min(given)) if given else "", str(max(given)) if given else "", str(figures["spread"])])
    return [[csv_cell(cell) for cell in row] for row in rows]


# ---------------------------------------------------------------------------------------------
# The calendar file, read back just enough to compare its events (strict.py checks RFC 5545).


def calendar_events(text):
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    events, current = [], None
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None and ":" in line:
            name, value = line.split(":", 1)
            current.setdefault(name.split(";")[0].upper(), (name, value))
    return events


def unescape_text(value):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def compact_day(day):
    return day.replace("-", "")


def check_calendar(t, name, instrument, response, today, text):
    events = calendar_events(text)
    wanted = []
    for component, item in instrument.items:
        answer = response["answers"].get(item["id"]) or {}
        status = answer.get("status") or "notStarted"
        if is_action(answer) and answer.get("due") and status not in ("done", "dropped"):
            wanted.append((item, answer, answer["due"] < today))
    review = response.get("nextReview")
    t.check(f"{name}: calendar has one event per open action with a due date, plus the next review",
            len(events) == len(wanted) + (1 if review else 0),
            f"{len(events)} events, oracle expects {len(wanted)} actions + {'1 review' if review else 'no review'}")
    stamp = compact_day(today) + "T090000Z"  # the harness passes <today>T09:00:00Z
    t.check(f"{name}: calendar DTSTAMP of every event is {stamp}",
            all(e.get("DTSTAMP", ("", ""))[1] == stamp for e in events),
            str([e.get("DTSTAMP") for e in events]))
    created = compact_day(response.get("created", "")).replace(":", "")
    left = list(events)
    for item, answer, overdue in wanted:
        match = [e for e in left
                 if e.get("DTSTART", ("", ""))[1] == compact_day(answer["due"])
                 and without_controls(answer.get("action", "")) in unescape_text(e.get("SUMMARY", ("", ""))[1])
                 and item["id"] in e.get("UID", ("", ""))[1]]
        ok = len(match) == 1
        if ok:
            left.remove(match[0])
            uid = match[0]["UID"][1]
            # UIDs are built from the assessment's creation time and the item (calendar.rs).
            ok = created in uid
            description = unescape_text(match[0].get("DESCRIPTION", ("", ""))[1]).lower()
            ok = ok and (("overdue" in description) == overdue)
        t.check(f"{name}: calendar event for {item['id']} (due {answer['due']}, {'overdue' if overdue else 'not overdue'})", ok,
                f"{len(match)} matching events" if len(match) != 1 else f"UID or overdue mark wrong: {match[0]}")
    if review:
        t.check(f"{name}: calendar event for the next review ({review})",
                len(left) == 1 and left[0].get("DTSTART", ("", ""))[1] == compact_day(review), str(left))
    else:
        t.check(f"{name}: calendar has no other events", not left, str(left))


# ---------------------------------------------------------------------------------------------
# One case.


def compare_rows(t, name, oracle_rows, text):
    """A CSV export cell by cell: the oracle's rows against the exported text read back."""
    try:
        golden = read_csv(text)
    except csv.Error as error:
        t.check(name, False, f"unreadable CSV: {error}")
        return None
    problems = []
    if len(golden) != len(oracle_rows):
        problems.append(f"{len(golden)} rows, oracle {len(oracle_rows)}")
    for r, (mine, theirs) in enumerate(zip(oracle_rows, golden)):
        if mine != theirs:
            cells = [f"row {r} col {c}: oracle {a!r}, export {b!r}" for c, (a, b) in enumerate(zip(mine, theirs)) if a != b]
            problems.append("; ".join(cells) if cells else f"row {r}: {len(theirs)} cells, oracle {len(mine)}")
    t.check(name, not problems, "; ".join(problems[:4]) + (" …" if len(problems) > 4 else ""))
    return golden


def run_case(t, case):
    name = case.name
    golden = expected(case)
    try:
        instrument_data = load_json(instrument_text(case))
        problems = instrument_problems(instrument_data)
    except ValueError:
        instrument_data, problems = None, [""]
    if "instrumentError" in golden:
        t.check(f"{name}: the instrument is refused", bool(problems), "the oracle finds nothing wrong")
        t.same(f"{name}: the instrument's problems are at the same paths",
               sorted(problems), sorted(p["path"] for p in golden["instrumentError"]))
        return
    t.check(f"{name}: the instrument reads without a problem", not problems, str(problems))
    instrument = Instrument(instrument_data)

    threshold = int(optional_text(case, "threshold.txt") or 2)  # DEFAULT_DISAGREEMENT_THRESHOLD
    responses, errors = [], {}
    for file_name, text in files_in(case, "responses") or []:
        response, paths = read_response(text, instrument)
        if response is None:
            errors[file_name] = sorted(paths)
        else:
            responses.append(response)
    t.same(f"{name}: which response files are refused, and at which paths", errors,
           {k: sorted(p["path"] for p in v) for k, v in golden["responseErrors"].items()})

    # Each response: scores, action plan, CSV.
    counted = [len(golden[key]) for key in ("scores", "actionPlans", "responseCsv")]
    t.check(f"{name}: one score report, action plan and CSV per response read",
            counted == [len(responses)] * 3, f"{counted}, oracle reads {len(responses)} responses")
    for n, (response, report, plan) in enumerate(zip(responses, golden["scores"], golden["actionPlans"])):
        mine = score_report(instrument, response)
        t.same(f"{name}: scores[{n}] overall and band", (mine["overall"], mine["overallBand"]), (report["overall"], report["overallBand"]))
        t.same(f"{name}: scores[{n}] counts", mine["counts"], report["counts"])
        for mine_c, golden_c in zip(mine["components"], report["components"]):
            t.same(f"{name}: scores[{n}] component {mine_c['id']}", mine_c, golden_c)
        t.check(f"{name}: scores[{n}] has every component", len(mine["components"]) == len(report["components"]))
        t.same(f"{name}: actionPlans[{n}]", action_plan(instrument, response), plan)
    for n, (response, text) in enumerate(zip(responses, golden["responseCsv"])):
        compare_rows(t, f"{name}: responseCsv[{n}] cells", response_csv(instrument, response), text)

    # The board.
    combined = aggregate(instrument, responses, threshold)
    agg = golden["aggregate"]
    t.same(f"{name}: aggregate respondents and threshold", (combined["respondents"], combined["threshold"]), (agg["respondents"], agg["threshold"]))
    for mine_i, golden_i in zip(combined["items"], agg["items"]):
        t.same(f"{name}: aggregate item {mine_i['id']}", mine_i, golden_i)
    t.check(f"{name}: aggregate has every item", len(combined["items"]) == len(agg["items"]))
    t.same(f"{name}: aggregate components", combined["components"], agg["components"])
    t.same(f"{name}: aggregate discussion order", combined["discussionOrder"], agg["discussionOrder"])
    compare_rows(t, f"{name}: aggregateCsv cells", aggregate_csv(instrument, combined), golden["aggregateCsv"])

    today = optional_text(case, "today.txt")
    draft = agreed_draft(instrument, responses, combined, today or DEFAULT_AGREED_ON)
    golden_draft = golden["agreedDraft"]
    t.same(f"{name}: agreedDraft answers", draft["answers"], golden_draft.get("answers"))
    t.same(f"{name}: agreedDraft format and instrument",
           (golden_draft.get("formatVersion"), golden_draft.get("instrument")),
           (2, {"id": instrument.id, "version": instrument.version}))
    t.same(f"{name}: agreedDraft agreed (raters combined, agreed on)", draft.get("agreed"), golden_draft.get("agreed"))
    t.same(f"{name}: agreedDraft organisation", draft["organisation"], golden_draft.get("organisation", ""))
    if "organisation" in agg:
        t.same(f"{name}: aggregate organisation", draft["organisation"], agg["organisation"])

    if len(responses) >= 2:
        t.same(f"{name}: comparison (first vs last)", comparison(instrument, responses[0], responses[-1]), golden["comparison"])
    else:
        t.check(f"{name}: no comparison with fewer than two responses", golden["comparison"] is None)

    if today is not None:
        latest = responses[-1]
        report = progress_report(instrument, latest, today)
        gp = golden["progress"]
        t.same(f"{name}: progress counts", {k: v for k, v in report.items() if k != "actions"},
               {k: v for k, v in gp.items() if k not in ("actions", "summary")})
        t.same(f"{name}: progress action order", [a["itemId"] for a in report["actions"]], [a["itemId"] for a in gp["actions"]])
        t.same(f"{name}: progress actions", report["actions"], gp["actions"])
        t.check(f"{name}: progress summary starts with the number of actions",
                gp["summary"].startswith(f"{report['total']} action"), gp["summary"])
        mine_trends, gt = trends(instrument, responses), golden["trends"]
        t.same(f"{name}: trend points (order and day)", mine_trends["points"], gt["points"])
        t.same(f"{name}: trend overall series", mine_trends["overall"], gt["overall"])
        t.same(f"{name}: trend component series", mine_trends["components"], gt["components"])
        t.same(f"{name}: trend movers", mine_trends["movers"], gt["movers"])
        t.same(f"{name}: trend items not compared", mine_trends["notCompared"], gt["notCompared"])
        check_calendar(t, name, instrument, latest, today, golden["calendar"])

    records = files_in(case, "organisations")
    if records is not None:
        read = [(file_name, read_response(text)) for file_name, text in records]
        refused = [f"{file_name}: {problems}" for file_name, (record, problems) in read if record is None]
        if t.check(f"{name}: every organisation's record reads", not refused, "; ".join(refused)):
            check_system(t, name, instrument, [record for _, (record, _) in read], golden)


def check_system(t, name, instrument, records, golden):
    view = system_view(instrument, records)
    gs = golden["system"]
    known = ("name", "alias", "instrumentVersion", "setAside", "overall", "components")
    for mine, theirs in zip(view["organisations"], gs["organisations"]):
        t.same(f"{name}: system organisation {mine['name']}", {k: mine[k] for k in known}, {k: theirs.get(k) for k in known})
        # Whether the record is a board's agreed record, and by how many raters. The field
        # names are not settled: checked when present, otherwise noted.
        record = mine["_record"]
        agreed = record.get("agreed") if isinstance(record.get("agreed"), dict) else None
        extra = {k: v for k, v in theirs.items() if k not in known}
        if not extra:
            t.note(f"{name}: system organisation {mine['name']} carries no agreed/raters field yet; not checked")
        for key, value in extra.items():
            if "rater" in key.lower():
                wanted = agreed["raters"] if agreed else None
                t.check(f"{name}: system organisation {mine['name']} {key}",
                        value == wanted or (agreed is None and value == 0), f"{value!r}, record says {wanted!r}")
            elif "agreed" in key.lower() and isinstance(value, bool):
                t.same(f"{name}: system organisation {mine['name']} {key}", value, agreed is not None)
            elif "agreed" in key.lower():
                t.same(f"{name}: system organisation {mine['name']} {key}", value, agreed)
            else:
                t.note(f"{name}: system organisation {mine['name']} has a field {key!r} the oracle does not know")
    t.check(f"{name}: system lists every organisation", len(view["organisations"]) == len(gs["organisations"]))
    t.same(f"{name}: system alias order (FNV-1a scramble)", view["aliasOrder"], gs["aliasOrder"])
    t.same(f"{name}: system components", view["components"], gs["components"])
    t.same(f"{name}: system items", view["items"], gs["items"])
    t.same(f"{name}: system differences", view["differences"], gs["differences"])

    for organisation in view["organisations"]:
        organisation["_fitted"] = fit(instrument, organisation["_record"])[0]
    # A first row saying which records are agreed records, and from how many ratings, is new:
    # checked where the export has it, otherwise noted.
    record_row = golden["systemCsv"].split("\r\n")[1].startswith("(record)")
    if not record_row:
        t.note(f"{name}: the system CSVs have no (record) row of agreed records yet; not checked")
    named = compare_rows(t, f"{name}: systemCsv (named) cells", system_csv(instrument, view, False, record_row), golden["systemCsv"])
    compare_rows(t, f"{name}: systemCsvAnonymous cells", system_csv(instrument, view, True, record_row), golden["systemCsvAnonymous"])

    # The anonymous CSV read against the named one, using only the exports and expected.json's
    # aliases: each lettered column, whole, must be the named column of the organisation that
    # has that letter.
    anonymous = read_csv(golden["systemCsvAnonymous"])
    if named is None or not anonymous:
        return
    n = len(gs["organisations"])
    t.check(f"{name}: systemCsv header lists the organisations alphabetically (ignoring ASCII case)",
            named[0][2:2 + n] == sorted(named[0][2:2 + n], key=ascii_lower) and named[0][2:2 + n] == [o["name"] for o in gs["organisations"]],
            str(named[0][2:2 + n]))
    aliases = [f"Organisation {letters(k)}" for k in range(n)]
    t.same(f"{name}: systemCsvAnonymous header lists the letters in order", anonymous[0][2:2 + n], aliases)
    t.same(f"{name}: systemCsvAnonymous shares the named CSV's first two and last four columns",
           [r[:2] + r[2 + n:] for r in anonymous[1:]], [r[:2] + r[2 + n:] for r in named[1:]])
    named_columns = {o["name"]: [row[2 + i] for row in named[1:]] for i, o in enumerate(gs["organisations"])}
    owner = {o["alias"]: o["name"] for o in gs["organisations"]}
    for k, alias in enumerate(anonymous[0][2:2 + n]):
        column = [row[2 + k] for row in anonymous[1:]]
        matches = [org for org, cells in named_columns.items() if cells == column]
        right = owner.get(alias)
        differing = [f"row {r + 1} {row[:2]}: {column[r]!r}, named {named_columns[right][r]!r}"
                     for r, row in enumerate(anonymous[1:]) if right and column[r] != named_columns[right][r]]
        detail = (f"{alias} belongs to {right!r} but its column equals {matches or 'no named column'}; "
                  f"{len(differing)} rows differ, first {differing[:1]}")
        # Two organisations with identical answers would have identical columns; then any of
        # them matches, and only the owner's column is required.
        t.check(f"{name}: systemCsvAnonymous column {alias} is exactly the named column of the organisation with that alias",
                right is not None and right in matches, detail)
    text = golden["systemCsvAnonymous"].lower()
    leaked = [o["name"] for o in gs["organisations"] if o["name"].lower() in text]
    t.check(f"{name}: systemCsvAnonymous names no organisation", not leaked, str(leaked))


def main():
    t = Tally()
    for case in case_dirs():
        try:
            run_case(t, case)
        except Exception as error:  # a changed expected.json shape must fail, not stop the run
            t.check(f"{case.name}: the oracle reads the whole case", False, f"{type(error).__name__}: {error}")
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
