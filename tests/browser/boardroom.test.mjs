// Boardroom quality, measured: no word split across lines in any table at 320, 375 and 1280 px
// or in print; the chosen answer visible in forced colours; the board paper as a PDF a
// secretary can table (pages, text, page numbers, no host chrome); one calm announcement for
// rating every item; the widget's heading level and title set by the host; the board tab only
// on a facilitator's device.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDemo, withDemo } from "../support/browser.mjs";
import { item, openView, rate } from "../support/widget.mjs";

const env = withDemo();

const RATINGS = [
  ["purpose-created", "Developing"], ["purpose-lived", "Emerging"], ["purpose-aligned", "Leading"],
  ["culture-codesign", "Embedding"], ["leaders-data", "Not yet started"], ["capability-method", "Don't know"],
  ["systems-daily", "Emerging"],
];

/** Every word in the table cells of the open view whose letters sit on more than one line,
 * found by measuring each word's boxes in the engine's own layout. */
function splitWords(page) {
  return page.evaluate(() => {
    const root = document.querySelector("maturity-matrix").shadowRoot;
    const split = [];
    for (const cell of root.querySelectorAll("td, th")) {
      if (!cell.getClientRects().length) continue; // not shown at this size or in this medium
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
          if (lines.size > 1) split.push(`${match[0]} (in "${cell.textContent.trim().slice(0, 40)}")`);
        }
      }
    }
    return split;
  });
}

async function rateSome(widget) {
  for (const [id, label] of RATINGS) await rate(widget, id, label);
}

/** Five board members' files, so the facilitator's view has its tables. */
function boardFiles() {
  const folder = mkdtempSync(path.join(tmpdir(), "mm-boardroom-"));
  return ["Chair", "Chief Executive", "Medical Director", "Chief Nurse", "Non-executive"].map((name, i) => {
    const answers = { "purpose-created": { level: 1 + (i % 5) }, "purpose-lived": { level: 5 - (i % 3) }, "leaders-data": { level: 2 } };
    const file = path.join(folder, `member-${i + 1}.json`);
    writeFileSync(file, JSON.stringify({ formatVersion: 2, instrument: { id: "nhs-impact", version: "1.0.0" }, respondent: { name }, answers }));
    return file;
  });
}

test("no word in any table is split across lines, at 320, 375 and 1280 px and in print", async () => {
  const { page, errors, widget } = await openDemo(env);
  await rateSome(widget);
  await item(widget, "systems-daily").getByLabel(/Evidence and notes/).fill("Huddles in 12 of 30 wards; the rest start in the spring after the estates work is finished");
  await openView(widget, "plan");
  await widget.getByRole("button", { name: "Make these the priorities" }).click();
  await openView(widget, "board");
  await widget.locator("input[type=file][multiple]").setInputFiles(boardFiles());
  await widget.locator(".mm-board__messages", { hasText: "5 responses added." }).waitFor();
  const views = [
    ["results", () => openView(widget, "results")],
    ["plan", () => openView(widget, "plan")],
    ["paper", () => openView(widget, "paper")],
    ["board (facilitator)", async () => {
      await openView(widget, "board");
      await widget.getByRole("button", { name: "Open the board view (facilitator)" }).click();
      await widget.locator(".mm-distribution").first().waitFor();
    }],
  ];
  const found = [];
  let cells = 0;
  for (const width of [320, 375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, open] of views) {
      await open();
      cells += await widget.locator("td, th").count();
      for (const word of await splitWords(page)) found.push(`${width} px ${name}: ${word}`);
    }
  }
  // Printed: the paper at the width of an A4 page inside its margins (180 mm, about 680 px).
  await openView(widget, "paper");
  await page.setViewportSize({ width: 680, height: 900 });
  await page.emulateMedia({ media: "print" });
  for (const word of await splitWords(page)) found.push(`print: ${word}`);
  await page.emulateMedia({ media: "screen" });
  assert.ok(cells > 200, `the tables were there to measure (${cells} cells)`);
  assert.deepEqual(found, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the radar's text is at least 12 px in a phone's column and at desktop width, and unrated components are not drawn", async () => {
  const { page, errors, widget } = await openDemo(env);
  await rateSome(widget);
  await openView(widget, "results");
  for (const width of [320, 375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const texts = await widget.locator("svg.mm-radar__svg").first().evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll("text")]
        .filter((t) => getComputedStyle(t).display !== "none")
        .map((t) => ({ text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale * (t.closest(".mm-radar__plot") ? new DOMMatrix(getComputedStyle(t.closest(".mm-radar__plot")).transform).a : 1) }));
    });
    assert.ok(texts.length >= 5, `${width} px: the chart has its text`);
    const small = texts.filter((t) => t.px < 12).map((t) => `${t.text} ${t.px.toFixed(1)} px`);
    assert.deepEqual(small, [], `${width} px: no chart text under 12 px`);
    // Every component is named, in the labels or (narrow) in the numbered key below the chart.
    const named = await widget.locator(".mm-radar__label:visible, .mm-radar__legend:visible li").count();
    assert.equal(named, 5, `${width} px: five components named`);
  }
  // "Building improvement capability" has only a "Don't know": not scored, so not drawn.
  assert.equal((await widget.locator(".mm-radar__unrated").first().textContent()).trim(), "not rated");
  assert.equal(await widget.locator("svg.mm-radar__svg .mm-radar__dot").count(), 4);
  assert.deepEqual(errors, []);
  await page.close();
});

