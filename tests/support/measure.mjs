// Measurements taken inside the page, on the widget as the engine laid it out. Each function
// here is sent to the page as source, so it must not use anything from its module.

/** How far the page scrolls sideways, in CSS px (0 when it does not), and which of the
 * widget's elements stick out past the viewport's right edge. */
export function sidewaysOverflow() {
  const root = document.documentElement;
  const overflow = root.scrollWidth - root.clientWidth;
  const shadow = document.querySelector("maturity-matrix").shadowRoot;
  const culprits = [];
  for (const el of shadow.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    // Content inside a scrolling region (a wide table) is that region's business.
    if (box.width > 0 && box.right > root.clientWidth + 0.5 && !el.closest(".mm-scroll")) {
      culprits.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(box.right)}`);
    }
  }
  return { overflow, culprits: culprits.slice(0, 5) };
}

/** The widget's pointer targets: how many were measured, and those smaller than
 * `minimum` × `minimum` CSS px.
 * A radio, checkbox or file input's target is the input together with its label (both take
 * the tap). A link running inside a sentence is exempt under WCAG 2.5.8's inline exception:
 * its size is set by the line of text it sits in. Disabled controls are not targets. */
export function smallTargets(minimum) {
  const shadow = document.querySelector("maturity-matrix").shadowRoot;
  const visible = (el) => {
    const style = getComputedStyle(el);
    return el.getClientRects().length > 0 && style.visibility !== "hidden" && style.display !== "none";
  };
  const union = (boxes) => {
    const left = Math.min(...boxes.map((b) => b.left)), top = Math.min(...boxes.map((b) => b.top));
    return { width: Math.max(...boxes.map((b) => b.right)) - left, height: Math.max(...boxes.map((b) => b.bottom)) - top };
  };
  const inlineInText = (el) => getComputedStyle(el).display === "inline"
    && [...el.parentElement.childNodes].some((node) => node !== el && node.textContent.trim() !== "");
  const small = [];
  let measured = 0;
  for (const el of shadow.querySelectorAll("button, a[href], select, summary, input[type=radio], input[type=checkbox], input[type=file]")) {
    if (el.disabled) continue;
    const labels = [...(el.labels ?? [])].filter(visible);
    if (!visible(el) && labels.length === 0) continue;
    if (el.matches("a") && inlineInText(el)) continue;
    const boxes = [...(visible(el) ? [el.getBoundingClientRect()] : []), ...labels.map((l) => l.getBoundingClientRect())];
    // A visually hidden file input (1 px) is reached through its label alone.
    const { width, height } = union(el.type === "file" ? labels.map((l) => l.getBoundingClientRect()) : boxes);
    measured++;
    if (width < minimum - 0.01 || height < minimum - 0.01) {
      const name = (el.textContent.trim() || el.getAttribute("aria-label") || labels[0]?.textContent.trim() || el.id).slice(0, 40);
      small.push(`${el.tagName.toLowerCase()}${el.type ? `[${el.type}]` : ""} "${name}" ${width.toFixed(1)}×${height.toFixed(1)}`);
    }
  }
  return { measured, small };
}
