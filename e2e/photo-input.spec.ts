/**
 * The server-action photo input (components/ui/photo-input.tsx): photos are compressed in the
 * browser before they are sent. While that runs the input still holds the originals, so the form
 * must not be sent: its button is disabled, a submission is ignored, and 「正在压缩照片…」 is shown.
 * The compression is held open by the test (createImageBitmap waits for a signal), as on a slow phone.
 */
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { drawSpotCheck, loginAs } from "./helpers";

/** A phone camera's photo: 4000 × 3000, noisy enough to weigh what a real one does (a few MB). */
async function cameraPhoto(): Promise<Buffer> {
  const noise = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 120, sigma: 60 } } })
    .png()
    .toBuffer();
  return sharp(noise).resize(4000, 3000).jpeg({ quality: 92 }).toBuffer();
}

test("a spot check's photos: nothing is sent while they are being compressed, then only the small copies", async ({ page }) => {
  test.slow();
  await page.addInitScript(() => {
    const w = window as unknown as { releaseCompression: () => void; createImageBitmap: typeof createImageBitmap };
    const gate = new Promise<void>((resolve) => (w.releaseCompression = resolve));
    const original = window.createImageBitmap.bind(window);
    w.createImageBitmap = (async (...args: Parameters<typeof createImageBitmap>) => {
      await gate;
      return original(...args);
    }) as typeof createImageBitmap;
  });
  await loginAs(page, "leader");
  await drawSpotCheck(page, 1, "e2e-photo-input");
  await page.getByRole("link", { name: "记录核查结果" }).first().click();
  await expect(page).toHaveURL(/\/spot-checks\/c/);

  const record = page.getByRole("form", { name: "记录核查结果" });
  await record.getByLabel("核查方式").selectOption("ON_SITE");
  await record.getByRole("radio", { name: "属实", exact: true }).check();
  await record.getByLabel("核查情况").fill("实地查看，与晒报一致。");
  const save = record.getByRole("button", { name: "保存核查结果" });
  const posts: { size: number }[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) posts.push({ size: request.postDataBuffer()?.length ?? 0 });
  });

  const original = await cameraPhoto();
  await record.getByLabel("核查照片（可选，最多 9 张）").setInputFiles({ name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: original });
  await expect(record.getByText("正在压缩照片…")).toBeVisible();
  await expect(save).toBeDisabled();
  // A submission another way (Enter in a field, a script): held, not sent with the originals.
  await record.evaluate((form: HTMLFormElement) => form.requestSubmit());
  await page.waitForTimeout(1_500);
  expect(posts, "nothing is sent while the photos are being compressed").toEqual([]);

  await page.evaluate(() => (window as unknown as { releaseCompression: () => void }).releaseCompression());
  await expect(record.getByText(/^已选 1 张，共 [\d.]+ MB。$/)).toBeVisible();
  await expect(save).toBeEnabled();
  await save.click();
  await expect(record.getByRole("status")).toHaveText(/^核查结果已记录/);
  expect(posts).toHaveLength(1);
  // The small copy (2048 px), not the camera's original.
  expect(posts[0].size, `sent ${posts[0].size} bytes; the original has ${original.length}`).toBeLessThan(original.length / 2);
});
