// What the widget does in engines that lack a platform feature it uses. Every engine tested
// here has them all (checked in each: CompressionStream('deflate-raw'), adoptedStyleSheets,
// container queries, :has), but older ones still in use do not: Safari and iPadOS before 16.4
// have no adoptedStyleSheets, before 16.4 no deflate-raw streams, before 16 no container
// queries. So the page probe takes the feature away before the widget loads (see
// page-probe.js), or the journey drops the rules an older engine would not understand, and the
// fallback is exercised in each engine.
import assert from "node:assert/strict";
import { Widget } from "../support/driver.mjs";
import { sidewaysOverflow, smallTargets } from "../support/measure.mjs";

export const journeys = [
  {
    name: "without CompressionStream a share link is refused with the reason, and an opened link explains itself",
    async run(page) {
      // A real link, made where compression works.
      let widget = await page.openDemo();
      await widget.rate("purpose-created", "Leading");
      await widget.openView("results");
      await widget.click("Make a share link");
      const link = await page.evaluate((field) => field.value, await widget.field("Share link"));

      widget = await page.openDemo({ without: ["CompressionStream"] });
      assert.deepEqual(await page.evaluate(() => window.__probe.removed), ["CompressionStream"]);
      await widget.rate("purpose-created", "Leading");
      await widget.openView("results");
      await widget.click("Make a share link");
      await widget.waitFor(".mm-share [role=alert]", "No link was made: this browser cannot compress the answers into a link");
      // Downloading the answers is the way out, and it still works.
      const file = await page.download(() => widget.click("Download answers (JSON)"));
      assert.equal(JSON.parse(file.text).answers["purpose-created"].level, 5);

      // Opened from another page, so the link is a new load (the probe's setting holds in
      // this tab: still no DecompressionStream).
      await page.open(page.address("favicon.svg"));
      await page.open(link);
      await widget.waitFor("[role=alert]", /could not be opened/);
      await widget.click("Close");
      await widget.waitForNone('article[data-view="shared"]');
      assert.deepEqual(await page.problems(), []);
    },
  },
  {
    name: "without adoptedStyleSheets the widget is styled from a <style> element; under a strict policy it works plainly and says so",
    async run(page) {
      await page.freshStart({ without: ["adoptedStyleSheets"] });
      await page.open(page.address("build/fixtures/blank.html"));
      await page.evaluate(async () => {
        await customElements.whenDefined("maturity-matrix");
        const element = document.createElement("maturity-matrix");
        element.setAttribute("view", "assess");
        document.querySelector("main").append(element);
      });
      const styled = await page.waitFor(() => {
        const root = document.querySelector("maturity-matrix").shadowRoot;
        const title = root.querySelector("h2.mm-title");
        return title && {
          styleElement: root.querySelector("style") !== null,
          adopted: root.adoptedStyleSheets === undefined ? "not supported" : root.adoptedStyleSheets.length,
          titleSize: getComputedStyle(title).fontSize,
          radioOpacity: getComputedStyle(root.querySelector(".mm-option__input")).opacity,
          notice: root.querySelector(".mm-unstyled") !== null,
        };
      }, [], { what: "the widget without adoptedStyleSheets" });
      assert.deepEqual(styled, { styleElement: true, adopted: "not supported", titleSize: "24px", radioOpacity: "0", notice: false });
      assert.deepEqual(await page.problems(), []);

      // The demo's policy (style-src 'self') blocks a <style> element.
      const widget = await page.openDemo({ without: ["adoptedStyleSheets"] });
      await widget.waitFor(".mm-unstyled", /shown plainly\. Everything still works/);
      await widget.rate("purpose-created", "Leading");
      assert.equal(await widget.overall(), "5.00");
      const problems = await page.problems();
      assert.ok(problems.length > 0 && problems.every((p) => p.startsWith("policy violation: style-src")), problems.join("\n"));
    },
  },
  {
    name: "without container queries the stacked layout is used at every width and still fits; no :has() is relied on",
    async run(page) {
      await page.freshStart();
      await page.openInFrame(1024, 768);
      const widget = new Widget(page);
      const dropped = await page.waitFor(() => {
        const root = document.querySelector("maturity-matrix")?.shadowRoot;
        const [sheet] = root?.adoptedStyleSheets ?? [];
        if (!sheet || !root.querySelector(".mm-view-title")) return null;
        // An engine without container queries ignores these blocks: drop them the same way.
        let count = 0;
        for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
          if (sheet.cssRules[i].cssText.startsWith("@container")) {
            sheet.deleteRule(i);
            count++;
          }
        }
        return { count };
      }, [], { what: "the widget in the frame" });
      assert.ok(dropped.count >= 3, `container-query blocks dropped (${dropped.count})`);
      const stacked = () => {
        const tops = [...document.querySelector("maturity-matrix").shadowRoot.querySelectorAll(".mm-options__levels")[0].children].map((o) => o.getBoundingClientRect().top);
        return tops.every((top, i) => i === 0 || top > tops[i - 1]);
      };
      for (const [width, height] of [[1024, 768], [375, 667]]) {
        if (width !== 1024) await page.resizeFrame(width, height);
        for (const view of ["assess", "results", "board"]) {
          await widget.openView(view);
          if (view === "assess") assert.equal(await page.evaluate(stacked), true, `levels stacked at ${width} px`);
          assert.equal((await page.evaluate(sidewaysOverflow)).overflow, 0, `${view} at ${width} px`);
          assert.deepEqual((await page.evaluate(smallTargets, 44)).small, [], `${view} at ${width} px`);
        }
      }
      const { styles } = await page.evaluate(async () => ({ styles: (await import("/dist/maturity-matrix.js")).styles }));
      assert.doesNotMatch(styles, /:has\(/, "no rule an engine without :has() would drop");
      assert.deepEqual(await page.problems(), []);
    },
  },
];
