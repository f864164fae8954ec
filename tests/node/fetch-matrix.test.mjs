// The element's fetch of an `instrument-src` file, without a browser: the file must be UTF-8
// text, as every file the core reads must be; anything else is refused, naming the file, rather
// than read with replacement characters where its letters were.
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { fetchMatrix } from "../../www/src/fetch-matrix.js";

const URL_TRIED = "https://intranet.example/quality/our-matrix.json";
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Serves `bytes` for every fetch, as a stream (or, `streamed: false`, as a body-less answer). */
function serve(bytes, { type = "application/json", streamed = true } = {}) {
  globalThis.fetch = async () => {
    const response = new Response(bytes, { headers: { "content-type": type } });
    if (streamed) return response;
    return { ok: true, status: 200, headers: response.headers, body: null, arrayBuffer: () => response.arrayBuffer() };
  };
}

const refusal = (pattern) => (error) => {
  assert.equal(error.name, "MaturityMatrixError");
  assert.ok(error.message.includes(URL_TRIED), error.message);
  assert.match(error.message, pattern);
  return true;
};

test("a file that is not UTF-8 is refused naming the file, streamed or not", async () => {
  const latin1 = Uint8Array.from([...'{"title": "Caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x22, 0x7d]));
  for (const streamed of [true, false]) {
    serve(latin1, { streamed });
    await assert.rejects(fetchMatrix(URL_TRIED), refusal(/^The file at \S+ is not UTF-8 text, so it cannot be read as a matrix: .*Save it again as UTF-8/));
  }
});

test("a UTF-16 file is named as UTF-16", async () => {
  const utf16 = new Uint8Array([0xff, 0xfe, ...[...'{"a": 1}'].flatMap((c) => [c.charCodeAt(0), 0])]);
  serve(utf16);
  await assert.rejects(fetchMatrix(URL_TRIED), refusal(/was saved as UTF-16 \("Unicode"\) text/));
});

test("UTF-8 is read as it is, a byte-order mark passed over", async () => {
  const text = '{"title": "Caf\u00e9 \u2013 ward \u{1F600}"}';
  serve(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
  assert.equal(await fetchMatrix(URL_TRIED), text);
  serve(new TextEncoder().encode(text), { streamed: false });
  assert.equal(await fetchMatrix(URL_TRIED), text);
});

test("a web page in place of the file is named as a web page, whatever its encoding", async () => {
  serve(Uint8Array.from([..."<html><title>Sign in</title>"].map((c) => c.charCodeAt(0)).concat([0xe9])), { type: "text/html; charset=iso-8859-1" });
  await assert.rejects(fetchMatrix(URL_TRIED), refusal(/it looks like a web page: \u201cSign in\u201d/));
});
