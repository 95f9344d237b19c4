import { chromium } from "@playwright/test";
const base = "http://localhost:3005";
const [user, ...paths] = process.argv.slice(2);
const phone = process.env.PHONE === "1";
async function main() {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext({ viewport: phone ? { width: 375, height: 812 } : { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const { csrfToken } = await (await page.request.get(`${base}/api/auth/csrf`)).json();
  await page.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, username: user, password: "shaitai-demo", json: "true" } });
  for (const p of paths) {
    await page.goto(`${base}${p}`);
    await page.waitForLoadState("networkidle");
    const name = `/tmp/shots/${user}${p.replace(/[^a-z0-9]+/gi, "_")}${phone ? "_phone" : ""}.png`;
    await page.evaluate(async () => { for (let y = 0; y < document.body.scrollHeight; y += 600) { window.scrollTo(0, y); await new Promise((r) => setTimeout(r, 50)); } window.scrollTo(0, 0); });
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: name, fullPage: process.env.FULL === "1" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    console.log(name, page.url(), overflow ? "HORIZONTAL OVERFLOW" : "");
  }
  await browser.close();
}
main();
