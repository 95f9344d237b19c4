/**
 * A card that survives a lost signal (issue 14), on a phone (375 px) as
 * 区农业农村局's reporter and on a laptop (1366 px) as 区水利局's, whose cards
 * the seed leaves empty today and no other spec uses: the morning is written,
 * with a photo, and sent with no signal, the page is reloaded with no signal
 * (the service worker's kept card and the IndexedDB draft, photo included),
 * and when the signal returns it is sent once, with the same content.
 */
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { loginAs, openSlot } from "./helpers";

/** One unit per project (playwright.config.ts runs this file at both sizes). */
const REPORTERS: Record<string, string> = { phone: "ud004-rep", laptop: "ud026-rep" };
const reporter = () => REPORTERS[test.info().project.name]!;
const PLAN = "e2e 离线填报：检查秋播小麦出苗情况";
const NOTE = "e2e 信号弱，先存在手机上。";

/** A different picture per project, so that the two units' photos are not one recycled photo. */
async function fieldPhoto(): Promise<Buffer> {
  const cx = test.info().project.name === "phone" ? 400 : 1200;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><rect width="100%" height="100%" fill="#8a6"/><circle cx="${cx}" cy="500" r="300" fill="#dc8"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

test("the app is installable: a manifest with icons and a service worker", async ({ page }) => {
  await loginAs(page, reporter());
  await page.goto("/unit");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifest = await (await page.request.get(href!)).json();
  expect(manifest).toMatchObject({ short_name: "晒台", start_url: "/unit", display: "standalone" });
  const sizes = (manifest.icons as { sizes: string; src: string }[]).map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as { src: string }[]) expect((await page.request.get(icon.src)).headers()["content-type"]).toBe("image/png");
  await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration("/"))?.active))).toBe(true);
});

test("a morning written with no signal survives a reload and is sent once when the signal returns", async ({ page, context }) => {
  await loginAs(page, reporter());
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/api/v1/cards/")) posts.push(request.headers()["idempotency-key"] ?? "");
  });
  await page.goto("/unit");
  // The worker controls the page and keeps the card and its files.
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 }).toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(
          async () =>
            Boolean(await (await caches.open("shaitai-card-shell")).match("/unit")) && (await (await caches.open("shaitai-static")).keys()).length > 0,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);

  await context.setOffline(true);
  let morning = await openSlot(page, "早晒");
  let form = morning.getByRole("form", { name: "填报早晒" });
  // Nothing comes ticked: only the typed item is sent.
  for (const box of await form.getByRole("checkbox").all()) await expect(box).not.toBeChecked();
  await form.getByRole("button", { name: "＋ 添加一项" }).click();
  await form.getByRole("textbox", { name: "其他事项 1", exact: true }).fill(PLAN);
  await form.getByLabel("补充说明（可选）").fill(NOTE);
  await form.getByLabel("从相册选择").setInputFiles({ name: "田间.jpg", mimeType: "image/jpeg", buffer: await fieldPhoto() });
  await expect(form.getByRole("img", { name: /^待上传：/ })).toHaveCount(1);
  await expect(form.getByText(/^草稿已保存/)).toBeVisible();
  await form.getByRole("button", { name: /^提交早晒/ }).click();
  await expect(form.getByRole("status").filter({ hasText: "待上传" })).toBeVisible();
  await page.screenshot({ path: "test-results/offline-card-pending.png", fullPage: false });

  // Reloaded with no signal: the kept card page, the draft as it was sent.
  await page.reload();
  morning = await openSlot(page, "早晒");
  form = morning.getByRole("form", { name: "填报早晒" });
  await expect(form.getByRole("textbox", { name: "其他事项 1", exact: true })).toHaveValue(PLAN);
  await expect(form.getByLabel("补充说明（可选）")).toHaveValue(NOTE);
  await expect(form.getByRole("img", { name: /^待上传：/ }), "the photo was kept with the draft").toHaveCount(1);
  await expect(form.getByRole("status").filter({ hasText: "待上传" })).toBeVisible();
  await expect(form.getByRole("button", { name: "待上传…" })).toBeDisabled();

  // The signal returns: sent again with the same key, saved once.
  await context.setOffline(false);
  await expect(morning.getByText(PLAN)).toBeVisible({ timeout: 30_000 });
  await expect(morning.getByText(/已晒|迟报/).first()).toBeVisible();
  expect(new Set(posts).size, "every attempt used the same Idempotency-Key").toBe(1);

  const card = await (await page.request.get("/api/v1/cards/today")).json();
  const slot = card.slots.find((s: { slot: string }) => s.slot === "morning");
  expect(slot).toMatchObject({ revisionCount: 0, correctionCount: 0 });
  expect(slot.text).toContain(PLAN);
  expect(slot.text).toContain(NOTE);
  expect(slot.photos, "the photo was sent with the slot, once").toHaveLength(1);
  expect(card.items.filter((i: { text: string }) => i.text === PLAN)).toHaveLength(1);
  expect(card.items).toHaveLength(1);

  // The draft is gone: a reload shows the sent slot, nothing pending.
  await page.reload();
  morning = await openSlot(page, "早晒");
  await expect(morning.getByText(PLAN)).toBeVisible();
  await expect(page.getByText("待上传")).toHaveCount(0);
});
