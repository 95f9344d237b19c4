/**
 * Load benchmark for 一日三晒 (issue 4) — a script, not a timed test.
 *
 *   npm run build
 *   DATABASE_URL=file:./data/bench.db npm run db:migrate
 *   DATABASE_URL=file:./data/bench.db npm run db:seed -- --volume=district-year
 *   npx tsx bench/report-load.ts [--db=./data/bench.db] [--port=3204] [--concurrency=20] [--server=next|start]
 *
 * It copies the seeded database to a temporary file (so every run starts
 * from the same state), starts one `next start` on it (`--server=start`: `npm start`'s
 * cluster, one worker per core), signs in every unit's
 * reporter and a leader, and measures at the given concurrency:
 *   - submitting a slot with 3 photos (multipart POST /api/v1/cards/today/{noon,evening}),
 *     each unit its own noon and evening — a real first submission every time;
 *   - the feed page (/feed, newest first, and one page further back);
 *   - a static asset of the same server (/_next/static/…), as the floor.
 * p50/p95 go to stdout and bench/results/report-load-<time>.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { createClient } from "@/lib/db-client";
import { districtToday } from "@/lib/time";
import { signIn, startServer } from "./lib/server";
import { percentile } from "./lib/stats";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const SOURCE_DB = path.resolve(args.db ?? "./data/bench.db");
const PORT = Number(args.port ?? 3204);
const CONCURRENCY = Number(args.concurrency ?? 20);
const SERVER = args.server === "start" ? "start" : "next";

type Sample = { ms: number; status: number };

function summary(label: string, samples: Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = samples.filter((s) => s.status >= 400).length;
  return { label, n: samples.length, errors, p50: Math.round(percentile(ms, 50)), p95: Math.round(percentile(ms, 95)), max: Math.round(ms.at(-1) ?? NaN) };
}

/** Runs jobs with a fixed number of concurrent workers, timing each. */
async function runConcurrent<T>(jobs: T[], worker: (job: T) => Promise<number>): Promise<Sample[]> {
  const samples: Sample[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const started = performance.now();
        const status = await worker(job).catch(() => 599);
        samples.push({ ms: performance.now() - started, status });
      }
    }),
  );
  return samples;
}

/** Three phone photos as the browser sends them: ~2048 px JPEGs of a few hundred KB. */
async function phonePhotos(): Promise<Buffer[]> {
  return Promise.all(
    [1, 2, 3].map(async (seed) => {
      const noise = await sharp({
        create: { width: 512, height: 384, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 120 + seed * 10, sigma: 40 } },
      })
        .png()
        .toBuffer();
      return sharp(noise).resize(2048, 1536).jpeg({ quality: 85 }).toBuffer();
    }),
  );
}

