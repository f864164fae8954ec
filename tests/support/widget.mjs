// Helpers that drive the widget the way a person does: through its navigation and labels.
import assert from "node:assert/strict";
import { waitUntil } from "./wait.mjs";

/** The element for one item of the matrix. */
export const item = (widget, id) => widget.locator(`[data-item="${id}"]`);

/** The overall score cell of the first score table on the view. */
export const overall = (widget) => widget.locator("tr[data-overall] td.mm-score").first();

/** The label of one level (or special answer) within an item, matched on its exact name. */
export const option = (widget, id, label) =>
  item(widget, id).locator(`label:has(.mm-option__level:text-is(${JSON.stringify(label)}))`);

/** Opens a view through the widget's navigation and waits for it. In a narrow column the views
 * sit behind one button ("Views: …"), which is pressed first, as a person would. */
export async function openView(widget, name) {
  const menu = widget.locator(".mm-nav__toggle");
  await menu.waitFor({ state: "attached" });
  if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) === "false") await menu.click();
  await widget.locator(`.mm-nav__button[data-view="${name}"]`).click();
  await widget.locator(`article[data-view="${name}"]`).waitFor();
}

/** On the assess view, opens the component holding `id` (through the list of components). */
export async function showItem(widget, id) {
  if (await widget.locator(`article[data-view="assess"]`).count() === 0) await openView(widget, "assess");
  const steps = widget.locator(".mm-steps__button");
  for (let index = 0; (await item(widget, id).count()) === 0; index++) {
    if (index >= (await steps.count())) throw new Error(`no component holds the item ${id}`);
    await steps.nth(index).click();
  }
}

/** Rates an item by clicking its level's label, as a person would. */
export async function rate(widget, id, label) {
  await showItem(widget, id);
  await option(widget, id, label).click();
}

/** What has keyboard focus, looking inside shadow roots. */
/**
 * Waits until focus rests on an element whose text is `expected` (a string, a RegExp, or an
 * async function giving the string, read afresh each time), then returns what is focused. Yew
 * moves focus in an effect after it renders, a moment after the key or click that caused it,
 * so reading focus at once races the render on a busy machine.
 */
export async function focusLandsOn(page, expected, message = "focus lands where expected") {
  const matches = async (text) => {
    if (expected instanceof RegExp) return expected.test(text);
    const wanted = typeof expected === "function" ? await expected() : expected;
    return text === wanted;
  };
  let last;
  try {
    await waitUntil(async () => { last = await focused(page); return last && (await matches(last.text)); }, { what: message });
  } catch {
    // Fails with the text actually focused, as an assertion on the spot would.
    const wanted = typeof expected === "function" ? await expected() : expected;
    if (expected instanceof RegExp) assert.match(last?.text ?? "", expected, message);
    else assert.equal(last?.text, wanted, message);
  }
  return last;
}

export function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element && {
      tag: element.tagName.toLowerCase(),
      type: element.getAttribute("type"),
      text: element.textContent.trim().slice(0, 80),
      item: element.closest("[data-item]")?.getAttribute("data-item") ?? null,
      className: element.className,
    };
  });
}

/** Runs axe-core on the page (the harness injects it, so the page's CSP is untouched). */
export async function axeViolations(page, axeSource) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }),
  );
  return {
    violations: result.violations.map((v) => `${v.id}: ${v.nodes.length} nodes (${v.nodes[0].target.join(" ")}) ${v.nodes[0].failureSummary}`),
    passes: result.passes.length,
  };
}
