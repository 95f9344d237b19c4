/**
 * Request bodies read within a limit while they stream in, not after: a
 * chunked body (no Content-Length) is counted as it arrives and cut off at the
 * limit, and the rest is never read. Multipart files stream to a folder the
 * caller owns (busboy, a per-file limit), so a request in flight holds a few
 * chunks in memory, not its photos. Plain Node streams: no Next.js here.
 */
import busboy from "busboy";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

/** A refused body: 413 (too large) or 422 (malformed), with a Chinese message. */
export class BodyError extends Error {
  constructor(
    readonly status: 413 | 422,
    message: string,
  ) {
    super(message);
  }
}

/** Passes bytes through and fails once more than `limit` have passed. */
class ByteLimit extends Transform {
  private seen = 0;
  constructor(
    private readonly limit: number,
    private readonly message: string,
  ) {
    super();
  }
  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.seen += chunk.length;
    if (this.seen > this.limit) done(new BodyError(413, this.message));
    else done(null, chunk);
  }
}

/** A fetch Request's body as a Node stream. */
export function nodeBody(request: Request): Readable {
  if (!request.body) throw new BodyError(422, "请求体为空。");
  return Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
}

/** The whole body as UTF-8 text, refused past `limit` bytes. */
export async function readTextWithin(source: Readable, limit: number, tooLarge: string): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    await pipeline(source, new ByteLimit(limit, tooLarge), async function* (stream: AsyncIterable<Buffer>) {
      for await (const chunk of stream) chunks.push(chunk);
    });
  } catch (error) {
    source.destroy();
    if (error instanceof BodyError) throw error;
    throw new BodyError(422, "无法读取请求体。");
  }
  return Buffer.concat(chunks).toString("utf8");
}

export type MultipartLimits = {
  /** the whole body */
  bodyBytes: number;
  /** each file */
  fileBytes: number;
  files: number;
  /** each text field */
  fieldBytes: number;
  /** the names of the text fields and of the file fields accepted */
  fields: readonly string[];
  fileFields: readonly string[];
  messages: { tooLarge: string; fileTooLarge: (index: number) => string; tooManyFiles: string };
};

export type SpooledFile = { field: string; name: string; path: string };

/** Streams a multipart body: text fields into strings, files into `dir`; rejects at the first limit, reading no further. */
export function readMultipartWithin(
  source: Readable,
  contentType: string,
  dir: string,
  limits: MultipartLimits,
): Promise<{ fields: Map<string, string>; files: SpooledFile[] }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": contentType },
        // File names from phones are UTF-8 (现场.jpg), not busboy's default latin1.
        defParamCharset: "utf8",
        limits: {
          fileSize: limits.fileBytes,
          files: limits.files,
          fields: limits.fields.length,
          fieldSize: limits.fieldBytes,
          parts: limits.files + limits.fields.length,
        },
      });
    } catch {
      reject(new BodyError(422, "无法读取上传的表单（multipart/form-data）。"));
      return;
    }
    const limiter = new ByteLimit(limits.bodyBytes, limits.messages.tooLarge);
    const fields = new Map<string, string>();
    const files: SpooledFile[] = [];
    const writes: Promise<void>[] = [];
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      // Stop reading the client's body: nothing more of it is wanted. Not from
      // inside busboy's own callback (it is mid-write): on the next turn.
      source.unpipe(limiter);
      setImmediate(() => {
        source.destroy();
        limiter.destroy();
        parser.destroy();
      });
      reject(error instanceof BodyError ? error : new BodyError(422, "无法读取上传的表单（multipart/form-data）。"));
    };

    parser.on("field", (name, value, info) => {
      if (!limits.fields.includes(name)) return fail(new BodyError(422, `表单中有未知字段：${name.slice(0, 40)}。`));
      if (info.valueTruncated) return fail(new BodyError(413, limits.messages.tooLarge));
      fields.set(name, value);
    });
    parser.on("file", (name, stream, info) => {
      stream.on("error", () => {});
      if (!limits.fileFields.includes(name)) {
        stream.resume();
        return fail(new BodyError(422, `字段 ${name.slice(0, 40)} 不接受文件。`));
      }
      const index = files.length + 1;
      const file = { field: name, name: info.filename || `文件${index}`, path: path.join(dir, String(index)) };
      files.push(file);
      stream.on("limit", () => fail(new BodyError(413, limits.messages.fileTooLarge(index))));
      const write = pipeline(stream, fs.createWriteStream(file.path));
      // Awaited below once the body is complete; after a refusal, a cut-off write is expected.
      write.catch(() => {});
      writes.push(write);
    });
    parser.on("filesLimit", () => fail(new BodyError(422, limits.messages.tooManyFiles)));
    parser.on("partsLimit", () => fail(new BodyError(422, limits.messages.tooManyFiles)));
    parser.on("fieldsLimit", () => fail(new BodyError(422, "表单字段过多。")));
    parser.on("error", fail);
    parser.on("close", () => {
      if (failed) return;
      Promise.all(writes).then(() => resolve({ fields, files }), fail);
    });
    limiter.on("error", fail);
    source.on("error", () => fail(new BodyError(422, "上传中断，请重试。")));
    source.pipe(limiter).pipe(parser);
  });
}
