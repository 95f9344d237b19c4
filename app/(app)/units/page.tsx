import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { DayStatusTable } from "@/components/reports/day-status-table";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { UNIT_KIND_ENTRIES } from "@/lib/labels";
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
  return (
    <div className="space-y-6">
      <PageHeader title="单位" description={`${formatDistrictDateLong(today)} · 点击单位查看任务清单和近期晒报`} />
      <form method="get" action="/units" role="search" aria-label="查找单位" className="flex flex-wrap items-end gap-2">
        <Field label="单位名称" name="q" type="search" defaultValue={q ?? ""} placeholder="如：临洺关、交运" className="min-w-0 flex-1 sm:max-w-xs" />
        <Button type="submit">查找</Button>
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
      {UNIT_KIND_ENTRIES.map(([kind, label]) => {
        const ofKind = rows.filter((r) => r.kind === kind);
        return ofKind.length ? (
          <Section
            key={kind}
            heading={
              <>
                {label}（{ofKind.length}）
              </>
            }
            className="space-y-3"
          >
            <DayStatusTable rows={ofKind} caption={`${label}今日三晒情况`} />
          </Section>
        ) : null;
      })}
    </div>
  );
}
