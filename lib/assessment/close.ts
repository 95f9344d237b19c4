/**
 * Closing a quarter (ADMIN): the scores of every unit are computed once,
 * ranked, and frozen as version 1 of the quarter's snapshot (QuarterScore:
 * inputs, breakdown, total, rank, failed); the flags pass on. Later edits of
 * tasks, scores or orders cannot change a snapshot: a correction re-gathers
 * the inputs for the same period and writes a NEW version with its reason,
 * in the audit log with what changed. Not server-only: the seed closes past
 * quarters through the same function.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { enqueueQuarterFlagsMessage } from "@/lib/notifications/events";
import { audit } from "@/lib/audit";
import type { Db } from "@/lib/db-client";
import type { FlagColor } from "@/lib/generated/prisma/enums";
import { type HeldFlag, rotateFlags } from "@/lib/assessment/flags";
import { type QuarterPeriod, gatherQuarterInputs, periodFor } from "@/lib/assessment/inputs";
import { compareQuarters, previousQuarter, quarterKey, quarterName } from "@/lib/assessment/quarters";
import { rankEntryOf, rankUnits } from "@/lib/assessment/ranking";
import { loadScoringRules, plainRules } from "@/lib/assessment/rules";
import {
  type ComponentBreakdown,
  type QuarterScoreResult,
  type ScoreBreakdown,
  type ScoringRules,
  type SourceRef,
  type UnitQuarterInputs,
  computeQuarterScore,
} from "@/lib/assessment/scoring";
import { type QuarterRef, districtToday, quarterRange } from "@/lib/time";
import { refuse, succeed, type WriteResult } from "@/lib/write-result";

export type ComputedUnit = { inputs: UnitQuarterInputs; result: QuarterScoreResult; rank: number };

type QuarterRow = { id: string; year: number; number: number };

function refOf(q: QuarterRow): QuarterRef {
  return { year: q.year, number: q.number as QuarterRef["number"] };
}

/** Scores and ranks every unit of a quarter for a period (nothing is written). */
export async function computeQuarter(db: Db, quarter: QuarterRow, period: QuarterPeriod): Promise<{ rules: ScoringRules; units: ComputedUnit[] }> {
  const rules = plainRules(await loadScoringRules(db, quarter.year));
  const inputs = await gatherQuarterInputs(db, quarter.id, period);
  const scored = inputs.map((i) => ({ inputs: i, result: computeQuarterScore(i, rules) }));
  const ranks = rankUnits(scored.map((s) => rankEntryOf(s.inputs.unit, s.result)));
  return { rules, units: scored.map((s) => ({ ...s, rank: ranks.get(s.inputs.unit.id) ?? 0 })) };
}

/** What a snapshot row stores: the rules with the inputs, so the row alone re-computes its score. */
export type SnapshotInputs = { rules: ScoringRules; inputs: UnitQuarterInputs };

const PACKED = "gzip:";

/**
 * A row's inputs as stored: their JSON, gzip-compressed and base64-encoded
 * behind a "gzip:" prefix. The inputs are the facts the score is computed
 * from — each task and milestone with its id, dates and values, each score
 * item, check and order by id — about 250 bytes per task item, 66 MB of JSON
 * for a 2,000-unit city; compressed they are about a tenth of that, which is
 * what the database client's cost per byte makes count (README, "The
 * 2,000-unit city"). The breakdown, which names each point's record, stays
 * plain JSON. readSnapshotInputs reads both forms (rows closed before this
 * are plain JSON).
 */
export function packSnapshotInputs(value: SnapshotInputs): string {
  return PACKED + gzipSync(JSON.stringify(value), { level: 1 }).toString("base64");
}

export function readSnapshotInputs(stored: string): SnapshotInputs {
  const json = stored.startsWith(PACKED) ? gunzipSync(Buffer.from(stored.slice(PACKED.length), "base64")).toString("utf8") : stored;
  return JSON.parse(json) as SnapshotInputs;
}

