// Journeys through the demo page as a board member takes them: open it, rate with the
// keyboard, come back after a reload, read the results, export and import a file, gather the
// board's files, and open a share link.
import assert from "node:assert/strict";
import { writeFiles } from "../support/files.mjs";
import { waitUntil } from "../support/wait.mjs";

export { writeFiles };

const KEY = "maturity-matrix:nhs-impact:default:response";
const VIEWS = ["start", "assess", "results", "plan", "progress", "paper", "board", "system"];

/** The element that has keyboard focus, looking inside shadow roots. */
function focused() {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element && {
    tag: element.localName,
    text: element.textContent.trim().slice(0, 80),
    item: element.closest("[data-item]")?.getAttribute("data-item") ?? null,
  };
}

/** Waits until the focused element's text is `text` (focus moves after the view renders). */
function focusReaches(page, text) {
  return waitUntil(async () => (await page.evaluate(focused))?.text === text, { what: `focus on "${text}"` });
}

/** The built package's functions, called in the page (the same WebAssembly the widget runs). */
function core(page, fn, ...args) {
  return page.evaluate(async (fn, args) => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init();
    return api[fn](api.builtinInstrument("nhs-impact"), ...args);
  }, fn, args);
}

const saved = async (page, key = KEY) => JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key));

const RATINGS = [
  ["purpose-created", "Developing"], ["purpose-lived", "Emerging"], ["purpose-aligned", "Leading"],
  ["culture-codesign", "Embedding"], ["leaders-data", "Not yet started"], ["capability-method", "Don't know"],
  ["systems-daily", "Emerging"],
];

/** Five board members' responses: they agree on most items and split sharply on two. */
export function respondents() {
  const names = ["Chair", "Chief Executive", "Medical Director", "Chief Nurse", "Non-executive"];
  const base = { "purpose-created": 3, "purpose-lived": 2, "culture-codesign": 3, "leaders-data": 2, "capability-method": 4 };
  return names.map((name, i) => {
    const answers = Object.fromEntries(Object.entries(base).map(([id, level]) => [id, { level }]));
    answers["purpose-lived"] = { level: [1, 1, 5, 4, 5][i], notes: `${name}: ${["no evidence", "only in papers", "we see it daily", "wards talk about it", "visits show it"][i]}` };
    answers["leaders-data"] = { level: [2, 4, 1, 2, 2][i] };
    return { formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, respondent: { name, role: "Board member" }, answers };
  });
}

/** Chooses `files` in a file input, as the browser's file chooser would. */
export async function chooseFiles(page, input, files) {
  await page.session.sendKeys(input, files.join("\n"));
}

