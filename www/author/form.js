// The form editor: every field of a matrix as a labelled input, and buttons to add, reorder
// and remove scale levels, bands, components and items. It edits a draft object in place;
// the page validates the draft with the core after every change. Each input carries the JSON
// path the core uses in its problems (`data-path`), so a problem finds its field. Examples are
// placeholders, never values; ids follow titles while the matrix is new (ids.js); components
// and items fold away to their headings once they have nothing to fix, so a long matrix stays
// a short page.
import { h, hidden } from "./dom.js";
import { idForTitle } from "./ids.js";
import { PLACEHOLDERS, descriptorPlaceholder, stepPlaceholder } from "./template.js";
import { plural } from "./words.js";

/** How an id behaves, said once for every "Short id" field. */
const ID_RULE = "Made from the title until you change it here. A matrix opened from a file keeps its ids, as answers are saved under them.";

const itemsOf = (draft) => components(draft).flatMap((c) => (Array.isArray(c?.items) ? c.items : []));
const components = (draft) => (Array.isArray(draft.components) ? draft.components : []);
const scaleLevels = (draft) => (Array.isArray(draft.scale?.levels) ? draft.scale.levels : []);
const levelLabels = (draft) => scaleLevels(draft).map((level) => (typeof level?.label === "string" ? level.label.trim() : ""));
const asText = (value) => (value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value));

/** A whole or decimal number typed as text becomes a number; anything else stays text, for
 * the core to explain ("expected a whole number"). */
