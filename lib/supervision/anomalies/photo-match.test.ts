/**
 * The recycled-photo check per transformation (issue 18): each kind of copy
 * is found by the hash index's rule (first stage) and confirmed by the fine
 * comparison (second stage); a second shot of the same site on another day
 * and a photo of another site are not confirmed. The rates over a larger
 * generated set are in bench/anomaly-accuracy.ts.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { contentBox, greyOf, hashesOfGrey, type PhotoHashes } from "@/lib/photos/dhash";
import { PHOTO_INDEX_RULES, isFoundBy, pickForVerification, probeBandValues } from "@/lib/supervision/anomalies/photo-index";
import { PHOTO_MATCH_RULES, coarseCorrelation, comparePhotos, isSamePhoto, preparePhoto, type PreparedPhoto } from "@/lib/supervision/anomalies/photo-match";
import { RECYCLE_TRANSFORMS, recycle, renderShot, shotFor, siteFor } from "@/prisma/seed/photo-scenes";
import { rngFor } from "@/prisma/seed/rng";

type Seen = { hashes: PhotoHashes; prepared: PreparedPhoto };
const see = async (image: Buffer): Promise<Seen> => {
  const grey = await greyOf(image);
  return { hashes: hashesOfGrey(grey), prepared: preparePhoto(grey) };
};

let original: Buffer;
let seen: Seen;
const rng = rngFor("photo-match-test");

before(async () => {
  original = await renderShot(siteFor("photo-match", 1), shotFor(rng));
  seen = await see(original);
});

/** Both stages, as the runner applies them. */
function judge(earlier: Seen, later: Seen) {
  const found = earlier.hashes.index.some((hash) => isFoundBy(probeBandValues(later.hashes.probes), hash));
  return { found, match: comparePhotos(earlier.prepared, later.prepared) };
}

for (const transform of RECYCLE_TRANSFORMS) {
  test(`a copy ${transform} is found by the index and confirmed`, async () => {
    const copy = await see(await recycle(original, transform, rng));
    const { found, match } = judge(seen, copy);
    assert.ok(found, "first stage");
    assert.ok(isSamePhoto(match), `correlation ${match.correlation} < ${PHOTO_MATCH_RULES.minCorrelation}`);
  });
}

test("the comparison says what matched: a mirror image, a rotation, a crop", async () => {
  const mirrored = judge(seen, await see(await recycle(original, "mirror", rng))).match;
  assert.equal(mirrored.orientation, 1);
  const turned = judge(seen, await see(await recycle(original, "rotate180", rng))).match;
  assert.equal(turned.orientation, 2);
  const cropped = judge(seen, await see(await recycle(original, "crop20", rngFor("crop-known")))).match;
  assert.equal(cropped.holder, "EARLIER");
  assert.ok(
    cropped.crop.some((f) => f > 0.02),
    `crop ${cropped.crop.join(",")}`,
  );
});

test("a screenshot's frame is cut away before hashing", async () => {
  const shot = await greyOf(await recycle(original, "screenshot", rng));
  const [, top, , bottom] = contentBox(shot);
  assert.ok(top > 0.2 * shot.height && bottom < 0.8 * shot.height, `content ${top}–${bottom} of ${shot.height}`);
  assert.deepEqual(contentBox(await greyOf(original)), [0, 0, 256, 192], "a photo without a frame keeps its sky");
});

test("hard negatives: another day's shot of the same site and another site are not the same photo", async () => {
  const site = siteFor("photo-match", 1);
  const sameSite = await see(await renderShot(site, shotFor(rngFor("photo-match-other-day"))));
  const otherSite = await see(await renderShot(siteFor("photo-match", 2), shotFor(rng)));
  for (const other of [sameSite, otherSite]) {
    const { match } = judge(seen, other);
    assert.ok(!isSamePhoto(match), `correlation ${match.correlation}`);
  }
});

test("a flat frame has nothing to compare", async () => {
  const sharp = (await import("sharp")).default;
  const grey = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#777" } })
    .jpeg()
    .toBuffer();
  const flat = await see(grey);
  assert.ok(!isSamePhoto(comparePhotos(flat.prepared, flat.prepared)));
  assert.ok(
    probeBandValues(flat.hashes.probes).every((band) => band.size === 0),
    "no band worth looking up",
  );
});

test("a crop's source far down the Hamming ranking still reaches the fine comparison: candidates are ranked by the coarse comparison", async () => {
  const crop = await see(await recycle(original, "crop20", rngFor("crop-known")));
  // Thirty other shots of the same kind of work, all nearer by Hamming distance than the source.
  const others = await Promise.all(Array.from({ length: 30 }, async (_, i) => see(await renderShot(siteFor("photo-match-crowd", i), shotFor(rng)))));
  const nearestFirst = [
    ...others.map((o, i) => ({ photoId: `other-${i}`, distance: 1, seen: o })),
    { photoId: "source", distance: PHOTO_INDEX_RULES.maxDistance, seen },
  ];
  const picked = pickForVerification(nearestFirst, (c) => coarseCorrelation(c.seen.prepared, crop.prepared));
  assert.equal(picked.length, PHOTO_INDEX_RULES.maxVerified);
  assert.deepEqual(
    picked.slice(0, PHOTO_INDEX_RULES.keepNearest).map((c) => c.photoId),
    ["other-0", "other-1", "other-2", "other-3"],
    "the nearest by Hamming distance stay",
  );
  assert.equal(picked[PHOTO_INDEX_RULES.keepNearest].photoId, "source", "the source ranks first coarsely");
  assert.ok(isSamePhoto(comparePhotos(seen.prepared, crop.prepared)));
});
