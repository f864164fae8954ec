// The widget's two builds in every engine: a page where people rate starts on the rater's build,
// and moves to the board's when a board starts collecting responses on the device (another tab
// of the site), with every answer, the open view, the item and the person's focus kept.
import assert from "node:assert/strict";
import { Widget } from "../support/driver.mjs";

const BOARD_KEY = "maturity-matrix:nhs-impact:switch:board";

/** The files of the package the page has fetched, by name. */
const fetched = (page) => page.evaluate(() => performance.getEntriesByType("resource")
  .map((entry) => new URL(entry.name).pathname.split("/").pop())
  .filter((name) => name.startsWith("maturity-matrix")));

/** The focused element inside the widget's shadow root: its id and, for text, the caret. */
const focusedInWidget = (page) => page.evaluate(() => {
  const active = document.getElementById("switch").shadowRoot.activeElement;
  return active && { id: active.id, caret: active.selectionStart ?? null };
});

export const journeys = [
  {
    name: "builds: a rater's page loads the rater's build only, and moves to the board's when responses are collected in another tab, keeping answers, view and focus",
    async run(page) {
      await page.freshStart();
      await page.open(page.address("build/fixtures/blank.html"));
      await page.evaluate(async () => {
        await customElements.whenDefined("maturity-matrix");
        const element = document.createElement("maturity-matrix");
        element.id = "switch";
        element.setAttribute("storage-key", "switch");
        element.setAttribute("view", "assess");
        document.querySelector("main").append(element);
      });
      const widget = new Widget(page, "maturity-matrix#switch");
      await widget.waitFor('.mm-root[data-build="rater"] .mm-view-title');
      await widget.rate("purpose-created", "Developing");
      await widget.rate("purpose-lived", "Leading");
      await widget.fill(/^Evidence and notes/, "Seen on the ward walk", '[data-item="purpose-lived"]');
      const before = await focusedInWidget(page);
      assert.match(before.id, /purpose-lived-notes$/, "focus is in the note being typed");
      const first = await fetched(page);
      assert.deepEqual(first.filter((name) => name.includes("board")), [], `no board file yet: ${first.join(", ")}`);
      assert.ok(first.includes("maturity-matrix.wasm") && first.includes("maturity-matrix-rater.js"), first.join(", "));

      // Another tab of the site starts collecting the board's responses (a same-site frame
      // writes the record: a storage event reaches this page as it would from a tab).
      const response = { formatVersion: 1, instrument: { id: "nhs-impact", version: "1.0.0" }, respondent: { name: "Chair" }, answers: { "purpose-created": { level: 3 } } };
      await page.evaluate(async (key, text) => {
        const frame = document.createElement("iframe");
        frame.src = "/favicon.svg";
        const loaded = new Promise((resolve) => frame.addEventListener("load", resolve, { once: true }));
        document.body.append(frame);
        await loaded;
        frame.contentWindow.localStorage.setItem(key, text);
      }, BOARD_KEY, JSON.stringify({ respondents: [response] }));

      await widget.waitFor('.mm-root[data-build="board"] article[data-view="assess"]');
      assert.ok((await fetched(page)).includes("maturity-matrix-board.wasm"));
      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("maturity-matrix:nhs-impact:switch:response")).answers);
      assert.equal(saved["purpose-created"].level, 3, "Developing");
      assert.equal(saved["purpose-lived"].level, 5, "Leading");
      assert.equal(saved["purpose-lived"].notes, "Seen on the ward walk");
      const shown = await page.evaluate(() => {
        const root = document.getElementById("switch").shadowRoot;
        const level = (id) => root.querySelector(`[data-item="${id}"] input:checked`)?.labels[0].querySelector(".mm-option__level").textContent;
        return { created: level("purpose-created"), lived: level("purpose-lived"), notes: root.querySelector('[data-item="purpose-lived"] textarea').value };
      });
      assert.deepEqual(shown, { created: "Developing", lived: "Leading", notes: "Seen on the ward walk" });
      await page.waitFor(() => {
        const active = document.getElementById("switch").shadowRoot.activeElement;
        return active?.id?.endsWith("purpose-lived-notes");
      }, [], { what: "focus back in the note" });
      assert.deepEqual(await focusedInWidget(page), before, "focus and caret where they were");
      assert.equal(await widget.text(".mm-loading"), "", "no loading notice left behind");
      assert.deepEqual(await page.problems(), []);
    },
  },
];
