/**
 * The lead times of the timed messages, an office setting (the district's
 * key/value settings, like the slot deadlines): how many minutes before a
 * slot's deadline the 催报 goes, and how many hours before a 督办件's deadline
 * (超期预警) or its next 反馈 date (反馈即将到期) the unit is warned. Read with
 * a given client (the sender reads them each pass); written by the office
 * only, validated, audited in the same transaction.
 */
import type { SessionUser } from "@/lib/auth/roles";
import { audit } from "@/lib/audit";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refuse, succeed, type WriteResult } from "@/lib/write-result";
import { formNumber, z } from "@/lib/validation";

export type LeadTimes = { remindMinutes: number; orderLeadHours: number };

export const DEFAULT_LEAD_TIMES: LeadTimes = { remindMinutes: 30, orderLeadHours: 24 };

export const LEAD_SETTING_KEYS: Record<keyof LeadTimes, string> = {
  remindMinutes: "notify.remindMinutes",
  orderLeadHours: "notify.orderLeadHours",
};

export const LEAD_LIMITS = { remindMinutes: { min: 5, max: 180 }, orderLeadHours: { min: 1, max: 168 } } as const;

export const leadTimesInput = z.object({
  remindMinutes: z.preprocess(
    formNumber,
    z
      .number({ message: "请填写催报提前的分钟数" })
      .int("请填写整数分钟")
      .min(LEAD_LIMITS.remindMinutes.min, `催报至少提前 ${LEAD_LIMITS.remindMinutes.min} 分钟`)
      .max(LEAD_LIMITS.remindMinutes.max, `催报最多提前 ${LEAD_LIMITS.remindMinutes.max} 分钟`),
  ),
  orderLeadHours: z.preprocess(
    formNumber,
    z
      .number({ message: "请填写预警提前的小时数" })
      .int("请填写整数小时")
      .min(LEAD_LIMITS.orderLeadHours.min, `预警至少提前 ${LEAD_LIMITS.orderLeadHours.min} 小时`)
      .max(LEAD_LIMITS.orderLeadHours.max, `预警最多提前 ${LEAD_LIMITS.orderLeadHours.max} 小时（7 天）`),
  ),
});

/** The stored lead times, each falling back to its default when unset or out of range. */
export async function readLeadTimes(client: Db | Prisma.TransactionClient): Promise<LeadTimes> {
  const rows = await client.setting.findMany({ where: { key: { in: Object.values(LEAD_SETTING_KEYS) } } });
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const lead = { ...DEFAULT_LEAD_TIMES };
  for (const name of Object.keys(LEAD_SETTING_KEYS) as (keyof LeadTimes)[]) {
    const value = Number(byKey.get(LEAD_SETTING_KEYS[name]));
    if (Number.isInteger(value) && value >= LEAD_LIMITS[name].min && value <= LEAD_LIMITS[name].max) lead[name] = value;
  }
  return lead;
}

/** The office sets the lead times (ADMIN only), audited with the values before and after. */
export async function saveLeadTimes(client: Db, user: SessionUser, data: z.infer<typeof leadTimesInput>): Promise<WriteResult> {
  if (user.role !== "ADMIN") return refuse("只有督查室可以设置提醒时间。", { status: 403 });
  await client.$transaction(async (tx) => {
    const before = await readLeadTimes(tx);
    for (const name of Object.keys(LEAD_SETTING_KEYS) as (keyof LeadTimes)[]) {
      const key = LEAD_SETTING_KEYS[name];
      await tx.setting.upsert({ where: { key }, create: { key, value: String(data[name]) }, update: { value: String(data[name]) } });
    }
    await audit(tx, { actorId: user.id, action: "settings.leadTimes", entity: "Setting", entityId: "notify", before, after: data });
  });
  return succeed(undefined);
}
