/**
 * MDN HTTP Observatory grade (issue 13, finding 6) — a script, not a timed test.
 *
 *   (cd /tmp/observatory && npm install --ignore-scripts @mdn/mdn-http-observatory@1.4.8)
 *   npx tsx bench/observatory.ts --base=http://localhost:3130 --observatory=/tmp/observatory
 * (not a dependency of the app: it brings fastify, pg and jsdom; `--observatory` is the folder it was
 * installed in, default this repository's node_modules).
 *
 * Scans a running server (`npm start`, or the e2e server) twice with the
 * Observatory's own scanner:
 *   1. plain http://localhost:<port>, as the demo runs (no HTTPS at all);
 *   2. behind HTTPS, as a district deploys it: an in-process TLS reverse proxy
 *      (self-signed certificate made with openssl for the run) that answers
 *      plain HTTP with a 301 to HTTPS and forwards to the app with
 *      `X-Forwarded-Proto: https` and `X-Forwarded-For` — what the nginx/Caddy
 *      settings in README ("Security") do.
 * Target: no lower than B+ on plain localhost, A behind HTTPS. Prints each
 * grade with its score and the tests that lost points.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const BASE = new URL(args.base ?? "http://localhost:3000");
const HTTP_PORT = Number(args.httpPort ?? 18080);
const HTTPS_PORT = Number(args.httpsPort ?? 18443);

type ScanResult = {
  scan: { grade: string; score: number; testsFailed: number };
  tests: Record<string, { pass: boolean; result: string; scoreModifier: number }>;
};
type Scan = (hostname: string, options: { httpPort?: number; httpsPort?: number; path?: string }) => Promise<ScanResult>;

async function loadScanner(): Promise<Scan> {
  const root = path.resolve(args.observatory ?? ".", "node_modules", "@mdn", "mdn-http-observatory", "src", "scanner", "index.js");
  const scanner = (await import(pathToFileURL(root).href)) as { scan: Scan };
  return scanner.scan;
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-observatory-"));
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`],
    { stdio: "ignore" },
  );
  return { key: fs.readFileSync(`${dir}/key.pem`), cert: fs.readFileSync(`${dir}/cert.pem`) };
}

/** The reverse proxy a deployment puts in front: TLS here, the app behind, HTTP redirected. */
function startTlsProxy(): Promise<() => void> {
  const tls = https.createServer(selfSignedCertificate(), (request, response) => {
    const upstream = http.request(
      {
        host: BASE.hostname,
        port: BASE.port,
        path: request.url,
        method: request.method,
        headers: { ...request.headers, host: `localhost:${HTTPS_PORT}`, "x-forwarded-proto": "https", "x-forwarded-for": request.socket.remoteAddress ?? "" },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  const redirect = http.createServer((request, response) => {
    response.writeHead(301, { Location: `https://localhost:${HTTPS_PORT}${request.url ?? "/"}` }).end();
  });
  return new Promise((resolve) => {
    tls.listen(HTTPS_PORT, () =>
      redirect.listen(HTTP_PORT, () =>
        resolve(() => {
          tls.close();
          redirect.close();
        }),
      ),
    );
  });
}

function report(label: string, result: ScanResult) {
  const lost = Object.entries(result.tests)
    .filter(([, test]) => test.scoreModifier < 0 || !test.pass)
    .map(([name, test]) => `${name} ${test.result} (${test.scoreModifier})`);
  console.log(`${label}: grade ${result.scan.grade}, score ${result.scan.score}, ${result.scan.testsFailed} tests failed`);
  for (const line of lost) console.log(`  - ${line}`);
  return { label, grade: result.scan.grade, score: result.scan.score, lost };
}

async function main() {
  // The scanner checks TLS like a browser; the run's certificate is self-signed.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
  const scan = await loadScanner();
  const plain = report(`plain ${BASE.origin}`, await scan(BASE.hostname, { httpPort: Number(BASE.port), httpsPort: 1, path: "/login" }));
  const stop = await startTlsProxy();
  try {
    const behindTls = report(
      `behind HTTPS (proxy :${HTTPS_PORT} → ${BASE.origin})`,
      await scan("localhost", { httpPort: HTTP_PORT, httpsPort: HTTPS_PORT, path: "/login" }),
    );
    const results = { at: new Date().toISOString(), plain, behindTls };
    fs.mkdirSync("bench/results", { recursive: true });
    fs.writeFileSync(`bench/results/observatory-${Date.now()}.json`, JSON.stringify(results, null, 2));
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
