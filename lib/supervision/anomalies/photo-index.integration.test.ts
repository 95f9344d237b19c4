/**
 * The recycled-photo index (issue 18) finds, through its band indexes, exactly
 * what reading every hash of the window finds (on SQLite and PostgreSQL), and
 * respects the window, the time each photo was added and the card.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { bandsOf } from "@/lib/photos/dhash";
import { findCandidates, findCandidatesLinear, type PhotoQuery } from "@/lib/supervision/anomalies/photo-index";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { addDays, districtInstant } from "@/lib/time";
import { rngFor } from "@/prisma/seed/rng";

let t: TestDb;
const rng = rngFor("photo-index-test");
const hex = () => Array.from({ length: 16 }, () => "0123456789abcdef"[rng.int(0, 15)]).join("");
/** A hash with `bits` random bits flipped. */
const flip = (hash: string, bits: number) => {
  let value = BigInt(`0x${hash}`);
  for (const bit of rng.sample([...Array(64).keys()], bits)) value ^= 1n << BigInt(bit);
  return value.toString(16).padStart(16, "0");
};
const photos: { id: string; cardId: string; date: string; createdAt: Date; hashes: string[] }[] = [];

before(async () => {
  t = await createTestDb();
  const unit = await t.db.unit.create({ data: { code: "130408901", name: "甲镇", kind: "TOWN" } });
  const author = await t.db.user.create({ data: { username: "rep", name: "信息员", role: "REPORTER", passwordHash: "x", unitId: unit.id } });
  // 24 days of photos: copies of 30 originals (up to 8 bits off) among unrelated photos.
  const originals: string[] = Array.from({ length: 30 }, hex);
  for (let day = 0; day < 24; day++) {
    const date = addDays("2026-10-01", day);
    const card = await t.db.reportCard.create({ data: { unitId: unit.id, date } });
    const submittedAt = districtInstant(date, "12:00");
    const slot = await t.db.reportSlot.create({ data: { cardId: card.id, slot: "NOON", authorId: author.id, text: "", submittedAt } });
    for (let k = 0; k < 5; k++) {
      const base = rng.chance(0.6) ? flip(rng.pick(originals), rng.int(0, 8)) : hex();
      const hashes = [base, flip(base, rng.int(2, 12)), flip(base, rng.int(4, 16))];
      const photo = await t.db.photo.create({
        data: {
          uploaderId: author.id,
          slotId: slot.id,
          storageKey: `p${day}-${k}.jpg`,
          thumbKey: `p${day}-${k}-t.jpg`,
          mime: "image/jpeg",
          width: 1,
          height: 1,
          bytes: 1,
          sha256: `${day}-${k}`,
          createdAt: new Date(submittedAt.getTime() + k * 1000),
          hashedAt: submittedAt,
        },
      });
      await t.db.photoHash.createMany({
        data: hashes.map((hash) => ({ photoId: photo.id, hash, ...Object.fromEntries(bandsOf(hash).map((v, i) => [`band${i}`, v])) }) as never),
      });
      photos.push({ id: photo.id, cardId: card.id, date, createdAt: photo.createdAt, hashes });
    }
  }
});
after(() => t.cleanup());

test("the indexed lookup finds exactly what the linear scan finds", async () => {
  let found = 0;
  for (const subject of photos.filter((_, i) => i % 3 === 0)) {
    // Probes as the runner makes them: the photo's own hash and a few other orientations.
    const q: PhotoQuery = {
      photoId: subject.id,
      cardId: subject.cardId,
      addedAt: subject.createdAt,
      probes: [subject.hashes[0], hex(), flip(subject.hashes[0], 3)],
      windowFrom: addDays(subject.date, -15),
    };
    const [indexed, linear] = await Promise.all([findCandidates(t.db, q), findCandidatesLinear(t.db, q)]);
    assert.deepEqual(indexed, linear, `photo of ${subject.date}`);
    found += indexed.length;
  }
  assert.ok(found > 20, `the set has matches to find (${found})`);
});

test("only earlier photos of other cards within the window are candidates", async () => {
  const subject = photos[photos.length - 1];
  const twin = photos.find((p) => p.date === "2026-10-05")!;
  // The subject looks up exactly the twin's hash.
  const q: PhotoQuery = { photoId: subject.id, cardId: subject.cardId, addedAt: subject.createdAt, probes: [twin.hashes[0]], windowFrom: "2026-10-01" };
  assert.ok((await findCandidates(t.db, q)).some((c) => c.photoId === twin.id && c.distance === 0));
  assert.ok(!(await findCandidates(t.db, { ...q, windowFrom: "2026-10-06" })).some((c) => c.photoId === twin.id), "outside the window");
  assert.ok(!(await findCandidates(t.db, { ...q, addedAt: twin.createdAt })).some((c) => c.photoId === twin.id), "not added before");
  assert.ok(!(await findCandidates(t.db, { ...q, cardId: twin.cardId })).some((c) => c.photoId === twin.id), "the same card");
});