/**
 * JSON with every character beyond ASCII written as a \uXXXX escape: JSON.parse
 * reads the same value back, and the database client passes ASCII text about
 * twice as fast (a city's snapshot is ~100 MB of JSON with Chinese labels and
 * details: README, "The 2,000-unit city").
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A source as stored: what traces its points to a record (type, id, parent, state, points); its words are made from the row's inputs. */
export type StoredSource = Omit<SourceRef, "label" | "detail"> & Partial<Pick<SourceRef, "label" | "detail">>;

/** A breakdown as a snapshot row stores it (storedBreakdown); readBreakdown gives it its words back. */
export type StoredBreakdown = Omit<ScoreBreakdown, "components"> & { components: (Omit<ComponentBreakdown, "sources"> & { sources: StoredSource[] })[] };

/**
 * The breakdown without its sources' labels and details: every component's
 * points, share and explanation and every source's type, id, parent, state
 * and points stay in the row — each point still names its record — while the
 * words about each task, milestone and score item (about two thirds of a
 * city's snapshot) are not written a second time beside the inputs they are
 * made from. README, "The 2,000-unit city".
 */
export function storedBreakdown(breakdown: ScoreBreakdown): StoredBreakdown {
  return {
    ...breakdown,
    components: breakdown.components.map((c) => ({
      ...c,
      sources: c.sources.map((source) => {
        const stored: StoredSource = { ...source };
        delete stored.label;
        delete stored.detail;
        return stored;
      }),
    })),
  };
}

/**
 * A snapshot row's breakdown as the board shows it: the stored breakdown (its
 * points, states and ids as frozen), each source's label and detail made again
 * from the row's own stored inputs and rules by the same formula. Rows written
 * before the lean snapshot carry their words already and are read as stored.
 */
export function readBreakdown(breakdownJson: string, storedInputs: string): ScoreBreakdown {
  const stored = JSON.parse(breakdownJson) as StoredBreakdown;
  if (stored.components.every((c) => c.sources.every((s) => s.label !== undefined))) return stored as ScoreBreakdown;
  const { rules, inputs } = readSnapshotInputs(storedInputs);
  const words = new Map<string, SourceRef>();
  for (const c of computeQuarterScore(inputs, rules).breakdown.components) for (const s of c.sources) words.set(`${c.key}|${s.type}|${s.id}`, s);
  return {
    ...stored,
    components: stored.components.map((c) => ({
      ...c,
      sources: c.sources.map((s) => {
        const made = words.get(`${c.key}|${s.type}|${s.id}`);
        return { ...s, label: s.label ?? made?.label ?? s.id, ...((s.detail ?? made?.detail) ? { detail: s.detail ?? made?.detail } : {}) };
      }),
    })),
  };
}

function snapshotRows(quarterId: string, version: number, units: ComputedUnit[], rules: ScoringRules, reason: string | null, createdAt: Date) {
  return units.map((u) => ({
    quarterId,
    createdAt,
    version,
    unitId: u.inputs.unit.id,
    kind: u.inputs.unit.kind,
    total: u.result.total,
    rank: u.rank,
    failed: u.result.failed,
    breakdown: asciiJson(storedBreakdown(u.result.breakdown)),
    inputs: packSnapshotInputs({ rules, inputs: u.inputs }),
    reason,
  }));
}

const BATCH = 500;
const TX_OPTIONS = { timeout: 120_000, maxWait: 20_000 };

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function insertSnapshot(tx: Tx, rows: ReturnType<typeof snapshotRows>) {
  for (let i = 0; i < rows.length; i += BATCH) await tx.quarterScore.createMany({ data: rows.slice(i, i + BATCH) });
}

function flagInputs(units: ComputedUnit[]) {
  return units.map((u) => ({ unitId: u.inputs.unit.id, kind: u.inputs.unit.kind, rank: u.rank, failed: u.result.failed }));
}

export type CloseResult = {
  quarter: string;
  version: number;
  units: number;
  flags: { unitId: string; color: FlagColor; streak: number; escalation: string | null }[];
};

/** Whether a quarter's last day has not yet ended in the district at `now` (closing then needs a reason). */
export function closesEarly(quarter: QuarterRef, now: Date): boolean {
  return districtToday(now) <= quarterRange(quarter).end;
}

