/**
 * A local stand-in for 企业微信 / 钉钉 group robots (no network): it keeps each
 * message body by path and answers as a robot does, errcode 0 unless the path
 * starts with one of `refusing` (then a robot's refusal, errcode ≠ 0).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RobotEndpoint = {
  /** http://127.0.0.1:<port>, to put in front of a robot's path */
  base: string;
  /** message bodies received, per path (without the query) */
  received: Map<string, string[]>;
  /** every message body received, in order */
  bodies: string[];
  close: () => Promise<void>;
};

export async function startRobotEndpoint(refusing: Record<string, { errcode: number; errmsg: string }> = {}): Promise<RobotEndpoint> {
  const received = new Map<string, string[]>();
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0]!;
      received.set(path, [...(received.get(path) ?? []), body]);
      bodies.push(body);
      const refusal = Object.entries(refusing).find(([prefix]) => path.startsWith(prefix))?.[1];
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(refusal ?? { errcode: 0, errmsg: "ok" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, received, bodies, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
