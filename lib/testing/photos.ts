/** The one home of the tests' photos: the file fields of a photo row with no picture behind it, and a throwaway storage. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LocalDirStorage } from "@/lib/storage";

/** Keys and checksum made from `key`, a `size`-pixel square of one byte. */
export function testPhotoFile(key: string, size = 1) {
  return { storageKey: `${key}.jpg`, thumbKey: `${key}-t.jpg`, mime: "image/jpeg", width: size, height: size, bytes: 1, sha256: key };
}

/** Photo storage in a fresh temporary folder named after `name` (the test removes `dir` when done). */
export function tempPhotoStorage(name: string): { dir: string; storage: LocalDirStorage } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shaitai-${name}-`));
  return { dir, storage: new LocalDirStorage(dir) };
}
