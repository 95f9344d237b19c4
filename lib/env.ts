/**
 * The environment, validated once. A missing or malformed variable stops the
 * app at start (instrumentation.ts) with a message that says what to set,
 * instead of a 500 later.
 */
import path from "node:path";
import { z } from "zod";
import { parseProxyTrust, type ProxyTrust } from "@/lib/auth/client-ip";

export const DEFAULT_DATABASE_URL = "file:./data/shaitai.db";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  NEXTAUTH_SECRET: z
    .string({ message: "is required: a random string of at least 32 characters (openssl rand -base64 32)" })
    .min(32, { message: "must be at least 32 characters (openssl rand -base64 32)" }),
  NEXTAUTH_URL: z.url({ message: "must be the public URL of the app, e.g. http://localhost:3000" }).optional(),
  PHOTO_DIR: z.string().default("./data/photos"),
  /** the address people open, for the links in robot messages (default: NEXTAUTH_URL) */
  PUBLIC_URL: z.url({ message: "must be the public URL of the app, e.g. https://shaitai.example.gov.cn" }).optional(),
  /** 0 turns this server's robot sender off (another server sends; every server may send, once per message) */
  ROBOT_SENDER: z
    .enum(["0", "1", "true", "false"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
  /** a GeoJSON file with the district's outline for the location checks (default: Yongnian's, lib/supervision/anomalies/boundaries) */
  DISTRICT_BOUNDARY: z.string().optional(),
  SHAITAI_DEMO: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  // How many reverse proxies stand in front (or their addresses): where the login limit reads the client's address.
  TRUSTED_PROXY_HOPS: z
    .string()
    .default("0")
    .transform((raw, ctx): ProxyTrust => {
      const trust = parseProxyTrust(raw);
      if ("error" in trust) {
        ctx.addIssue({ code: "custom", message: trust.error });
        return z.NEVER;
      }
      return trust;
    }),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export class EnvError extends Error {}

/** Parses process.env; throws an EnvError naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Shaitai cannot start: the environment is not valid.\n${lines.join("\n")}\nSee .env.example.`);
  }
  return parsed.data;
}

export function env(): Env {
  cached ??= loadEnv();
  return cached;
}

export function photoDir(): string {
  return path.resolve(env().PHOTO_DIR);
}
