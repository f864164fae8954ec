#!/usr/bin/env python3
"""An independent reader of the board paper's Word file (.docx).

python-docx, a reader written apart from this project, opens the file the widget downloaded
and reads back what Word would show: the paragraphs with their style names, the tables cell by
cell, the picture, the page header and the document's title. Each figure is then checked
against the oracle (oracle.py), which recomputes it from the answers and the instrument alone:
the score of every component and the overall figure with its band, every item's rating and
notes, the chosen priorities in their order with their gaps, and the cover sheet's facts. No
expected output is stored: the oracle is the expectation.

Run: tests/.venv/bin/python tests/oracle/read_docx.py PAPER.docx --instrument INSTRUMENT.json
       --response RESPONSE.json [--read READ.json]
One line per check, then "N passed, N failed"; the exit status is 1 if any failed. With
--read, what was read is also written as JSON ({"title", "header", "blocks": [...]}, a block
being {"style", "text"}, {"table": rows of cells} or {"picture": {...}}), for the browser test
to compare with the paper as the page shows it.

Needs python-docx (scripts/setup.sh test installs it into tests/.venv).
"""

import argparse
import json
import struct
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ left beside the tests

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from common import Tally, load_json
from oracle import Instrument, action_plan, component_scores, counts, overall_score, read_response, two_decimals

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
PICTURE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def date_in_words(day):
    """"29 November 2026" for "2026-11-29" (README: dates on the paper are written in words)."""
    if len(day) < 10:
        return day
    year, month, date = day[:10].split("-")
    return f"{int(date)} {MONTHS[int(month) - 1]} {year}"


def read(path):
    """The document as python-docx reads it: the body's paragraphs and tables in order."""
    document = docx.Document(path)
    blocks = []
    for content in document.iter_inner_content():
        if isinstance(content, Table):
            blocks.append({"table": [[cell.text for cell in row.cells] for row in content.rows]})
        elif isinstance(content, Paragraph):
            for shape in content._p.xpath(".//wp:inline"):
                extent = shape.xpath("./wp:extent")[0]
                described = shape.xpath("./wp:docPr")[0]
                embed = shape.xpath(".//a:blip/@r:embed")[0]
                part = document.part.related_parts[embed]
                width, height = struct.unpack(">II", part.blob[16:24])
                blocks.append({"picture": {
                    "png": part.blob[:8] == b"\x89PNG\r\n\x1a\n" and part.blob[12:16] == b"IHDR",
                    "contentType": part.content_type, "relationship": document.part.rels[embed].reltype,
                    "pixels": [width, height], "extent": [int(extent.get("cx")), int(extent.get("cy"))],
                    "description": described.get("descr"),
                }})
            if content.text or not blocks or "picture" not in blocks[-1]:
                blocks.append({"style": content.style.name, "text": content.text})
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    return {"title": document.core_properties.title, "header": header, "blocks": blocks}


def table_after(blocks, heading):
    """The first table after the paragraph whose text is `heading`."""
    start = next((i for i, b in enumerate(blocks) if b.get("text") == heading), None)
    if start is None:
        return None
    return next((b["table"] for b in blocks[start + 1:] if "table" in b), None)


