/**
 * The browser settings shared by both Playwright configs (playwright.config.ts and
 * playwright.servers.config.ts): Debian's chromium, since Playwright's own browser download
 * cannot run here, and the page settings every spec expects (Chinese, the district's time zone).
 */
import type { LaunchOptions } from "@playwright/test";

export const launchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export const pageOptions = {
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  trace: "retain-on-failure" as const,
  launchOptions,
};
