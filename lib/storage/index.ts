/**
 * Where photo files live. A small interface so that an S3-compatible store can
 * stand beside the local directory; the local directory (PHOTO_DIR) may be a
 * shared mount when several app servers run. Keys are generated, never taken
 * from a user, and files stay outside public/: they are served only through
 * routes that check who may see them.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export interface PhotoStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** null when there is no such file */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const KEY_RE = /^[a-z0-9][a-z0-9/_-]*\.[a-z0-9]+$/;

export function assertKey(key: string): void {
  if (!KEY_RE.test(key) || key.includes("..")) throw new Error(`Invalid storage key: ${key}`);
}

/** A new unguessable key under a date folder, e.g. "2026/11/27/3f…c1.jpg". */
export function newStorageKey(date: string, extension: string): string {
  return `${date.replaceAll("-", "/")}/${crypto.randomBytes(16).toString("hex")}.${extension}`;
}

export class LocalDirStorage implements PhotoStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    assertKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write then rename, so a reader (or another server) never sees half a file.
    const temporary = `${target}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, target);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

let storage: PhotoStorage | undefined;

/** The configured store (PHOTO_DIR). */
export async function photoStorage(): Promise<PhotoStorage> {
  if (!storage) {
    const { photoDir } = await import("@/lib/env");
    storage = new LocalDirStorage(photoDir());
  }
  return storage;
}