def check(t, paper, instrument, response):
    blocks = paper["blocks"]
    styled = [(b["style"], b["text"]) for b in blocks if "style" in b and b["style"] != "Normal"]
    title = response.get("title", "").strip()
    t.check("the title is the assessment's, in Word's Title style, and the file's title",
            bool(title) and styled[0] == ("Title", title) and paper["title"] == title, f"{styled[:1]} {paper['title']!r}")

    sections = [text for style, text in styled if style == "Heading 1"]
    wanted = ["Summary and profile", "Score by component", "Priorities and actions", "Every rating and its evidence"]
    t.check("the sections are Heading 1, in order", [s for s in sections if s in wanted] == wanted, str(sections))
    parts = [text for style, text in styled if style == "Heading 2"]
    titles = [c["title"] for c in instrument.components]
    t.check("each component's ratings are under a Heading 2 naming it, in the instrument's order",
            parts[-len(titles):] == titles, str(parts))

    # The cover sheet: a table of facts, first thing after the title.
    cover = next(b["table"] for b in blocks if "table" in b)
    facts = {row[0]: row[1] for row in cover}
    t.check("the cover sheet names the organisation", facts.get("Organisation") == response.get("organisation"), str(facts))
    paper_fields = response.get("paper", {})
    if paper_fields.get("meeting"):
        t.check("the cover sheet names the meeting and its date",
                facts.get("Meeting") == paper_fields["meeting"]
                and facts.get("Date of meeting") == date_in_words(paper_fields.get("date", "")), str(facts))

    # Scores: the oracle's figures, two decimals, as the paper's table shows them.
    scores = component_scores(instrument, response)
    overall = overall_score(instrument, scores)
    table = table_after(blocks, "Score by component")
    header = table[0]
    band = "Band" in header
    t.check("the score table's columns", header == ["Component", "Score"] + (["Band"] if band else []) + ["Answered"], str(header))
    expected = []
    every = counts(instrument, response, instrument.items)
    for component, score in zip(instrument.components, scores):
        tally = counts(instrument, response, [(component, item) for item in component["items"]])
        row = [component["title"], two_decimals(score) if score is not None else "Not yet scored"]
        row += [instrument.band(score) or "" if score is not None else ""] if band else []
        expected.append(row + [f"{tally['total'] - tally['unanswered']} of {tally['total']}"])
    overall_row = ["Overall (indicative)", two_decimals(overall) if overall is not None else "Not yet scored"]
    overall_row += [instrument.band(overall) or "" if overall is not None else ""] if band else []
    expected.append(overall_row + [f"{every['total'] - every['unanswered']} of {every['total']}"])
    t.check("every component's score, band and count, and the overall figure, are the oracle's", table[1:] == expected,
            f"read {table[1:]}, oracle {expected}")

    # Every rating and its notes, component by component.
    for component in instrument.components:
        table = table_after(blocks, component["title"])
        rows = []
        for item in component["items"]:
            answer = response["answers"].get(item["id"]) or {}
            if answer.get("level") is not None:
                label = instrument.label(answer["level"])
            elif answer.get("special") is not None:
                label = instrument.special_label(answer["special"])
            else:
                label = "Not answered"
            rows.append([item["title"], label, answer.get("notes", "").strip()])
        t.check(f"{component['title']}: each item's rating and notes", table is not None and table[1:] == rows,
                f"read {table and table[1:]}, oracle {rows}")

    # The priorities: the board's chosen items, in the plan's order, with their gaps.
    chosen = [e for e in action_plan(instrument, response) if e["prioritised"]]
    table = table_after(blocks, "Priorities and actions")
    rows = [[str(n), e["itemTitle"], f"{e['current']['label']} \u2192 {e['target']['label']} (gap: {e['gap']} level{'' if e['gap'] == 1 else 's'})",
             e["action"] or "To be agreed", e["owner"] or "To be agreed", date_in_words(e["due"]) if e["due"] else "To be agreed"]
            for n, e in enumerate(chosen, 1)]
    t.check("the priorities are the oracle's, in order, with their gaps, actions and owners",
            table is not None and table[1:] == rows, f"read {table and table[1:]}, oracle {rows}")

    # The profile chart: one PNG, drawn at its own shape, described in words.
    pictures = [b["picture"] for b in blocks if "picture" in b]
    t.check("one picture: the profile chart", len(pictures) == 1, str(len(pictures)))
    if pictures:
        picture = pictures[0]
        (w, h), (cx, cy) = picture["pixels"], picture["extent"]
        t.check("the chart is a PNG image part", picture["png"] and picture["contentType"] == "image/png"
                and picture["relationship"] == PICTURE, str(picture))
        t.check("the chart keeps its shape on the page", w > 0 and h > 0 and abs(cx * h - cy * w) <= w, f"{w}x{h} at {cx}x{cy} EMU")
        t.check("the chart has alternative text", (picture["description"] or "").startswith("Profile chart"), picture["description"])
        following = blocks[blocks.index({"picture": picture}) - 1]
        t.check("the chart follows the summary it illustrates", following.get("text", "").startswith(f"{every['total'] - every['unanswered']} of {every['total']} items answered"), str(following))

    # The page header: organisation, meeting with its date, agenda item (response.rs, Paper).
    meeting = ", ".join(p for p in [paper_fields.get("meeting", "").strip(), date_in_words(paper_fields.get("date", "").strip())] if p)
    item = paper_fields.get("agendaItem", "").strip()
    running = " \u00b7 ".join(p for p in [response.get("organisation", "").strip(), meeting, f"Agenda item {item}" if item else ""] if p)
    t.check("every page's header is the running header", paper["header"] == running, f"{paper['header']!r}, oracle {running!r}")


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("paper")
    arguments.add_argument("--instrument", required=True)
    arguments.add_argument("--response", required=True)
    arguments.add_argument("--read", help="write what was read here, as JSON")
    options = arguments.parse_args()
    instrument = Instrument(load_json(Path(options.instrument).read_text(encoding="utf-8")))
    response, problems = read_response(Path(options.response).read_text(encoding="utf-8"), instrument)
    t = Tally()
    if response is None:
        t.check("the response reads", False, str(problems))
        return t.finish()
    paper = read(options.paper)
    if options.read:
        Path(options.read).write_text(json.dumps(paper, ensure_ascii=False, indent=1), encoding="utf-8")
    check(t, paper, instrument, response)
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
