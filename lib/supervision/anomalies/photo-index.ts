/**
 * The recycled-photo index (issue 18): the first stage of the check, which
 * finds candidates without reading every photo of the year.
 *
 * Each report photo is hashed on its content box and on crops of it
 * (lib/photos/dhash.ts `index`); those hashes are rows of PhotoHash, each
 * split into four 16-bit bands with a database index on each (multi-index
 * hashing). A new photo is looked up with its 8 orientations (`probes`): an
 * earlier photo is a candidate when one of its hashes agrees with a probe in
 * some band to within one bit (bands with under 3 bits set are too plain to
 * say anything and are not looked up). The lookup is one indexed query per
 * photo, whatever the number of photos in the window; `findCandidatesLinear`
 * applies the same rule by reading every hash of the window, to prove it.
 *
 * Photos join the index when they are first checked (their thumbnail is read
 * back from the photo store), and photos from before the index exist are
 * added lazily, newest first, a few per batch of checks (`backfillPhotoHashes`).
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { bandsOf, greyOf, hammingDistance, hashesOfGrey, type Grey, type PhotoHashes } from "@/lib/photos/dhash";
import type { PhotoStorage } from "@/lib/storage/index";
import { type PreparedPhoto, preparePhoto } from "@/lib/supervision/anomalies/photo-match";

export const PHOTO_INDEX_RULES = {
  /** bits a band of a probe may differ from a stored band and still find it */
  bandRadius: 1,
  /** bands of a probe with fewer set bits than this are not looked up */
  minBandBits: 3,
  /** candidates farther than this (least Hamming distance, probe against stored hash) are not verified */
  maxDistance: 20,
  /** at most this many candidates per photo, nearest first, are ranked by the coarse comparison (photo-match.ts coarseCorrelation) */
  maxRanked: 48,
  /** the nearest few by Hamming distance always go to the fine comparison (a screenshot whose frame was not cut away ranks low coarsely) */
  keepNearest: 4,
  /** at most this many candidates per photo go to the fine comparison: the nearest few, then the best by the coarse comparison */
  maxVerified: 12,
  /** photos from before the index that each batch of checks adds to it */
  backfillPerBatch: 40,
};

const POPCOUNT16 = (v: number) => {
  let c = 0;
  for (let x = v; x; x &= x - 1) c++;
  return c;
};

/** For each band, the values a stored band may have to be found by these probes. */
export function probeBandValues(probes: readonly string[], rules = PHOTO_INDEX_RULES): Set<number>[] {
  const out = [new Set<number>(), new Set<number>(), new Set<number>(), new Set<number>()];
  for (const probe of probes) {
    bandsOf(probe).forEach((value, band) => {
      if (POPCOUNT16(value) < rules.minBandBits) return;
      out[band].add(value);
      if (rules.bandRadius >= 1) for (let bit = 0; bit < 16; bit++) out[band].add(value ^ (1 << bit));
    });
  }
  return out;
}

/** Whether a stored hash is found by the probes (the rule the indexed query applies). */
export function isFoundBy(values: Set<number>[], hash: string): boolean {
  return bandsOf(hash).some((value, band) => values[band].has(value));
}

/** An earlier photo found by the index, with its least distance to the probes. */
export type PhotoCandidate = { photoId: string; distance: number };

/** What a subject photo is looked up with. */
export type PhotoQuery = { photoId: string; cardId: string; addedAt: Date; probes: string[]; windowFrom: string };

/** Which earlier photos the lookup may return: added before the subject, to another card, in the window. */
function earlierWhere(q: PhotoQuery): Prisma.PhotoWhereInput {
  return { id: { not: q.photoId }, createdAt: { lt: q.addedAt }, slot: { cardId: { not: q.cardId }, card: { date: { gte: q.windowFrom } } } };
}

function closest(q: PhotoQuery, rows: { photoId: string; hash: string }[], rules = PHOTO_INDEX_RULES): PhotoCandidate[] {
  const best = new Map<string, number>();
  for (const row of rows) {
    let d = 64;
    for (const probe of q.probes) d = Math.min(d, hammingDistance(probe, row.hash));
    if (d < (best.get(row.photoId) ?? 65)) best.set(row.photoId, d);
  }
  return [...best]
    .filter(([, d]) => d <= rules.maxDistance)
    .map(([photoId, distance]) => ({ photoId, distance }))
    .sort((a, b) => a.distance - b.distance || (a.photoId < b.photoId ? -1 : 1));
}

