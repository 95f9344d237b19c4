import { VersionBody, VersionHistory, VersionLine } from "@/components/reports/version-history";
import type { VersionView } from "@/lib/reports/version-history";

/**
 * What a checker (or an editor, or a flag) saw, beside what the slot shows
 * now: when the slot changed after, the version seen comes first, then the
 * changes since, each marked 更正 where it is one (domain.md, "what the
 * checker saw stays visible"). `current` is the slot as shown now.
 */
export function SeenVersion({
  seenId,
  versions,
  livePhotoIds,
  label,
  seenTitle,
  current,
}: {
  seenId: string | null;
  versions: readonly VersionView[];
  livePhotoIds: ReadonlySet<string>;
  label: string;
  /** e.g. 抽查时所见 */
  seenTitle: string;
  current: React.ReactNode;
}) {
  const seen = versions.find((v) => v.id === seenId) ?? null;
  const later = seen ? versions.filter((v) => v.number > seen.number) : [];
  if (!seen || later.length === 0) {
    return (
      <div className="space-y-2">
        {seen ? (
          <p className="text-sm text-stone-600">
            {seenTitle}即当前内容（第 {seen.number} 版），此后未再修改。
          </p>
        ) : null}
        {current}
        <VersionHistory versions={versions} label={label} livePhotoIds={livePhotoIds} />
      </div>
    );
  }
  const corrections = later.filter((v) => v.correction).length;
  return (
    <div className="space-y-3">
      <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        这条晒报在此之后又修改了 {later.length} 次{corrections > 0 ? `（其中更正 ${corrections} 次）` : ""}。下面先列{seenTitle}的第 {seen.number}{" "}
        版，再列当前的第 {later.at(-1)!.number} 版。
      </p>
      <section aria-label={`${seenTitle}：第 ${seen.number} 版`} className="space-y-2 rounded-xl border-2 border-stone-300 bg-stone-50 p-4 text-sm">
        <h3 className="text-base font-semibold text-stone-900">{seenTitle}</h3>
        <VersionLine version={seen} />
        <VersionBody version={seen} photoLabel={label} livePhotoIds={livePhotoIds} />
      </section>
      <section aria-label={`当前内容：第 ${later.at(-1)!.number} 版`} className="space-y-2">
        <h3 className="text-base font-semibold text-stone-900">当前内容</h3>
        {current}
        <ol className="space-y-2 text-sm" aria-label="此后的修改">
          {later.map((v) => (
            <li key={v.id} className="rounded-lg bg-amber-50/60 p-2">
              <VersionLine version={v} />
              {v.reason ? <p className="mt-1 text-stone-800">原因：{v.reason}</p> : null}
              {v.changes.length > 0 ? <p className="mt-1 text-stone-700">改动：{v.changes.join(";")}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
