import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";
import { readdirSync, writeFileSync } from "node:fs";
const OUT = "/tmp/review/shots2";
import { mkdirSync } from "node:fs"; mkdirSync(OUT, { recursive: true });
const files = readdirSync("/tmp/review/files").sort().map(f => "/tmp/review/files/" + f);
const orgDir = "/work/main/core/tests/cases/system-four-organisations/organisations/";
const orgs = readdirSync(orgDir).sort().map(f => orgDir + f);
const server = await serve("/work/main/www", 0);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const log = [];
const L = (...a) => log.push(a.map(x => typeof x === "string" ? x : JSON.stringify(x)).join(" "));
async function open(width, height, opts = {}) {
  const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: opts.dsf || 1 });
  const page = await ctx.newPage();
  page.on("pageerror", e => L("pageerror: " + e.message));
  if (opts.forced) await page.emulateMedia({ forcedColors: "active", colorScheme: opts.scheme || "light" });
  await page.goto(server.url);
  const widget = page.locator("maturity-matrix");
  await widget.locator(".mm-nav__button").first().waitFor();
  return { ctx, page, widget };
}
async function toFacilitate(widget) {
  await widget.locator('.mm-nav__button[data-view="board"]').click();
  await widget.locator("input[type=file][multiple]").setInputFiles(files);
  await widget.locator(".mm-board__messages li").first().waitFor();
  await widget.getByRole("button", { name: "Open the board view (facilitator)" }).click();
  await widget.getByRole("button", { name: "Facilitate the discussion, item by item" }).click();
  await widget.locator('article[data-view="facilitate"] .mm-facilitate[data-item]').waitFor();
}
async function toEnd(widget, page) {
  for (let i = 0; i < 10; i++) {
    const next = widget.getByRole("button", { name: /Next item|See the agreed profile/ });
    if (await next.count() === 0) break;
    await next.first().click(); await page.waitForTimeout(150);
  }
  await widget.locator("[data-end]").waitFor();
}
// overflow probe inside shadow root
const probe = (page, sel) => page.evaluate((sel) => {
  const root = document.querySelector("maturity-matrix").shadowRoot;
  return [...root.querySelectorAll(sel)].map(t => {
    let p = t.parentElement; const chain = [];
    while (p && p !== root.host) { const cs = getComputedStyle(p); chain.push(`${p.tagName.toLowerCase()}.${[...p.classList].join(".")} ox=${cs.overflowX} cw=${p.clientWidth} sw=${p.scrollWidth} tab=${p.tabIndex}`); p = p.parentElement; if (chain.length > 3) break; }
    return { table: t.className + " " + (t.getAttribute("data-system-table") !== null ? "[system]" : ""), w: t.getBoundingClientRect().width, chain };
  });
}, sel);
try {
  // 1. projector viewport shots + full screen
  {
    const { ctx, page, widget } = await open(1280, 720);
    await toFacilitate(widget);
    await page.screenshot({ path: `${OUT}/proj-step0-viewport.png` });
    // where is the Next button relative to the viewport?
    const geo = await page.evaluate(() => { const r = document.querySelector("maturity-matrix").shadowRoot; const q = s => { const e = r.querySelector(s); if (!e) return null; const b = e.getBoundingClientRect(); return [Math.round(b.top + scrollY), Math.round(b.height)]; }; return { title: q(".mm-facilitate__title"), scroll: scrollY, doc: document.documentElement.scrollHeight }; });
    L("projector geo", geo);
    const prev = widget.getByRole("button", { name: "Previous item" });
    L("previous on item 1: count", await prev.count(), "disabled", await prev.count() ? await prev.isDisabled() : null);
    await widget.locator("summary").click();
    await page.waitForTimeout(200);
    L("options text", await widget.locator("details").first().innerText());
    await widget.locator(".mm-facilitate").screenshot({ path: `${OUT}/proj-options.png` });
    await widget.locator("summary").click();
    await widget.getByRole("button", { name: "Full screen" }).click().catch(e => L("fs click", e.message));
    await page.waitForTimeout(600);
    L("fullscreenElement", await page.evaluate(() => String(document.fullscreenElement?.tagName) + " / " + String(document.querySelector("maturity-matrix").shadowRoot.fullscreenElement?.className)));
    await page.screenshot({ path: `${OUT}/proj-fullscreen-viewport.png` });
    await page.screenshot({ path: `${OUT}/proj-fullscreen-full.png`, fullPage: true });
    await page.keyboard.press("Escape").catch(() => {});
    // font sizes in facilitate panel
    const sizes = await page.evaluate(() => { const r = document.querySelector("maturity-matrix").shadowRoot; const out = {}; for (const s of [".mm-facilitate__count", ".mm-facilitate__title", "textarea", ".mm-option__level"]) { const e = r.querySelector(s); if (e) out[s] = getComputedStyle(e).fontSize + " rows=" + e.getAttribute?.("rows") + " h=" + e.getBoundingClientRect().height; } return out; });
    L("sizes", sizes);
    await toEnd(widget, page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${OUT}/proj-end-viewport.png` });
    L("end focus", await page.evaluate(() => { let e = document.activeElement; while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement; return e?.tagName + " " + e?.textContent.slice(0, 60); }));
    L("end 1280 tables", await probe(page, "table"));
    // radar zoom
    await widget.locator("[data-end] svg").first().screenshot({ path: `${OUT}/end-radar.png` });
    // print: find visible elements with bg and no text
    await page.emulateMedia({ media: "print" });
    L("print empties", await page.evaluate(() => { const r = document.querySelector("maturity-matrix").shadowRoot; const out = []; for (const e of r.querySelectorAll("*")) { const cs = getComputedStyle(e); const b = e.getBoundingClientRect(); if (b.height > 30 && cs.backgroundColor !== "rgba(0, 0, 0, 0)" && !e.innerText.trim()) out.push(`${e.tagName}.${e.className} h=${Math.round(b.height)} bg=${cs.backgroundColor} kids=${e.children.length} html=${e.outerHTML.slice(0, 200)}`); } return out; }));
    L("print visible buttons", await page.evaluate(() => [...document.querySelector("maturity-matrix").shadowRoot.querySelectorAll("button, summary, input")].filter(b => b.getClientRects().length).map(b => b.tagName + ":" + (b.textContent.trim() || b.type))));
    L("print headings", await page.evaluate(() => [...document.querySelector("maturity-matrix").shadowRoot.querySelectorAll("h1,h2,h3,h4,h5,h6")].map(h => h.tagName + (h.getClientRects().length ? "" : "(hidden)") + ":" + h.textContent.trim().slice(0, 50))));
    await ctx.close();
  }
  // 2. end at 375: overflow
  {
    const { ctx, page, widget } = await open(375, 720);
    await toFacilitate(widget); await toEnd(widget, page);
    L("end 375 tables", await probe(page, "table"));
    await widget.locator("[data-end] svg").first().screenshot({ path: `${OUT}/end-radar-375.png` });
    await ctx.close();
  }
  // 3. system at 375 & 1280 detail, radar zoom, font sizes of scale labels
  for (const w of [1280, 375]) {
    const { ctx, page, widget } = await open(w, 720, { dsf: 2 });
    await widget.locator('.mm-nav__button[data-view="system"]').click();
    await widget.locator("input[type=file][multiple]").setInputFiles(orgs);
    await widget.locator(".mm-board__messages li").first().waitFor();
    L(`system ${w} tables`, await probe(page, "table"));
    await widget.locator(".mm-multiples figure").first().screenshot({ path: `${OUT}/sys-radar-${w}.png` });
    L(`system ${w} svg text sizes`, await page.evaluate(() => { const r = document.querySelector("maturity-matrix").shadowRoot; const svg = r.querySelector(".mm-multiples svg"); const b = svg.getBoundingClientRect(); const vb = svg.viewBox.baseVal; const scale = b.width / vb.width; return { svgW: b.width, vbW: vb.width, texts: [...svg.querySelectorAll("text")].map(t => `${t.textContent}:${(parseFloat(getComputedStyle(t).fontSize) * scale).toFixed(1)}px`) }; }));
    if (w === 375) { const tw = widget.locator("[data-system-table]"); await tw.screenshot({ path: `${OUT}/sys-table-375.png` }); }
    await ctx.close();
  }
  // 4. forced colours dark
  {
    const { ctx, page, widget } = await open(1280, 720, { forced: true, scheme: "dark" });
    await widget.locator('.mm-nav__button[data-view="system"]').click();
    await widget.locator("input[type=file][multiple]").setInputFiles(orgs);
    await widget.locator(".mm-board__messages li").first().waitFor();
    await page.screenshot({ path: `${OUT}/fcdark-system.png`, fullPage: true });
    await widget.locator(".mm-multiples").screenshot({ path: `${OUT}/fcdark-multiples.png` });
    await ctx.close();
  }
  {
    const { ctx, page, widget } = await open(1280, 720, { forced: true, scheme: "dark" });
    await toFacilitate(widget);
    await widget.locator(".mm-facilitate").screenshot({ path: `${OUT}/fcdark-step0.png` });
    await toEnd(widget, page);
    await widget.locator("[data-end]").screenshot({ path: `${OUT}/fcdark-end.png` });
    await ctx.close();
  }
  // 5. forced colours 375 system + facilitation end
  {
    const { ctx, page, widget } = await open(375, 720, { forced: true });
    await toFacilitate(widget);
    await page.screenshot({ path: `${OUT}/fc375-step0.png`, fullPage: true });
    await toEnd(widget, page);
    await page.screenshot({ path: `${OUT}/fc375-end.png`, fullPage: true });
    await ctx.close();
  }
} catch (e) { L("ERROR " + e.stack); }
console.log(log.join("\n"));
await browser.close();
await server.close();
