// "A page with this matrix inside": one HTML file holding the standalone widget and the matrix
// as inline data, for a shared drive, where a page cannot fetch a matrix file beside it.

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** JSON that cannot end its <script> element early: every "<" written as \u003c. */
const inlineJson = (value) => JSON.stringify(value, null, 2).replace(/</g, "\\u003c");

/** The standalone build's text: inside this page when it is the single-file release, else
 * fetched from the demo's dist/ folder. */
export async function standaloneScript() {
  const inline = document.getElementById("maturity-matrix-standalone");
  if (inline) return inline.textContent;
  const response = await fetch(new URL("dist/maturity-matrix.standalone.js", document.baseURI));
  if (!response.ok) throw new Error(`the widget's file could not be read (${response.status})`);
  return response.text();
}

/** The page's HTML for `instrument` (already validated). */
export function pageWithMatrix(instrument, script) {
  // Written so that this file, too, can sit inside a <script> element.
  if (/<\/script|<!-{2}/i.test(script)) throw new Error("the widget's script cannot be placed inside a page");
  const title = escapeHtml(instrument.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body>
<main>
<h1>${title}</h1>
<p>Your answers are kept in this browser, for this file, and are sent nowhere.</p>
<maturity-matrix>
<script type="application/json">
${inlineJson(instrument)}
<\/script>
</maturity-matrix>
</main>
<script>${script}<\/script>
</body>
</html>
`;
}
