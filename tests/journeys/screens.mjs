// Tablets and phones: at 1024×768 and 768×1024 (an iPad either way up) and 375×667 (a small
// phone), no view scrolls sideways and every pointer target is at least 44×44 CSS px (NHS.UK's
// size; WCAG 2.2's 2.5.8 asks for 24). Measured on the engine's own layout, per view, with
// every kind of control on screen. And touch: taps work, nothing depends on hovering, and a
// coarse pointer gets the roomier layout.
import assert from "node:assert/strict";
import { Widget } from "../support/driver.mjs";
import { sidewaysOverflow, smallTargets } from "../support/measure.mjs";
import { chooseFiles, respondents, writeFiles } from "./demo.mjs";

const SIZES = [[1024, 768], [768, 1024], [375, 667]];
const MINIMUM = 44;

/** Fills every view with what it can show: two named assessments (so the library and the
 * comparison appear), ratings with notes and targets (so the plan has entries), and five
 * board members' files (so the board has a distribution to draw). */
async function fillEveryView(page) {
  const widget = await page.openDemo();
  await widget.fill("Name of this assessment", "Spring board session");
  await widget.rate("purpose-lived", "Emerging");
  await widget.fill(/^Evidence and notes/, "A long note about the evidence: ".repeat(8), '[data-item="purpose-lived"]');
  for (const [id, level] of [["purpose-created", "Developing"], ["leaders-data", "Don't know"], ["culture-codesign", "Not applicable to us"]]) {
    await widget.rate(id, level);
  }
  await widget.openView("plan");
  await widget.click("Make these the priorities");
  await widget.fill(/^Action/, "Quarterly vision conversations in every directorate");
  await widget.openView("start");
  await widget.click("Duplicate Spring board session");
  await widget.waitFor(".mm-library__name", /^Copy of Spring board session/);
  await widget.openView("board");
  await chooseFiles(page, await widget.find("input[type=file][multiple]"), writeFiles(respondents().map((r, i) => [`member-${i + 1}.json`, r])));
  await widget.waitFor(".mm-board__messages li", "5 responses added.");
}

/** Opens each view in turn (the board three times: gathering files, the facilitator's view,
 * and the discussion in the room) and calls `check(name)` on each. */
async function everyView(widget, check) {
  for (const view of ["start", "assess", "results", "plan", "progress", "paper", "system", "board"]) {
    await widget.openView(view);
    await check(view);
  }
  await widget.click("Open the board view (facilitator)");
  await widget.waitFor(".mm-distribution");
  await check("board (facilitator)");
  await widget.click("Facilitate the discussion, item by item");
  await widget.waitFor(".mm-facilitate__count", /^Item 1 of /);
  await check("facilitate");
}

export const journeys = [
  {
    name: "at 1024×768, 768×1024 and 375×667 no view scrolls sideways and every target is at least 44×44 px",
    async run(page, t) {
      await page.freshStart();
      await fillEveryView(page);
      const [[width, height]] = SIZES;
      await page.openInFrame(width, height);
      const widget = new Widget(page);
      await widget.waitFor(".mm-view-title");
      const failures = [];
      const report = [];
      for (const [index, [width, height]] of SIZES.entries()) {
        if (index > 0) await page.resizeFrame(width, height);
        await everyView(widget, async (view) => {
          const { overflow, culprits } = await page.evaluate(sidewaysOverflow);
          const { measured, small } = await page.evaluate(smallTargets, MINIMUM);
          if (overflow > 0) failures.push(`${width}×${height} ${view}: scrolls ${overflow} px sideways (${culprits.join(", ")})`);
          for (const target of small) failures.push(`${width}×${height} ${view}: ${target}`);
          report.push(`${width}×${height} ${view}: ${measured} targets, overflow ${overflow}px`);
        });
      }
      for (const line of report) t.diagnostic(line);
      assert.deepEqual(failures, []);
      assert.deepEqual(await page.problems(), []);
    },
  },
  {
    name: "touch: a tap rates an item, and every hover style is limited to pointers that hover",
    async run(page) {
      const widget = await page.openDemo();
      await widget.showItem("purpose-created");
      const option = await page.evaluate(() => {
        const label = [...document.querySelector("maturity-matrix").shadowRoot.querySelectorAll('[data-item="purpose-created"] label')]
          .find((l) => l.querySelector(".mm-option__level")?.textContent === "Embedding");
        label.scrollIntoView({ block: "center" }); // a finger does not scroll by itself
        return label;
      });
      await page.session.tap(option);
      await widget.waitFor('[data-item="purpose-created"] input:checked');
      assert.equal(await widget.overall(), "4.00");
      // On a touch screen a hover look sticks after a tap, and anything shown only on hover
      // cannot be reached: every :hover rule must sit inside @media (hover: hover).
      const unguarded = await page.evaluate(() => {
        const found = [];
        const walk = (rules, guarded) => {
          for (const rule of rules) {
            const media = rule.media ? rule.conditionText ?? rule.media.mediaText : null;
            if (rule.cssRules) walk(rule.cssRules, guarded || /\(hover:\s*hover\)/.test(media ?? ""));
            if (rule.selectorText?.includes(":hover") && !guarded) found.push(rule.selectorText);
          }
        };
        walk(document.querySelector("maturity-matrix").shadowRoot.adoptedStyleSheets[0].cssRules, false);
        return found;
      });
      assert.deepEqual(unguarded, []);
      assert.deepEqual(await page.problems(), []);
    },
  },
  {
    name: "a coarse pointer (tablet, phone) gets 44 px radio circles and more room between targets",
    async run(page, t) {
      if (!(await page.emulateTouchScreen(true))) {
        t.skip(`${page.label} cannot emulate a coarse pointer here; the same @media (pointer: coarse) rules are checked in the other engines`);
        return "skipped";
      }
      try {
        await page.freshStart();
        await page.openInFrame(375, 667);
        const widget = new Widget(page);
        await widget.showItem("purpose-created");
        // At this width the views are a menu: open, so its buttons are there to measure.
        await widget.click("Views: Assess", ".mm-nav__toggle");
        const layout = await page.evaluate(() => {
          const root = document.querySelector("maturity-matrix").shadowRoot;
          const radio = root.querySelector(".mm-option__input").getBoundingClientRect();
          const gaps = (selector) => {
            const boxes = [...root.querySelectorAll(selector)].map((el) => el.getBoundingClientRect());
            return boxes.slice(1).map((box, i) => Math.max(box.top - boxes[i].bottom, box.left - boxes[i].right));
          };
          return {
            coarse: matchMedia("(pointer: coarse)").matches,
            hover: matchMedia("(hover: hover)").matches,
            radio: [radio.width, radio.height],
            optionGap: Math.min(...gaps('[data-item="purpose-created"] .mm-options__levels > .mm-option')),
            navGap: Math.min(...gaps(".mm-nav__button")),
          };
        });
        assert.deepEqual(layout.radio, [44, 44]);
        assert.equal(layout.coarse, true);
        assert.equal(layout.hover, false);
        assert.ok(layout.optionGap >= 12, `options are 12 px apart or more (${layout.optionGap})`);
        assert.ok(layout.navGap >= 8, `navigation buttons are 8 px apart or more (${layout.navGap})`);
        assert.deepEqual((await page.evaluate(smallTargets, MINIMUM)).small, []);
        assert.deepEqual(await page.problems(), []);
      } finally {
        await page.emulateTouchScreen(false);
      }
    },
  },
];
