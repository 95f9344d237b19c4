import { chromium } from "@playwright/test";
const base = "http://localhost:3005";
async function main() {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const login = async (u: string) => { await context.clearCookies(); const { csrfToken } = await (await page.request.get(`${base}/api/auth/csrf`)).json(); await page.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, username: u, password: "shaitai-demo", json: "true" } }); };
  const shot = async (name: string, full = false) => { await page.waitForLoadState("networkidle"); await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: full }); console.log(name, page.url()); };
  await login("town-reporter");
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${base}/orders`);
  await shot("unit-orders-phone", true);
  await page.getByRole("link", { name: /冀南快递/ }).click();
  await page.waitForURL(/orders\/c/);
  await shot("unit-order-phone", true);
  await browser.close();
}
main();
