// Every page of a tenant, and every Teams tab of it, runs on the tenant's one origin
// (https://<tenant>.sharepoint.com), so they all share one browser storage. The element keeps
// its answers under its `storage-key`; the web part makes that key name the place (the page, or
// the Teams tab) and the web part instance, so that two web parts never share answers, and a
// copy of a page starts afresh instead of reading the original's answers.

/** What the web part knows of where it runs (read from SharePoint's page context or Teams). */
export interface IPlace {
  /** The page's list and item ids, when the page is an item of a library (a site page). */
  listId?: string;
  itemId?: number;
  /** The page's server-relative address: used when the page is not a library item. */
  path?: string;
  /** In Teams: the channel or chat the tab is in (absent for a personal app). */
  teamsConversation?: string;
  /** In Teams: the tab's own id. */
  teamsPage?: string;
  /** True in Teams (a tab or a personal app). */
  teams?: boolean;
}

/** The characters an editor may use in the web part's own storage key. */
export const USER_KEY_PATTERN: RegExp = /^[A-Za-z0-9-]{0,64}$/;

/** The storage key for one web part: the place's parts, the instance and the editor's key,
 * joined by `:` (`page:<list id>:<item id>:<instance id>:<key>`). Each part is percent-encoded,
 * so none can hold the `:` between them and two different places never give the same key. */
export function storageKey(place: IPlace, instanceId: string, userKey: string | undefined): string {
  return placeParts(place).concat(instanceId, userKey || "default").map(encodeURIComponent).join(":");
}

/** The page or tab, as parts of the key: the list item's ids, which stay the same when the page
 * is renamed or moved within its library; else the page's address; in Teams, the conversation
 * (a channel or chat, or "personal" for the personal app) and the tab. */
export function placeParts(place: IPlace): string[] {
  if (place.teams) return ["teams", place.teamsConversation || "personal", place.teamsPage || ""];
  if (place.listId && typeof place.itemId === "number") return ["page", place.listId.toLowerCase(), String(place.itemId)];
  return ["path", (place.path || "/").toLowerCase()];
}
