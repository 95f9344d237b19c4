import { expect, test } from "@playwright/test";
import { signInRequest } from "../helpers";

/** The session cookie's name=value pairs, as a thief who copied them would send them. */
async function cookieHeader(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const state = await request.storageState();
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

test("after logout the old session cookie reads as no session, on next-auth's own endpoint too", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signInRequest(request, "town-head", "shaitai-demo");
  const live = await (await request.get("/api/auth/session")).json();
  expect(live.user?.name).toBeTruthy();
  expect(live.sid).toBeTruthy();
  const stolen = await cookieHeader(request);

  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  await request.post("/api/auth/signout", { form: { csrfToken, json: "true" } });

  const outsider = await playwright.request.newContext({ baseURL });
  const after = await outsider.get("/api/auth/session", { headers: { Cookie: stolen } });
  expect(after.status()).toBe(200);
  expect(await after.json()).toEqual({});
  const page = await outsider.get("/unit", { headers: { Cookie: stolen }, maxRedirects: 0 });
  expect(page.headers()["location"] ?? (await page.text())).toContain("/login");
  await request.dispose();
  await outsider.dispose();
});
