import type { Metadata } from "next";
import { SiteVisitForm } from "@/components/leaders/site-visit-form";
import { PhotoGallery } from "@/components/reports/photo-gallery";
import { Badge } from "@/components/ui/badge";
import { DayForm } from "@/components/ui/filter-bar";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listLeaderEvenings } from "@/lib/leaders/queries";
import { dateParam, parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { districtToday, formatDistrictDateLong, formatDistrictDateTime, formatDistrictTime, type DistrictDate } from "@/lib/time";

export const metadata: Metadata = { title: "区级领导晒报" };

/** The secretary's view: each district leader's evening report of a day, and the site visits (到现场看看) made against it. */
export default async function LeadersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["LEADER", "ADMIN"]);
  const today = districtToday();
  const { date } = parseSearchParams({ date: dateParam.optional() }, await searchParams);
  const day = (date ?? today) as DistrictDate;
  const rows = await listLeaderEvenings(user, day);
  return (
    <div className="space-y-5">
      <PageHeader
        title="区级领导晚晒"
        description={`${formatDistrictDateLong(day)}。各位区级领导当天的晚晒（分线作战）；看到需要核实的，可以“到现场看看”，记下到了哪里、什么时候。领导的晒报不计分、不排名。`}
      />
      <DayForm label="日期" formLabel="查看某日" id="leaders-date" name="date" value={day} max={today} />
      {rows.length === 0 ? (
        <EmptyState title="还没有区级领导账号">请督查室在“组织—账号”中创建。</EmptyState>
      ) : (
        <ul className="space-y-3">
          {rows.map(({ leader, evening }) => {
            const label = `${leader.title ?? ""}${leader.name} ${day} 晚晒`;
            return (
              <li key={leader.id} className="rounded-xl border border-stone-200 bg-white p-4" aria-label={label}>
                <h2 className="flex flex-wrap items-baseline gap-2 text-base font-semibold">
                  {leader.name}
                  <span className="text-sm font-normal text-stone-600">
                    {leader.title ?? ""}
                    {leader.ledLines.length ? ` · ${leader.ledLines.map((l) => l.name).join("、")}` : ""}
                  </span>
                  {evening ? <span className="text-sm font-normal text-stone-600">{formatDistrictTime(evening.submittedAt)}</span> : null}
                  {evening?.late ? <Badge tone="warn">迟报</Badge> : null}
                </h2>
                {evening ? (
                  <>
                    <p className="mt-2 whitespace-pre-line text-stone-800">{evening.text.trim()}</p>
                    <PhotoGallery label={label} photos={evening.photos} />
                    {evening.place || evening.lat !== null ? (
                      <p className="mt-2 text-sm text-stone-600">位置：{evening.place ?? `${evening.lat?.toFixed(5)}, ${evening.lng?.toFixed(5)}`}</p>
                    ) : null}
                    {evening.siteVisits.length ? (
                      <ul className="mt-3 space-y-1 text-sm text-stone-800" aria-label="到现场看看">
                        {evening.siteVisits.map((v) => (
                          <li key={v.id}>
                            到现场看看：{v.leader.name}，{formatDistrictDateTime(v.visitedAt)}，{v.place}
                            {v.lat !== null ? `（纬度 ${v.lat.toFixed(5)}，经度 ${v.lng?.toFixed(5)}）` : ""}
                            {v.note ? `：${v.note}` : ""}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {user.role === "LEADER" && user.id !== leader.id ? <SiteVisitForm slotId={evening.id} label={label} defaultPlace={evening.place} /> : null}
                  </>
                ) : (
                  <p className="mt-2 text-stone-600">当天没有晚晒。</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
