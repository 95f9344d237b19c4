import type { Metadata } from "next";
import Link from "next/link";
import { Section } from "@/components/ui/card";
import { DayStatusTable } from "@/components/reports/day-status-table";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listDayStatus } from "@/lib/reports/queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { z } from "@/lib/validation";
import { districtToday, formatDistrictDateLong } from "@/lib/time";

export const metadata: Metadata = { title: "单位" };

const unitsParams = { q: z.string().trim().max(40).optional() };

export default async function UnitsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN", "LEADER", "ASSESSOR"]);
  const { q } = parseSearchParams(unitsParams, await searchParams);
  const now = new Date();
  const today = districtToday(now);
  const all = await listDayStatus(user, today, undefined, now);
  const rows = q ? all.filter((r) => r.unitName.includes(q)) : all;
  const towns = rows.filter((r) => r.kind === "TOWN");
  const departments = rows.filter((r) => r.kind === "DEPARTMENT");
  return (
    <div className="space-y-6">
      <PageHeader title="单位" description={`${formatDistrictDateLong(today)} · 点击单位查看任务清单和近期晒报`} />
      <form method="get" action="/units" role="search" aria-label="查找单位" className="flex flex-wrap items-end gap-2">
        <label className="min-w-0 flex-1 sm:max-w-xs">
          <span className="mb-1 block text-sm font-medium text-stone-800">单位名称</span>
          <input
            type="search"
            name="q"
            defaultValue={q ?? ""}
            placeholder="如：临洺关、交运"
            className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base placeholder:text-stone-500"
          />
        </label>
        <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          查找
        </button>
        {q ? (
          <p className="flex min-h-11 items-center gap-3 text-stone-700" role="status">
            找到 {rows.length} 个单位
            <Link href="/units" className="link">
              显示全部
            </Link>
          </p>
        ) : null}
      </form>
      {all.length === 0 ? (
        <EmptyState title="没有可查看的单位" />
      ) : rows.length === 0 ? (
        <EmptyState title={`没有名称含“${q}”的单位`}>换个词试试，或显示全部单位。</EmptyState>
      ) : null}
      {towns.length ? (
        <Section heading={<>乡镇（{towns.length}）</>} className="space-y-3">
          <DayStatusTable rows={towns} caption="乡镇今日三晒情况" />
        </Section>
      ) : null}
      {departments.length ? (
        <Section heading={<>区直部门（{departments.length}）</>} className="space-y-3">
          <DayStatusTable rows={departments} caption="区直部门今日三晒情况" />
        </Section>
      ) : null}
    </div>
  );
}
