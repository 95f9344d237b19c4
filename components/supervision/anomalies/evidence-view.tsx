import Link from "next/link";
import { LocationMap, type MapPoint } from "@/components/supervision/anomalies/location-map";
import { PhotoThumb } from "@/components/supervision/photo-thumb";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { describePhotoMatch, type AnomalyEvidence, type FixEvidence } from "@/lib/supervision/anomalies/evidence";
import { districtBoundary } from "@/lib/supervision/anomalies/district";
import type { ReportSummary } from "@/lib/supervision/reports";
import { formatDistrictDateTime } from "@/lib/time";

/** A text with the given [start, end) ranges marked. */
export function HighlightedText({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className="rounded bg-amber-200 px-0.5 text-stone-900">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  parts.push(text.slice(at));
  return <p className="whitespace-pre-line leading-relaxed text-stone-800">{parts}</p>;
}

type SideReport = { unitId: string; unitName: string; date: string; slot: keyof typeof SLOT_LABELS; submittedAt: string; version?: number; addedAt?: string };

/** When the content was added to its report: by the save that added it (issue 10), or the submission for older flags. */
function addedLabel(report: SideReport): string {
  if (!report.addedAt) return `${formatDistrictDateTime(new Date(report.submittedAt)).slice(11)} 提交`;
  const version = report.version ? `第 ${report.version} 版 ` : "";
  return `${version}${formatDistrictDateTime(new Date(report.addedAt))} 加入`;
}

function Side({ title, report, children }: { title: string; report: SideReport; children: React.ReactNode }) {
  return (
    <figure className="min-w-0 space-y-2 rounded-lg border border-stone-200 p-3">
      <figcaption className="text-sm">
        <span className="font-semibold text-stone-900">{title}</span>
        <span className="block text-stone-600">
          <Link href={`/units/${report.unitId}?date=${report.date}`} className="link">
            {report.unitName}
          </Link>{" "}
          · {report.date} {SLOT_LABELS[report.slot]} · {addedLabel(report)}
        </span>
      </figcaption>
      {children}
    </figure>
  );
}

function subjectOf(report: ReportSummary, added: { addedAt?: string; version?: number }): SideReport {
  return { unitId: report.unit.id, unitName: report.unit.name, date: report.date, slot: report.slot, submittedAt: report.submittedAt.toISOString(), ...added };
}

/** The other earlier matches beside the original (often copies of it), earliest first. */
function OtherMatches({ title, matches }: { title: string; matches: { key: string; report: SideReport; detail: string; photoId?: string }[] }) {
  if (matches.length === 0) return null;
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-sm font-semibold text-stone-900">
        {title}({matches.length})
      </h3>
      <ol className="space-y-2">
        {matches.map((m) => (
          <li key={m.key} className="flex flex-wrap items-center gap-3 text-sm text-stone-700">
            {m.photoId ? <PhotoThumb photoId={m.photoId} alt={`${m.report.unitName} ${m.report.date} 的照片`} /> : null}
            <span>
              <Link href={`/units/${m.report.unitId}?date=${m.report.date}`} className="link font-medium">
                {m.report.unitName}
              </Link>{" "}
              · {m.report.date} {SLOT_LABELS[m.report.slot]} · {addedLabel(m.report)} · {m.detail}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

const fixSource = { REPORT: "晒报定位", PHOTO: "照片GPS" } as const;

function FixTerm({ fix, label }: { fix: FixEvidence; label: string }) {
  return (
    <div>
      <dt className="text-stone-600">{label}</dt>
      <dd className="font-medium">
        {fix.place ? `${fix.place} ` : ""}（{fix.lat.toFixed(4)}，{fix.lng.toFixed(4)}）
      </dd>
      <dd>
        {formatDistrictDateTime(new Date(fix.at))}
        {fix.untimed ? "（照片没有拍摄时间，按上传时间；未计入当天行程）" : fix.timely === false ? "（拍摄时间与晒出时间相差过大，未计入当天行程）" : ""}
      </dd>
    </div>
  );
}

const fixPoint = (f: FixEvidence, label: string): MapPoint => ({ lat: f.lat, lng: f.lng, label, kind: "fix" });

/** The evidence of a flag, side by side where there are two sides. */
export function EvidenceView({ parsed, report }: { parsed: AnomalyEvidence | null; report: ReportSummary }) {
  if (!parsed) return <p className="text-sm text-stone-600">证据格式无法识别。</p>;
  switch (parsed.kind) {
    case "RECYCLED_PHOTO": {
      const e = parsed.evidence;
      const subject = subjectOf(report, e);
      return (
        <div className="space-y-3">
          {e.match ? (
            <p className="text-sm text-stone-700">
              与最早晒出的原图是同一张照片：<strong className="font-semibold text-stone-900">{describePhotoMatch(e.match)}</strong>
              。逐块比对两张照片的相关系数为 {e.match.correlation.toFixed(3)}（≥ {e.match.minCorrelation} 视为同一张照片；不同日子在同一现场拍的照片一般低于
              0.95）{e.sameUnit ? "，为本单位此前用过的照片" : "，原图为其他单位所晒"}。先后以照片加入晒报的时间为准。
            </p>
          ) : (
            <p className="text-sm text-stone-700">
              与最早晒出的同一张照片相比，感知哈希相差 {e.distance} 位（64 位中，≤ {e.maxDistance} 位视为同一张照片）
              {e.sameUnit ? "，为本单位此前用过的照片" : "，原图为其他单位所晒"}。先后以照片加入晒报的时间为准。
            </p>
          )}
          <div className="grid gap-3 sm:grid-cols-2">
            <Side title="本次晒报的照片" report={subject}>
              <PhotoThumb photoId={e.photoId} alt={`${subject.unitName} ${subject.date} 的照片`} size="lg" />
            </Side>
            <Side title="最早晒出的原图" report={e.related}>
              <PhotoThumb photoId={e.relatedPhotoId} alt={`${e.related.unitName} ${e.related.date} 的照片`} size="lg" />
            </Side>
          </div>
          <OtherMatches
            title="原图之后、本次之前也晒过这张照片的"
            matches={e.others.map((o) => ({
              key: o.photoId,
              report: o.related,
              photoId: o.photoId,
              detail: `${o.match ? describePhotoMatch(o.match) : `相差 ${o.distance} 位`}${o.sameUnit ? "（本单位）" : ""}`,
            }))}
          />
        </div>
      );
    }
    case "COPIED_TEXT": {
      const e = parsed.evidence;
      const subject = subjectOf(report, e);
      return (
        <div className="space-y-3">
          <p className="text-sm text-stone-700">
            与最早的原文相比，文字相似度 {Math.round(e.similarity * 100)}%（常用套话权重很低；阈值 {Math.round(e.threshold * 100)}%）
            {e.sameUnit ? "，与本单位此前的晒报雷同" : "，原文为其他单位所晒"}。先后以文字首次出现的版本时间为准，相同的段落已标出。
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Side title="本次晒报" report={subject}>
              <HighlightedText text={e.text} ranges={e.highlights} />
            </Side>
            <Side title="最早的原文" report={e.related}>
              <HighlightedText text={e.relatedText} ranges={e.relatedHighlights} />
            </Side>
          </div>
          <OtherMatches
            title="原文之后、本次之前也写过相同内容的"
            matches={e.others.map((o) => ({
              key: `${o.related.slotId}:${o.related.version ?? ""}`,
              report: o.related,
              detail: `相似度 ${Math.round(o.similarity * 100)}%${o.sameUnit ? "（本单位）" : ""}`,
            }))}
          />
        </div>
      );
    }
    case "EXIF_TIME": {
      const e = parsed.evidence;
      if (e.reason === "NO_PHOTO") return <p className="text-sm text-stone-700">任务“{e.tasks.join("、")}”要求晒照片，这次晒报没有照片。</p>;
      if (e.reason === "NO_EXIF") {
        return (
          <div className="flex flex-wrap items-start gap-3">
            <PhotoThumb photoId={e.photoId} alt="没有拍摄时间的照片" />
            <p className="text-sm text-stone-700">任务“{e.tasks.join("、")}”要求晒照片，这张照片没有拍摄时间（可能是截图或转发的图片）。</p>
          </div>
        );
      }
      return (
        <div className="flex flex-wrap items-start gap-3">
          <PhotoThumb photoId={e.photoId} alt="拍摄时间异常的照片" />
          <dl className="text-sm text-stone-700">
            <dt className="text-stone-600">照片拍摄时间</dt>
            <dd className="font-medium">{formatDistrictDateTime(new Date(e.takenAt))}</dd>
            <dt className="mt-1 text-stone-600">晒报提交时间</dt>
            <dd className="font-medium">{formatDistrictDateTime(new Date(e.submittedAt))}</dd>
            <dd className="mt-1">
              {e.hoursApart >= 0 ? `拍摄于提交前 ${e.hoursApart} 小时` : `拍摄时间晚于提交 ${-e.hoursApart} 小时`}（超过 {e.maxAgeHours} 小时即提示）
            </dd>
          </dl>
        </div>
      );
    }
    case "LOCATION": {
      const e = parsed.evidence;
      const boundary = districtBoundary();
      if (e.reason === "OUTSIDE_DISTRICT") {
        return (
          <div className="space-y-3">
            <dl className="grid gap-3 text-sm text-stone-700 sm:grid-cols-2">
              <FixTerm fix={e.fix} label={fixSource[e.fix.source]} />
              <div>
                <dt className="text-stone-600">位于{e.district}界外</dt>
                <dd className="text-lg font-semibold text-stone-900">约 {e.km} 公里</dd>
              </div>
            </dl>
            <LocationMap
              boundary={boundary}
              title={`${fixSource[e.fix.source]}位于${e.district}界外约 ${e.km} 公里`}
              points={[fixPoint(e.fix, fixSource[e.fix.source])]}
            />
          </div>
        );
      }
      if (e.reason === "FAR_FROM_HOME") {
        const points: MapPoint[] = [fixPoint(e.fix, fixSource[e.fix.source])];
        if (e.seat) points.push({ lat: e.seat.lat, lng: e.seat.lng, label: `${e.seat.unitName}驻地`, kind: "seat" });
        if (e.site) points.push({ lat: e.site.lat, lng: e.site.lng, label: e.site.place ?? e.site.title, kind: "site" });
        return (
          <div className="space-y-3">
            <dl className="grid gap-3 text-sm text-stone-700 sm:grid-cols-3">
              <FixTerm fix={e.fix} label={fixSource[e.fix.source]} />
              <div>
                <dt className="text-stone-600">距本乡镇驻地</dt>
                <dd className="text-lg font-semibold text-stone-900">{e.seatKm ?? "—"} 公里</dd>
              </div>
              <div>
                <dt className="text-stone-600">距本单位最近的任务现场</dt>
                <dd className="text-lg font-semibold text-stone-900">{e.siteKm != null ? `${e.siteKm} 公里` : "没有标注现场的任务"}</dd>
                <dd>
                  {e.site ? `${e.site.title}${e.site.place ? ` · ${e.site.place}` : ""}；` : ""}两者都超过 {e.maxHomeKm} 公里即提示
                </dd>
              </div>
            </dl>
            <LocationMap boundary={boundary} title={`${fixSource[e.fix.source]}距本乡镇驻地 ${e.seatKm ?? "—"} 公里`} points={points} />
          </div>
        );
      }
      if (e.reason === "FAR_FROM_SITE") {
        return (
          <div className="space-y-3">
            <dl className="grid gap-3 text-sm text-stone-700 sm:grid-cols-3">
              <FixTerm fix={e.fix} label={fixSource[e.fix.source]} />
              <div>
                <dt className="text-stone-600">任务现场</dt>
                <dd className="font-medium">
                  {e.site.title}
                  {e.site.place ? ` · ${e.site.place}` : ""}（{e.site.lat.toFixed(4)}，{e.site.lng.toFixed(4)}）
                </dd>
              </div>
              <div>
                <dt className="text-stone-600">相距</dt>
                <dd className="text-lg font-semibold text-stone-900">{e.km} 公里</dd>
                <dd>超过 {e.maxSiteKm} 公里即提示</dd>
              </div>
            </dl>
            <LocationMap
              boundary={boundary}
              title={`${fixSource[e.fix.source]}距任务现场 ${e.km} 公里`}
              points={[fixPoint(e.fix, fixSource[e.fix.source]), { lat: e.site.lat, lng: e.site.lng, label: e.site.place ?? e.site.title, kind: "site" }]}
            />
          </div>
        );
      }
      const from = fixPoint(e.from, `先：${fixSource[e.from.source]}`);
      const to = fixPoint(e.to, `后：${fixSource[e.to.source]}`);
      return (
        <div className="space-y-3">
          <dl className="grid gap-3 text-sm text-stone-700 sm:grid-cols-3">
            <FixTerm fix={e.from} label={`先：${fixSource[e.from.source]}`} />
            <FixTerm fix={e.to} label={`后：${fixSource[e.to.source]}`} />
            <div>
              <dt className="text-stone-600">移动</dt>
              <dd className="text-lg font-semibold text-stone-900">
                {e.km} 公里 / {Math.max(1, Math.round(e.hours * 60))} 分钟
              </dd>
              <dd>
                约 {e.kmh} 公里/小时（超过 {e.maxSpeedKmh} 即提示；按当天全部定位的时间顺序）
              </dd>
            </div>
          </dl>
          <LocationMap boundary={boundary} title={`${e.km} 公里用时 ${Math.max(1, Math.round(e.hours * 60))} 分钟`} points={[from, to]} line={[from, to]} />
        </div>
      );
    }
  }
}
