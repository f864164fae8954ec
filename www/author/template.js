// The template a new matrix starts from, and the example wording around it. Examples are shown
// as placeholders in the form, never held as values: an editor who skips a field must publish
// nothing there rather than our example. The Check names any field still holding example
// wording (this template's, the downloadable one's, the older template's that earlier files
// may carry) or a placeholder such as "TBC".

/** The matrix the form starts with: valid, so the preview shows it at once, and holding no
 * more wording than a matrix needs to be valid. Each piece of it is named by the Check. */
export const TEMPLATE = {
  formatVersion: 1,
  id: "our-local-matrix",
  version: "1.0.0",
  title: "Our local improvement matrix",
  scale: {
    levels: [
      { value: 1, label: "Not yet started" },
      { value: 2, label: "Emerging" },
      { value: 3, label: "Developing" },
      { value: 4, label: "Embedding" },
    ],
    notApplicable: { label: "Not applicable to us" },
    dontKnow: { label: "Don't know" },
  },
  scoring: { component: "mean", overall: "mean" },
  components: [
    { id: "first-component", title: "The first component", items: [{ id: "first-item", title: "The first item" }] },
  ],
};

/** The downloadable template: the same matrix with an example in every field, to show the
 * format's shape to someone writing JSON or a spreadsheet. */
export const TEMPLATE_FILE = {
  ...TEMPLATE,
  description: "What this matrix is for, in a sentence or two.",
  components: [{
    ...TEMPLATE.components[0],
    items: [{
      ...TEMPLATE.components[0].items[0],
      prompt: "The question people answer for this item?",
      levels: ["What not yet started looks like.", "What emerging looks like.", "What developing looks like.", "What embedding looks like."],
      moveUp: ["What it takes to move from not yet started to emerging.", "What it takes to move from emerging to developing.", "What it takes to move from developing to embedding."],
      evidence: ["An example of evidence", "Another example"],
    }],
  }],
};

/** The form's placeholders: what a field might hold, never what it holds. */
export const PLACEHOLDERS = {
  title: "For example: Community team improvement matrix",
  description: "For example: For community teams to discuss how they improve their work, and agree what to do next.",
  source: "For example: Written by our quality improvement team, 2026. Free to reuse with this notice.",
  levelLabel: "For example: Leading",
  levelDescription: "For example: Happens in some teams, some of the time.",
  bandLabel: "For example: Developing",
  componentTitle: "For example: Learning from incidents",
  componentDescription: "For example: How teams find out what went wrong, and change their work as a result.",
  componentGuidance: "For example: Think of the last three months.",
  itemTitle: "For example: Reviews that lead to change",
  prompt: "For example: After an incident, does the team agree a change and check that it worked?",
  guidance: "For example: Count only the reviews finished in the last year.",
  evidence: "For example:\nReview minutes\nA log of the changes made",
};

/** A level's descriptor and a step up, described rather than exemplified: the levels are the
 * editor's own. */
export const descriptorPlaceholder = (label) => `What \u201c${label || "this level"}\u201d looks like for this item`;
export const stepPlaceholder = (from, to) => `What it takes to get from \u201c${from || "this level"}\u201d to \u201c${to || "the next"}\u201d for this item`;

/** Text as compared with the examples: case, spacing and closing punctuation set aside. */
const comparable = (text) => text.toLowerCase().replace(/\s+/g, " ").trim().replace(/[.?!:;]+$/, "");

/** Every example a field might still hold. Not the placeholders: they are never values, and
 * their short examples ("Leading") are words a matrix may well use. */
const EXAMPLES = new Set([
  TEMPLATE.title, TEMPLATE.components[0].title, TEMPLATE.components[0].items[0].title,
  TEMPLATE_FILE.description,
  ...Object.values(TEMPLATE_FILE.components[0].items[0]).filter(Array.isArray).flat(),
  TEMPLATE_FILE.components[0].items[0].prompt,
].map(comparable));

/** Text people write for "fill this in later". */
const PLACEHOLDER_MARK = /^(tbc|tbd|tba|todo|to do|to be (confirmed|decided|agreed|written|added)|placeholder|lorem ipsum\b.*|x+|\?+|\.+|-+|\u2026+)$/;

/** Why `text` reads as a placeholder: "example" (wording of ours), "mark" (such as "TBC"), or
 * `undefined` when it reads as the editor's own. */
export function placeholderKind(text) {
  if (typeof text !== "string" || !text.trim()) return undefined;
  if (PLACEHOLDER_MARK.test(text.toLowerCase().trim())) return "mark";
  return EXAMPLES.has(comparable(text)) ? "example" : undefined;
}

const list = (value) => (Array.isArray(value) ? value : []);

/** Every text field of `draft` with its JSON path, in the order the form shows them. */
function* textFields(draft) {
  for (const key of ["title", "description", "source"]) yield [key, draft[key]];
  for (const [i, level] of list(draft.scale?.levels).entries()) {
    yield [`scale.levels[${i}].label`, level?.label];
    yield [`scale.levels[${i}].description`, level?.description];
  }
  for (const key of ["notApplicable", "dontKnow"]) yield [`scale.${key}.label`, draft.scale?.[key]?.label];
  for (const [i, band] of list(draft.scoring?.bands).entries()) yield [`scoring.bands[${i}].label`, band?.label];
  for (const [c, component] of list(draft.components).entries()) {
    for (const key of ["title", "description", "guidance"]) yield [`components[${c}].${key}`, component?.[key]];
    for (const [i, item] of list(component?.items).entries()) {
      const path = `components[${c}].items[${i}]`;
      for (const key of ["title", "prompt"]) yield [`${path}.${key}`, item?.[key]];
      for (const key of ["levels", "moveUp"]) for (const [k, text] of list(item?.[key]).entries()) yield [`${path}.${key}[${k}]`, text];
      yield [`${path}.guidance`, item?.guidance];
      for (const [k, text] of list(item?.evidence).entries()) yield [`${path}.evidence[${k}]`, text];
    }
  }
}

/** The fields of `draft` still holding example or placeholder wording: `{ path, text, kind }`. */
export function placeholderWording(draft) {
  if (draft === null || typeof draft !== "object") return [];
  const found = [];
  for (const [path, text] of textFields(draft)) {
    const kind = placeholderKind(text);
    if (kind) found.push({ path, text, kind });
  }
  return found;
}
