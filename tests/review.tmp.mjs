import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";
const server = await serve("/work/main/www", 0);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
await page.goto(server.url);
await page.locator("maturity-matrix .mm-nav__button").first().waitFor();
await page.emulateMedia({ media: "print" });
console.log(await page.evaluate(() => {
  const out = [];
  for (const s of document.adoptedStyleSheets) for (const r of s.cssRules) out.push("adopted: " + r.cssText.slice(0, 600));
  for (const e of document.querySelectorAll("body *")) { const cs = getComputedStyle(e); const b = e.getBoundingClientRect(); if (b.height > 20 && cs.visibility !== "hidden" && cs.display !== "none" && cs.backgroundColor !== "rgba(0, 0, 0, 0)") out.push(`${e.tagName}.${e.className} vis=${cs.visibility} bg=${cs.backgroundColor} h=${b.height}`); }
  for (const e of document.querySelectorAll("footer, footer *")) { const cs = getComputedStyle(e); out.push(`F ${e.tagName}.${e.className} vis=${cs.visibility} disp=${cs.display} bg=${cs.backgroundColor}`); }
  return out.join("\n");
}));
await browser.close(); await server.close();
