/**
 * Bodies read within their limits while they stream: an endless chunked body
 * is cut off at the limit having been read only that far; multipart photos go
 * to files; every refusal is a 413 or 422 with a Chinese message.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { after, test } from "node:test";
import { BodyError, type MultipartLimits, readMultipartWithin, readTextWithin } from "@/lib/api/body";

const MB = 1024 * 1024;
const dirs: string[] = [];
after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "body-test-"));
  dirs.push(dir);
  return dir;
};

/** A lazy stream of `total` bytes in 64 KB chunks that counts how much was pulled from it. */
function counted(total: number, prefix: Buffer = Buffer.alloc(0)) {
  const state = { pulled: 0 };
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  async function* chunks() {
    if (prefix.length) {
      state.pulled += prefix.length;
      yield prefix;
    }
    for (let sent = 0; sent < total; sent += chunk.length) {
      state.pulled += chunk.length;
      yield chunk;
    }
  }
  return { stream: Readable.from(chunks(), { objectMode: false }), state };
}

const limits: MultipartLimits = {
  bodyBytes: 5 * MB,
  fileBytes: 2 * MB,
  files: 3,
  fieldBytes: 64 * 1024,
  fields: ["payload"],
  fileFields: ["photos"],
  messages: { tooLarge: "太大", fileTooLarge: (i) => `第 ${i} 个文件太大`, tooManyFiles: "文件太多" },
};

const BOUNDARY = "----shaitai-test";
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
function part(name: string, content: Buffer | string, filename?: string): Buffer {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ""}\r\n${filename ? "Content-Type: image/jpeg\r\n" : ""}\r\n`;
  return Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from("\r\n")]);
}
const end = Buffer.from(`--${BOUNDARY}--\r\n`);

async function refusal(promise: Promise<unknown>): Promise<BodyError> {
  const error = await promise.then(
    () => assert.fail("expected a refusal"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof BodyError, `not a BodyError: ${String(error)}`);
  return error;
}

test("an endless chunked text body is refused at the limit, having been read only that far", async () => {
  const { stream, state } = counted(250 * MB);
  const error = await refusal(readTextWithin(stream, 1 * MB, "内容过大"));
  assert.equal(error.status, 413);
  assert.equal(error.message, "内容过大");
  assert.ok(state.pulled < 2 * MB, `pulled ${state.pulled} bytes of 250 MB`);
});

test("a text body within the limit is read whole", async () => {
  assert.equal(await readTextWithin(Readable.from([Buffer.from('{"a":'), Buffer.from('"晒"}')]), 100, "x"), '{"a":"晒"}');
});

test("a chunked multipart body over the whole-body limit is cut off without being read to the end", async () => {
  // Many small files would each pass the per-file limit; the body limit stops them.
  const { stream, state } = counted(250 * MB, part("payload", "{}"));
  const error = await refusal(readMultipartWithin(stream, TYPE, tempDir(), { ...limits, fileBytes: 1000 * MB, files: 1000 }));
  assert.equal(error.status, 413);
  assert.ok(state.pulled < 7 * MB, `pulled ${state.pulled} bytes of 250 MB`);
});

test("a file over its own limit is refused with its number", async () => {
  const body = Buffer.concat([part("payload", "{}"), part("photos", Buffer.alloc(1000), "a.jpg"), part("photos", Buffer.alloc(3 * MB), "b.jpg"), end]);
  const error = await refusal(readMultipartWithin(Readable.from([body]), TYPE, tempDir(), limits));
  assert.equal(error.status, 413);
  assert.equal(error.message, "第 2 个文件太大");
});

test("files stream to the folder and the fields are kept", async () => {
  const dir = tempDir();
  const photo = Buffer.from("not really a jpeg, but bytes");
  const body = Buffer.concat([part("payload", '{"note":"晒"}'), part("photos", photo, "现场.jpg"), end]);
  const { fields, files } = await readMultipartWithin(Readable.from([body]), TYPE, dir, limits);
  assert.equal(fields.get("payload"), '{"note":"晒"}');
  assert.equal(files.length, 1);
  assert.equal(files[0].name, "现场.jpg");
  assert.ok(files[0].path.startsWith(dir));
  assert.deepEqual(fs.readFileSync(files[0].path), photo);
});

test("too many files, unknown fields and a file in a text field are refused", async () => {
  const four = Buffer.concat([part("payload", "{}"), ...[1, 2, 3, 4].map((i) => part("photos", "x", `${i}.jpg`)), end]);
  assert.equal((await refusal(readMultipartWithin(Readable.from([four]), TYPE, tempDir(), limits))).message, "文件太多");
  const unknown = Buffer.concat([part("payload", "{}"), part("admin", "1"), end]);
  assert.equal((await refusal(readMultipartWithin(Readable.from([unknown]), TYPE, tempDir(), limits))).status, 422);
  const fileInPayload = Buffer.concat([part("payload", "x", "p.jpg"), end]);
  assert.equal((await refusal(readMultipartWithin(Readable.from([fileInPayload]), TYPE, tempDir(), limits))).status, 422);
});

test("a payload field over its limit is a 413", async () => {
  const body = Buffer.concat([part("payload", "x".repeat(65 * 1024)), end]);
  assert.equal((await refusal(readMultipartWithin(Readable.from([body]), TYPE, tempDir(), limits))).status, 413);
});
