import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { IssueOrderForm } from "@/components/supervision/orders/order-forms";
import { ReportSummaryCard } from "@/components/supervision/report-summary";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { homePathFor } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { idParam, parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { issueFormContext, listIssuableUnits } from "@/lib/supervision/orders/queries";
import { getReportSummary } from "@/lib/supervision/reports";
import { addDays, districtToday } from "@/lib/time";

export const metadata: Metadata = { title: "开具督办单" };

/** Step one: the unit (in the issuer's scope); step two: the order. ?slotId= starts from a report. */
export default async function NewOrderPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN", "LEADER", "ASSESSOR"]);
  const { unitId: unitParam, slotId } = parseSearchParams({ unitId: idParam.optional(), slotId: idParam.optional() }, await searchParams);
  const report = slotId ? await getReportSummary(user, slotId) : null;
  const unitId = report?.unit.id ?? unitParam;
  const context = unitId ? await issueFormContext(user, unitId) : null;
  if (unitId && !context) redirect(`${homePathFor(user.role)}?denied=1`);
  const today = districtToday();

  return (
    <div className="space-y-5">
      <PageHeader title="开具督办单" description={user.role === "ASSESSOR" ? "只能向本考核组范围内的单位开具" : "限时解决,逾期计入单位季度考核"} actions={<ButtonLink href="/orders">返回督办</ButtonLink>} />
      {!context ? (
        <Card>
          <form method="get" action="/orders/new" className="flex flex-wrap items-end gap-3">
            <label className="min-w-64 flex-1 text-sm font-medium text-stone-800">
              督办单位
              <select name="unitId" required defaultValue="" className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base">
                <option value="" disabled>
                  请选择单位
                </option>
                {(await listIssuableUnits(user)).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit">下一步</Button>
          </form>
        </Card>
      ) : (
        <>
          {report ? (
            <section aria-labelledby="linked-heading" className="space-y-2">
              <h2 id="linked-heading" className="text-lg font-semibold">
                关联的晒报
              </h2>
              <ReportSummaryCard report={report} maxPhotos={3} />
            </section>
          ) : null}
          <Card>
            <p className="mb-3 text-lg font-semibold">督办单位:{context.unit.name}</p>
            <IssueOrderForm unit={context.unit} tasks={context.tasks} groups={context.groups} slotId={report?.slotId} defaultDeadline={addDays(today, 7)} minDate={today} />
          </Card>
        </>
      )}
    </div>
  );
}
