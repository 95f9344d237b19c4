import type { Metadata } from "next";
import { DayStatusTable } from "@/components/reports/day-status-table";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listDayStatus } from "@/lib/reports/queries";
import { districtToday, formatDistrictDateLong } from "@/lib/time";

export const metadata: Metadata = { title: "单位" };

export default async function UnitsPage() {
  const user = await requireUser(["ADMIN", "LEADER", "ASSESSOR"]);
  const now = new Date();
  const today = districtToday(now);
  const rows = await listDayStatus(user, today, undefined, now);
  const towns = rows.filter((r) => r.kind === "TOWN");
  const departments = rows.filter((r) => r.kind === "DEPARTMENT");
  return (
    <div className="space-y-6">
      <PageHeader title="单位" description={`${formatDistrictDateLong(today)} · 点击单位查看任务清单和近期晒报`} />
      {rows.length === 0 ? <EmptyState title="没有可查看的单位" /> : null}
      {towns.length ? (
        <section aria-labelledby="towns-heading" className="space-y-3">
          <h2 id="towns-heading" className="text-lg font-semibold">
            乡镇({towns.length})
          </h2>
          <DayStatusTable rows={towns} caption="乡镇今日三晒情况" />
        </section>
      ) : null}
      {departments.length ? (
        <section aria-labelledby="depts-heading" className="space-y-3">
          <h2 id="depts-heading" className="text-lg font-semibold">
            区直部门({departments.length})
          </h2>
          <DayStatusTable rows={departments} caption="区直部门今日三晒情况" />
        </section>
      ) : null}
    </div>
  );
}
