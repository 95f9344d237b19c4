import type { Metadata } from "next";
import Link from "next/link";
import { RemindButton } from "@/components/reports/remind-button";
import { SlotStateBadge } from "@/components/reports/slot-state-badge";
import { Card, Section } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { listDayReminders, listDayStatus } from "@/lib/reports/queries";
import { getSlotDeadlines } from "@/lib/settings";
import { currentSlot, lastPassedSlot, SLOT_LABELS, slotDeadline, SLOTS } from "@/lib/reports/slots";
import { districtToday, formatDistrictDateLong, formatDistrictTime } from "@/lib/time";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { parseSearchParams, keyOf, type RawSearchParams } from "@/lib/search-params";
import { RowHeader, Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { TabLinks } from "@/components/ui/tab-links";

export const metadata: Metadata = { title: "催报" };

export default async function RemindersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN"]);
  const now = new Date();
  const today = districtToday(now);
  const deadlines = await getSlotDeadlines(user);
  const { slot: chosen } = parseSearchParams({ slot: keyOf(SLOT_LABELS).optional() }, await searchParams);
  // Without a choice: the slot whose deadline passed most recently (its units are late now), before 09:30 the morning's.
  const passed = lastPassedSlot(deadlines, now);
  const slot: SlotKind = chosen ?? passed ?? currentSlot(deadlines, now);
  const [rows, reminders] = await Promise.all([listDayStatus(user, today, undefined, now), listDayReminders(user, today)]);
  const missing = rows.filter((r) => r.slots[slot] === "PENDING" || r.slots[slot] === "MISSING");
  const lastReminder = new Map<string, (typeof reminders)[number]>();
  const reminderCount = new Map<string, number>();
  for (const r of reminders.filter((r) => r.slot === slot)) {
    if (!lastReminder.has(r.unitId)) lastReminder.set(r.unitId, r);
    reminderCount.set(r.unitId, (reminderCount.get(r.unitId) ?? 0) + 1);
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title="催报"
        description={`${formatDistrictDateLong(today)} · ${SLOT_LABELS[slot]}截止 ${formatDistrictTime(slotDeadline(today, slot, deadlines))} · 未报 ${missing.length}/${rows.length} 个单位`}
      />
      {chosen ? null : (
        <p className="text-stone-700" data-testid="default-slot">
          {passed
            ? `显示最近一个已过截止时间的时段：${SLOT_LABELS[slot]}（${formatDistrictTime(slotDeadline(today, slot, deadlines))} 截止）。`
            : `今天还没有时段过截止时间；显示下一个：${SLOT_LABELS[slot]}（${formatDistrictTime(slotDeadline(today, slot, deadlines))} 截止）。`}
        </p>
      )}
      <TabLinks label="选择时段" tabs={SLOTS.map((s) => ({ href: `/admin/reminders?slot=${s}`, label: SLOT_LABELS[s], current: s === slot }))} />
      {missing.length === 0 ? (
        <EmptyState title={`所有单位都已报送${SLOT_LABELS[slot]}`} />
      ) : (
        <Section
          heading={
            <>
              尚未报送{SLOT_LABELS[slot]}的单位（{missing.length}）
            </>
          }
          headingAside={
            <RemindButton slot={slot} label={`全部提醒（${missing.length}）`} count={missing.length} slotLabel={SLOT_LABELS[slot]} variant="primary" />
          }
          className="space-y-3"
        >
          <Table caption={<>尚未报送{SLOT_LABELS[slot]}的单位</>}>
            <TableHead>
              <Th>单位</Th>
              <Th>类别</Th>
              <Th>状态</Th>
              <Th>已提醒</Th>
              <Th>操作</Th>
            </TableHead>
            <TableBody>
              {missing.map((row) => {
                const last = lastReminder.get(row.unitId);
                return (
                  <tr key={row.unitId} data-unit={row.unitName}>
                    <RowHeader label="单位">
                      <Link href={`/units/${row.unitId}`} className="link">
                        {row.unitName}
                      </Link>
                    </RowHeader>
                    <Td label="类别" className="text-stone-600">
                      {UNIT_KIND_LABELS[row.kind]}
                    </Td>
                    <Td label="状态">
                      <SlotStateBadge state={row.slots[slot]} />
                    </Td>
                    <Td label="已提醒" className="text-stone-600">
                      {last ? `${reminderCount.get(row.unitId)} 次，最近 ${formatDistrictTime(last.createdAt)}（${last.remindedBy.name}）` : "—"}
                    </Td>
                    <Td label="操作">
                      <RemindButton slot={slot} unitId={row.unitId} label="提醒" ariaLabel={`提醒${row.unitName}`} />
                    </Td>
                  </tr>
                );
              })}
            </TableBody>
          </Table>
        </Section>
      )}
      <Card heading="今日催报记录">
        {reminders.length > 0 ? (
          <ol className="mt-2 space-y-1 text-sm text-stone-700">
            {reminders.slice(0, 100).map((r) => (
              <li key={r.id}>
                {formatDistrictTime(r.createdAt)} · {r.remindedBy.name} 提醒 {r.unit.name} 报送{SLOT_LABELS[r.slot]}
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-2 text-sm text-stone-600">今天还没有催报。提醒只在系统里留下记录；通过电话、短信或工作群通知由督查室自行安排。</p>
        )}
      </Card>
    </div>
  );
}
