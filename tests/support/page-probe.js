// Loaded first by every page the journeys open (journey-server.mjs adds it to each HTML page,
// as a same-site script the strict policy allows). It records what a person would not see but
// a journey must: uncaught errors, rejected promises, console errors, policy violations, and
// the widget's events. It can also take a web platform feature away before the widget loads,
// so the widget's fallback for engines without it is tested in every engine here (the list
// is set in sessionStorage by the test, so it holds across reloads in the tab).
(() => {
  const seen = (window.__probe = { errors: [], violations: [], events: [], removed: [] });
  addEventListener("error", (event) => seen.errors.push(`error: ${event.message}`));
  addEventListener("unhandledrejection", (event) => seen.errors.push(`unhandled rejection: ${event.reason?.message ?? event.reason}`));
  document.addEventListener("securitypolicyviolation", (event) => seen.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  // The element's events, as a host page would receive them (they bubble out of the shadow root).
  for (const type of ["maturity-change", "maturity-complete", "maturity-error"]) {
    document.addEventListener(type, (event) => {
      const { error, ...detail } = event.detail ?? {};
      seen.events.push({ type, target: event.target.id, detail: JSON.parse(JSON.stringify(detail)) });
    });
  }
  const consoleError = console.error;
  console.error = (...args) => {
    seen.errors.push(`console: ${args.map(String).join(" ")}`);
    consoleError.apply(console, args);
  };

  const removals = {
    CompressionStream: () => {
      delete window.CompressionStream;
      delete window.DecompressionStream;
    },
    adoptedStyleSheets: () => {
      delete ShadowRoot.prototype.adoptedStyleSheets;
      delete Document.prototype.adoptedStyleSheets;
    },
  };
  for (const name of (sessionStorage.getItem("probe:without") ?? "").split(",").filter(Boolean)) {
    removals[name]();
    seen.removed.push(name);
  }
})();
