/**
 * Location (pure): a noon or evening report (or its photos' GPS) far from the
 * site of the task it is about, or the author moving between two consecutive
 * positions faster than anyone can travel. Positions are the report's own
 * (where the device gave it) and its photos' GPS, each at its own time.
 * Morning reports are plans, often sent from the office: no site check.
 */
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { haversineKm, type LatLng } from "@/lib/supervision/geo";

export const LOCATION_RULES = {
  /** farther than this from every site of the card's tasks is "far" */
  maxSiteKm: 3,
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
};

export type Site = LatLng & { taskId: string; title: string; place: string | null };

export type LocationInput = {
  slot: SlotKind;
  /** this report's positions */
  fixes: Fix[];
  /** sites of the tasks on the report's card */
  sites: Site[];
  /** the author's positions before this report (any report), latest last */
  previous: Fix[];
};

export type LocationFinding =
  { reason: "FAR_FROM_SITE"; fix: Fix; site: Site; km: number } | { reason: "TOO_FAST"; from: Fix; to: Fix; km: number; hours: number; kmh: number };

const round1 = (x: number) => Math.round(x * 10) / 10;

export function detectLocation(input: LocationInput, rules: LocationRules = LOCATION_RULES): LocationFinding[] {
  const findings: LocationFinding[] = [];
  if (input.slot !== "MORNING" && input.sites.length > 0) {
    // The position farthest from its nearest site speaks for the report.
    let worst: { fix: Fix; site: Site; km: number } | null = null;
    for (const fix of input.fixes) {
      let nearest: { site: Site; km: number } | null = null;
      for (const site of input.sites) {
        const km = haversineKm(fix, site);
        if (!nearest || km < nearest.km) nearest = { site, km };
      }
      if (nearest && nearest.km > rules.maxSiteKm && (!worst || nearest.km > worst.km)) worst = { fix, ...nearest };
    }
    if (worst) findings.push({ reason: "FAR_FROM_SITE", fix: worst.fix, site: worst.site, km: round1(worst.km) });
  }

  // Consecutive positions in time: the author's last earlier one, then this report's own.
  const timeline = [...input.fixes].sort((a, b) => a.at.getTime() - b.at.getTime());
  const before = [...input.previous].filter((f) => f.at.getTime() <= (timeline[0]?.at.getTime() ?? 0)).sort((a, b) => a.at.getTime() - b.at.getTime());
  if (before.length > 0) timeline.unshift(before[before.length - 1]);
  let fastest: LocationFinding | null = null;
  for (let i = 1; i < timeline.length; i++) {
    const from = timeline[i - 1];
    const to = timeline[i];
    const hours = (to.at.getTime() - from.at.getTime()) / 3_600_000;
    const km = haversineKm(from, to);
    if (hours > rules.maxGapHours || km < rules.minTravelKm) continue;
    // Times are kept to the minute or so: a gap under a minute counts as one minute.
    const kmh = km / Math.max(hours, 1 / 60);
    if (kmh > rules.maxSpeedKmh && (!fastest || (fastest.reason === "TOO_FAST" && kmh > fastest.kmh))) {
      fastest = { reason: "TOO_FAST", from, to, km: round1(km), hours: Math.round(hours * 100) / 100, kmh: Math.round(kmh) };
    }
  }
  if (fastest) findings.push(fastest);
  return findings;
}
