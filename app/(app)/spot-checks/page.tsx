import type { Metadata } from "next";
import Link from "next/link";
import { CheckList } from "@/components/supervision/spot-checks/check-list";
import { DrawForm } from "@/components/supervision/spot-checks/draw-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle, Section } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listChecks, listDraws, type CheckFilter } from "@/lib/supervision/spot-checks/queries";
import { addDays, districtToday, formatDistrictDateTime } from "@/lib/time";
import { z } from "@/lib/validation";
import { parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { TabLinks } from "@/components/ui/tab-links";

export const metadata: Metadata = { title: "抽查" };

const FILTERS: { value: CheckFilter; label: string }[] = [
  { value: "pending", label: "待核查" },
  { value: "false", label: "不属实" },
  { value: "done", label: "已核查" },
];

export default async function SpotChecksPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN", "LEADER"]);
  const { show: filter } = parseSearchParams({ show: z.enum(["pending", "false", "done"]).default("pending") }, await searchParams) as { show: CheckFilter };
  const today = districtToday();
  const [draws, checks] = await Promise.all([listDraws(user), listChecks(user, filter)]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="抽查"
        description="随机抽取晒报核实真伪；抽取的参数和随机种子留存，可复现、可审计"
        actions={<ButtonLink href="/spot-checks/pick">指定一条晒报抽查</ButtonLink>}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,26rem)_1fr]">
        <Card>
          <CardTitle>随机抽取</CardTitle>
          <div className="mt-3">
            <DrawForm from={addDays(today, -6)} to={addDays(today, -1)} />
          </div>
        </Card>
        <Section heading="抽取记录" className="space-y-2">
          {draws.length === 0 ? (
            <EmptyState title="还没有抽取记录">在左侧设置条件后抽取。</EmptyState>
          ) : (
            <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white">
              {draws.map((d) => (
                <li key={d.id}>
                  <Link href={`/spot-checks/draws/${d.id}`} className="flex flex-wrap items-center justify-between gap-2 p-3 hover:bg-stone-50">
                    <span className="font-medium text-stone-900">
                      {d.params?.mode === "RISK" ? "风险加权" : "纯随机"} · {d.params?.from} 至 {d.params?.to} · {d.total} 条
                    </span>
                    <span className="text-sm text-stone-600">
                      已核查 {d.done}/{d.total}
                      {d.falseCount ? ` · 不属实 ${d.falseCount}` : ""} · {d.createdBy} {formatDistrictDateTime(d.createdAt)} · 种子 {d.seed}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <Section
        heading="抽查的晒报"
        headingAside={
          <TabLinks label="按核查情况筛选" tabs={FILTERS.map((f) => ({ href: `/spot-checks?show=${f.value}`, label: f.label, current: filter === f.value }))} />
        }
        className="space-y-3"
      >
        {checks.length === 0 ? <EmptyState title="没有符合条件的抽查" /> : <CheckList checks={checks} />}
      </Section>
    </div>
  );
}
