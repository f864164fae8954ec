// A small helper for building the authoring page's markup: elements, never HTML strings, so
// whatever a person types is shown as text.

/**
 * Creates `<tag>` with `attributes` (a `class`, `for`, boolean or string attributes, `data-*`,
 * and `on<event>` listeners) and `children` (nodes, text, or nothing).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "value") element.value = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== undefined && child !== null && child !== false));
  return element;
}

/** Text only screen readers read, to make a short visible label unique ("Move up" + " component 2"). */
export const hidden = (text) => h("span", { class: "visually-hidden" }, text);

/** Offers `text` as a file download named `name`. */
export function download(name, text, type = "application/json") {
  const link = h("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0); // after the browser has taken the file
}
