import assert from "node:assert/strict";
import { test } from "node:test";
import { evidenceIssues, type EvidenceTask } from "@/lib/reports/card-rules";
import { evidenceNeed } from "@/lib/reports/evidence-need";

const SITE = "「验收现场」";

test("no task asks for a photo: the field is optional, with no hint", () => {
  for (const slot of ["MORNING", "NOON", "EVENING"] as const) {
    assert.deepEqual(evidenceNeed("photo", slot, { done: [], open: [] }, 0), { label: "可选", required: false, hint: null });
  }
});

test("at noon a photo is never required: the label says when it will be", () => {
  const need = evidenceNeed("photo", "NOON", { done: [], open: [SITE] }, 0);
  assert.equal(need.label, "可选，晚晒标记完成时须有");
  assert.equal(need.required, false);
  assert.match(need.hint!, /「验收现场」在晚晒标记完成时须有现场照片/);
});

test("in the evening it is 必填 only once a task asking for it is marked ✓ and the day has no photo", () => {
  assert.deepEqual({ ...evidenceNeed("photo", "EVENING", { done: [], open: [SITE] }, 0), hint: null }, { label: "标记 ✓ 时必填", required: false, hint: null });
  const done = evidenceNeed("photo", "EVENING", { done: [SITE], open: [] }, 0);
  assert.equal(done.label, "必填");
  assert.equal(done.required, true);
  assert.match(done.hint!, /「验收现场」标记完成须有现场照片（今天任一时段上传的都算）/);
  // A photo from the morning or the noon counts: nothing more to attach.
  const covered = evidenceNeed("photo", "EVENING", { done: [SITE], open: [] }, 2);
  assert.equal(covered.label, "可选，今天已有");
  assert.equal(covered.required, false);
  assert.match(covered.hint!, /今天已上传的 2 张照片可以作为证明/);
});

test("the place says the same, in its own words", () => {
  assert.equal(evidenceNeed("place", "EVENING", { done: [SITE], open: [] }, 0).label, "必填");
  assert.match(evidenceNeed("place", "EVENING", { done: [SITE], open: [] }, 1).hint!, /今天已填写的位置可以作为证明/);
  assert.match(evidenceNeed("place", "NOON", { done: [], open: [SITE] }, 0).hint!, /可以现在定位/);
});

test("必填 is exactly when the server refuses the evening without a photo (evidenceIssues)", () => {
  const tasks = new Map<string, EvidenceTask>([["t", { title: "验收现场", requiresPhoto: true, requiresLocation: false }]]);
  for (const outcome of ["DONE", "OPEN", null] as const) {
    for (const photos of [0, 1]) {
      const refused = evidenceIssues("EVENING", [{ text: "验收", taskId: "t", outcome }], tasks, { photos, located: false }).length > 0;
      const marks = { done: outcome === "DONE" ? [SITE] : [], open: outcome === null ? [SITE] : [] };
      assert.equal(evidenceNeed("photo", "EVENING", marks, photos).required, refused, `${outcome} with ${photos} photos`);
    }
  }
});
