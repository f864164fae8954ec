// The server the journeys open pages from: scripts/serve.mjs over www/ (as the demo is served),
// with the test fixtures at /build/fixtures/, the page probe added to every HTML page, and a
// device frame: /__frame.html?width=W&height=H&src=PATH shows PATH in an iframe of exactly
// W × H CSS px. Desktop engines will not make a window narrower than about 450–500 px, but an
// iframe's viewport is what media and container queries and layout use, in every engine.
import { createServer, request } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { repo, www } from "./paths.mjs";

const FIXTURES = "/build/fixtures/";
const PROBE = "/__probe.js";
const FRAME = "/__frame.html";
const fixtures = path.join(repo, "tests/fixtures");

/** Starts the server; resolves to `{ url, close }`. */
export async function serveJourneys() {
  const [demo, fixtureFiles] = await Promise.all([serve(www, 0), serve(fixtures, 0)]);
  const server = createServer(async (incoming, outgoing) => {
    const { pathname } = new URL(incoming.url, "http://localhost");
    if (pathname === PROBE) {
      outgoing.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      outgoing.end(await readFile(path.join(repo, "tests/support/page-probe.js")));
      return;
    }
    if (pathname === FRAME) {
      const query = new URL(incoming.url, "http://localhost").searchParams;
      const [width, height] = ["width", "height"].map((name) => Number.parseInt(query.get(name), 10));
      const src = new URL(query.get("src") ?? "/", "http://localhost").pathname;
      outgoing.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      outgoing.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${width} × ${height}</title></head>`
        + `<body style="margin: 0"><iframe src="${src}" width="${width}" height="${height}" frameborder="0" title="The page at ${width} × ${height}"></iframe></body></html>`);
      return;
    }
    const [upstream, upstreamPath] = pathname.startsWith(FIXTURES)
      ? [fixtureFiles, `/${incoming.url.slice(FIXTURES.length)}`]
      : [demo, incoming.url];
    request(new URL(upstreamPath, upstream.url), { method: incoming.method }, (response) => {
      const html = String(response.headers["content-type"]).startsWith("text/html");
      if (!html) {
        outgoing.writeHead(response.statusCode, response.headers);
        response.pipe(outgoing);
        return;
      }
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => {
        // First thing in <head>, before the policy and the widget's module.
        const body = Buffer.concat(chunks).toString("utf8").replace(/<head>/i, `<head><script src="${PROBE}"></script>`);
        const { "content-length": _, ...headers } = response.headers;
        outgoing.writeHead(response.statusCode, headers);
        outgoing.end(body);
      });
    }).on("error", (error) => {
      outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end(`upstream failed: ${error.message}`);
    }).end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await Promise.all([demo.close(), fixtureFiles.close()]);
    },
  };
}
