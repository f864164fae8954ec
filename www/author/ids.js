// Short ids made from titles: lowercase letters, digits and hyphens, unique where they must be.

/** The longest id made from a title, leaving room for a "-12" within the format's 64. */
const MAX_BASE_CHARS = 56;

/** "Daily huddles" → "daily-huddles"; `fallback` when the title has no letters or digits. */
export function slugOf(title, fallback) {
  const slug = String(title ?? "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, MAX_BASE_CHARS).replace(/-+$/, "");
  return slug || fallback;
}

/** `base`, or the first of `base-2`, `base-3`… that is not in `taken`. */
export function uniqueId(base, taken) {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

const list = (value) => (Array.isArray(value) ? value : []);
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Every object of `draft` that has an id, with the kind of thing it is and those it must
 * differ from: `{ kind, holder, siblings }` (the format wants component ids unique among
 * components, item ids across the whole matrix). */
export function idHolders(draft) {
  const components = list(draft?.components).filter(isObject);
  const items = components.flatMap((c) => list(c.items)).filter(isObject);
  return [
    ...(isObject(draft) ? [{ kind: "matrix", holder: draft, siblings: [] }] : []),
    ...components.map((holder) => ({ kind: "component", holder, siblings: components })),
    ...items.map((holder) => ({ kind: "item", holder, siblings: items })),
  ];
}

/** An id-holding object's key: "item:first-item". */
export const keyOf = ({ kind, holder }) => `${kind}:${holder.id}`;
