// The authoring page: validate an instrument as it is written, show every problem with its
// path, preview it live in the widget, and offer a template. Everything happens in the page.
import { init, builtinInstrument, validateInstrument } from "./dist/maturity-matrix.js";

const source = document.getElementById("source");
const check = document.getElementById("check");
const preview = document.getElementById("preview");

/** A small, valid starting point that shows every feature of the format. */
const TEMPLATE = {
  formatVersion: 1,
  id: "our-local-matrix",
  version: "1.0.0",
  title: "Our local improvement matrix",
  description: "What this matrix is for, in a sentence or two.",
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
    {
      id: "first-component",
      title: "The first component",
      items: [
        {
          id: "first-item",
          title: "The first item",
          prompt: "The question people answer for this item?",
          levels: ["What not yet started looks like.", "What emerging looks like.", "What developing looks like.", "What embedding looks like."],
          evidence: ["An example of evidence", "Another example"],
        },
      ],
    },
  ],
};

function download(name, text) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

function showProblems(problems) {
  const heading = document.createElement("p");
  heading.className = "author-problems-title";
  heading.textContent = problems.length === 1 ? "There is 1 problem to fix:" : `There are ${problems.length} problems to fix:`;
  const list = document.createElement("ul");
  list.className = "author-problems";
  for (const problem of problems) {
    const entry = document.createElement("li");
    if (problem.path) {
      const path = document.createElement("code");
      path.textContent = problem.path;
      entry.append(path, ": ");
    }
    entry.append(problem.message);
    list.append(entry);
  }
  check.replaceChildren(heading, list);
}

function validate() {
  const text = source.value;
  if (!text.trim()) {
    check.textContent = "Nothing to check yet.";
    return;
  }
  try {
    const instrument = validateInstrument(text);
    const items = instrument.components.reduce((n, c) => n + c.items.length, 0);
    const ok = document.createElement("p");
    ok.className = "author-ok";
    ok.textContent = `No problems: ${instrument.components.length} components, ${items} items, ${instrument.scale.levels.length} levels.`;
    check.replaceChildren(ok);
    preview.instrument = instrument;
  } catch (error) {
    showProblems(error.problems ?? [{ path: "", message: error.message }]);
  }
}

await init();
document.getElementById("template").addEventListener("click", () => download("matrix-template.json", `${JSON.stringify(TEMPLATE, null, 2)}\n`));
document.getElementById("start-from-default").addEventListener("click", () => {
  source.value = `${JSON.stringify(builtinInstrument("nhs-impact"), null, 2)}\n`;
  validate();
});
document.getElementById("download").addEventListener("click", () => {
  let name = "matrix.json";
  try {
    name = `${JSON.parse(source.value).id}.json`;
  } catch {
    // Not yet valid JSON: keep the generic name.
  }
  download(name, source.value);
});
document.getElementById("open").addEventListener("change", async (event) => {
  const [file] = event.target.files;
  if (!file) return;
  source.value = await file.text();
  event.target.value = "";
  validate();
});
source.addEventListener("input", validate);
source.value = `${JSON.stringify(TEMPLATE, null, 2)}\n`;
validate();
