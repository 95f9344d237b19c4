/**
 * The JSON API (/api/v1) as a chat bot would use it: a token made on the
 * account page, a slot posted as JSON and as multipart, retries, bad input,
 * another unit's card, a revoked token. Uses 区交运局 (dept-head), so that the
 * phone spec keeps 临洺关镇's card to itself.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { confirmDialog, loginAs, unitIdByName } from "./helpers";

test.describe.configure({ mode: "serial" });

let token: string;
let bot: APIRequestContext;

async function createToken(page: Page, name: string): Promise<string> {
  await page.goto("/account");
  await page.getByLabel("令牌名称").fill(name);
  await page.getByRole("button", { name: "创建令牌" }).click();
  const field = page.getByLabel("新令牌（只显示这一次）");
  await expect(field).toHaveValue(/^sht_/);
  return field.inputValue();
}

test.beforeAll(async ({ browser, baseURL }) => {
  const page = await browser.newPage();
  await loginAs(page, "dept-head");
  token = await createToken(page, "e2e 机器人");
  await page.close();
  // A client with no cookies: only the token speaks for it.
  bot = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
});

test.afterAll(async () => {
  await bot?.dispose();
});

test("a token authenticates its user; no token is a 401", async ({ baseURL }) => {
  const me = await bot.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ username: "dept-head", role: "UNIT_HEAD", unit: { name: "区交运局" } });

  const anonymous = await playwrightRequest.newContext({ baseURL });
  const denied = await anonymous.get("/api/v1/cards/today");
  expect(denied.status()).toBe(401);
  expect((await denied.json()).error.code).toBe("UNAUTHENTICATED");
  const wrong = await anonymous.get("/api/v1/me", { headers: { Authorization: "Bearer sht_not-a-token" } });
  expect(wrong.status()).toBe(401);
  await anonymous.dispose();
});

test("a morning posted as JSON is saved once, however often it is retried", async () => {
  const body = { items: [{ text: "e2e 接口计划：巡查洺李线护栏" }], note: "由机器人报送" };
  const first = await bot.post("/api/v1/cards/today/morning", { data: body, headers: { "Idempotency-Key": "e2e-api-morning-1" } });
  expect(first.status()).toBe(201);
  const saved = await first.json();
  expect(saved).toMatchObject({ slot: "morning", unitId: expect.any(String), items: [{ text: "e2e 接口计划：巡查洺李线护栏", addedIn: "morning" }] });
  expect(saved.text).toContain("由机器人报送");

  const retry = await bot.post("/api/v1/cards/today/morning", { data: body, headers: { "Idempotency-Key": "e2e-api-morning-1" } });
  expect(retry.status()).toBe(201);
  expect(retry.headers()["idempotent-replayed"]).toBe("true");
  expect((await retry.json()).id).toBe(saved.id);

  const card = await (await bot.get("/api/v1/cards/today")).json();
  expect(card.unit.name).toBe("区交运局");
  expect(card.items).toHaveLength(1);
  expect(card.slots.map((s: { slot: string; state: string }) => s.slot)).toEqual(["morning", "noon", "evening"]);
});

test("bad input is a 422 with a Chinese message, never a 500", async () => {
  const malformed = await bot.post("/api/v1/cards/today/noon", {
    data: Buffer.from('{"items": [{"text": "x"'),
    headers: { "Content-Type": "application/json" },
  });
  expect(malformed.status()).toBe(422);
  expect(await malformed.json()).toEqual({ error: { code: "VALIDATION_FAILED", message: "请求体不是有效的 JSON。" } });

  const noReason = await bot.post("/api/v1/cards/today/evening", { data: { items: [{ text: "e2e 接口计划：巡查洺李线护栏", done: false }] } });
  expect(noReason.status()).toBe(422);
  expect((await noReason.json()).error.message).toContain("未完成的原因");

  const badSlot = await bot.post("/api/v1/cards/today/dinner", { data: { items: [] } });
  expect(badSlot.status()).toBe(422);
  const future = await bot.get("/api/v1/cards/2999-01-01");
  expect(future.status()).toBe(422);

  const notAPhoto = await bot.post("/api/v1/cards/today/noon", {
    multipart: {
      payload: JSON.stringify({ note: "上午在现场" }),
      photos: { name: "现场.jpg", mimeType: "image/jpeg", buffer: Buffer.from("这是一段文字，不是照片。".repeat(40)) },
    },
  });
  expect(notAPhoto.status()).toBe(422);
  const rejected = await notAPhoto.json();
  expect(rejected.error.code).toBe("PHOTO_REJECTED");
  expect(rejected.error.message).toContain("不是可识别的图片");
  const card = await (await bot.get("/api/v1/cards/today")).json();
  expect(card.slots[1].state).not.toBe("SUBMITTED");
});

test("another unit's card answers as an unknown one (404); the district's status is for the office and leaders", async ({ browser }) => {
  const page = await browser.newPage();
  await loginAs(page, "admin");
  const townId = await unitIdByName(page, "临洺关镇");
  const status = await page.request.get("/api/v1/status/today");
  expect(status.status()).toBe(200);
  expect((await status.json()).units).toHaveLength(113);
  // The office may read any unit's card…
  expect((await page.request.get(`/api/v1/cards/today?unitId=${townId}`)).status()).toBe(200);
  // …but files none: only a unit account files its own card.
  expect((await page.request.post("/api/v1/cards/today/morning", { data: { items: [{ text: "x" }] } })).status()).toBe(403);
  await page.close();

  // A unit account cannot tell another unit's id from a made-up one: the same answer for both.
  const other = await bot.get(`/api/v1/cards/today?unitId=${townId}`);
  const unknown = await bot.get("/api/v1/cards/today?unitId=no-such-unit");
  expect(other.status()).toBe(404);
  expect(unknown.status()).toBe(404);
  expect(await other.json()).toEqual(await unknown.json());
  expect((await bot.get("/api/v1/status/today")).status()).toBe(403);
});

test("a cookie-authenticated write from another site is refused", async ({ page }) => {
  await loginAs(page, "dept-head");
  const response = await page.request.post("/api/v1/cards/today/noon", { data: { note: "跨站" }, headers: { "Sec-Fetch-Site": "cross-site" } });
  expect(response.status()).toBe(403);
});

test("a revoked token stops working", async ({ page, baseURL }) => {
  await loginAs(page, "dept-head");
  const spare = await createToken(page, "e2e 待吊销");
  const client = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${spare}` } });
  expect((await client.get("/api/v1/me")).status()).toBe(200);
  await page.getByRole("button", { name: "吊销令牌 e2e 待吊销" }).click();
  await confirmDialog(page, "吊销令牌“e2e 待吊销”?", "吊销");
  await expect(page.getByRole("listitem", { name: "e2e 待吊销" })).toContainText("吊销");
  await expect(page.getByRole("button", { name: "吊销令牌 e2e 待吊销" })).toHaveCount(0);
  expect((await client.get("/api/v1/me")).status()).toBe(401);
  await client.dispose();
});

test("the OpenAPI document describes the card API", async ({ request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/me", "/units", "/cards/{date}", "/cards/{date}/{slot}", "/status/{date}"]));
  expect(doc.paths["/cards/{date}/{slot}"].post.requestBody.content).toHaveProperty("multipart/form-data");
});

test("photos are served only to signed-in users", async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  expect((await anonymous.get("/api/photos/anything?size=thumb")).status()).toBe(401);
  await anonymous.dispose();
  expect((await bot.get("/api/photos/no-such-photo")).status()).toBe(404);
});
