// Nothing is lost: two or three tabs on one assessment, pages closed and browsers shut down
// mid-typing, files that are almost right, records a revised matrix no longer fits, unreadable
// records, hostile share links and instrument-src answers that are not matrices, and changes
// that are in no download.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { launch, openDemo, repo, watchErrors, withDemo, www } from "../support/browser.mjs";
import { item, openView, option, rate, showItem } from "../support/widget.mjs";
import { waitUntil } from "../support/wait.mjs";

const env = withDemo();
const KEY = "maturity-matrix:nhs-impact:default:response";
const LOCAL = JSON.parse(readFileSync(path.join(repo, "tests/fixtures/local-instrument.json"), "utf8"));

before(() => {
  const fixtures = path.join(www, "build/fixtures");
  mkdirSync(fixtures, { recursive: true });
  for (const name of ["blank.html", "local-instrument.json", "sign-in.html"]) copyFileSync(path.join(repo, "tests/fixtures", name), path.join(fixtures, name));
  // Twenty megabytes of JSON-looking text: what a wrong address might serve.
  writeFileSync(path.join(fixtures, "huge.json"), `{"padding": "${"x".repeat(20 * 1024 * 1024)}"}`);
});

/** Another tab of the same browser on the demo, with whatever is saved. */
async function anotherTab() {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(env.server.url);
  const widget = page.locator("maturity-matrix");
  await widget.locator(".mm-view-title").waitFor();
  return { page, errors, widget };
}

/** The saved answers of assessment 1, once `ready(answers)` holds (storage is written as the
 * widget's effects run, so the test waits on the condition, never on time). */
async function savedAnswers(page, ready) {
  const handle = await page.waitForFunction(({ key, ready }) => {
    const answers = JSON.parse(localStorage.getItem(key) ?? "{}").answers ?? {};
    return new Function("answers", `return (${ready})(answers)`)(answers) && answers;
  }, { key: KEY, ready: ready.toString() });
  return handle.jsonValue();
}

function writeFiles(files) {
  const folder = mkdtempSync(path.join(tmpdir(), "mm-files-"));
  return Object.fromEntries(Object.entries(files).map(([name, content]) => {
    const file = path.join(folder, name);
    writeFileSync(file, content);
    return [name, file];
  }));
}

const response = (answers, extra = {}) => ({ formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, answers, ...extra });

test("two tabs on one assessment: edits to different items all survive, live", async () => {
  const a = await openDemo(env);
  const b = await anotherTab();
  await rate(a.widget, "purpose-created", "Developing");
  await rate(b.widget, "purpose-lived", "Emerging");
  await rate(a.widget, "leaders-data", "Leading");
  await rate(b.widget, "systems-daily", "Embedding");
  await savedAnswers(a.page, (answers) => Object.keys(answers).length === 4);
  // Each tab took in the other's answers as they were made.
  await a.widget.locator(".mm-results__progress[data-answered='4']").waitFor();
  await b.widget.locator(".mm-results__progress[data-answered='4']").waitFor();
  const c = await anotherTab();
  for (const [id, label] of [["purpose-created", "Developing"], ["purpose-lived", "Emerging"], ["leaders-data", "Leading"], ["systems-daily", "Embedding"]]) {
    await openView(c.widget, "assess");
    await rate(c.widget, id, label); // finds the item; rating it again changes nothing
    assert.equal(await item(c.widget, id).getByRole("radio", { checked: true }).getAttribute("id"), await option(c.widget, id, label).getAttribute("for"), id);
  }
  for (const tab of [a, b, c]) {
    assert.deepEqual(tab.errors, []);
    await tab.page.close();
  }
});

