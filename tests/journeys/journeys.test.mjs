// The core journeys, written once and run in every engine: Chromium, Firefox ESR and WebKitGTK
// (Safari's engine), each from Debian's packages, driven over W3C WebDriver (classic for
// Chromium and WebKitGTK, BiDi for Firefox). Set ENGINES=firefox (or a comma-separated list) to
// run fewer. Each engine's run is timed. A journey the Chromium browser suite already walks
// (`chromiumCoveredBy` names the file) runs in the other two engines only: journeys are for
// what differs between engines.
import { describe, before, after, test } from "node:test";
import { openBrowser } from "../support/driver.mjs";
import { ENGINES, selectedEngines } from "../support/engines.mjs";
import { journeys as demo } from "./demo.mjs";
import { journeys as element } from "./element.mjs";
import { journeys as policy } from "./policy.mjs";
import { journeys as fallbacks } from "./fallbacks.mjs";
import { journeys as screens } from "./screens.mjs";
import { journeys as builds } from "./builds.mjs";

const JOURNEYS = [...demo, ...element, ...policy, ...fallbacks, ...screens, ...builds];

for (const engine of selectedEngines()) {
  const { label } = ENGINES[engine];
  describe(label, () => {
    let page;
    let started;
    const tally = { passed: 0, failed: 0, skipped: 0 };
    before(async () => {
      started = performance.now();
      page = await openBrowser(engine);
    });
    after(async () => {
      await page?.close();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`# ${label}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped in ${seconds} s`);
    });
    for (const journey of JOURNEYS.filter((j) => !(engine === "chromium" && j.chromiumCoveredBy))) {
      test(journey.name, async (t) => {
        try {
          const outcome = await journey.run(page, t);
          tally[outcome === "skipped" ? "skipped" : "passed"]++;
        } catch (error) {
          tally.failed++;
          throw error;
        }
      });
    }
  });
}