test("in forced colours the chosen answer is drawn differently from the others", async () => {
  const { page, errors, widget } = await openDemo(env);
  await page.emulateMedia({ forcedColors: "active" });
  await openView(widget, "assess");
  const label = (level) => item(widget, "purpose-created").locator(`label:has(.mm-option__level:text-is("${level}"))`);
  const before = await label("Developing").screenshot();
  await label("Developing").click();
  const chosen = await label("Developing").screenshot();
  assert.notDeepEqual(chosen, before, "choosing changes how the option looks");
  // Not colour alone: the chosen option has a border the others lack, and the radio its dot.
  const look = (level) => label(level).evaluate((el) => {
    const style = getComputedStyle(el);
    const dot = getComputedStyle(el, "::after");
    return { border: style.outlineStyle !== "none" || parseFloat(style.borderLeftWidth) >= 2 ? `${style.outlineStyle} ${style.borderLeftWidth}` : "none", dot: dot.content !== "none" && dot.display !== "none" && parseFloat(dot.width) > 0 };
  });
  const [on, off] = [await look("Developing"), await look("Emerging")];
  assert.notEqual(on.border, "none", "the chosen option is outlined");
  assert.notDeepEqual(on, off);
  assert.equal(on.dot, true, "the radio keeps its dot");
  await page.emulateMedia({ forcedColors: "none" });
  assert.deepEqual(errors, []);
  await page.close();
});

