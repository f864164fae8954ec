// Short ids made from titles. Saved answers are keyed by item id (and a browser's store by the
// matrix's id), so an id may follow its title only while nobody can have used it: while the
// matrix is new. An id stops following once the editor types it by hand, and never follows in
// a matrix opened from a file or the built-in one.

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

/** Every object of `draft` that has an id, with the kind of thing it is: `{ kind, holder }`. */
export function idHolders(draft) {
  const components = list(draft?.components).filter(isObject);
  const items = components.flatMap((c) => list(c.items)).filter(isObject);
  return [
    ...(isObject(draft) ? [{ kind: "matrix", holder: draft }] : []),
    ...components.map((holder) => ({ kind: "component", holder })),
    ...items.map((holder) => ({ kind: "item", holder })),
  ];
}

/** The id a title gives `holder`: unique among its `siblings` (the format wants component ids
 * unique among components, item ids across the whole matrix). */
export function idForTitle(holder, siblings, fallback) {
  const taken = new Set(siblings.filter((s) => s !== holder).map((s) => s.id));
  return uniqueId(slugOf(holder.title, fallback), taken);
}

/** An id-holding object's key: "item:first-item". */
export const keyOf = ({ kind, holder }) => `${kind}:${holder.id}`;

/** Which ids follow their titles, as keys: the objects themselves are remade when the matrix
 * goes through text (the JSON mode, the kept draft), their ids are not. */
export const followerKeys = (draft, followers) => idHolders(draft).filter(({ holder }) => followers.has(holder)).map(keyOf);

/** The keys of every id of `draft`: a new matrix, all of whose ids follow their titles. */
export const allIdKeys = (draft) => idHolders(draft).map(keyOf);

/** The objects of `draft` whose ids follow their titles, from their keys. An id changed in the
 * JSON text no longer matches its key, so it stops following, as if typed in the form. */
export function followersFrom(draft, keys) {
  const wanted = new Set(keys);
  const followers = new WeakSet();
  for (const entry of idHolders(draft)) if (wanted.has(keyOf(entry))) followers.add(entry.holder);
  return followers;
}