/** Candidates through the band indexes: one query. */
export async function findCandidates(db: Db, q: PhotoQuery, rules = PHOTO_INDEX_RULES): Promise<PhotoCandidate[]> {
  const values = probeBandValues(q.probes, rules);
  const bands = values.flatMap((set, band) => (set.size > 0 ? [{ [`band${band}`]: { in: [...set] } } as Prisma.PhotoHashWhereInput] : []));
  if (bands.length === 0) return [];
  const rows = await db.photoHash.findMany({ where: { OR: bands, photo: earlierWhere(q) }, select: { photoId: true, hash: true } });
  return closest(q, rows, rules);
}

/** The same rule by reading every hash of the window (for tests and the benchmark). */
export async function findCandidatesLinear(db: Db, q: PhotoQuery, rules = PHOTO_INDEX_RULES): Promise<PhotoCandidate[]> {
  const values = probeBandValues(q.probes, rules);
  const rows = await db.photoHash.findMany({ where: { photo: earlierWhere(q) }, select: { photoId: true, hash: true } });
  return closest(
    q,
    rows.filter((r) => isFoundBy(values, r.hash)),
    rules,
  );
}

/**
 * Which candidates go to the fine comparison: the `keepNearest` nearest by
 * Hamming distance (the list comes nearest first), then the best by the
 * coarse correlation, `maxVerified` in all. A crop of a fifth moves a dHash
 * by up to ~17 bits, so its source can rank far down among photos of the
 * same kind of work; the coarse comparison puts it back on top.
 */
export function pickForVerification<T extends PhotoCandidate>(nearestFirst: readonly T[], coarse: (candidate: T) => number, rules = PHOTO_INDEX_RULES): T[] {
  const picked = nearestFirst.slice(0, rules.keepNearest);
  const rest = nearestFirst
    .slice(rules.keepNearest, rules.maxRanked)
    .map((c) => ({ c, score: coarse(c) }))
    .sort((a, b) => b.score - a.score);
  return [...picked, ...rest.slice(0, Math.max(0, rules.maxVerified - picked.length)).map((r) => r.c)];
}

/** A photo read back for the checks: its greyscale and hashes (null when its file is gone). */
export type LoadedPhoto = { grey: Grey; hashes: PhotoHashes; prepared: PreparedPhoto };

/** Reads photos' thumbnails from the store, once per batch. */
export function photoLoader(storage: PhotoStorage) {
  const cache = new Map<string, Promise<LoadedPhoto | null>>();
  return (photo: { id: string; thumbKey: string }): Promise<LoadedPhoto | null> => {
    let loaded = cache.get(photo.id);
    if (!loaded) {
      loaded = (async () => {
        const data = await storage.get(photo.thumbKey).catch(() => null);
        if (!data) return null;
        try {
          const grey = await greyOf(data);
          return { grey, hashes: hashesOfGrey(grey), prepared: preparePhoto(grey) };
        } catch {
          return null;
        }
      })();
      cache.set(photo.id, loaded);
    }
    return loaded;
  };
}

export type PhotoLoader = ReturnType<typeof photoLoader>;

/**
 * Puts photos into the index (those not yet in it). Marking the photo and
 * writing its rows is one transaction that claims the photo first, so two
 * servers checking the same slot write its rows once.
 */
export async function indexPhotos(
  db: Db,
  load: PhotoLoader,
  photos: readonly { id: string; thumbKey: string; hashedAt: Date | null }[],
  now = new Date(),
): Promise<number> {
  let indexed = 0;
  for (const photo of photos) {
    if (photo.hashedAt) continue;
    const loaded = await load(photo);
    // A photo whose file is gone is marked too, so that it is not read again and again.
    const rows = loaded ? [...new Set(loaded.hashes.index)].map((hash) => ({ photoId: photo.id, hash, ...bandColumns(hash) })) : [];
    const done = await db.$transaction(async (tx) => {
      const claimed = await tx.photo.updateMany({ where: { id: photo.id, hashedAt: null }, data: { hashedAt: now } });
      if (claimed.count !== 1) return false;
      if (rows.length > 0) await tx.photoHash.createMany({ data: rows });
      return true;
    });
    if (done) indexed++;
  }
  return indexed;
}

function bandColumns(hash: string) {
  const [band0, band1, band2, band3] = bandsOf(hash);
  return { band0, band1, band2, band3 };
}

/**
 * Adds up to `limit` report photos from before the index to it, newest first
 * (a recycled photo is most often a recent one). Runs with every batch of
 * checks until none is left; returns how many it added.
 */
export async function backfillPhotoHashes(db: Db, load: PhotoLoader, limit = PHOTO_INDEX_RULES.backfillPerBatch): Promise<number> {
  const photos = await db.photo.findMany({
    where: { hashedAt: null, slotId: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true, thumbKey: true, hashedAt: true },
  });
  return indexPhotos(db, load, photos);
}
