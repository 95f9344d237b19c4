import { defineConfig, devices } from "@playwright/test";
import { launchOptions, pageOptions } from "./e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  // Generous: CI machines have 2 cores, and a cold page compiles nothing but may still wait on the CPU.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    ...pageOptions,
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions }, testIgnore: [/\.phone\.spec\.ts/, /first-run\.spec\.ts/, /servers\//] },
    { name: "phone", use: { ...devices["Pixel 7"], viewport: { width: 375, height: 812 }, launchOptions }, testMatch: /\.phone\.spec\.ts/ },
    // The offline card on a laptop too (another unit: the spec picks its reporter by project).
    {
      name: "laptop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 768 }, launchOptions },
      testMatch: /offline-card\.phone\.spec\.ts/,
    },
    // An empty database outside demo mode: the first-admin page.
    { name: "first-run", use: { ...devices["Desktop Chrome"], launchOptions, baseURL: `http://localhost:${port + 1}` }, testMatch: /first-run\.spec\.ts/ },
  ],
  webServer: [
    {
      command: "bash scripts/e2e-server.sh",
      url: `http://localhost:${port}/login`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "bash scripts/e2e-server.sh empty",
      url: `http://localhost:${port + 1}/setup`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
