import assert from "node:assert/strict";
import { createRequire } from "node:module";
import test from "node:test";
import { ACTION_BODY_LIMIT_MB, ACTION_PHOTOS_BUDGET_BYTES, MAX_PHOTOS_PER_SLOT } from "@/lib/photos/limits";

const require = createRequire(import.meta.url);
const nextConfig = require("../../next.config.js") as { experimental: { serverActions: { bodySizeLimit: string }; proxyClientMaxBodySize: string } };

test("server actions' body limit is the one the photo input budgets for, far below the old 100 MB", () => {
  assert.equal(nextConfig.experimental.serverActions.bodySizeLimit, `${ACTION_BODY_LIMIT_MB}mb`);
  // proxy.ts buffers a page request's body up to this size: an action must pass it whole.
  assert.equal(nextConfig.experimental.proxyClientMaxBodySize, `${ACTION_BODY_LIMIT_MB}mb`);
  assert.ok(ACTION_BODY_LIMIT_MB <= 30);
  // 9 downscaled photos (2048 px JPEG, about 3 MB at most) fit the budget.
  assert.ok(ACTION_PHOTOS_BUDGET_BYTES >= MAX_PHOTOS_PER_SLOT * 3 * 1024 * 1024);
  assert.ok(ACTION_PHOTOS_BUDGET_BYTES < ACTION_BODY_LIMIT_MB * 1024 * 1024);
});
