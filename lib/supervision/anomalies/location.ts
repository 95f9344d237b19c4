/**
 * Location (pure): where a report and its photos were, against where the
 * unit's work is. Positions are the report's own (where the device gave it,
 * at its submission) and its photos' GPS (at their EXIF time).
 *
 * - OUTSIDE_DISTRICT: a position more than `outsideToleranceKm` outside the
 *   district's outline, with how far outside it is (the shipped outline is
 *   simplified web-map data, good to a few hundred metres, and phone GPS
 *   errs by tens of metres: a township at the edge must not be flagged for
 *   standing on its own side of a straightened border);
 * - FAR_FROM_HOME: a township's position far from both its seat (Unit.lat/lng)
 *   and every site of its tasks (departments work across the whole district:
 *   for them the outline is the rule);
 * - FAR_FROM_SITE: a noon or evening report far from every site of its card's tasks;
 * - TOO_FAST: the author moving between two consecutive positions of the day
 *   faster than anyone can travel. Every position of the author's last 24 h
 *   counts, in time order; a photo whose EXIF time is far from when it was
 *   shown is left out of the timeline (its time says nothing of the day — it
 *   is the EXIF_TIME flag's), so an old photo cannot hide a jump (issue 18).
 *
 * Morning reports are plans, often sent from the office: only their photos'
 * positions are judged, and no site check applies to them.
 */
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { type Boundary, type LatLng, distanceToBoundaryKm, haversineKm, isInside } from "@/lib/supervision/geo";

export const LOCATION_RULES = {
  /** a position at most this far outside the outline counts as inside (the outline's simplification, district.ts) */
  outsideToleranceKm: 1,
  /** farther than this from every site of the card's tasks is "far" */
  maxSiteKm: 3,
  /** a township's position farther than this from its seat and from every site of its tasks */
  maxHomeKm: 12,
  /** faster than this between two positions is implausible (a car on county roads) */
  maxSpeedKmh: 120,
  /** below this distance a jump is GPS noise, whatever the speed */
  minTravelKm: 3,
  /** positions further apart in time than this are not compared */
  maxGapHours: 24,
};

export type LocationRules = typeof LOCATION_RULES;

export type Fix = LatLng & {
  at: Date;
  source: "REPORT" | "PHOTO";
  slotId: string;
  photoId?: string;
  place?: string | null;
  /** false for a photo whose EXIF time is far from when it was shown: not a position of the day */
  timely?: boolean;
  /** a photo's GPS without an EXIF time: `at` is its upload */
  untimed?: boolean;
};

export type Site = LatLng & { taskId: string; title: string; place: string | null };

export type Seat = LatLng & { unitName: string };

export type LocationInput = {
  slot: SlotKind;
  /** this report's positions */
  fixes: Fix[];
  /** sites of the tasks on the report's card */
  sites: Site[];
  /** sites of every task of the unit (the card's included) */
  unitSites?: Site[];
  /** the seat of a township (null for a department, or when unknown) */
  seat?: Seat | null;
  /** the district's outline (null: no outline rule) */
  boundary?: Boundary | null;
  /** the author's other positions of the last 24 h (any report), in any order */
  previous: Fix[];
};

export type LocationFinding =
  | { reason: "OUTSIDE_DISTRICT"; fix: Fix; km: number; district: string }
  | { reason: "FAR_FROM_HOME"; fix: Fix; seat: Seat | null; seatKm: number | null; site: Site | null; siteKm: number | null }
  | { reason: "FAR_FROM_SITE"; fix: Fix; site: Site; km: number }
  | { reason: "TOO_FAST"; from: Fix; to: Fix; km: number; hours: number; kmh: number };

const round1 = (x: number) => Math.round(x * 10) / 10;

function nearest<T extends LatLng>(fix: LatLng, places: readonly T[]): { place: T; km: number } | null {
  let best: { place: T; km: number } | null = null;
  for (const place of places) {
    const km = haversineKm(fix, place);
    if (!best || km < best.km) best = { place, km };
  }
  return best;
}

