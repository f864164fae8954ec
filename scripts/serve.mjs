// A small static file server for the demo and the tests: serves www/ on localhost.
//   node scripts/serve.mjs [port]   (port 0 picks a free one)
// Imported by the tests as `serve(root, port)`.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

/** Starts serving `root`; resolves to `{ url, close }`. `headers` go with every answer; `types`
 * overrides the content type of some extensions (`{ ".wasm": "application/octet-stream" }`, as
 * a server that does not know WebAssembly answers). */
export function serve(root, port = 0, { headers = {}, types: ownTypes = {} } = {}) {
  const typeOf = (file) => ownTypes[path.extname(file)] ?? types[path.extname(file)] ?? "application/octet-stream";
  const server = createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url, "http://localhost");
      let file = path.join(root, decodeURIComponent(pathname));
      if (!file.startsWith(root)) throw Object.assign(new Error("outside root"), { code: "ENOENT" });
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      response.writeHead(200, { "content-type": typeOf(file), "cache-control": "no-store", ...headers });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      resolve({ url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../www");
  const { url } = await serve(root, Number(process.argv[2] ?? 8080));
  console.log(`Demo: ${url}  (Ctrl+C to stop)`);
}