test("the same item changed in two tabs: the later change wins and the other tab is told which item", async () => {
  const a = await openDemo(env);
  await rate(a.widget, "purpose-created", "Developing");
  const b = await anotherTab();
  await rate(b.widget, "purpose-created", "Leading");
  const notice = a.widget.locator(".mm-notice");
  await notice.getByText(/Changed in another tab after it was changed here: .*\(rating, now Leading\)/).waitFor();
  const title = await a.page.evaluate(async () => {
    const api = await import("/dist/maturity-matrix.js");
    await api.init(); // the functions load when a page asks for them
    return api.builtinInstrument("nhs-impact").components[0].items[0].title;
  });
  assert.match(await notice.textContent(), new RegExp(title));
  assert.equal(await notice.getAttribute("role"), "status");
  await openView(a.widget, "assess");
  assert.equal(await item(a.widget, "purpose-created").getByRole("radio", { checked: true }).getAttribute("id"), await option(a.widget, "purpose-created", "Leading").getAttribute("for"));
  assert.deepEqual(Object.keys(await savedAnswers(a.page, (answers) => answers["purpose-created"]?.level === 5)), ["purpose-created"]);
  await notice.getByRole("button", { name: "OK" }).click();
  assert.equal(await notice.textContent(), "");
  await a.page.close();
  await b.page.close();
});

test("deleting or renaming in one tab shows in the other", async () => {
  const a = await openDemo(env);
  await a.widget.getByLabel("Name of this assessment").fill("First");
  await a.widget.getByRole("button", { name: "Start a new assessment" }).click();
  await a.widget.getByLabel("Name of this assessment").fill("Second");
  await a.page.waitForFunction((key) => JSON.parse(localStorage.getItem(`${key}:2`) ?? "{}").title === "Second", KEY);
  const b = await anotherTab(); // opens on Second, the one last open
  await b.widget.getByRole("button", { name: "Open First" }).waitFor();
  // Renamed in A: B's list follows.
  await a.widget.getByRole("button", { name: "Rename First" }).click();
  await a.widget.getByLabel("New name for First").fill("First, renamed");
  await a.widget.getByRole("button", { name: "Save name" }).click();
  await b.widget.getByRole("button", { name: "Open First, renamed" }).waitFor();
  // Second deleted in A while open in B: B keeps it on screen and says so.
  await a.widget.getByRole("button", { name: "Delete Second" }).click();
  await a.widget.getByRole("button", { name: "Yes, delete it" }).click();
  await b.widget.locator(".mm-notice", { hasText: "deleted in another tab" }).waitFor();
  assert.equal(await b.widget.getByLabel("Name of this assessment").inputValue(), "Second");
  assert.equal(await b.page.evaluate((key) => localStorage.getItem(`${key}:2`), KEY), null, "not written back unasked");
  await a.page.close();
  await b.page.close();
});

/** A small deterministic generator of choices (xorshift32), so a failing run can be replayed
 * from its seed. `below(n)` is a whole number from 0 to n - 1. */