test("the board paper prints as a paper to table: cover sheet first, page numbers, no host chrome, rows whole", async () => {
  const { page, errors, widget } = await openDemo(env);
  // A host page with its own header and sidebar, as a trust intranet has.
  await page.evaluate(() => {
    const header = document.createElement("header");
    header.textContent = "Northfield intranet header";
    const aside = document.createElement("aside");
    aside.textContent = "Sidebar quick links";
    document.body.prepend(header, aside);
  });
  await widget.getByLabel("Name of this assessment").fill("Board self-assessment, winter 2026");
  await widget.getByLabel("Organisation").fill("Northfield Community Health NHS Trust");
  await rateSome(widget);
  await openView(widget, "plan");
  await widget.getByRole("button", { name: "Make these the priorities" }).click();
  await openView(widget, "paper");
  await widget.getByText("Cover sheet: meeting, date, agenda item, author, purpose").click();
  await widget.getByLabel("Meeting", { exact: true }).fill("Board of Directors (public)");
  await widget.getByLabel(/^The Board is asked to/).fill("Note the self-assessment and approve the three priorities.");
  // Printing fires beforeprint, which sets the host page aside for the paper.
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  const pdf = await page.pdf({ format: "A4", displayHeaderFooter: false, preferCSSPageSize: true });
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  const file = path.join(mkdtempSync(path.join(tmpdir(), "mm-paper-")), "paper.pdf");
  writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))[1]);
  const text = (n) => execFileSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), file, "-"], { encoding: "utf8" });
  assert.ok(pages >= 2 && pages <= 8, `a paper of a few pages (${pages})`);
  const first = text(1);
  assert.match(first, /Board self-assessment, winter 2026/);
  assert.match(first, /Board of Directors \(public\)/);
  assert.match(first, /The Board is asked to/);
  assert.match(first, /One person's ratings/);
  for (let n = 1; n <= pages; n++) {
    const page = text(n);
    assert.match(page, new RegExp(`Page ${n} of ${pages}`), `page ${n} is numbered`);
    assert.doesNotMatch(page, /Northfield intranet header|Sidebar quick links/, `page ${n} has none of the host page`);
    // No page after the cover sheet is left nearly empty by a break.
    if (n > 1 && n < pages) assert.ok(page.replace(/\s+/g, " ").length > 400, `page ${n} is used (${page.length} characters)`);
  }
  const all = Array.from({ length: pages }, (_, i) => text(i + 1)).join("\n");
  assert.match(all, /Priorities and actions/);
  assert.match(all, /Produced with maturity-matrix \d+\.\d+\.\d+/);
  // The host page is back after the print.
  assert.equal(await page.getByText("Northfield intranet header").isVisible(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("rating all 20 items with the arrow keys is announced once, with no score", async () => {
  const { page, errors, widget } = await openDemo(env);
  await openView(widget, "assess");
  // Every change of text in a live region is one announcement.
  await page.evaluate(() => {
    const root = document.querySelector("maturity-matrix").shadowRoot;
    window.spoken = [];
    const observer = new MutationObserver(() => {
      for (const region of root.querySelectorAll("[role=status], [role=alert], [aria-live]")) {
        const text = region.textContent.trim();
        if (text && region.dataset.said !== text) window.spoken.push(text);
        region.dataset.said = text;
      }
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
  });
  const steps = widget.locator(".mm-steps__button");
  let rated = 0;
  for (let c = 0; c < (await steps.count()); c++) {
    await steps.nth(c).click();
    const items = widget.locator("[data-item]");
    for (let i = 0; i < (await items.count()); i++) {
      await items.nth(i).locator("input[type=radio]").first().focus();
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      rated++;
    }
  }
  assert.equal(rated, 20);
  await widget.locator(".mm-save-status", { hasText: /^Saved in this browser at \d\d:\d\d\.$/ }).waitFor();
  const spoken = await page.evaluate(() => window.spoken);
  const saved = spoken.filter((text) => text.startsWith("Saved"));
  assert.ok(saved.length >= 1 && saved.length <= 2, `"Saved" said once after the pause, not per key (${saved.length}): ${spoken.join(" | ")}`);
  assert.ok(spoken.length <= 3, `few announcements in all (${spoken.length}): ${spoken.join(" | ")}`);
  assert.deepEqual(spoken.filter((text) => /score|\d\.\d\d/i.test(text)), [], "no score is read out");
  // The line does not follow the person to another view.
  await openView(widget, "results");
  assert.equal((await widget.locator(".mm-save-status").textContent()).trim(), "");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the host sets the heading level and hides the title; the board tab is only on a facilitator's device", async () => {
  const { page, errors, widget } = await openDemo(env);
  // The demo is a facilitator's page; a rater's page leaves the attribute out. The host's own
  // heading is an h2 here, so the widget starts at h3.
  await page.evaluate(() => {
    const element = document.querySelector("maturity-matrix");
    element.removeAttribute("board");
    element.setAttribute("heading-level", "3");
    element.setAttribute("hide-title", "");
  });
  await widget.locator("h4.mm-view-title").waitFor();
  assert.equal(await widget.locator("h1, h2").count(), 0, "nothing above the host's own heading level");
  // The title stays for screen readers (it names the widget's region) but is not shown.
  const title = widget.locator("h3.mm-title");
  assert.equal(await title.count(), 1);
  assert.equal(await title.evaluate((el) => el.getBoundingClientRect().width <= 1), true, "the title is not shown");
  assert.equal(await widget.locator('.mm-nav__button[data-view="board"]').count(), 0, "no board tab for a rater");
  await page.evaluate(() => {
    const element = document.querySelector("maturity-matrix");
    element.setAttribute("board", "");
    element.removeAttribute("hide-title");
    element.setAttribute("heading-level", "2");
  });
  await widget.locator('.mm-nav__button[data-view="board"]').waitFor();
  await widget.locator("h3.mm-view-title").waitFor();
  assert.ok((await widget.locator("h2.mm-title").boundingBox()).width > 100, "the title is shown again");
  assert.deepEqual(errors, []);
  await page.close();
});

test("during a rater's turn on a shared device nothing of the others' ratings is reachable", async () => {
  const { page, errors, widget } = await openDemo(env);
  await openView(widget, "board");
  await widget.locator("input[type=file][multiple]").setInputFiles(boardFiles());
  await widget.locator(".mm-board__messages", { hasText: "5 responses added." }).waitFor();
  await widget.getByLabel(/name of the next person/).fill("Alex");
  await widget.getByRole("button", { name: "Start their rating" }).click();
  await widget.locator(".mm-turn").waitFor();
  assert.equal(await widget.locator(".mm-nav").count(), 0, "no navigation during the turn");
  for (const name of [/board view/i, /^Results$/, /^Board paper$/]) {
    assert.equal(await widget.getByRole("button", { name }).count(), 0, `nothing named ${name}`);
  }
  assert.equal(await widget.locator(".mm-distribution, .mm-library__entry, .mm-prompt").count(), 0);
  const text = await widget.textContent();
  for (const name of ["Chair", "Chief Executive", "Medical Director", "Chief Nurse", "Non-executive"]) {
    assert.doesNotMatch(text, new RegExp(name), `${name}'s name is not shown`);
  }
  await widget.getByRole("button", { name: "Finish and hand over" }).last().click();
  await widget.locator(".mm-nav").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("the radar's \"not rated\" never meets other text, with neighbouring components unrated, wide and in a phone's column", async () => {
  const { page, errors, widget } = await openDemo(env);
  // One component rated: the other four say "not rated", the two at the bottom side by side.
  await rate(widget, "purpose-created", "Developing");
  await openView(widget, "results");
  for (const width of [1280, 375, 320]) {
    await page.setViewportSize({ width, height: 900 });
    // Each "not rated" keeps at least 4 px from every other text of the chart.
    const overlaps = await widget.locator("svg.mm-radar__svg").evaluate((svg) => {
      const boxes = [...svg.querySelectorAll("text")].filter((t) => t.getClientRects().length > 0 && getComputedStyle(t).display !== "none")
        .map((t) => ({ text: t.textContent.trim(), box: t.getBoundingClientRect() }));
      const near = (a, b) => a.left - 4 < b.right && b.left - 4 < a.right && a.top < b.bottom && b.top < a.bottom;
      return boxes.filter((a) => a.text === "not rated")
        .flatMap((a) => boxes.filter((b) => b !== a && near(a.box, b.box)).map((b) => `${a.text} ${Math.round(a.box.left)} / ${b.text} ${Math.round(b.box.left)}`));
    });
    assert.deepEqual(overlaps, [], `${width} px`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
