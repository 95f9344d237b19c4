/**
 * Oversized uploads benchmark (issue 13, finding 1) — a script, not a timed test.
 *
 *   npm run build
 *   npx tsx bench/upload-limit.ts [--port=3214] [--concurrency=20] [--mb=250]
 *
 * Migrates and seeds a fresh demo database in a temporary folder, starts
 * `next start` on it, signs in a unit reporter, and measures the server's
 * resident memory (the sum over its process group, from /proc) while
 * `concurrency` clients each stream a chunked multipart upload of `mb` MB (no
 * Content-Length, so only counting while it streams can stop it) to
 * POST /api/v1/cards/today/noon. Reports the idle and peak memory, the
 * answers, and how much each client had sent when it was answered; the
 * target is a peak within 100 MB of idle. Results go to stdout and
 * bench/results/upload-limit-<time>.json.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { groupRssMb, signIn, startServer } from "./lib/server";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const PORT = Number(args.port ?? 3214);
const CONCURRENCY = Number(args.concurrency ?? 20);
const UPLOAD_MB = Number(args.mb ?? 250);
const MB = 1024 * 1024;

/** One chunked multipart upload of `total` bytes of "photo": resolves with the answer and the bytes sent by then. */
function oversizedUpload(base: string, cookie: string, total: number): Promise<{ status: number; sentMb: number }> {
  return new Promise((resolve) => {
    const boundary = "----shaitai-bench";
    const request = http.request(`${base}/api/v1/cards/today/noon`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Transfer-Encoding": "chunked" },
    });
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(256 * 1024, 0xff);
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n{"items":[{"text":"压测"}]}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const finish = (status: number) => {
      if (answered) return;
      answered = true;
      resolve({ status, sentMb: Math.round((sent / MB) * 10) / 10 });
      request.destroy();
    };
    request.on("response", (response) => {
      response.resume();
      finish(response.statusCode ?? 0);
    });
    request.on("error", () => finish(0));
    const pump = () => {
      if (answered) return;
      if (sent === 0) {
        request.write(head);
        sent += head.length;
      }
      while (sent < total && !answered) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("Build first: npm run build");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-upload-bench-"));
  const url = `file:${path.join(work, "bench.db")}`;
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PHOTO_DIR: path.join(work, "photos"),
    NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
    AUTH_TRUST_HOST: "true",
    SHAITAI_DEMO: "1",
  };
  execFileSync("npx", ["tsx", "scripts/db-migrate.ts"], { env, stdio: "ignore" });
  execFileSync("npx", ["tsx", "prisma/seed.ts"], { env, stdio: "ignore" });

  process.on("exit", () => fs.rmSync(work, { recursive: true, force: true }));
  const server = await startServer({ command: "next", port: PORT, env });
  try {
    const cookie = await signIn(server.url, "town-reporter");
    // Warm the route once with a small valid-shaped refusal, then let the heap settle.
    await oversizedUpload(server.url, cookie, 1 * MB);
    await new Promise((r) => setTimeout(r, 3000));
    const idle = groupRssMb(server.pgid);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, groupRssMb(server.pgid))), 100);
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: CONCURRENCY }, () => oversizedUpload(server.url, cookie, UPLOAD_MB * MB)));
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 1000));
    clearInterval(sampler);
    peak = Math.max(peak, groupRssMb(server.pgid));
    const statuses = Object.entries(results.reduce<Record<number, number>>((acc, r) => ((acc[r.status] = (acc[r.status] ?? 0) + 1), acc), {}));
    const sent = results.map((r) => r.sentMb).sort((a, b) => a - b);
    const report = {
      at: new Date().toISOString(),
      concurrency: CONCURRENCY,
      uploadMb: UPLOAD_MB,
      idleMb: Math.round(idle),
      peakMb: Math.round(peak),
      growthMb: Math.round(peak - idle),
      answers: Object.fromEntries(statuses),
      sentMbWhenAnswered: { min: sent[0], median: sent[Math.floor(sent.length / 2)], max: sent.at(-1) },
      seconds: Math.round(seconds * 10) / 10,
      loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    };
    console.log(JSON.stringify(report, null, 2));
    console.log(
      report.growthMb <= 100 ? `OK: memory grew ${report.growthMb} MB (target ≤ 100 MB).` : `OVER: memory grew ${report.growthMb} MB (target ≤ 100 MB).`,
    );
    fs.mkdirSync("bench/results", { recursive: true });
    fs.writeFileSync(`bench/results/upload-limit-${Date.now()}.json`, JSON.stringify(report, null, 2));
  } finally {
    server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
