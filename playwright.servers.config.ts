/**
 * The two-server specs (e2e/servers): run by scripts/test-servers.ts, which
 * starts two `next start` processes on one PostgreSQL and passes their URLs.
 */
import { defineConfig, devices } from "@playwright/test";
import { launchOptions, pageOptions } from "./e2e/chromium";

export default defineConfig({
  testDir: "e2e/servers",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: process.env.SERVER_A_URL,
    ...pageOptions,
  },
  projects: [{ name: "servers", use: { ...devices["Desktop Chrome"], launchOptions } }],
});
