/**
 * MDN HTTP Observatory grade (issue 13, finding 6) — a script, not a timed test.
 *
 *   (cd /tmp/observatory && npm install --ignore-scripts @mdn/mdn-http-observatory@1.4.8)
 *   npx tsx bench/observatory.ts --base=http://localhost:3130 --observatory=/tmp/observatory
 * (not a dependency of the app: it brings fastify, pg and jsdom; `--observatory` is the folder it was
 * installed in, default this repository's node_modules).
 *
 * Scans a running server (`npm start`, or the e2e server) twice with the
 * Observatory's own scanner. The scanner (1.4.8) ignores its port and path options and always asks
 * http://localhost/ and https://localhost/, so the script listens on ports 80 and 443 itself (run it
 * as root, or pass --httpPort/--httpsPort with a scanner that honours them) and forwards to the app:
 *   1. plain http://localhost, as the demo runs (no HTTPS at all): a plain forwarder on port 80;
 *   2. behind HTTPS, as a district deploys it: an in-process TLS reverse proxy
 *      (self-signed certificate made with openssl for the run) that answers
 *      plain HTTP with a 301 to HTTPS and forwards to the app with
 *      `X-Forwarded-Proto: https` and `X-Forwarded-For` — what the nginx/Caddy
 *      settings in README ("Security") do.
 * Target: no lower than B+ on plain localhost, A behind HTTPS. Prints each
 * grade with its score and the tests that lost points.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const BASE = new URL(args.base ?? "http://localhost:3000");
const HTTP_PORT = Number(args.httpPort ?? 80);
const HTTPS_PORT = Number(args.httpsPort ?? 443);
const HTTPS_ORIGIN = `https://localhost${HTTPS_PORT === 443 ? "" : `:${HTTPS_PORT}`}`;

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

/**
 * The run's certificate for localhost, made with openssl. The scanner is told to trust it
 * (NODE_EXTRA_CA_CERTS, read by node only at start: the script runs itself again with it), as a
 * browser trusts a district's real certificate — otherwise every HTTPS test fails on the certificate.
 */
function certificateDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-observatory-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost",
      "-keyout",
      `${dir}/key.pem`,
      "-out",
      `${dir}/cert.pem`,
    ],
    { stdio: "ignore" },
  );
  return dir;
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = process.env.SHAITAI_OBSERVATORY_CERTS!;
  return { key: fs.readFileSync(`${dir}/key.pem`), cert: fs.readFileSync(`${dir}/cert.pem`) };
}

/** Passes a request on to the app as a reverse proxy does, and its answer back. */
function forward(request: http.IncomingMessage, response: http.ServerResponse, headers: http.OutgoingHttpHeaders) {
  const upstream = http.request(
    {
      host: BASE.hostname,
      port: BASE.port,
      path: request.url,
      method: request.method,
      headers: { ...request.headers, ...headers, "x-forwarded-for": request.socket.remoteAddress ?? "" },
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on("error", () => response.writeHead(502).end());
  request.pipe(upstream);
}

function listening(server: http.Server | https.Server, port: number): Promise<() => void> {
  return new Promise((resolve) => server.listen(port, () => resolve(() => server.close())));
}

/** The demo as it runs, reached on port 80: plain HTTP, no TLS anywhere. */
function startPlainProxy(): Promise<() => void> {
  return listening(
    http.createServer((request, response) => forward(request, response, { host: "localhost" })),
    HTTP_PORT,
  );
}

/** The reverse proxy a deployment puts in front: TLS here, the app behind, HTTP redirected. */
function startTlsProxy(): Promise<() => void> {
  const tls = https.createServer(selfSignedCertificate(), (request, response) =>
    forward(request, response, { host: new URL(HTTPS_ORIGIN).host, "x-forwarded-proto": "https" }),
  );
  const redirect = http.createServer((request, response) => {
    response.writeHead(301, { Location: `${HTTPS_ORIGIN}${request.url ?? "/"}` }).end();
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
  if (!process.env.SHAITAI_OBSERVATORY_CERTS) {
    const dir = certificateDir();
    const env = { ...process.env, SHAITAI_OBSERVATORY_CERTS: dir, NODE_EXTRA_CA_CERTS: `${dir}/cert.pem` };
    const run = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { env, stdio: "inherit" });
    process.exit(run.status ?? 1);
  }
  const scan = await loadScanner();
  const options = { httpPort: HTTP_PORT, httpsPort: HTTPS_PORT };
  const stopPlain = await startPlainProxy();
  let plain;
  try {
    plain = report(`plain http://localhost (→ ${BASE.origin})`, await scan("localhost", options));
  } finally {
    stopPlain();
  }
  const stopTls = await startTlsProxy();
  try {
    const behindTls = report(`behind HTTPS (${HTTPS_ORIGIN} → ${BASE.origin})`, await scan("localhost", options));
    const results = { at: new Date().toISOString(), plain, behindTls };
    fs.mkdirSync("bench/results", { recursive: true });
    fs.writeFileSync(`bench/results/observatory-${Date.now()}.json`, JSON.stringify(results, null, 2));
  } finally {
    stopTls();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
