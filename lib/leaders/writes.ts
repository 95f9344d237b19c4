/**
 * 到现场看看: a district leader records that they went to see on site what
 * another leader's evening report described — where and when — against that
 * report, in one transaction with its audit entry.
 */
import type { Db } from "@/lib/db-client";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { SiteVisitInput } from "@/lib/leaders/schemas";
import { refuse, succeed, type WriteResult } from "@/lib/write-result";

export async function recordSiteVisit(client: Db, actor: SessionUser, input: SiteVisitInput, now = new Date()): Promise<WriteResult<{ id: string }>> {
  if (actor.role !== "LEADER") return refuse("只有区级领导可以记录到现场看看。", { status: 403 });
  return client.$transaction(async (tx) => {
    const slot = await tx.reportSlot.findUnique({
      where: { id: input.slotId },
      select: { id: true, slot: true, card: { select: { leaderId: true, date: true } } },
    });
    if (!slot || slot.slot !== "EVENING" || slot.card.leaderId === null) return refuse("没有找到这条区级领导的晚晒。", { status: 404 });
    if (slot.card.leaderId === actor.id) return refuse("这是您自己的晚晒；到现场看看记在其他领导的晚晒上。", { status: 400 });
    const visit = await tx.siteVisit.create({
      data: { slotId: slot.id, leaderId: actor.id, place: input.place, lat: input.lat, lng: input.lng, note: input.note, visitedAt: now },
      select: { id: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "leader.siteVisit",
      entity: "SiteVisit",
      entityId: visit.id,
      after: { slotId: slot.id, date: slot.card.date, place: input.place, lat: input.lat, lng: input.lng, note: input.note, visitedAt: now.toISOString() },
      unitId: null,
    });
    return succeed({ id: visit.id });
  });
}
