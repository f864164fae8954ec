// Which files a page fetches: a page where people rate gets the rater's build and nothing else;
// a board's page (the `board` attribute, a board screen, a board's record in the browser) the
// board's build and nothing else; a rater's page that needs a board screen says that more is
// loading while it does, and keeps what the person had on screen.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { repo, watchErrors, withDemo, www } from "../support/browser.mjs";
import { rate } from "../support/widget.mjs";

const env = withDemo();
before(() => {
  mkdirSync(path.join(www, "build/fixtures"), { recursive: true });
  copyFileSync(path.join(repo, "tests/fixtures/blank.html"), path.join(www, "build/fixtures/blank.html"));
});

/** A blank page of the site with nothing saved (and `stored` written first), logging the
 * package's files it fetches. */
async function freshPage(stored = {}) {
  const page = await env.browser.context.newPage();
  await page.goto(new URL("favicon.svg", env.server.url).href);
  await page.evaluate((stored) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
  }, stored);
  const files = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/dist/")) files.push(pathname.slice("/dist/".length));
  });
  const errors = watchErrors(page);
  await page.goto(new URL("build/fixtures/blank.html", env.server.url).href);
  return { page, files, errors };
}

/** Adds `<maturity-matrix>` with these attributes and waits for the build named to render. */
async function addElement(page, attributes, build) {
  await page.evaluate(async (attributes) => {
    await customElements.whenDefined("maturity-matrix");
    const element = document.createElement("maturity-matrix");
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.querySelector("main").append(element);
  }, attributes);
  const widget = page.locator(`maturity-matrix#${attributes.id}`);
  await widget.locator(`.mm-root[data-build="${build}"] .mm-view-title`).waitFor();
  return widget;
}

const RATER_FILES = ["maturity-matrix.js", "maturity-matrix-rater.js", "maturity-matrix.wasm"];
const BOARD_FILES = ["maturity-matrix.js", "maturity-matrix-board.js", "maturity-matrix-board.wasm"];

test("a page where people rate fetches the rater's build and nothing else, however far they go", async () => {
  const { page, files, errors } = await freshPage();
  const widget = await addElement(page, { id: "rater", view: "assess" }, "rater");
  await rate(widget, "purpose-created", "Embedding");
  for (const view of ["results", "plan", "paper", "start"]) {
    await widget.locator(`.mm-nav__button[data-view="${view}"]`).click();
    await widget.locator(`article[data-view="${view}"]`).waitFor();
    if (view === "paper") {
      // A rater's paper prints; the Word file and the copy are the board's.
      assert.equal(await widget.getByRole("button", { name: "Print, or save as PDF" }).count(), 1);
      assert.equal(await widget.getByRole("button", { name: /Word|Copy the paper/ }).count(), 0, "no Word file or copy in the rater's build");
    }
  }
  assert.deepEqual(files.sort(), RATER_FILES.sort());
  assert.equal(await widget.locator(".mm-nav__button[data-view=board]").count(), 0, "no board tab for a rater");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a board's page fetches the board's build and nothing else: the board attribute, a board screen, a board's record kept in this browser", async () => {
  for (const [attributes, stored] of [
    [{ id: "board", board: "" }, {}],
    [{ id: "board", view: "board" }, {}],
    [{ id: "board" }, { "maturity-matrix:nhs-impact:default:board": JSON.stringify({ respondents: [{ formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, respondent: { name: "Chair" }, answers: {} }] }) }],
  ]) {
    const { page, files, errors } = await freshPage(stored);
    const widget = await addElement(page, attributes, "board");
    await widget.locator(".mm-nav__button[data-view=board]").click();
    await widget.locator("article[data-view=board]").waitFor();
    assert.deepEqual(files.sort(), BOARD_FILES.sort(), JSON.stringify(attributes));
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test("a rater's page asked for a board screen says more is loading while the board's build arrives, then opens it with the answers kept", async () => {
  const { page, files, errors } = await freshPage();
  // The board's WebAssembly is held back until the test has seen the notice.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/dist/maturity-matrix-board.wasm", async (route) => {
    await held;
    await route.continue();
  });
  const widget = await addElement(page, { id: "switch", view: "assess" }, "rater");
  await rate(widget, "purpose-created", "Embedding");
  // A board screen is asked for (here by the host page, as a facilitator's link would).
  await page.evaluate(() => document.getElementById("switch").setAttribute("view", "progress"));
  const notice = widget.locator(".mm-loading");
  await notice.getByText("More of the assessment is loading…").waitFor();
  assert.equal(await notice.getAttribute("role"), "status");
  release();
  await widget.locator('.mm-root[data-build="board"] article[data-view="progress"]').waitFor();
  assert.equal(await notice.textContent(), "");
  await widget.locator('.mm-nav__button[data-view="assess"]').click();
  assert.equal(await widget.locator('[data-item="purpose-created"] input:checked + label .mm-option__level').textContent(), "Embedding");
  assert.deepEqual([...new Set(files)].sort(), [...new Set([...RATER_FILES, ...BOARD_FILES])].sort());
  assert.deepEqual(errors, []);
  await page.close();
});
