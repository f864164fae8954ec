// The matrix being written, kept in this browser's local storage (never a cookie: nothing is
// sent anywhere) after every change, so a reload, a closed tab or a crash does not lose it.

const KEY = "maturity-matrix-authoring:draft";

/**
 * Keeps `draft`: `{ mode, text, following }`, the editing mode, the matrix as text (the JSON
 * text as typed, which may not be readable yet) and which ids follow their titles (ids.js).
 * Returns false when the browser will not keep it (storage blocked or full).
 */
export function keepDraft(draft) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

/** The kept draft, with `savedAt` as a Date, or `undefined` when there is none (or it cannot
 * be read: storage blocked, or written by something else). */
export function keptDraft() {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY));
    if (typeof kept?.text !== "string" || !["form", "json"].includes(kept.mode)) return undefined;
    const following = Array.isArray(kept.following) ? kept.following.filter((key) => typeof key === "string") : [];
    const savedAt = new Date(kept.savedAt);
    return { mode: kept.mode, text: kept.text, following, savedAt: Number.isNaN(savedAt.getTime()) ? undefined : savedAt };
  } catch {
    return undefined;
  }
}

export function forgetDraft() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Storage blocked: there is nothing kept to forget.
  }
}
