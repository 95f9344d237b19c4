import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { addDays, districtToday } from "@/lib/time";

export const DEMO_PASSWORD = "shaitai-demo";

/** Signs in through next-auth's API (not the form), sharing cookies with the page. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await signInRequest(page.request, username, password);
}

export async function signInRequest(request: APIRequestContext, username: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true" },
  });
  expect(response.ok(), `login as ${username}`).toBeTruthy();
  return response;
}

/** Signs out whoever the page is signed in as, and signs in `username` instead. */
export async function switchUser(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, username);
}

/** Signs in through the login form, as a person would. */
export async function loginWithForm(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/**
 * Answers the form kit's confirmation dialog (components/ui/action-form.tsx):
 * a modal <dialog> named by its question, its confirm button named `confirm`.
 */
export async function confirmDialog(page: Page, question: string | RegExp, confirm: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: question });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: confirm, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/** A district date `offset` days from today ("YYYY-MM-DD", Asia/Shanghai, whatever the machine's time zone). */
export function districtDay(offset = 0): string {
  return addDays(districtToday(), offset);
}

/** A unit's id by its name, from the JSON API (as the signed-in user may see it). */
export async function unitIdByName(page: Page, name: string): Promise<string> {
  const { units } = (await (await page.request.get("/api/v1/units")).json()) as { units: { id: string; name: string }[] };
  return units.find((u) => u.name === name)!.id;
}

/** Opens a slot of the daily card on /unit (its <details>), unless it is open already. */
export async function openSlot(page: Page, name: "早晒" | "午晒" | "晚晒"): Promise<Locator> {
  const slot = page.getByRole("listitem", { name });
  const details = slot.locator("details");
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await slot.locator("summary").click();
  return slot;
}

/** Draws a spot check of `count` reports with a fixed seed on /spot-checks and lands on the draw's page. */
export async function drawSpotCheck(page: Page, count: number, seed: string): Promise<void> {
  await page.goto("/spot-checks");
  const form = page.getByRole("form", { name: "随机抽查" });
  await form.getByLabel("条数", { exact: true }).fill(String(count));
  await form.getByLabel("随机种子（可不填）").fill(seed);
  await form.getByRole("button", { name: "抽取" }).click();
  await expect(page).toHaveURL(/\/spot-checks\/draws\//);
}

/**
 * Fills 督办件立项 on /orders/new (its lead unit already chosen) and issues the order, due in five days;
 * lands on the order's page and returns its path.
 */
export async function issueOrder(page: Page, order: { title: string; body: string; urgent?: boolean }): Promise<string> {
  const issue = page.getByRole("form", { name: "督办件立项" });
  await issue.getByLabel("标题").fill(order.title);
  await issue.getByLabel("督办内容").fill(order.body);
  await issue.getByLabel("办结期限（日期）").fill(districtDay(5));
  if (order.urgent) await issue.getByLabel(/紧急/).check();
  await issue.getByRole("button", { name: "立项并交办" }).click();
  await expect(page).toHaveURL(/\/orders\/c/);
  return new URL(page.url()).pathname;
}
