// Helpers that drive the widget the way a person does: through its navigation and labels.

/** The element for one item of the matrix. */
export const item = (widget, id) => widget.locator(`[data-item="${id}"]`);

/** The overall score cell of the first score table on the view. */
export const overall = (widget) => widget.locator("tr[data-overall] td.mm-score").first();

/** The label of one level (or special answer) within an item, matched on its exact name. */
export const option = (widget, id, label) =>
  item(widget, id).locator(`label:has(.mm-option__level:text-is(${JSON.stringify(label)}))`);

/** Opens a view through the widget's navigation and waits for it. */
export async function openView(widget, name) {
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