function dice(seed) {
  let state = seed >>> 0 || 1;
  return (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

/** The level each item shows as chosen in a tab (`null`: none). */
const shownLevels = (page, items) => page.evaluate((items) => {
  const root = document.querySelector("maturity-matrix").shadowRoot;
  // A level's radio is `<uid>-<item>-<value>`.
  return items.map((id) => Number(root.querySelector(`[data-item="${id}"] input[type=radio]:checked`)?.id.split("-").pop() ?? NaN) || null);
}, items);

/** The level of each item in storage. */
const storedLevels = (page, items) => page.evaluate(({ key, items }) => {
  const answers = JSON.parse(localStorage.getItem(key) ?? "{}").answers ?? {};
  return items.map((id) => answers[id]?.level ?? null);
}, { key: KEY, items });

test("three tabs clicking the same items at the same moment: each item keeps its latest click, in every tab", async (t) => {
  const ITEMS = ["purpose-created", "purpose-lived", "purpose-aligned", "purpose-frontline"];
  const ROUNDS = 12;
  const RUNS = Number(process.env.TAB_RUNS ?? 2);
  const lost = [];
  let rounds = 0;
  let ties = 0;
  for (let run = 0; run < RUNS; run++) {
    const roll = dice(run + 1);
    const tabs = [await openDemo(env), await anotherTab(), await anotherTab()];
    for (const tab of tabs) await showItem(tab.widget, ITEMS[0]);
    let levels = ITEMS.map(() => null);
    for (let round = 0; round < ROUNDS; round++) {
      // Per item, a different level for each tab, none of them the one chosen now: then every
      // click is a change, and the click that wins says which tab's it was.
      const clicks = tabs.map(() => []);
      ITEMS.forEach((id, index) => {
        const free = [1, 2, 3, 4, 5].filter((level) => level !== levels[index]);
        for (const tab of clicks) tab.push({ id, level: free.splice(roll(free.length), 1)[0], offset: roll(12) });
      });
      for (const tab of clicks) tab.sort((a, b) => a.offset - b.offset);
      // The tabs share the machine's clock: each clicks its items at a moment fixed on it, a few
      // milliseconds apart, closer together than one tab's save reaches the others.
      const start = Date.now() + 100;
      const made = (await Promise.all(tabs.map(({ page }, index) => page.evaluate(async ({ start, clicks }) => {
        const root = document.querySelector("maturity-matrix").shadowRoot;
        const made = [];
        for (const { id, level, offset } of clicks) {
          await new Promise((resolve) => setTimeout(resolve, start + offset - Date.now()));
          const radio = root.querySelector(`[data-item="${id}"] input[type=radio][id$="-${level}"]`);
          // The widget stamps the change with the time as it handles the click, in between.
          const before = Date.now();
          radio.click();
          made.push({ id, level, before, after: Date.now() });
        }
        return made;
      }, { start, clicks: clicks[index] })))).flat();
      // Every tab, and storage, settle on one level per item.
      levels = await waitUntil(async () => {
        const [stored, ...shown] = await Promise.all([storedLevels(tabs[0].page, ITEMS), ...tabs.map(({ page }) => shownLevels(page, ITEMS))]);
        return shown.every((levels) => JSON.stringify(levels) === JSON.stringify(stored)) && stored;
      }, { what: `round ${round + 1} of run ${run + 1}: every tab and storage to agree` });
      // Each item's level is its latest click's: a click that began after another ended is the
      // later one; clicks in the same millisecond may go either way (the same in every tab).
      ITEMS.forEach((id, index) => {
        const mine = made.filter((click) => click.id === id);
        const last = Math.max(...mine.map((click) => click.before));
        const latest = mine.filter((click) => click.after >= last);
        if (latest.length > 1) ties++;
        if (!latest.some((click) => click.level === levels[index])) lost.push({ run: run + 1, round: round + 1, id, kept: levels[index], clicks: mine });
      });
      rounds++;
    }
    for (const tab of tabs) {
      assert.deepEqual(tab.errors, []);
      await tab.page.close();
    }
  }
  t.diagnostic(`${RUNS} runs of ${ROUNDS} rounds: ${lost.length} of ${rounds * ITEMS.length} final values were not the latest click (${ties} had clicks in the same millisecond)`);
  assert.deepEqual(lost, [], "every item keeps its latest click");
});

test("notes typed just before the tab is closed are kept", async () => {
  const a = await openDemo(env);
  await openView(a.widget, "assess");
  await item(a.widget, "purpose-created").getByLabel(/Evidence and notes/).fill("Typed and closed at once");
  await a.page.close({ runBeforeUnload: true });
  const b = await anotherTab();
  await openView(b.widget, "assess");
  assert.equal(await item(b.widget, "purpose-created").getByLabel(/Evidence and notes/).inputValue(), "Typed and closed at once");
  await b.page.close();
});

test("notes typed just before the whole browser is shut down are kept", async () => {
  // Closing the browser (not a tab) runs none of the page's events on the way out: the text
  // must already be in storage when the last key has been handled.
  const profile = mkdtempSync(path.join(tmpdir(), "mm-shutdown-"));
  const typed = "Typed as the browser closed";
  let browser = await launch(profile);
  try {
    let page = await browser.context.newPage();
    await page.goto(env.server.url);
    let widget = page.locator("maturity-matrix");
    await openView(widget, "assess");
    await item(widget, "purpose-created").getByLabel(/Evidence and notes/).click();
    await page.keyboard.type(typed);
    await browser.close();
    browser = await launch(profile);
    page = await browser.context.newPage();
    await page.goto(env.server.url);
    widget = page.locator("maturity-matrix");
    await openView(widget, "assess");
    assert.equal(await item(widget, "purpose-created").getByLabel(/Evidence and notes/).inputValue(), typed);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test("a share link opened in a tab already showing the page is shown there at once", async () => {
  const { page, errors, widget } = await openDemo(env);
  const makeLink = async (name) => {
    await openView(widget, "start");
    await widget.getByLabel("Name of this assessment").fill(name);
    await openView(widget, "results");
    await widget.getByRole("button", { name: "Make a share link" }).click();
    return widget.getByLabel("Share link").inputValue();
  };
  await rate(widget, "purpose-created", "Embedding");
  const first = await makeLink("First link");
  // Another tab already shows the page; the link is pasted into its address bar. Only the
  // fragment changes, so the page does not load again (the marker below would go if it did).
  const other = await anotherTab();
  await openView(other.widget, "assess");
  await other.page.evaluate(() => { window.stillTheSamePage = true; });
  await other.page.evaluate((hash) => { location.hash = hash; }, new URL(first).hash);
  const shared = other.widget.locator("article[data-view=shared]");
  await shared.locator(".mm-paper__title", { hasText: "First link" }).waitFor();
  // A second link over the first is read afresh.
  const second = await makeLink("Second link");
  assert.notEqual(second, first);
  await other.page.evaluate((hash) => { location.hash = hash; }, new URL(second).hash);
  await shared.locator(".mm-paper__title", { hasText: "Second link" }).waitFor();
  assert.equal(await other.page.evaluate(() => window.stillTheSamePage), true, "the page was not loaded again");
  // Closed, it goes from the address as when the page opened with it.
  await shared.getByRole("button", { name: "Close" }).click();
  await shared.waitFor({ state: "detached" });
  assert.equal(new URL(other.page.url()).hash, "");
  assert.deepEqual(errors, []);
  assert.deepEqual(other.errors, []);
  await other.page.close();
  await page.close();
});

test("files that are almost right: keys given twice, UTF-16, a byte-order mark, impossible dates", async () => {
  const { page, errors, widget } = await openDemo(env);
  const good = JSON.stringify(response({ "purpose-created": { level: 3, due: "2027-02-28" } }, { title: "Marked" }));
  const files = writeFiles({
    "twice.json": `{"formatVersion": 1, "instrument": {"id": "nhs-impact", "version": "1.0.0"}, "answers": {"purpose-created": {"level": 2}, "purpose-created": {"level": 4}}}`,
    "unicode.json": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, "utf16le")]),
    "impossible.json": JSON.stringify(response({ "purpose-created": { level: 3, due: "2027-02-30" } }, { updated: "2026-02-30T25:61:00Z" })),
    "marked.json": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good)]),
  });
  const input = widget.locator("input[type=file]");
  const problem = widget.locator(".mm-error", { hasText: "That file could not be imported" });
  await input.setInputFiles(files["twice.json"]);
  await problem.waitFor();
  assert.match(await problem.textContent(), /appears twice.*answers\.purpose-created/);
  await input.setInputFiles(files["unicode.json"]);
  await problem.getByText(/UTF-16.*save it again as UTF-8/).waitFor();
  await input.setInputFiles(files["impossible.json"]);
  await problem.getByText(/2027-02-30.*not a real date/).waitFor();
  assert.match(await problem.textContent(), /2026-02-30T25:61:00Z.*not a real date and time.*updated/);
  // No parser's jargon reaches the person.
  assert.doesNotMatch(await problem.textContent(), /EOF|expected value|recursion limit|bytes/);
  await input.setInputFiles(files["marked.json"]);
  await widget.locator("article[data-view=results]").waitFor();
  assert.equal(await widget.locator(".mm-summary").first().textContent().then((t) => t.startsWith("1 of 20 items answered")), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a revised local matrix keeps every answer: those that fit open, the rest are listed and kept", async () => {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL("build/fixtures/blank.html", env.server.url).href);
  await page.evaluate(() => localStorage.clear());
  const add = (instrument) => page.evaluate(async (instrument) => {
    await customElements.whenDefined("maturity-matrix");
    document.querySelector("maturity-matrix")?.remove();
    const element = document.createElement("maturity-matrix");
    element.setAttribute("storage-key", "revised");
    element.setAttribute("board", "");
    element.instrument = instrument;
    document.querySelector("main").append(element);
  }, instrument);
  await add(LOCAL);
  const widget = page.locator("maturity-matrix");
  const [first, second] = LOCAL.components[0].items;
  await rate(widget, first.id, LOCAL.scale.levels[1].label);
  await rate(widget, second.id, LOCAL.scale.levels[2].label);
  // A board respondent answered both, too.
  await openView(widget, "board");
  const files = writeFiles({ "member.json": JSON.stringify({ formatVersion: 1, instrument: { id: LOCAL.id, version: LOCAL.version }, respondent: { name: "Member" }, answers: { [first.id]: { level: LOCAL.scale.levels[0].value }, [second.id]: { level: LOCAL.scale.levels[2].value } } }) });
  await widget.locator("input[type=file][multiple]").setInputFiles(files["member.json"]);
  await widget.locator(".mm-board__messages li", { hasText: "1 response added." }).waitFor();
  // The matrix is revised: the second item is gone.
  const revised = structuredClone(LOCAL);
  revised.version = `${LOCAL.version}-revised`;
  revised.components[0].items.splice(1, 1);
  await add(revised);
  await openView(widget, "start");
  const kept = widget.locator(`[data-set-aside="${second.id}"]`);
  await kept.waitFor();
  assert.match(await kept.textContent(), new RegExp(`level ${LOCAL.scale.levels[2].value}.*no item`));
  await openView(widget, "assess");
  assert.equal(await item(widget, first.id).getByRole("radio", { checked: true }).count(), 1, "the answer that fits is there");
  await openView(widget, "board");
  assert.match(await widget.locator(".mm-library__entry", { hasText: "Member" }).locator("[data-attention]").textContent(), /Needs attention.*1 of these answers/);
  // Nothing was dropped from the records.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("maturity-matrix:northfield-local:revised:response")));
  assert.ok(stored.answers[second.id], "the answer set aside is still in the saved record");
  // ... and it leaves the tool with the rest: in the host's copy and in the JSON download.
  const exported = await widget.evaluate((element) => element.exportResponse());
  assert.equal(exported.answers[second.id]?.level, LOCAL.scale.levels[2].value, "exportResponse keeps the answer set aside");
  await openView(widget, "results");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    widget.getByRole("button", { name: "Download answers (JSON)" }).first().click(),
  ]);
  const downloaded = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(downloaded.answers[second.id]?.level, LOCAL.scale.levels[2].value, "the download keeps the answer set aside");
  assert.equal(downloaded.answers[first.id]?.level, LOCAL.scale.levels[1].value);
  const board = await page.evaluate(() => JSON.parse(localStorage.getItem("maturity-matrix:northfield-local:revised:board")));
  assert.ok(board.respondents[0].answers[second.id]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a record that cannot be read is kept aside and offered, in plain words, with no storage key", async () => {
  const { page, widget } = await openDemo(env);
  await page.evaluate((key) => localStorage.setItem(`${key}:2`, '{"formatVersion": 3, "answers": {}}'), KEY);
  await page.reload();
  await widget.locator(".mm-view-title").waitFor();
  const copies = widget.locator(".mm-aside");
  await copies.waitFor();
  assert.match(await copies.textContent(), /An assessment, set aside on/);
  assert.doesNotMatch(await widget.textContent(), /maturity-matrix:/, "no storage key is shown");
  await copies.getByText("Show its text").click();
  assert.match(await copies.locator("pre").textContent(), /"formatVersion": 3/);
  const download = page.waitForEvent("download");
  await copies.getByRole("button", { name: /Download it/ }).click();
  assert.equal(readFileSync(await (await download).path(), "utf8"), '{"formatVersion": 3, "answers": {}}');
  await copies.getByRole("button", { name: /Delete it/ }).click();
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.includes(":unreadable:")));
  // A damaged board record is kept aside too, and the board view says so.
  await page.evaluate(() => localStorage.setItem("maturity-matrix:nhs-impact:default:board", '{"respondents": [{"formatVersion"'));
  await page.reload();
  await openView(widget, "board");
  assert.match(await widget.getByRole("alert").textContent(), /board's saved responses could not be read.*kept aside/);
  await openView(widget, "start");
  assert.match(await widget.locator(".mm-aside").textContent(), /The board's collected responses, set aside on/);
  await page.close();
});

