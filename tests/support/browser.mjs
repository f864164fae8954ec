// Shared set-up for the browser tests: a static server over www/ and Debian's Chromium.
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { www } from "./paths.mjs";

export { repo, www } from "./paths.mjs";

/** Starts Chromium headless without network access to anything but localhost, on a fresh
 * profile, or on `profile` (a folder another launch used) to find what that one left. */
export async function launch(profile) {
  const fresh = !profile;
  profile ??= mkdtempSync(path.join(tmpdir(), "mm-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  return {
    context: browser,
    close: async () => {
      await browser.close();
      if (fresh) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves www/ for the duration of a test file. */
export function serveWww(options) {
  return serve(www, 0, options);
}

/** Collects console errors and uncaught exceptions so a test can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`http ${response.status()}: ${response.url()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(`console: ${message.text()}`);
  });
  return errors;
}


/** For a test file: serves www/ and starts Chromium once, closing both at the end. */
export function withDemo() {
  const env = {};
  before(async () => {
    env.server = await serveWww();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Opens the demo in a new tab with nothing saved (tests share one browser profile), after an
 * optional init script (to break storage, say). Resolves when the widget has rendered. */
export async function openDemo(env, initScript) {
  const page = await env.browser.context.newPage();
  // Cleared from a page of the same origin without a widget, so no widget can write its
  // state back between the clearing and the load.
  await page.goto(new URL("favicon.svg", env.server.url).href);
  await page.evaluate(() => localStorage.clear());
  if (initScript) await page.addInitScript(initScript);
  const errors = watchErrors(page);
  await page.goto(env.server.url);
  await page.locator("maturity-matrix .mm-view-title").waitFor();
  return { page, errors, widget: page.locator("maturity-matrix") };
}
