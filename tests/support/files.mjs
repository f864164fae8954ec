// Files on disk for a file input, as a person would choose them.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Writes `[name, content]` pairs (text, or data written as JSON) into a new temporary folder
 * and returns their paths, in order. */
export function writeFiles(files) {
  const folder = mkdtempSync(path.join(tmpdir(), "mm-files-"));
  return files.map(([name, content]) => {
    const file = path.join(folder, name);
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  });
}
