/**
 * Starts concurrency-worker.ts processes (stand-ins for other app servers) and
 * releases them together: each connects, says "ready", and waits for "go" on
 * stdin, so their jobs really overlap however slowly the processes start.
 */
import { spawn } from "node:child_process";

export async function runWorkers<T>(url: string, jobs: string[][]): Promise<T[]> {
  const children = jobs.map((args) => spawn("npx", ["tsx", "lib/testing/concurrency-worker.ts", url, ...args], { stdio: ["pipe", "pipe", "pipe"] }));
  const outputs = children.map((child) => {
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const ready = new Promise<void>((resolve) =>
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("ready\n")) resolve();
      }),
    );
    const done = new Promise<T>((resolve, reject) =>
      child.on("exit", (code) => {
        if (code !== 0) return reject(new Error(`worker failed (${code}):\n${stderr}`));
        resolve(JSON.parse(stdout.trim().split("\n").pop()!) as T);
      }),
    );
    return { ready, done };
  });
  await Promise.race([Promise.all(outputs.map((o) => o.ready)), Promise.all(outputs.map((o) => o.done))]);
  for (const child of children) child.stdin.end("go\n");
  return Promise.all(outputs.map((o) => o.done));
}
