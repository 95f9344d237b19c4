import { expect, type APIRequestContext, type Page } from "@playwright/test";

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
