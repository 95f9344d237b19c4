import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { IssueOrderForm } from "@/components/supervision/orders/order-forms";
import { ReportSummaryCard } from "@/components/supervision/report-summary";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, Section } from "@/components/ui/card";
import { UnitSelect } from "@/components/ui/unit-select";
import { PageHeader } from "@/components/ui/page-header";
import { homePathFor } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { idParam, parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { issueFormContext, listIssuableUnits, orderSourceContext } from "@/lib/supervision/orders/queries";
import { getReportSummary } from "@/lib/supervision/reports";
import { addDays, districtToday } from "@/lib/time";

export const metadata: Metadata = { title: "督办件立项" };

/**
 * Step one: the lead unit (in the issuer's scope); step two: the order.
 * ?slotId= starts from a report, ?spotCheckId= from a spot check, ?anomalyId=
 * from an anomaly flag, ?instructionId= from a 批示 (one step: the unit, the
 * text and the deadline come with it).
 */
export default async function NewOrderPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN", "LEADER", "ASSESSOR"]);
  const params = parseSearchParams(
    {
      unitId: idParam.optional(),
      slotId: idParam.optional(),
      spotCheckId: idParam.optional(),
      anomalyId: idParam.optional(),
      instructionId: idParam.optional(),
    },
    await searchParams,
  );
  const source = params.spotCheckId || params.anomalyId || params.instructionId ? await orderSourceContext(user, params) : null;
  if ((params.spotCheckId || params.anomalyId || params.instructionId) && !source) redirect(`${homePathFor(user.role)}?denied=1`);
  if (source?.existingOrderId) redirect(`/orders/${source.existingOrderId}`);
  const slotId = source?.slotId ?? params.slotId;
  const report = slotId ? await getReportSummary(user, slotId) : null;
  const unitId = source?.unitId ?? report?.unit.id ?? params.unitId;
  const context = unitId ? await issueFormContext(user, unitId) : null;
  if (unitId && !context) redirect(`${homePathFor(user.role)}?denied=1`);
  const today = districtToday();

  return (
    <div className="space-y-5">
      <PageHeader
        title="督办件立项"
        description={user.role === "ASSESSOR" ? "只能向本考核组范围内的单位交办" : "限时解决，逾期和评价计入单位季度考核"}
        actions={<ButtonLink href="/orders">返回督办</ButtonLink>}
      />
      {!context ? (
        <Card>
          <form method="get" action="/orders/new" className="flex flex-wrap items-end gap-3">
            <UnitSelect label="牵头单位" name="unitId" units={await listIssuableUnits(user)} emptyLabel="请选择单位" required className="min-w-64 flex-1" />
            <Button type="submit">下一步</Button>
          </form>
        </Card>
      ) : (
        <>
          {report ? (
            <Section heading="关联的晒报" className="space-y-2">
              <ReportSummaryCard report={report} maxPhotos={3} />
            </Section>
          ) : null}
          <Card>
            <p className="mb-3 text-lg font-semibold">牵头单位：{context.unit.name}</p>
            <IssueOrderForm
              unit={context.unit}
              tasks={context.tasks}
              groups={context.groups}
              coUnitChoices={await listIssuableUnits(user)}
              slotId={report?.slotId}
              instructionId={params.instructionId}
              spotCheckId={params.spotCheckId}
              anomalyId={params.anomalyId}
              defaultTitle={source?.title}
              defaultContent={source?.content}
              defaultDeadline={source?.deadline && source.deadline > today ? source.deadline : addDays(today, 7)}
              minDate={today}
            />
          </Card>
        </>
      )}
    </div>
  );
}
