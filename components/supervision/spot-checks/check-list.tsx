import Link from "next/link";
import { ReportSummaryCard } from "@/components/supervision/report-summary";
import { SPOT_CHECK_METHOD_LABELS } from "@/lib/supervision/labels";
import type { SpotCheckView } from "@/lib/supervision/spot-checks/queries";
import { formatDistrictDateTime } from "@/lib/time";

/** Spot checks, each with its report and what was found (or a link to record it). */
export function CheckList({ checks }: { checks: SpotCheckView[] }) {
  return (
    <ul className="space-y-3">
      {checks.map((check) => (
        <li key={check.id}>
          <ReportSummaryCard report={check.report} maxPhotos={2}>
            {check.result ? (
              <span className="text-sm text-stone-700">
                {check.method ? SPOT_CHECK_METHOD_LABELS[check.method] : ""} · {check.checker.name}
                {check.checkedAt ? ` ${formatDistrictDateTime(check.checkedAt)}` : ""}
              </span>
            ) : (
              <span className="text-sm text-stone-600">待核查</span>
            )}
            <Link
              href={`/spot-checks/${check.id}`}
              className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-3 text-sm font-medium hover:bg-stone-100"
            >
              {check.result ? "查看核查" : "记录核查结果"}
            </Link>
          </ReportSummaryCard>
        </li>
      ))}
    </ul>
  );
}