export const journeys = [
  {
    name: "the demo opens on the start view with the widget's navigation, from same-site files only",
    async run(page) {
      const widget = await page.openDemo();
      assert.match(await page.evaluate(() => document.title), /^Improvement self-assessment/);
      assert.deepEqual(await page.evaluate(() => [...document.querySelector("maturity-matrix").shadowRoot.querySelectorAll(".mm-nav__button")].map((b) => b.dataset.view)), VIEWS);
      await widget.waitFor('article[data-view="start"]');
      assert.match(await widget.text(".mm-privacy"), /browser/);
      const origins = await page.evaluate(() => [...new Set(performance.getEntriesByType("resource").map((e) => new URL(e.name).origin))]);
      assert.deepEqual(origins, [new URL(page.address()).origin]);
      assert.deepEqual(await page.problems(), []);
    },
  },
  {
    name: "a component is rated with the keyboard alone: Tab, arrows, Space, typing, Enter",
    chromiumCoveredBy: "tests/browser/assessment.test.mjs",
    async run(page) {
      const widget = await page.openDemo();
      const instrument = await page.evaluate(async () => {
        const api = await import("/dist/maturity-matrix.js");
        await api.init();
        return api.builtinInstrument("nhs-impact");
      });
      // From the page heading, as a keyboard user reading the page would.
      await page.click(await page.evaluate(() => document.querySelector("h1")));
      await page.keys("Tab", "Tab");
      await focusReaches(page, "Assess");
      await page.keys("Enter");
      await focusReaches(page, "Rate each item");
      const [first, second] = instrument.components;
      const answers = {};
      await page.keys(...Array(instrument.components.length + 1).fill("Tab")); // past the list of components
      for (const [i, { id }] of first.items.entries()) {
        if (i > 0) await page.keys("Tab"); // from the previous item's target level
        assert.equal((await page.evaluate(focused)).item, id, `focus is in ${id}'s radio group`);
        // Space picks the focused level; arrows move within the group and pick as they go.
        const moves = (i * 2) % 5;
        await page.keys("Space", ...Array(moves).fill("ArrowDown"));
        answers[id] = { level: instrument.scale.levels[moves].value };
        await page.keys("Tab"); // to the notes box
        if (i === 0) {
          await page.keys("Engagement report 2026");
          answers[id].notes = "Engagement report 2026";
        }
        await page.keys("Tab"); // to the target level
      }
      await page.keys("Tab"); // to "Next"
      await focusReaches(page, `Next: ${second.title}`);
      await page.keys("Enter");
      await focusReaches(page, second.title);
      await widget.waitFor(".mm-save-status", /^Saved in this browser/);
      const record = await saved(page);
      for (const [id, answer] of Object.entries(answers)) assert.deepEqual(record.answers[id], answer, id);
      const expected = await core(page, "score", { formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, answers });
      assert.equal(await widget.overall(), expected.overall.toFixed(2));
      assert.deepEqual(await page.problems(), []);
    },
  },
  {
    name: "answers, notes, the view and the component are back after a reload",
    chromiumCoveredBy: "tests/browser/assessment.test.mjs",
    async run(page) {
      const widget = await page.openDemo();
      await widget.rate("purpose-lived", "Embedding");
      await widget.rate("leaders-data", "Don't know");
      await widget.rate("capability-method", "Emerging");
      const notes = "QSIR adopted in 2025; <b>not</b> everywhere\nsecond line";
      await widget.fill(/^Evidence and notes/, notes, '[data-item="capability-method"]');
      await widget.waitFor(".mm-save-status", /^Saved in this browser at \d\d:\d\d\.$/);
      await waitUntil(async () => (await saved(page)).answers["capability-method"].notes === notes, { what: "the notes to be saved" });

      await page.reload();
      await widget.waitFor(".mm-save-status", /restored/);
      await widget.waitFor('article[data-view="assess"]');
      assert.equal(await widget.text(".mm-steps__button[aria-current] .mm-steps__title"), "Building improvement capability and capacity");
      const restored = await page.evaluate(() => {
        const item = document.querySelector("maturity-matrix").shadowRoot.querySelector('[data-item="capability-method"]');
        return { notes: item.querySelector("textarea").value, level: item.querySelector("input:checked").labels[0].querySelector(".mm-option__level").textContent };
      });
      assert.deepEqual(restored, { notes, level: "Emerging" });
      assert.equal(await widget.overall(), "3.00", "Don't know is left out: 4 and 2 give 3.00");
      assert.deepEqual(await page.problems(), []);
    },
  },
  {
    name: "results show the profile chart, its table and summary, as the core computes them",
    chromiumCoveredBy: "tests/browser/views.test.mjs",
    async run(page) {
      const widget = await page.openDemo();
      for (const [id, level] of RATINGS) await widget.rate(id, level);
      await widget.openView("results");
      const report = await core(page, "score", await saved(page));
      for (const component of report.components) {
        const shown = await widget.text(`tr[data-component="${component.id}"] td.mm-score`);
        assert.equal(shown, component.score === null ? "Not yet scored" : component.score.toFixed(2), component.id);
      }
      assert.equal(await widget.overall(), report.overall.toFixed(2));
      assert.match(await widget.text(".mm-summary"), new RegExp(`^7 of 20 items answered\\. Overall score ${report.overall.toFixed(2)} out of 5`));
      // The chart is drawn: an image described by the summary, a vertex per component, and
      // laid out at a real size with the profile inside the drawing.
      const chart = await page.evaluate(() => {
        const root = document.querySelector("maturity-matrix").shadowRoot;
        const svg = root.querySelector("svg.mm-radar__svg");
        // The profile: a closed shape when every component is rated, else segments that stop
        // at an unrated component, which is marked "not rated" rather than drawn at zero.
        const shape = svg.querySelector(".mm-radar__profile");
        const box = svg.getBoundingClientRect();
        const drawn = shape.getBBox();
        const view = svg.viewBox.baseVal;
        return {
          role: svg.getAttribute("role"),
          describedBy: svg.getAttribute("aria-describedby") === root.querySelector(".mm-summary").id,
          unrated: svg.querySelectorAll(".mm-radar__unrated").length,
          dots: svg.querySelectorAll(".mm-radar__dot").length,
          width: box.width,
          height: box.height,
          inside: drawn.width > 0 && drawn.x >= view.x && drawn.y >= view.y && drawn.x + drawn.width <= view.x + view.width && drawn.y + drawn.height <= view.y + view.height,
        };
      });
      assert.equal(chart.role, "img");
      assert.equal(chart.describedBy, true);
      assert.equal(chart.unrated, report.components.filter((c) => c.score === null).length);
      assert.equal(chart.dots, report.components.filter((c) => c.score !== null).length);
      assert.ok(chart.width > 200 && chart.height > 200, `the chart has a size (${chart.width}×${chart.height})`);
      assert.equal(chart.inside, true, "the profile is drawn inside the chart");
      assert.deepEqual(await page.problems(), []);
    },
  },
  {
    name: "export the answers as JSON, delete them, import the file and get the same assessment back",
    chromiumCoveredBy: "tests/browser/views.test.mjs",
    async run(page) {
      const widget = await page.openDemo();
      await widget.fill("Name of this assessment", "Round trip");
      for (const [id, level] of RATINGS) await widget.rate(id, level);
      await widget.fill(/^Evidence and notes/, 'Line one\nLine two, with "quotes"', '[data-item="systems-daily"]');
      await widget.waitFor(".mm-save-status", /^Saved/);
      await widget.openView("results");
      const exported = await page.download(() => widget.click("Download answers (JSON)"));
      assert.equal(exported.name, "Round-trip.json");
      assert.deepEqual(JSON.parse(exported.text), await saved(page));

      await widget.openView("start");
      await widget.click("Delete Round trip");
      await widget.click("Yes, delete it");
      await widget.waitFor(".mm-library__name", /^Untitled assessment/);
      const [broken, good] = writeFiles([
        ["broken.json", { formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, answers: { "purpose-created": { level: 9 } } }],
        ["round-trip.json", exported.text],
      ]);
      const input = await widget.find(".mm-file__input");
      await chooseFiles(page, input, [broken]);
      await widget.waitFor(".mm-error li", /9 is not a level of this scale.*answers\.purpose-created\.level/s);
      await chooseFiles(page, await widget.find(".mm-file__input"), [good]);
      await widget.waitFor('article[data-view="results"]');
      const slots = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("maturity-matrix:nhs-impact:default:response")));
      assert.equal(slots.length, 1);
      assert.deepEqual(await saved(page, slots[0]), JSON.parse(exported.text));
      assert.deepEqual(await page.problems(), []);
    },
  },
  {
    name: "several response files go into the board view; bad ones are named; the figures match the core",
    chromiumCoveredBy: "tests/browser/board.test.mjs",
    async run(page) {
      const widget = await page.openDemo();
      await widget.openView("board");
      const responses = respondents();
      const files = writeFiles([
        ...responses.map((r, i) => [`member-${i + 1}.json`, r]),
        ["broken.json", "{ not json"],
      ]);
      await chooseFiles(page, await widget.find("input[type=file][multiple]"), files);
      await widget.waitFor(".mm-board__messages li");
      const said = await widget.texts(".mm-board__messages li");
      assert.equal(said[0], "5 responses added.");
      assert.ok(said.some((m) => m.startsWith("broken.json was not added.")), said.join("\n"));
      assert.equal((await widget.findAll(".mm-library__entry")).length, 5);

      await widget.click("Open the board view (facilitator)");
      await widget.waitFor(".mm-summary[data-respondents]");
      const expected = await core(page, "aggregate", responses, 2);
      const flagged = expected.discussionOrder.filter((id) => expected.items.find((i) => i.id === id).disagreement);
      assert.equal(await page.evaluate(() => document.querySelector("maturity-matrix").shadowRoot.querySelector(".mm-summary").dataset.respondents), "5");
      assert.deepEqual(await page.evaluate(() => [...document.querySelector("maturity-matrix").shadowRoot.querySelectorAll("[data-discuss]")].map((e) => e.dataset.discuss)), flagged);
      assert.equal(await widget.text('[data-discuss="purpose-lived"] .mm-distribution__text'), "Not yet started 2 · Embedding 1 · Leading 2");
      for (const item of expected.items) {
        const cells = await widget.texts(`tr[data-board-item="${item.id}"] td`);
        assert.equal(cells[1], item.median === null ? "–" : item.median.toFixed(2), item.id);
      }
      assert.deepEqual(await page.problems(), []);
    },
  },
  {
    name: "a share link opens the answers read-only in a fresh browser, and a copy can be saved",
    chromiumCoveredBy: "tests/browser/board.test.mjs",
    async run(page) {
      const widget = await page.openDemo();
      await widget.fill("Name of this assessment", "Shared view");
      await widget.rate("purpose-created", "Leading");
      await widget.fill(/^Evidence and notes/, "Vision co-written with 300 staff", '[data-item="purpose-created"]');
      await widget.openView("results");
      await widget.click("Make a share link");
      const link = await page.evaluate((field) => field.value, await widget.field("Share link"));
      assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#maturity-matrix=1\.[A-Za-z0-9_-]+$/);

      // Someone else opens it: nothing saved in their browser.
      await page.freshStart();
      await page.open(link);
      await widget.waitFor('article[data-view="shared"] .mm-paper');
      assert.match(await widget.text(".mm-paper__title"), /Shared view/);
      assert.match(await widget.text('article[data-view="shared"]'), /Vision co-written with 300 staff/);
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(":response"))), [], "reading a link saves nothing");
      await widget.click("Save a copy");
      await widget.waitFor('article[data-view="results"]');
      assert.equal(await widget.overall(), "5.00");
      assert.equal(new URL(await page.url()).hash, "", "the link is taken out of the address");

      // A damaged link says so instead of showing nothing. It is opened over the page already
      // showing (only the fragment changes, so the page is not loaded again): the widget reads
      // the new link as it would on load.
      await page.open(`${link.slice(0, -6)}!!!`);
      await widget.waitFor("[role=alert]", /could not be opened[\s\S]*damaged/);
      assert.deepEqual(await page.problems(), []);
    },
  },
];