function asNumber(text) {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isListOf = (value, check) => value === undefined || (Array.isArray(value) && value.every(check));

/** Whether the form can show `draft` without losing anything: the lists it edits must be lists
 * of objects (or absent). Otherwise the person keeps editing the JSON text. */
export function fitsForm(draft) {
  return isObject(draft)
    && (draft.scale === undefined || (isObject(draft.scale) && isListOf(draft.scale.levels, isObject)))
    && (draft.scoring === undefined || (isObject(draft.scoring) && isListOf(draft.scoring.bands, isObject)))
    && isListOf(draft.components, (c) => isObject(c) && isListOf(c.items, isObject));
}

/** An id for an element from a JSON path: `components[0].title` → `field-components-0-title`. */
export const fieldId = (path) => `field-${path.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "")}`;
const groupId = (path) => fieldId(path).replace(/^field/, "group");

/** Swaps entries `a` and `b` of `list` in place. */
function swap(list, a, b) {
  [list[a], list[b]] = [list[b], list[a]];
}

/**
 * Creates the form editor in `container`. `onChange()` is called after every edit;
 * `announce(text)` tells screen-reader users what a button did.
 */
export function createForm(container, { onChange, announce }) {
  let draft = {};
  let followers = new WeakSet(); // the components, items and matrix whose ids follow their titles
  const setters = new WeakMap(); // input → what typing in it changes
  const chosenOpen = new WeakMap(); // component or item → open or folded, as the editor last chose
  let folds = new Map(); // a folding group's element → its fold, for the form as last drawn

  container.addEventListener("input", (event) => {
    const set = setters.get(event.target);
    if (!set) return;
    set(event.target.value);
    onChange();
  });

  /** Points the input's description at its hint and, while it has one, its error. */
  function describe(input, hint = input.dataset.hint, withError = false) {
    input.dataset.hint = hint ? "1" : "";
    const ids = [hint && `${input.id}-hint`, withError && `${input.id}-error`].filter(Boolean);
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  /** A labelled text input or text area bound to the draft; `label` may be text or nodes. */
  function field({ path, label, hint, value, set, multiline = false, rows = 2, size, numeric = false, placeholder, attributes }) {
    const id = fieldId(path);
    const input = multiline
      ? h("textarea", { id, rows, class: "author-input", "data-path": path, placeholder, ...attributes })
      : h("input", {
        id, type: "text", class: `author-input${size ? ` author-input--${size}` : ""}`, "data-path": path,
        inputmode: numeric ? "decimal" : undefined, spellcheck: numeric ? "false" : undefined, placeholder, ...attributes,
      });
    describe(input, hint, false);
    input.value = asText(value);
    setters.set(input, set);
    return h("div", { class: "author-field" },
      h("label", { for: id, class: "author-field-label" }, label),
      hint && h("p", { class: "author-hint", id: `${id}-hint` }, hint),
      h("p", { class: "author-field-error", id: `${id}-error`, hidden: true }),
      input);
  }

  function select({ path, label, hint, value, options, set }) {
    const id = fieldId(path);
    const input = h("select", { id, class: "author-input author-input--select", "data-path": path },
      options.map(([optionValue, text]) => h("option", { value: optionValue, selected: optionValue === value }, text)));
    describe(input, hint, false);
    setters.set(input, set);
    return h("div", { class: "author-field" },
      h("label", { for: id, class: "author-field-label" }, label),
      hint && h("p", { class: "author-hint", id: `${id}-hint` }, hint),
      h("p", { class: "author-field-error", id: `${id}-error`, hidden: true }),
      input);
  }

  /** A fieldset for one part of the matrix, its legend a heading so it can be jumped to. */
  function group({ path, level, title, titleText, hint }, ...children) {
    const id = groupId(path);
    return h("fieldset", { class: "author-group", "data-path": path, id },
      h("legend", {}, level ? h(`h${level}`, { class: "author-group-title" }, title, titleText) : title),
      hint && h("p", { class: "author-hint" }, hint),
      h("p", { class: "author-field-error", id: `${id}-error`, hidden: true }),
      children);
  }

  /**
   * A component's or an item's group, whose heading is a button that folds the rest away: the
   * heading and the buttons to move and remove it stay, on one line, with how many things
   * there are to fix inside. Folded parts are `hidden="until-found"`, so finding text in the
   * page still opens them. A group role rather than a fieldset, whose legend cannot share a
   * line with the buttons.
   */
  function foldingGroup({ path, holder, level, title, titleText }, buttons, fields) {
    const id = groupId(path);
    const body = h("div", { id: `${id}-fields`, class: "author-fold-fields" }, fields);
    const toDo = h("span", { class: "author-fold-to-do" });
    const toggle = h("button", { type: "button", class: "author-fold-button", "aria-expanded": "true", "aria-controls": body.id },
      h("span", {}, title, titleText, toDo));
    const element = h("div", { role: "group", "aria-labelledby": `${id}-title`, class: "author-group author-fold", "data-path": path, id },
      h("div", { class: "author-fold-head" }, h(`h${level}`, { class: "author-group-title", id: `${id}-title` }, toggle), buttons),
      h("p", { class: "author-field-error", id: `${id}-error`, hidden: true }),
      body);
    const fold = {
      toggle,
      // Whether it is open or folded is settled by the editor's choice, else by the first
      // problems shown after it is drawn (showProblems), and then left alone until the form is
      // drawn anew: nothing folds while it is being written in.
      settled: chosenOpen.has(holder),
      setOpen(open) {
        toggle.setAttribute("aria-expanded", String(open));
        if (open) body.removeAttribute("hidden");
        else body.setAttribute("hidden", "until-found");
      },
      choose(open) {
        chosenOpen.set(holder, open);
        fold.settled = true;
        fold.setOpen(open);
      },
      showToDo(count) {
        toDo.textContent = count ? ` (${plural(count, "thing", "things")} to fix)` : "";
      },
    };
    if (fold.settled) fold.setOpen(chosenOpen.get(holder));
    toggle.addEventListener("click", () => fold.choose(toggle.getAttribute("aria-expanded") !== "true"));
    body.addEventListener("beforematch", () => fold.choose(true));
    folds.set(element, fold);
    return element;
  }

  /** The folding groups that hold `element` (itself included), innermost first. */
  function foldsAround(element) {
    const around = [];
    for (let group = element?.closest(".author-fold"); group; group = group.parentElement.closest(".author-fold")) around.push(group);
    return around;
  }

  const isFolded = (element) => element?.matches(".author-fold") && folds.get(element)?.toggle.getAttribute("aria-expanded") === "false";

  /** What typing a title does: while `holder`'s id follows its title, the id changes with it,
   * unique among `siblings()`. `then(value)` updates the headings that show the title. */
  function titleSetter(holder, { idPath, siblings, fallback, then }) {
    return (value) => {
      holder.title = value;
      if (followers.has(holder)) {
        holder.id = idForTitle(holder, siblings(), fallback);
        container.querySelector(`[id="${fieldId(idPath)}"]`).value = holder.id;
      }
      then?.(value);
    };
  }

  /** What typing an id does: the id is the editor's from now on. */
  const idSetter = (holder) => (value) => {
    holder.id = value;
    followers.delete(holder);
  };

  /** Labels, descriptor placeholders and step placeholders that name a level, after its label changes. */
  function relabelLevels() {
    const labels = levelLabels(draft);
    for (const span of container.querySelectorAll("[data-level-label]")) span.textContent = labels[span.dataset.levelLabel] ? ` (${labels[span.dataset.levelLabel]})` : "";
    for (const area of container.querySelectorAll("[data-describes-level]")) area.placeholder = descriptorPlaceholder(labels[area.dataset.describesLevel]);
    for (const area of container.querySelectorAll("[data-step-from]")) {
      const from = Number(area.dataset.stepFrom);
      area.placeholder = stepPlaceholder(labels[from], labels[from + 1]);
    }
  }

  /** " (Emerging)" after "Level 2", kept up to date as the level's label is typed. */
  function levelName(index) {
    const label = levelLabels(draft)[index];
    return h("span", { "data-level-label": index }, label ? ` (${label})` : "");
  }

  /** Move up, move down and remove buttons for entry `index` of `count`. */
  function listButtons({ name, index, count, move, remove }) {
    return h("div", { class: "author-list-buttons" },
      index > 0 && h("button", { type: "button", class: "demo-button demo-button--small", "data-action": "up", onclick: () => move(-1) }, "Move up", hidden(` ${name}`)),
      index < count - 1 && h("button", { type: "button", class: "demo-button demo-button--small", "data-action": "down", onclick: () => move(1) }, "Move down", hidden(` ${name}`)),
      h("button", { type: "button", class: "demo-button demo-button--small demo-button--warning", "data-action": "remove", onclick: remove }, "Remove", hidden(` ${name}`)));
  }

  /** After a structural change: draws the form again, puts focus where the person's attention
   * is (`focusPath`'s group, on the button `action` or its first field) and says what happened. */
  function changed(message, focusPath, action) {
    render();
    onChange();
    const target = focusPath === undefined ? null : container.querySelector(`[id="${groupId(focusPath)}"]`);
    const buttons = action ? [action, action === "up" ? "down" : "up", "remove"] : [];
    const button = target && buttons.map((a) => target.querySelector(`:is(:scope, :scope > .author-fold-head) > .author-list-buttons [data-action="${a}"]`)).find(Boolean);
    const firstField = isFolded(target) ? folds.get(target).toggle : target?.querySelector("input, textarea, select");
    const focus = button ?? firstField ?? container.querySelector(`[data-add="${focusPath}"]`);
    focus?.focus();
    announce(message);
  }

  function aboutGroup() {
    const text = (key, label, hint, options = {}) => field({
      path: key, label, hint, value: draft[key],
      set: (value) => (draft[key] = value === "" && options.optional ? undefined : value),
      ...options,
    });
    return group({ path: "", level: 3, title: "About the matrix" },
      text("title", "Title", "Shown as the heading people see.", { placeholder: PLACEHOLDERS.title, set: titleSetter(draft, { idPath: "id", siblings: () => [], fallback: "matrix" }) }),
      text("id", "Short id", `Letters, digits and dashes. ${ID_RULE}`, { size: "medium", set: idSetter(draft) }),
      text("version", "Version", "Your own version, such as 2026.1. Answers record it; change it when you revise the matrix.", { size: "medium" }),
      text("description", "Description (optional)", "What the matrix is for, in a sentence or two.", { multiline: true, optional: true, placeholder: PLACEHOLDERS.description }),
      text("source", "Source (optional)", "Where the wording comes from, and the terms for reusing it.", { multiline: true, optional: true, placeholder: PLACEHOLDERS.source }));
  }

  function levelGroup(level, index, levels) {
    const path = `scale.levels[${index}]`;
    const name = `level ${index + 1}`;
    return h("li", {}, group({ path, level: 4, title: `Level ${index + 1}` },
      field({ path: `${path}.label`, label: "Label", value: level.label, placeholder: PLACEHOLDERS.levelLabel, set: (value) => {
        level.label = value;
        relabelLevels();
      } }),
      field({ path: `${path}.value`, label: "Value", hint: "A whole number from 0 to 100, higher than the level before.", value: level.value, size: "small", numeric: true, set: (value) => (level.value = asNumber(value) ?? "") }),
      field({ path: `${path}.description`, label: "Description (optional)", hint: "Shown for items that do not describe their own levels.", value: level.description, multiline: true, placeholder: PLACEHOLDERS.levelDescription, set: (value) => (level.description = value || undefined) }),
      listButtons({
        name, index, count: levels.length,
        move: (step) => moveLevel(index, step),
        remove: () => {
          levels.splice(index, 1);
          for (const item of itemsOf(draft)) {
            if (Array.isArray(item.levels)) item.levels.splice(index, 1);
            // The steps into and out of the level become one: the step out of it goes (for the
            // top level, which has none, the step into it).
            if (Array.isArray(item.moveUp)) item.moveUp.splice(Math.max(0, Math.min(index, item.moveUp.length - 1)), 1);
            if (item.moveUp?.length === 0) item.moveUp = undefined;
          }
          changed(`Level ${index + 1} removed.`, levels.length ? `scale.levels[${Math.min(index, levels.length - 1)}]` : "scale.levels");
        },
      })));
  }

  /** Moves a level's label and descriptions, and every item's descriptor for it; values stay
   * in place, so the scale still rises, and so do the steps up, which lead from a place on the
   * scale to the next rather than belong to one level. */
  function moveLevel(index, step) {
    const levels = scaleLevels(draft);
    const other = index + step;
    const [a, b] = [levels[index], levels[other]];
    [a.value, b.value] = [b.value, a.value];
    swap(levels, index, other);
    for (const item of itemsOf(draft)) if (Array.isArray(item.levels)) swap(item.levels, index, other);
    changed(`Level ${index + 1} moved ${step < 0 ? "up" : "down"}: it is now level ${other + 1}.`, `scale.levels[${other}]`, step < 0 ? "up" : "down");
  }

  function scaleGroup() {
    draft.scale ??= { levels: [] };
    if (!Array.isArray(draft.scale.levels)) draft.scale.levels = [];
    const scale = draft.scale;
    const levels = scale.levels;
    const special = (key, label, hint) => field({
      path: `scale.${key}.label`, label, hint, value: scale[key]?.label,
      set: (value) => (scale[key] = value.trim() ? { ...scale[key], label: value } : undefined),
    });
    return group({ path: "scale", level: 3, title: "Scale", hint: "From 2 to 10 levels, lowest first." },
      h("ol", { class: "author-list" }, levels.map((level, index) => levelGroup(level, index, levels))),
      h("button", {
        type: "button", class: "demo-button", "data-add": "scale.levels",
        onclick: () => {
          const last = levels.at(-1)?.value;
          levels.push({ value: typeof last === "number" ? last + 1 : levels.length + 1, label: "" });
          for (const item of itemsOf(draft)) {
            if (Array.isArray(item.levels)) item.levels.push("");
            if (Array.isArray(item.moveUp)) item.moveUp.push("");
          }
          changed(`Level ${levels.length} added.`, `scale.levels[${levels.length - 1}]`);
        },
      }, "Add a level"),
      special("notApplicable", "Label for \u2018not applicable\u2019 (optional)", "Leave empty to not offer this answer."),
      special("dontKnow", "Label for \u2018don\u2019t know\u2019 (optional)", "Leave empty to not offer this answer."));
  }

  function bandGroup(band, index, bands) {
    const path = `scoring.bands[${index}]`;
    return h("li", {}, group({ path, level: 5, title: `Band ${index + 1}` },
      field({ path: `${path}.from`, label: "From score", hint: "The band starts at this score; at most two decimals.", value: band.from, size: "small", numeric: true, set: (value) => (band.from = asNumber(value) ?? "") }),
      field({ path: `${path}.label`, label: "Label", value: band.label, placeholder: PLACEHOLDERS.bandLabel, set: (value) => (band.label = value) }),
      listButtons({
        name: `band ${index + 1}`, index, count: bands.length,
        move: (step) => {
          const other = index + step;
          [bands[index].from, bands[other].from] = [bands[other].from, bands[index].from];
          swap(bands, index, other);
          changed(`Band ${index + 1} moved ${step < 0 ? "up" : "down"}: it is now band ${other + 1}.`, `scoring.bands[${other}]`, step < 0 ? "up" : "down");
        },
        remove: () => {
          bands.splice(index, 1);
          if (bands.length === 0) draft.scoring.bands = undefined;
          changed(`Band ${index + 1} removed.`, bands.length ? `scoring.bands[${Math.min(index, bands.length - 1)}]` : "scoring.bands");
        },
      })));
  }

  function scoringGroup() {
    const scoring = () => (draft.scoring ??= {});
    const rules = [["mean", "Mean (weighted average)"], ["median", "Median"], ["minimum", "Minimum (the weakest link)"]];
    const bands = Array.isArray(draft.scoring?.bands) ? draft.scoring.bands : [];
    return group({ path: "scoring", level: 3, title: "Scoring" },
      select({ path: "scoring.component", label: "How items add up to a component\u2019s score", value: draft.scoring?.component ?? "mean", options: rules, set: (value) => (scoring().component = value) }),
      select({ path: "scoring.overall", label: "How components add up to the overall figure", value: draft.scoring?.overall ?? "mean", options: rules, set: (value) => (scoring().overall = value) }),
      group({ path: "scoring.bands", level: 4, title: "Bands (optional)", hint: "Names for ranges of scores, lowest first: a score takes the label of the highest band it reaches." },
        h("ol", { class: "author-list" }, bands.map((band, index) => bandGroup(band, index, bands))),
        h("button", {
          type: "button", class: "demo-button", "data-add": "scoring.bands",
          onclick: () => {
            const list = (scoring().bands = Array.isArray(scoring().bands) ? scoring().bands : []);
            const last = list.at(-1)?.from;
            list.push({ from: typeof last === "number" ? last + 1 : scaleLevels(draft)[0]?.value ?? 0, label: "" });
            changed(`Band ${list.length} added.`, `scoring.bands[${list.length - 1}]`);
          },
        }, "Add a band")));
  }

  function itemGroup(item, index, items, componentIndex) {
    const path = `components[${componentIndex}].items[${index}]`;
    const title = h("span", {}, item.title ? `: ${item.title}` : "");
    const name = `item ${index + 1} of component ${componentIndex + 1}`;
    const text = (key, label, hint, options = {}) => field({
      path: `${path}.${key}`, label, hint, value: item[key],
      set: (value) => (item[key] = options.optional && value === "" ? undefined : value),
      ...options,
    });
    const buttons = listButtons({
      name, index, count: items.length,
      move: (step) => {
        swap(items, index, index + step);
        changed(`Item ${index + 1} of component ${componentIndex + 1} moved ${step < 0 ? "up" : "down"}: it is now item ${index + step + 1}.`, `components[${componentIndex}].items[${index + step}]`, step < 0 ? "up" : "down");
      },
      remove: () => {
        items.splice(index, 1);
        changed(`Item ${index + 1} of component ${componentIndex + 1} removed.`, items.length ? `components[${componentIndex}].items[${Math.min(index, items.length - 1)}]` : `components[${componentIndex}].items`);
      },
    });
    return h("li", {}, foldingGroup({ path, holder: item, level: 5, title: `Component ${componentIndex + 1}, item ${index + 1}`, titleText: title }, buttons, [
      text("title", "Title", "A short name for the item.", {
        placeholder: PLACEHOLDERS.itemTitle,
        set: titleSetter(item, { idPath: `${path}.id`, siblings: () => itemsOf(draft), fallback: "item", then: (value) => (title.textContent = value ? `: ${value}` : "") }),
      }),
      text("id", "Short id", `Letters, digits and dashes, different from every other item\u2019s. ${ID_RULE}`, { size: "medium", set: idSetter(item) }),
      text("prompt", "Question (optional)", "The question people answer for this item.", { multiline: true, optional: true, placeholder: PLACEHOLDERS.prompt }),
      descriptorGroup(item, path),
      stepGroup(item, path),
      text("guidance", "Guidance (optional)", "Help for rating this item.", { multiline: true, optional: true, placeholder: PLACEHOLDERS.guidance }),
      field({
        path: `${path}.evidence`, label: "Examples of evidence (optional)", hint: "One per line.", multiline: true, rows: 3, placeholder: PLACEHOLDERS.evidence,
        value: Array.isArray(item.evidence) ? item.evidence.join("\n") : item.evidence,
        set: (value) => {
          const lines = value.split("\n").map((line) => line.trim()).filter(Boolean);
          item.evidence = lines.length ? lines : undefined;
        },
      }),
      field({ path: `${path}.weight`, label: "Weight (optional)", hint: "A whole number from 1 to 1,000; empty counts as 1.", value: item.weight, size: "small", numeric: true, set: (value) => (item.weight = asNumber(value)) }),
    ]));
  }

  /** One text area per entry of one of an item's per-level lists (`levels`, `moveUp`), `count`
   * of them. All empty: the item has no such list. */
  function perLevelGroup(item, path, key, count, { title, hint, label, placeholder, attributes }) {
    const areas = [];
    const set = () => {
      const values = areas.map((area) => area.querySelector("textarea").value);
      item[key] = values.some((v) => v.trim()) ? values : undefined;
    };
    for (let index = 0; index < count; index++) {
      areas.push(field({
        path: `${path}.${key}[${index}]`, label: label(index), multiline: true,
        placeholder: placeholder(index), attributes: attributes(index),
        value: Array.isArray(item[key]) ? item[key][index] : "",
        set,
      }));
    }
    return group({ path: `${path}.${key}`, level: 0, title, hint }, areas);
  }

  /** What each level looks like for the item. All empty: it shows the scale's descriptions. */
  function descriptorGroup(item, path) {
    const labels = levelLabels(draft);
    return perLevelGroup(item, path, "levels", labels.length, {
      title: "What each level looks like (optional)",
      hint: "Describe every level for this item, or leave them all empty to show the scale\u2019s descriptions.",
      label: (index) => [`Level ${index + 1}`, levelName(index)],
      placeholder: (index) => descriptorPlaceholder(labels[index]),
      attributes: (index) => ({ "data-describes-level": index }),
    });
  }

  /** How to move up from each level but the top: the action plan shows it beside each gap. */
  function stepGroup(item, path) {
    const labels = levelLabels(draft);
    return perLevelGroup(item, path, "moveUp", Math.max(0, labels.length - 1), {
      title: "How to move up (optional)",
      hint: "What it takes to reach the next level: the action plan shows it to people rated below it. Write every step, or leave them all empty.",
      label: (index) => [`From level ${index + 1}`, levelName(index), ` to level ${index + 2}`, levelName(index + 1)],
      placeholder: (index) => stepPlaceholder(labels[index], labels[index + 1]),
      attributes: (index) => ({ "data-step-from": index }),
    });
  }

  function componentGroup(component, index, list) {
    const path = `components[${index}]`;
    if (!Array.isArray(component.items)) component.items = [];
    const items = component.items;
    const title = h("span", {}, component.title ? `: ${component.title}` : "");
    const text = (key, label, hint, options = {}) => field({
      path: `${path}.${key}`, label, hint, value: component[key],
      set: (value) => (component[key] = options.optional && value === "" ? undefined : value),
      ...options,
    });
    const buttons = listButtons({
      name: `component ${index + 1}`, index, count: list.length,
      move: (step) => {
        swap(list, index, index + step);
        changed(`Component ${index + 1} moved ${step < 0 ? "up" : "down"}: it is now component ${index + step + 1}.`, `components[${index + step}]`, step < 0 ? "up" : "down");
      },
      remove: () => {
        list.splice(index, 1);
        changed(`Component ${index + 1} removed.`, list.length ? `components[${Math.min(index, list.length - 1)}]` : "components");
      },
    });
    return h("li", {}, foldingGroup({ path, holder: component, level: 4, title: `Component ${index + 1}`, titleText: title }, buttons, [
      text("title", "Title", "The component's name, as people see it.", {
        placeholder: PLACEHOLDERS.componentTitle,
        set: titleSetter(component, { idPath: `${path}.id`, siblings: () => components(draft), fallback: "component", then: (value) => (title.textContent = value ? `: ${value}` : "") }),
      }),
      text("id", "Short id", `Letters, digits and dashes, different from every other component\u2019s. ${ID_RULE}`, { size: "medium", set: idSetter(component) }),
      text("description", "Description (optional)", undefined, { multiline: true, optional: true, placeholder: PLACEHOLDERS.componentDescription }),
      text("guidance", "Guidance (optional)", "Help for rating this component's items.", { multiline: true, optional: true, placeholder: PLACEHOLDERS.componentGuidance }),
      field({ path: `${path}.weight`, label: "Weight (optional)", hint: "A whole number from 1 to 1,000; empty counts as 1.", value: component.weight, size: "small", numeric: true, set: (value) => (component.weight = asNumber(value)) }),
      h("ol", { class: "author-list" }, items.map((item, itemIndex) => itemGroup(item, itemIndex, items, index))),
      h("button", {
        type: "button", class: "demo-button", "data-add": `${path}.items`,
        onclick: () => {
          items.push(newHolder({ title: "" }, itemsOf(draft), "item"));
          changed(`Item ${items.length} added to component ${index + 1}.`, `${path}.items[${items.length - 1}]`);
        },
      }, "Add an item", hidden(` to component ${index + 1}`)),
    ]));
  }

  /** A new component or item, its id following its title (empty for now) from the start. */
  function newHolder(holder, siblings, fallback) {
    holder.id = idForTitle(holder, siblings, fallback);
    followers.add(holder);
    return holder;
  }

  function componentsSection() {
    if (!Array.isArray(draft.components)) draft.components = [];
    const list = draft.components;
    return h("section", { class: "author-group author-group--plain", "data-path": "components", id: "group-components", "aria-labelledby": "components-title" },
      h("h3", { id: "components-title", class: "author-group-title" }, "Components"),
      h("p", { class: "author-hint" }, "Each component groups items people rate. At least one component, each with at least one item. A component or item with nothing to fix folds away to its heading: choose the heading to open it."),
      h("p", { class: "author-field-error", id: "group-components-error", hidden: true }),
      h("ol", { class: "author-list" }, list.map((component, index) => componentGroup(component, index, list))),
      h("button", {
        type: "button", class: "demo-button", "data-add": "components",
        onclick: () => {
          list.push(newHolder({ title: "", items: [] }, list, "component"));
          list.at(-1).items.push(newHolder({ title: "" }, itemsOf(draft), "item"));
          changed(`Component ${list.length} added, with one item.`, `components[${list.length - 1}]`);
        },
      }, "Add a component"));
  }

  function render() {
    folds = new Map();
    container.replaceChildren(aboutGroup(), scaleGroup(), scoringGroup(), componentsSection());
  }

  return {
    /** Shows `value` (edited in place from now on); the ids of the objects in `idsFollowing`
     * (a WeakSet the form keeps up to date) follow their titles. */
    show(value, idsFollowing) {
      draft = value;
      followers = idsFollowing;
      render();
    },
    /** Opens the folded component and item that hold `element`, so it can be seen and focused. */
    reveal(element) {
      for (const group of foldsAround(element)) if (isFolded(group)) folds.get(group).choose(true);
    },
    /** The input for a problem's path, or the nearest group that holds it. */
    elementFor(path) {
      for (let at = path; ; at = at.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) {
        const found = container.querySelector(`[data-path="${CSS.escape(at)}"]`);
        if (found) return found;
        if (!/[.[]/.test(at)) return container.querySelector('[data-path=""]');
      }
    },
    /** Shows each problem next to its field: `byElement` maps an input or group to texts. An
     * item tells on its heading how many things in it there are to fix; drawn anew, it opens if
     * there are some and folds if there are none, unless the editor chose otherwise. */
    showProblems(byElement) {
      for (const error of container.querySelectorAll(".author-field-error")) {
        error.hidden = true;
        error.textContent = "";
      }
      for (const group of container.querySelectorAll(":is(fieldset, section, [role=group])[aria-describedby]")) group.removeAttribute("aria-describedby");
      for (const input of container.querySelectorAll("[aria-invalid]")) {
        input.removeAttribute("aria-invalid");
        describe(input, input.dataset.hint === "1", false);
      }
      for (const [element, texts] of byElement) {
        const isGroup = element.matches("fieldset, section, [role=group]");
        const error = isGroup ? element.querySelector(":scope > .author-field-error") : element.parentElement.querySelector(":scope > .author-field-error");
        error.hidden = false;
        error.replaceChildren(h("span", { class: "visually-hidden" }, "Problem: "), texts.join(" "));
        if (isGroup) element.setAttribute("aria-describedby", error.id);
        else {
          element.setAttribute("aria-invalid", "true");
          describe(element, element.dataset.hint === "1", true);
        }
      }
      const toDo = new Map();
      for (const [element, texts] of byElement) {
        for (const group of foldsAround(element)) toDo.set(group, (toDo.get(group) ?? 0) + texts.length);
      }
      for (const [group, fold] of folds) {
        const count = toDo.get(group) ?? 0;
        fold.showToDo(count);
        if (!fold.settled) {
          fold.setOpen(count > 0);
          fold.settled = true;
        }
      }
    },
  };
}
