// How the web part gets the <maturity-matrix> element: from the files of the release that the
// package carries beside the web part's own bundle (SharePoint deploys them all to the site's
// ClientSideAssets), at run time, with script elements. Nothing of the element is bundled into
// the web part's own script, and no file comes from anywhere else.
//
// Two ways, tried in order, each from every address SharePoint lists for the package's files
// (loaderConfig.internalModuleBaseUrls: the Microsoft 365 CDN first where the tenant has turned
// it on, then the site's own library):
//
// 1. The module build: maturity-matrix.js (an ES module), which fetches maturity-matrix.wasm
//    from beside itself. The smaller download, compiled while it arrives. Where SharePoint
//    serves the .wasm with a type other than application/wasm, the wasm-bindgen glue compiles
//    it from its bytes instead. A module script and the .wasm fetch are requests that another
//    origin must allow (CORS): the tenant's own site always does (it is the page's origin), the
//    Microsoft 365 public CDN does not always, and the CDN serves only the file types on its
//    list (wasm is not on the default one). So the .wasm is probed first: its first bytes must
//    arrive, and be WebAssembly's, before the module is added.
// 2. The standalone build: maturity-matrix.standalone.js, a classic script with the WebAssembly
//    inside it. A classic script needs no CORS and is a .js file, which every CDN list carries:
//    it loads wherever the web part's own bundle did.
//
// Both are script elements with a `src` on the package's own addresses: no inline script, no
// eval; under SharePoint's Content Security Policy the package's addresses are already allowed
// (they are where the web part's bundle itself came from), and 'unsafe-eval', which SharePoint's
// policy carries, lets the browser compile WebAssembly.

const ELEMENT = "maturity-matrix";

/** How the element was loaded: "module", "standalone", or "present" when the page had it. */
export type Route = "module" | "standalone" | "present";

let loading: Promise<Route> | undefined;

/** Loads the element once per page, from the first of `bases` (directory addresses ending in
 * "/") that serves it. Every web part on the page shares the one load. */
export function loadElement(bases: string[]): Promise<Route> {
  if (window.customElements.get(ELEMENT)) return Promise.resolve<Route>("present");
  if (!loading) {
    loading = firstRoute(bases).catch((error: Error) => {
      loading = undefined; // a later render tries again
      throw error;
    });
  }
  return loading;
}

async function firstRoute(bases: string[]): Promise<Route> {
  const problems: string[] = [];
  for (const base of bases) {
    if (!(await isWebAssembly(base + "maturity-matrix.wasm"))) {
      problems.push(`${base}maturity-matrix.wasm could not be fetched`);
      continue;
    }
    try {
      await addScript(base + "maturity-matrix.js", true);
      if (window.customElements.get(ELEMENT)) return "module";
      problems.push(`${base}maturity-matrix.js ran without defining <${ELEMENT}>`);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  for (const base of bases) {
    try {
      await addScript(base + "maturity-matrix.standalone.js", false);
      if (window.customElements.get(ELEMENT)) return "standalone";
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  throw new Error(
    "The self-assessment's files could not be loaded from this app's package (" + problems.join("; ") + "). " +
      "Ask whoever manages the SharePoint app catalog to check that the maturity-matrix app is deployed to this site.",
  );
}

/** Whether `url` answers with WebAssembly: the first four bytes are "\0asm". Asks for those
 * bytes alone (a Range request); a server that sends the whole file is cut off after them. */
async function isWebAssembly(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { credentials: "same-origin", headers: { Range: "bytes=0-3" } });
    if (!response.ok || !response.body) return false;
    const reader = response.body.getReader();
    const head: number[] = [];
    while (head.length < 4) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      for (let i = 0; i < value.length && head.length < 4; i++) head.push(value[i]);
    }
    reader.cancel().catch(() => undefined);
    return head.length === 4 && head[0] === 0 && head[1] === 0x61 && head[2] === 0x73 && head[3] === 0x6d;
  } catch {
    return false; // refused (CORS), offline, or blocked by policy
  }
}

/** Adds a script element for `src` to the document's head; resolves once it has run. */
function addScript(src: string, module: boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    if (module) script.type = "module";
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new Error(`${src} could not be loaded`));
    };
    document.head.appendChild(script);
  });
}