/**
 * Closes a quarter. Before its last day has ended (Asia/Shanghai) only with
 * `earlyReason` — the office's reason, kept on the quarter, in the audit log
 * and on the board; the data then stop at today.
 */
export async function closeQuarter(
  db: Db,
  options: { quarterId: string; actorId: string | null; now?: Date; earlyReason?: string | null },
): Promise<WriteResult<CloseResult>> {
  const now = options.now ?? new Date();
  const quarter = await db.quarter.findUnique({ where: { id: options.quarterId }, select: { id: true, year: true, number: true, status: true } });
  if (!quarter) return refuse("没有找到该季度。", { status: 404 });
  if (quarter.status === "CLOSED") return refuse(`${quarterName(refOf(quarter))}已经关闭。`, { status: 409 });
  const ref = refOf(quarter);
  const period = periodFor(ref, now);
  if (period.asOf < period.start) return refuse(`${quarterName(ref)}尚未开始，不能关闭。`);
  // Flags pass from one quarter to the next: quarters close in order.
  const previous = await db.quarter.findUnique({ where: { year_number: previousQuarter(ref) }, select: { status: true } });
  if (previous?.status === "OPEN") return refuse(`请先关闭${quarterName(previousQuarter(ref))}。`);
  const early = closesEarly(ref, now);
  const earlyReason = early ? (options.earlyReason?.trim() ?? "") : null;
  if (early && !earlyReason) {
    const message = `${quarterName(ref)}到 ${period.end} 24:00 才结束；提前关闭须写明原因（记入审计日志并在排名页公示）。`;
    return refuse(message, { fieldErrors: { earlyReason: ["请写明提前关闭的原因"] } });
  }

  const { rules, units } = await computeQuarter(db, quarter, period);
  return db.$transaction(async (tx) => {
    // The status guard makes a double submit (two tabs, two servers) close once.
    const updated = await tx.quarter.updateMany({
      where: { id: quarter.id, status: "OPEN" },
      data: { status: "CLOSED", version: 1, closedAt: now, closedById: options.actorId, earlyCloseReason: earlyReason },
    });
    if (updated.count !== 1) return refuse(`${quarterName(ref)}已经关闭。`, { status: 409 });
    await insertSnapshot(tx, snapshotRows(quarter.id, 1, units, rules, null, now));
    const held: HeldFlag[] = await tx.flag.findMany({ where: { passedAt: null }, select: { id: true, unitId: true, color: true, streak: true } });
    const { awards, passed } = rotateFlags(flagInputs(units), held, rules);
    await tx.flag.updateMany({ where: { id: { in: passed }, passedAt: null }, data: { passedAt: now } });
    await tx.flag.createMany({ data: awards.map((a) => ({ ...a, quarterId: quarter.id, awardedAt: now })) });
    await audit(tx, {
      actorId: options.actorId,
      action: "quarter.close",
      entity: "Quarter",
      entityId: quarter.id,
      before: { status: "OPEN" },
      after: {
        status: "CLOSED",
        version: 1,
        quarter: quarterKey(ref),
        asOf: period.asOf,
        ...(earlyReason ? { earlyClose: { reason: earlyReason, quarterEnd: period.end } } : {}),
        units: units.length,
        flags: awards,
        passedFlags: passed,
      },
    });
    await enqueueQuarterFlagsMessage(tx, quarter, awards, now);
    return succeed({ quarter: quarterKey(ref), version: 1, units: units.length, flags: awards });
  }, TX_OPTIONS);
}

export type CorrectionChange = {
  unitId: string;
  unitName: string;
  before: { total: number; rank: number; failed: boolean };
  after: { total: number; rank: number; failed: boolean };
};

/**
 * Re-computes the most recent closed quarter as a new version, for the same
 * period (the close's cut-off), and re-awards its flags if the ranking moved.
 * Only the most recent: a later quarter's flags and streaks rest on this one.
 */
