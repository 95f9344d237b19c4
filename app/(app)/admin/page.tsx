import type { Metadata } from "next";
import Link from "next/link";
import { DayStatusTable } from "@/components/reports/day-status-table";
import { Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listDayStatus, summarizeDayStatus } from "@/lib/reports/queries";
import { SLOT_LABELS, SLOTS } from "@/lib/reports/slots";
import { districtToday, formatDistrictDateLong } from "@/lib/time";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { z } from "@/lib/validation";
import { parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { TabLinks } from "@/components/ui/tab-links";

export const metadata: Metadata = { title: "今日概况" };

const KIND_TABS = [
  { value: undefined, label: "全部" },
  { value: "TOWN", label: UNIT_KIND_LABELS.TOWN },
  { value: "DEPARTMENT", label: UNIT_KIND_LABELS.DEPARTMENT },
] as const;

export default async function AdminHomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN"]);
  const { kind } = parseSearchParams({ kind: z.enum(["TOWN", "DEPARTMENT"]).optional() }, await searchParams);
  const now = new Date();
  const today = districtToday(now);
  const rows = await listDayStatus(user, today, kind, now);
  const summary = summarizeDayStatus(rows);

  return (
    <div className="space-y-6">
      <PageHeader title="今日晒报情况" description={`${formatDistrictDateLong(today)} · 已晒含迟报；截止时间过后仍未晒的记为未晒`} />
      <div className="grid gap-3 sm:grid-cols-3">
        {SLOTS.map((slot) => (
          <Stat
            key={slot}
            label={SLOT_LABELS[slot]}
            value={`${summary[slot].shown}/${summary[slot].total}`}
            hint={
              <>
                迟报 {summary[slot].late} ·{" "}
                <Link href={`/admin/reminders?slot=${slot}`} className="link">
                  未晒 {summary[slot].missing}
                </Link>
              </>
            }
          />
        ))}
      </div>
      <TabLinks
        label="按单位类别筛选"
        tabs={KIND_TABS.map((tab) => ({ href: tab.value ? `/admin?kind=${tab.value}` : "/admin", label: tab.label, current: kind === tab.value }))}
      />
      <DayStatusTable rows={rows} caption="各单位今日三晒情况" />
    </div>
  );
}
