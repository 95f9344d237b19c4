/**
 * Supervision denials, tested where they are enforced: the server action (a
 * unit's session submitting the draw form), the query (an assessor naming a
 * unit outside the group), the pages, the JSON API and the photo route.
 */
import { expect, test, type Page } from "@playwright/test";
import { districtDay, loginAs, switchUser, unitIdByName } from "./helpers";

test("a unit's session cannot draw a spot check, even by submitting the form itself", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/spot-checks");
  const draws = await page.getByRole("region", { name: "抽取记录" }).getByRole("listitem").count();
  const form = page.getByRole("form", { name: "随机抽查" });
  await form.getByLabel("条数", { exact: true }).fill("2");

  // The form stays in the page; the session behind it becomes a unit reporter's.
  await switchUser(page, "town-reporter");
  await form.getByRole("button", { name: "抽取" }).click();
  await expect(form.getByRole("alert")).toHaveText("没有权限执行此操作。");
  await expect(page).toHaveURL(/\/spot-checks$/);

  await switchUser(page, "admin");
  await page.goto("/spot-checks");
  await expect(page.getByRole("region", { name: "抽取记录" }).getByRole("listitem")).toHaveCount(draws);
});

test("spot checks, flags and the bulletin editor send other roles home", async ({ page }) => {
  test.slow();
  await loginAs(page, "town-reporter");
  for (const path of ["/spot-checks", "/spot-checks/pick", "/admin/anomalies", "/admin/bulletins", "/orders/new"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/unit\?denied=1$/);
  }
  await switchUser(page, "assessor");
  for (const path of ["/spot-checks", "/admin/anomalies"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/assessor\?denied=1$/);
  }
  await switchUser(page, "leader");
  await page.goto("/admin/anomalies");
  await expect(page).toHaveURL(/\/leader\?denied=1$/);
  await page.goto("/spot-checks");
  await expect(page.getByRole("heading", { level: 1, name: "抽查" })).toBeVisible();
});

test("an assessor cannot issue an order to a unit outside the group, even by editing the form", async ({ page }) => {
  await loginAs(page, "admin");
  // 区委网信办 is no part of the 招商引资 group's scope in the seed.
  const outside = await unitIdByName(page, "区委网信办");
  await switchUser(page, "assessor");
  await page.goto(`/orders/new?unitId=${outside}`);
  await expect(page).toHaveURL(/\/assessor\?denied=1$/);

  await page.goto(`/orders/new?unitId=${await unitIdByName(page, "临洺关镇")}`);
  const issue = page.getByRole("form", { name: "督办件立项" });
  await issue.getByLabel(/关联任务/).selectOption({ index: 1 });
  await issue.getByLabel("标题").fill("越权开具的督办单");
  await issue.getByLabel("督办内容").fill("这份督办单不应该被开具出来，因为单位不在考核组范围内。");
  await issue.locator('input[name="unitId"]').evaluate((input: HTMLInputElement, id) => (input.value = id), outside);
  await issue.getByRole("button", { name: "立项并交办" }).click();
  await expect(issue.getByRole("alert")).toHaveText("无权向该单位交办督办件。");
  await expect(page).toHaveURL(/\/orders\/new/);
});

test("the API answers 401, 403 and 422 for bulletins and anomalies", async ({ page }) => {
  expect((await page.request.get("/api/v1/bulletins")).status()).toBe(401);
  expect((await page.request.get(`/api/v1/anomalies?date=${districtDay(-1)}`)).status()).toBe(401);

  await loginAs(page, "town-reporter");
  const bulletins = await page.request.get("/api/v1/bulletins");
  expect(bulletins.status()).toBe(200);
  const { bulletins: list } = (await bulletins.json()) as { bulletins: { number: number; date: string; title: string; summary: string }[] };
  expect(list.length).toBeGreaterThan(0);
  expect(list[0]).toEqual(
    expect.objectContaining({ number: expect.any(Number), date: expect.any(String), title: expect.any(String), summary: expect.any(String) }),
  );
  const forbidden = await page.request.get(`/api/v1/anomalies?date=${districtDay(-1)}`);
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error.code).toBe("FORBIDDEN");

  await switchUser(page, "leader");
  const bad = await page.request.get("/api/v1/anomalies?date=2026-13-45");
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.message).toMatch(/date/);
  expect((await page.request.get("/api/v1/anomalies")).status()).toBe(422);
  const ok = await page.request.get(`/api/v1/anomalies?date=${districtDay(-1)}`);
  expect(ok.status()).toBe(200);
  const { anomalies } = (await ok.json()) as { anomalies: { kind: string; unit: { name: string }; date: string; slot: { kind: string }; evidence: unknown }[] };
  const recycled = anomalies.find((a) => a.kind === "RECYCLED_PHOTO" && a.unit.name === "讲武镇");
  expect(recycled?.date).toBe(districtDay(-1));
  expect(recycled?.evidence).toEqual(expect.objectContaining({ distance: expect.any(Number), related: expect.objectContaining({ unitName: "刘营镇" }) }));

  const doc = (await (await page.request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/bulletins", "/anomalies"]));
});

type Flags = { anomalies: { kind: string; unit: { name: string }; evidence: { photoId?: string } }[] };

/** The photo of a unit's recycled-photo flag on a date (prisma/seed/supervision-evidence.ts). */
async function recycledPhotoOf(page: Page, unitName: string, date: string): Promise<string> {
  const { anomalies } = (await (await page.request.get(`/api/v1/anomalies?date=${date}`)).json()) as Flags;
  return anomalies.find((a) => a.kind === "RECYCLED_PHOTO" && a.unit.name === unitName)!.evidence.photoId!;
}

test("report photos are served to signed-in users only （the 晾晒墙 is district-wide）", async ({ page }) => {
  await loginAs(page, "admin");
  const other = await recycledPhotoOf(page, "讲武镇", districtDay(-1));
  const own = await recycledPhotoOf(page, "临洺关镇", districtDay(-2));
  const thumb = await page.request.get(`/api/photos/${other}?size=thumb`);
  expect(thumb.status()).toBe(200);
  expect(thumb.headers()["content-type"]).toBe("image/jpeg");
  expect((await page.request.get(`/api/photos/${other}?size=huge`)).status()).toBe(422);

  await switchUser(page, "town-reporter");
  // Reports, and so their photos, are shown to every signed-in user on the feed (lib/photos/scope.ts).
  expect((await page.request.get(`/api/photos/${other}?size=thumb`)).status()).toBe(200);
  expect((await page.request.get(`/api/photos/${own}?size=full`)).status()).toBe(200);
  await page.context().clearCookies();
  expect((await page.request.get(`/api/photos/${own}?size=full`)).status()).toBe(401);
  expect((await page.request.get(`/api/photos/does-not-exist?size=full`)).status()).toBe(401);
});
