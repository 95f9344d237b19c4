import { PhotoThumb } from "@/components/supervision/photo-thumb";
import { Badge } from "@/components/ui/badge";
import { VERSION_KIND_LABELS, type VersionView } from "@/lib/reports/version-history";
import { formatDistrictDateTime } from "@/lib/time";

/** How often a shown slot was changed, and 更正 when a change came after it was checked, published, instructed or flagged. */
export function SlotChangeBadges({ revisionCount, correctionCount }: { revisionCount: number; correctionCount: number }) {
  return (
    <>
      {correctionCount > 0 ? (
        <Badge tone="warn" title="已被抽查、引用、批示或提示异常后又修改">
          更正
        </Badge>
      ) : null}
      {revisionCount > 0 ? <Badge tone="info">已修改 {revisionCount} 次</Badge> : null}
    </>
  );
}

/** The line that names a version: number, kind, time, author. */
export function VersionLine({ version }: { version: VersionView }) {
  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <span className="font-medium text-stone-900">第 {version.number} 版</span>
      {version.correction ? <Badge tone="warn">更正</Badge> : <span className="text-stone-600">{VERSION_KIND_LABELS[version.kind]}</span>}
      <span className="text-stone-600">
        {formatDistrictDateTime(version.createdAt)} · {version.authorName}
      </span>
    </span>
  );
}

/**
 * One version in full: what it showed, and why and what it changed. A photo
 * taken away before the deadline (allowed only while nothing rested on the
 * slot) no longer exists: it is counted, not shown.
 */
export function VersionBody({ version, photoLabel, livePhotoIds }: { version: VersionView; photoLabel: string; livePhotoIds: ReadonlySet<string> }) {
  const photos = version.photoIds.filter((id) => livePhotoIds.has(id));
  const gone = version.photoIds.length - photos.length;
  return (
    <div className="space-y-2">
      {version.reason ? <p className="text-stone-800">原因：{version.reason}</p> : null}
      {version.changes.length > 0 ? (
        <ul className="list-inside list-disc text-stone-700" aria-label={`第 ${version.number} 版的改动`}>
          {version.changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      ) : null}
      <p className="whitespace-pre-line rounded-lg border border-stone-200 bg-white p-2 text-stone-800">{version.text.trim() || "（无文字）"}</p>
      {version.place || version.lat !== null ? (
        <p className="text-stone-600">
          位置：{version.place ?? ""}
          {version.lat !== null && version.lng !== null ? `${version.place ? " · " : ""}${version.lat.toFixed(5)}, ${version.lng.toFixed(5)}` : ""}
        </p>
      ) : null}
      {photos.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {photos.map((id, i) => (
            <PhotoThumb key={id} photoId={id} alt={`${photoLabel}第 ${version.number} 版照片 ${i + 1}`} />
          ))}
        </div>
      ) : null}
      {gone > 0 ? <p className="text-stone-600">另有 {gone} 张照片已在截止前删除。</p> : null}
    </div>
  );
}

/** "已修改 N 次", opening to every version, newest first. Nothing for a slot never changed. */
export function VersionHistory({ versions, label, livePhotoIds }: { versions: readonly VersionView[]; label: string; livePhotoIds: ReadonlySet<string> }) {
  if (versions.length <= 1) return null;
  const corrections = versions.filter((v) => v.correction).length;
  return (
    <details className="rounded-lg bg-stone-50 p-2 text-sm">
      <summary className="min-h-11 cursor-pointer content-center text-stone-700">
        已修改 {versions.length - 1} 次{corrections > 0 ? `，其中更正 ${corrections} 次` : ""} · 查看各版本
      </summary>
      <ol className="mt-2 space-y-4" aria-label={`${label}的版本`}>
        {[...versions].reverse().map((version) => (
          <li key={version.id} className="space-y-1">
            <VersionLine version={version} />
            <VersionBody version={version} photoLabel={label} livePhotoIds={livePhotoIds} />
          </li>
        ))}
      </ol>
    </details>
  );
}