test("crafted share links are refused quickly, without expanding them", async () => {
  const { page, widget } = await openDemo(env);
  // Opens a link in a fresh widget and says how long the refusal took (from the shared view
  // appearing, so the widget's own start-up is not counted) and what the heap grew by.
  const open = (fragment) => page.evaluate(async (fragment) => {
    history.replaceState(null, "", `#${fragment}`);
    const element = document.querySelector("maturity-matrix");
    const heap = performance.memory.usedJSHeapSize;
    let start;
    element.remove();
    document.querySelector("main").append(element);
    const alert = await new Promise((resolve) => {
      const check = () => {
        start ??= element.shadowRoot.querySelector("[data-view=shared]") ? performance.now() : undefined;
        const alert = element.shadowRoot.querySelector("[data-view=shared] [role=alert]");
        if (alert) {
          observer.disconnect();
          resolve(alert);
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(element.shadowRoot, { childList: true, subtree: true });
      check();
    });
    return { text: alert.textContent, ms: performance.now() - start, grew: performance.memory.usedJSHeapSize - heap };
  }, fragment);
  const huge = await open(`maturity-matrix=1.${"A".repeat(2 * 1024 * 1024)}`);
  assert.match(huge.text, /longer than any link this tool makes/);
  assert.ok(huge.ms < 200, `refused in ${huge.ms} ms`);
  // Within the length limit, but expanding to 4 MB: decompression stops at 1 MB.
  const bomb = deflateRawSync(Buffer.alloc(4 * 1024 * 1024, 32), { level: 9 }).toString("base64url");
  assert.ok(bomb.length < 8000);
  const expanded = await open(`maturity-matrix=1.${bomb}`);
  assert.match(expanded.text, /holds far more than any answers could/);
  assert.ok(expanded.grew < 8 * 1024 * 1024, `the heap grew ${expanded.grew} bytes`);
  await widget.locator("[data-view=shared]").waitFor();
  await page.close();
});

test("instrument-src that serves a web page or a huge file is explained; the loading line goes once loaded", async () => {
  const page = await env.browser.context.newPage();
  await page.goto(new URL("build/fixtures/blank.html", env.server.url).href);
  const add = (src) => page.evaluate(async (src) => {
    await customElements.whenDefined("maturity-matrix");
    document.querySelector("maturity-matrix")?.remove();
    const element = document.createElement("maturity-matrix");
    element.setAttribute("instrument-src", src);
    document.querySelector("main").append(element);
  }, src);
  const widget = page.locator("maturity-matrix");
  await add("sign-in.html");
  const alert = widget.getByRole("alert");
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, new RegExp(`The file at ${new URL("build/fixtures/sign-in.html", env.server.url).href} is not a matrix \\(it looks like a web page: “Northfield intranet: sign in”\\)`));
  assert.ok(text.length < 400, "a short excerpt, not the page");
  await add("huge.json");
  await widget.getByRole("alert").getByText(/too large to be a matrix/).waitFor();
  await add("missing.json");
  await widget.getByRole("alert").getByText(/missing\.json could not be loaded: the server answered 404/).waitFor();
  await add("local-instrument.json");
  await widget.locator(".mm-view-title").waitFor();
  assert.doesNotMatch(await widget.textContent(), /Loading the matrix/);
  await page.close();
});

test("changes in no download are pointed out, calmly, beside a download button", async () => {
  const { page, widget } = await openDemo(env, () => {
    window.persistCalls = 0;
    if (navigator.storage) navigator.storage.persist = async () => (window.persistCalls++, false);
  });
  const region = widget.locator(".mm-undownloaded");
  assert.equal(await region.getAttribute("role"), "status", "a polite region, there before its line");
  assert.equal(await region.textContent(), "", "nothing to say before any answer");
  await rate(widget, "purpose-created", "Emerging");
  await openView(widget, "results");
  const line = widget.locator(".mm-undownloaded p");
  assert.match(await line.textContent(), /kept only in this browser/);
  const download = page.waitForEvent("download");
  await region.getByRole("button", { name: "Download a copy (JSON)" }).click();
  await download;
  await line.waitFor({ state: "detached" });
  assert.equal(await region.textContent(), "");
  await openView(widget, "assess");
  await rate(widget, "purpose-lived", "Leading");
  await openView(widget, "start");
  await widget.locator(".mm-undownloaded p", { hasText: "Changes since your last download" }).waitFor();
  assert.equal(await page.evaluate(() => window.persistCalls), 1, "persistent storage was asked for once");
  await page.close();
});
