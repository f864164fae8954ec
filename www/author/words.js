// Counts and sizes in words, for the authoring page's messages: "1 item", "2 items",
// "10,000 rows", "2.3 MB".

/** `n` and its noun, singular for exactly one: `plural(1, "item")` is "1 item",
 * `plural(3, "entry", "entries")` is "3 entries". Large counts get thousands separators. */
export const plural = (n, one, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;

/** 10000 as "10,000". */
export const number = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** A size in words, as the core writes it: "850 KB", "1 MB", "2.3 MB". Rounded up, so a size
 * over a limit never reads the same as the limit. */
export function sizeInWords(bytes) {
  const MB = 1 << 20;
  if (bytes < MB) return `${number(Math.ceil(bytes / 1024))} KB`;
  const tenths = Math.ceil((bytes * 10) / MB);
  return `${number(Math.floor(tenths / 10))}${tenths % 10 === 0 ? "" : `.${tenths % 10}`} MB`;
}
