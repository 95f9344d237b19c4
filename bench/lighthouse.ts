/**
 * Benchmark: what a phone on slow mobile data gets (issue 14). Lighthouse
 * 12.2.3's mobile preset (simulated slow 4G: 150 ms RTT, 1.6 Mbps, 4× CPU;
 * a 412 px phone screen) with the system Chromium, on the seeded demo district.
 *
 *   npx tsx bench/lighthouse.ts [--pages=/unit,/feed] [--runs=3] [--port=3140]
 *                               [--app=<folder of a built checkout>] [--base=http://localhost:3000]
 *
 * Without --base it starts `scripts/e2e-server.sh` in --app (default: this
 * checkout; it must be built), which seeds a fresh data/e2e.db. Each page is
 * loaded --runs times, cold (Lighthouse clears the cache), signed in as the
 * page's user by a session cookie; the median run is reported: bytes
 * transferred on first load (photos opened later are not part of it),
 * performance and accessibility scores, LCP, TTI and total blocking time,
 * and whether the page keeps its weight budget. Exits 1 when a budget fails.
 *
 * Pages: add yours to PAGES (one entry a page).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { signIn, waitForServer } from "./lib/server";

type BenchPage = {
  path: string;
  /** demo account to sign in as; none = signed out */
  user?: string;
  /** first-load transfer budget in KB (1 KB = 1,024 bytes) */
  budgetKB?: number;
};

export const PAGES: BenchPage[] = [
  { path: "/unit", user: "town-reporter", budgetKB: 300 },
  { path: "/feed", user: "leader", budgetKB: 600 },
];

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
const runs = Number(arg("runs") ?? 3);
const port = Number(arg("port") ?? 3140);
const wanted = arg("pages")?.split(",");
const pages = wanted ? wanted.map((p) => PAGES.find((page) => page.path === p) ?? { path: p }) : PAGES;

type Run = { bytes: number; requests: number; performance: number; accessibility: number; lcp: number; tti: number; tbt: number; images: number };

async function measure(url: string, cookie: string | undefined, chromePort: number): Promise<Run> {
  const result = await lighthouse(
    url,
    { port: chromePort, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: cookie ? { Cookie: cookie } : undefined },
    // The default config is the mobile preset (formFactor mobile, simulated throttling).
    undefined,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  if (lhr.finalDisplayedUrl !== url) throw new Error(`${url} ended on ${lhr.finalDisplayedUrl} (not signed in?)`);
  const items = (lhr.audits["network-requests"].details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
  return {
    bytes: lhr.audits["total-byte-weight"].numericValue ?? 0,
    requests: items.length,
    images: items.filter((i) => i.resourceType === "Image").reduce((sum, i) => sum + (i.transferSize ?? 0), 0),
    performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
    lcp: lhr.audits["largest-contentful-paint"].numericValue ?? 0,
    tti: lhr.audits.interactive.numericValue ?? 0,
    tbt: lhr.audits["total-blocking-time"].numericValue ?? 0,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  let server: ChildProcess | undefined;
  let base = arg("base");
  if (!base) {
    const app = path.resolve(arg("app") ?? ".");
    base = `http://localhost:${port}`;
    server = spawn("bash", ["scripts/e2e-server.sh"], { cwd: app, env: { ...process.env, E2E_PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"], detached: true });
    await waitForServer(base, server);
  }
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"],
  });
  let failed = false;
  try {
    console.log(`Lighthouse 12.2.3, mobile preset, median of ${runs}; ${base}; load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    console.log("| page | transferred | of it images | requests | budget | performance | accessibility | LCP | TTI | TBT |");
    console.log("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
    for (const page of pages) {
      const cookie = page.user ? await signIn(base, page.user) : undefined;
      const results: Run[] = [];
      for (let i = 0; i < runs; i++) results.push(await measure(`${base}${page.path}`, cookie, chrome.port));
      // The run with the median transfer, its other figures as measured in that run.
      const mid = results.find((r) => r.bytes === median(results.map((x) => x.bytes)))!;
      const kb = mid.bytes / 1024;
      const ok = page.budgetKB === undefined || kb <= page.budgetKB;
      if (!ok) failed = true;
      console.log(
        `| ${page.path} | ${kb.toFixed(0)} KB | ${(mid.images / 1024).toFixed(0)} KB | ${mid.requests} | ${page.budgetKB === undefined ? "—" : `≤ ${page.budgetKB} KB ${ok ? "ok" : "OVER"}`} | ${median(results.map((r) => r.performance))} | ${median(results.map((r) => r.accessibility))} | ${(median(results.map((r) => r.lcp)) / 1000).toFixed(1)} s | ${(median(results.map((r) => r.tti)) / 1000).toFixed(1)} s | ${median(results.map((r) => r.tbt)).toFixed(0)} ms |`,
      );
    }
  } finally {
    await chrome.kill();
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