export async function correctQuarter(
  db: Db,
  options: { quarterId: string; actorId: string | null; reason: string; now?: Date },
): Promise<WriteResult<{ version: number; changes: CorrectionChange[]; flagsChanged: boolean }>> {
  const now = options.now ?? new Date();
  const quarter = await db.quarter.findUnique({
    where: { id: options.quarterId },
    select: { id: true, year: true, number: true, status: true, version: true, closedAt: true },
  });
  if (!quarter) return refuse("没有找到该季度。", { status: 404 });
  const ref = refOf(quarter);
  if (quarter.status !== "CLOSED" || !quarter.closedAt)
    return refuse(`${quarterName(ref)}尚未关闭，无需更正；修改数据后关闭时即按新数据计算。`, { status: 409 });
  const closed = await db.quarter.findMany({ where: { status: "CLOSED" }, select: { year: true, number: true } });
  if (closed.some((q) => compareQuarters(refOf({ id: "", ...q }), ref) > 0)) {
    return refuse("只能更正最近关闭的季度：之后季度的红黄旗已在此基础上流转。", { status: 409 });
  }

  const { rules, units } = await computeQuarter(db, quarter, periodFor(ref, quarter.closedAt));
  const previousRow = await db.quarter.findUnique({ where: { year_number: previousQuarter(ref) }, select: { id: true } });
  const priorFlags: HeldFlag[] = previousRow
    ? await db.flag.findMany({ where: { quarterId: previousRow.id }, select: { id: true, unitId: true, color: true, streak: true } })
    : [];
  const { awards } = rotateFlags(flagInputs(units), priorFlags, rules);

  return db.$transaction(async (tx) => {
    const version = quarter.version + 1;
    // Optimistic: two corrections at once cannot both write the same version.
    const updated = await tx.quarter.updateMany({ where: { id: quarter.id, version: quarter.version }, data: { version } });
    if (updated.count !== 1) return refuse("该季度刚被其他人更正过，请刷新后再试。", { status: 409 });
    const before = await tx.quarterScore.findMany({
      where: { quarterId: quarter.id, version: quarter.version },
      select: { unitId: true, total: true, rank: true, failed: true, unit: { select: { name: true } } },
    });
    await insertSnapshot(tx, snapshotRows(quarter.id, version, units, rules, options.reason, now));

    const beforeByUnit = new Map(before.map((b) => [b.unitId, b]));
    const changes: CorrectionChange[] = units.flatMap((u) => {
      const b = beforeByUnit.get(u.inputs.unit.id);
      const after = { total: u.result.total, rank: u.rank, failed: u.result.failed };
      if (b && b.total === after.total && b.rank === after.rank && b.failed === after.failed) return [];
      return [
        {
          unitId: u.inputs.unit.id,
          unitName: u.inputs.unit.name,
          before: b ? { total: b.total, rank: b.rank, failed: b.failed } : { total: 0, rank: 0, failed: false },
          after,
        },
      ];
    });

    const current = await tx.flag.findMany({
      where: { quarterId: quarter.id },
      select: { id: true, unitId: true, color: true, streak: true, escalation: true, awardedAt: true, passedAt: true },
    });
    const key = (f: { unitId: string; color: FlagColor; streak: number; escalation: string | null }) =>
      `${f.unitId}|${f.color}|${f.streak}|${f.escalation ?? ""}`;
    const flagsChanged = current.map(key).sort().join(",") !== awards.map(key).sort().join(",");
    if (flagsChanged) {
      await tx.flag.deleteMany({ where: { quarterId: quarter.id } });
      await tx.flag.createMany({ data: awards.map((a) => ({ ...a, quarterId: quarter.id, awardedAt: now })) });
    }
    await audit(tx, {
      actorId: options.actorId,
      action: "quarter.correct",
      entity: "Quarter",
      entityId: quarter.id,
      before: { version: quarter.version, flags: flagsChanged ? current : undefined },
      after: { version, reason: options.reason, changes, flags: flagsChanged ? awards : undefined },
    });
    return succeed({ version, changes, flagsChanged });
  }, TX_OPTIONS);
}