export function detectLocation(input: LocationInput, rules: LocationRules = LOCATION_RULES): LocationFinding[] {
  const findings: LocationFinding[] = [];
  const judged = input.slot === "MORNING" ? input.fixes.filter((f) => f.source === "PHOTO") : input.fixes;

  // Outside the district (beyond the outline's tolerance): the position farthest outside speaks for the report.
  const outside = input.boundary
    ? judged
        .flatMap((fix) => (isInside(input.boundary!, fix) ? [] : [{ fix, km: distanceToBoundaryKm(input.boundary!, fix) }]))
        .filter((o) => o.km > rules.outsideToleranceKm)
        .sort((a, b) => b.km - a.km)[0]
    : undefined;
  if (outside) findings.push({ reason: "OUTSIDE_DISTRICT", fix: outside.fix, km: round1(outside.km), district: input.boundary!.name });

  // Far from home (inside the district): from the township's seat and every site of its tasks.
  const homes = input.unitSites ?? input.sites;
  if (!outside && input.seat) {
    let worst: LocationFinding | null = null;
    for (const fix of judged) {
      const seatKm = haversineKm(fix, input.seat);
      const site = nearest(fix, homes);
      const closest = Math.min(seatKm, site?.km ?? Infinity);
      if (
        closest > rules.maxHomeKm &&
        (!worst || (worst.reason === "FAR_FROM_HOME" && closest > Math.min(worst.seatKm ?? Infinity, worst.siteKm ?? Infinity)))
      ) {
        worst = { reason: "FAR_FROM_HOME", fix, seat: input.seat, seatKm: round1(seatKm), site: site?.place ?? null, siteKm: site ? round1(site.km) : null };
      }
    }
    if (worst) findings.push(worst);
  }

  if (input.slot !== "MORNING" && input.sites.length > 0) {
    // The position farthest from its nearest site speaks for the report.
    let worst: { fix: Fix; site: Site; km: number } | null = null;
    for (const fix of input.fixes) {
      const site = nearest(fix, input.sites);
      if (site && site.km > rules.maxSiteKm && (!worst || site.km > worst.km)) worst = { fix, site: site.place, km: site.km };
    }
    if (worst) findings.push({ reason: "FAR_FROM_SITE", fix: worst.fix, site: worst.site, km: round1(worst.km) });
  }

  const fast = fastestMove(input, rules);
  if (fast) findings.push(fast);
  return findings;
}

/**
 * Every position of the author's day in time order (photos with an old or
 * future EXIF time left out); the fastest move between consecutive positions
 * that involves this report, if too fast.
 */
function fastestMove(input: LocationInput, rules: LocationRules): LocationFinding | null {
  const mine = new Set(input.fixes);
  const timeline = [...input.fixes, ...input.previous].filter((f) => f.timely !== false).sort((a, b) => a.at.getTime() - b.at.getTime());
  let fastest: Extract<LocationFinding, { reason: "TOO_FAST" }> | null = null;
  for (let i = 1; i < timeline.length; i++) {
    const from = timeline[i - 1];
    const to = timeline[i];
    if (!mine.has(from) && !mine.has(to)) continue;
    const hours = (to.at.getTime() - from.at.getTime()) / 3_600_000;
    const km = haversineKm(from, to);
    if (hours > rules.maxGapHours || km < rules.minTravelKm) continue;
    // Times are kept to the minute or so: a gap under a minute counts as one minute.
    const kmh = km / Math.max(hours, 1 / 60);
    if (kmh > rules.maxSpeedKmh && (!fastest || kmh > fastest.kmh)) {
      fastest = { reason: "TOO_FAST", from, to, km: round1(km), hours: Math.round(hours * 100) / 100, kmh: Math.round(kmh) };
    }
  }
  return fastest;
}
