/** File downloads from route handlers: the bytes, the type, and a Chinese file name that survives every browser. */

const MIME = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

export type FileFormat = keyof typeof MIME;

/**
 * `fileName` may be Chinese: it goes into `filename*` (RFC 5987), with a
 * plain ASCII `filename` for clients that do not read it.
 */
export function fileResponse(body: Buffer, fileName: string, format: FileFormat, asciiName = `download.${format}`): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": MIME[format],
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