async function main() {
  if (!fs.existsSync(SOURCE_DB)) throw new Error(`No seeded database at ${SOURCE_DB} (see the header of this file).`);
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("Build first: npm run build");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-bench-"));
  const dbFile = path.join(work, "bench.db");
  fs.copyFileSync(SOURCE_DB, dbFile);
  const url = `file:${dbFile}`;

  const db = createClient(url);
  const reporters = await db.user.findMany({
    where: { role: "REPORTER", active: true, unitId: { not: null } },
    orderBy: { username: "asc" },
    select: { username: true, unitId: true },
  });
  const slotCount = await db.reportSlot.count();
  await db.$disconnect();
  console.log(
    `Database: ${SOURCE_DB} (${slotCount} slots), ${reporters.length} unit reporters; concurrency ${CONCURRENCY}; server: ${SERVER === "start" ? "npm start (a worker per core)" : "one next start"}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );

  // The copy and its photos go however this script ends.
  process.on("exit", () => fs.rmSync(work, { recursive: true, force: true }));
  const server = await startServer({ command: SERVER, port: PORT, env: { DATABASE_URL: url, PHOTO_DIR: path.join(work, "photos"), SHAITAI_DEMO: "1" } });
  const BASE = server.url;
  try {
    const photos = await phonePhotos();
    console.log(`Photos: ${photos.map((p) => `${Math.round(p.byteLength / 1024)} KB`).join(", ")}`);

    const cookies = new Map<string, string>();
    await runConcurrent(reporters, async (r) => {
      cookies.set(r.username, await signIn(BASE, r.username));
      return 200;
    });
    const leader = await signIn(BASE, "leader");
    console.log(`Signed in ${cookies.size} reporters and a leader.`);

    const html = await (await fetch(`${BASE}/login`)).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    if (!asset) throw new Error("No static asset found on /login");

    // Warm up each route once (first-request compilation of server code).
    await fetch(`${BASE}/feed`, { headers: { Cookie: leader } });
    await fetch(`${BASE}${asset}`);

    // 1. Submissions: every unit's noon, then every unit's evening, 3 photos each.
    const submit = async (username: string, slot: "noon" | "evening") => {
      const cookie = cookies.get(username)!;
      let items: unknown[] = [{ text: "压测：现场推进", progress: "已完成一半" }];
      if (slot === "evening") {
        const card = (await (await fetch(`${BASE}/api/v1/cards/today`, { headers: { Cookie: cookie } })).json()) as { items: { id: string; text: string }[] };
        items = card.items.map((i) => ({ id: i.id, text: i.text, done: true }));
      }
      const form = new FormData();
      form.append("payload", JSON.stringify({ items, place: "压测现场", revisionReason: "压测" }));
      photos.forEach((p, i) => form.append("photos", new Blob([new Uint8Array(p)], { type: "image/jpeg" }), `photo-${i + 1}.jpg`));
      const started = performance.now();
      const response = await fetch(`${BASE}/api/v1/cards/today/${slot}`, {
        method: "POST",
        body: form,
        headers: { Cookie: cookie, "Idempotency-Key": `bench-${username}-${slot}-${Date.now()}` },
      });
      if (response.status !== 201) console.error(`${username} ${slot}: ${response.status} ${(await response.text()).slice(0, 200)}`);
      // Only the POST is timed (the GET above prepares the evening's items).
      return { status: response.status, ms: performance.now() - started };
    };
    const submitSamples: Sample[] = [];
    for (const slot of ["noon", "evening"] as const) {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < reporters.length) {
            const r = reporters[next++];
            submitSamples.push(await submit(r.username, slot).catch(() => ({ status: 599, ms: NaN })));
            if (submitSamples.length % 50 === 0)
              console.log(
                `  ${submitSamples.length} submitted, p50 so far ${Math.round(
                  percentile(
                    submitSamples.map((x) => x.ms).sort((a, b) => a - b),
                    50,
                  ),
                )} ms`,
              );
          }
        }),
      );
    }

    console.log(`Submitted ${submitSamples.length} slots.`);

    // 2. The feed: newest page and one page back, as leaders and unit accounts read it.
    const readers = [leader, ...[...cookies.values()].slice(0, 19)];
    const feedJobs = Array.from({ length: 200 }, (_, i) => ({ cookie: readers[i % readers.length], older: i % 4 === 3 }));
    let cursor: string | null = null;
    const first = await (await fetch(`${BASE}/feed`, { headers: { Cookie: leader } })).text();
    cursor = /cursor=([A-Za-z0-9_-]+)/.exec(first)?.[1] ?? null;
    const feedSamples = await runConcurrent(feedJobs, async (job) => {
      const response = await fetch(`${BASE}/feed${job.older && cursor ? `?cursor=${cursor}` : ""}`, { headers: { Cookie: job.cookie } });
      await response.text();
      return response.status;
    });

    // 3. The floor: a static file from the same server, same concurrency.
    const staticSamples = await runConcurrent(
      Array.from({ length: 400 }, () => 0),
      async () => {
        const response = await fetch(`${BASE}${asset}`);
        await response.arrayBuffer();
        return response.status;
      },
    );

    // 4. The anomaly checks ran after the answers: wait until none is owed (PendingCheck), at most 60 s.
    const checker = createClient(url);
    const checksFrom = performance.now();
    let owed = await checker.pendingCheck.count();
    while (owed > 0 && performance.now() - checksFrom < 60_000) {
      await new Promise((r) => setTimeout(r, 500));
      owed = await checker.pendingCheck.count();
    }
    const newFlags = await checker.anomaly.count({ where: { slot: { card: { date: { gte: districtToday() } } } } });
    await checker.$disconnect();
    console.log(
      `Anomaly checks: ${owed} still owed ${Math.round((performance.now() - checksFrom) / 1000)} s after the last request; ${newFlags} flags on today's reports.`,
    );

    const results = [
      summary("submit a slot with 3 photos (POST, multipart)", submitSamples),
      summary("feed page (/feed)", feedSamples),
      summary(`static asset (${asset.split("/").pop()})`, staticSamples),
    ];
    console.table(results);
    const out = {
      at: new Date().toISOString(),
      concurrency: CONCURRENCY,
      slotsInDb: slotCount,
      cpus: os.cpus().length,
      loadAverage: os.loadavg(),
      results,
      checksOwedAfter: owed,
    };
    fs.mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/report-load-${out.at.replace(/[:.]/g, "-")}.json`;
    fs.writeFileSync(file, JSON.stringify(out, null, 2));
    console.log(
      `Written ${file}; load average now ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
