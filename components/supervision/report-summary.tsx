import Link from "next/link";
import { SlotChangeBadges } from "@/components/reports/version-history";
import { Badge } from "@/components/ui/badge";
import { PhotoThumb } from "@/components/supervision/photo-thumb";
import { SpotCheckBadge } from "@/components/supervision/spot-check-badge";
import { SLOT_LABELS } from "@/lib/reports/slots";
import type { ReportSummary } from "@/lib/supervision/reports";
import { formatDistrictDateTime } from "@/lib/time";

/** One report as supervision pages show it: who, when, what, photos, results so far. */
export function ReportSummaryCard({ report, children, maxPhotos = 4 }: { report: ReportSummary; children?: React.ReactNode; maxPhotos?: number }) {
  return (
    <article className="rounded-xl border border-stone-200 bg-white p-4" aria-label={`${report.unit.name} ${report.date} ${SLOT_LABELS[report.slot]}`}>
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Link href={`/units/${report.unit.id}?date=${report.date}`} className="link font-semibold">
          {report.unit.name}
        </Link>
        <span className="text-sm text-stone-600">
          {report.date} · {SLOT_LABELS[report.slot]} · {report.authorName} {formatDistrictDateTime(report.submittedAt).slice(11)} 提交
        </span>
        {report.late ? <Badge tone="warn">迟报</Badge> : null}
        <SlotChangeBadges revisionCount={report.revisionCount} correctionCount={report.correctionCount} />
        {report.openFlags > 0 ? <Badge tone="warn">异常线索 {report.openFlags}</Badge> : null}
        {report.spotChecks.map((c) => (
          <SpotCheckBadge key={c.id} result={c.result} />
        ))}
      </header>
      <p className="mt-2 whitespace-pre-line text-stone-800">{report.text}</p>
      {report.place ? <p className="mt-1 text-sm text-stone-600">地点：{report.place}</p> : null}
      {report.photoIds.length > 0 ? (
        <div className="mt-3 flex flex-wrap gap-2">
          {report.photoIds.slice(0, maxPhotos).map((id, i) => (
            <PhotoThumb key={id} photoId={id} alt={`${report.unit.name}晒报照片 ${i + 1}`} />
          ))}
        </div>
      ) : null}
      {children ? <div className="mt-3 flex flex-wrap items-center gap-2">{children}</div> : null}
    </article>
  );
}
