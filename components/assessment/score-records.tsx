import { CorrectAdjustmentForm, CorrectVetoForm, WithdrawAdjustmentForm, WithdrawVetoForm } from "@/components/assessment/record-change-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { SessionUser } from "@/lib/auth/roles";
import type { listUnitQuarterRecords } from "@/lib/assessment/board";
import { mayChangeRecord } from "@/lib/assessment/writes";
import { formatDistrictDateTime } from "@/lib/time";

type Records = Awaited<ReturnType<typeof listUnitQuarterRecords>>;

function signed(n: number): string {
  return `${n > 0 ? "+" : ""}${n}`;
}

/** An earlier version: replaced by a correction or a withdrawal, or the withdrawal itself. */
function statusLabel(row: { withdrawn: boolean; next: { withdrawn: boolean } | null }): string {
  if (row.withdrawn) return "撤回记录";
  return row.next?.withdrawn ? "已撤回" : "已更正";
}

const DISCLOSURE = "rounded-lg border border-stone-200 px-3 py-2";

/**
 * The quarter's 加减分 and vetoes as records: each one in force with 撤回 and
 * 更正 for whoever may (its maker, or the office for the office's), while the
 * quarter is open; and every earlier version, withdrawn or corrected, kept.
 */
export function ScoreRecords({
  user,
  records,
  quarterOpen,
  vetoItems,
}: {
  user: SessionUser;
  records: Records;
  quarterOpen: boolean;
  vetoItems: { id: string; name: string }[];
}) {
  const history = [
    ...records.history.adjustments.map((a) => ({
      id: a.id,
      at: a.createdAt,
      text: `加减分 ${signed(a.points)}：${a.reason}`,
      by: a.createdBy.name,
      version: a.version,
      withdrawn: a.withdrawn,
      changeReason: a.changeReason,
      label: statusLabel(a),
    })),
    ...records.history.vetoes.map((v) => ({
      id: v.id,
      at: v.createdAt,
      text: `一票否决：${v.vetoItem.name}：${v.reason}`,
      by: v.createdBy.name,
      version: v.version,
      withdrawn: v.withdrawn,
      changeReason: v.changeReason,
      label: statusLabel(v),
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const nothing = records.adjustments.length === 0 && records.vetoes.length === 0 && history.length === 0;
  if (nothing) return null;

  return (
    <Card aria-labelledby="records-h" id="records" className="scroll-mt-20">
      <CardTitle id="records-h">加减分与一票否决记录</CardTitle>
      <p className="mt-1 text-sm text-stone-600">
        {quarterOpen ? "记录人（督查室记录的由督查室）可以撤回或更正，须写明原因；原记录保留。" : "本季度已关闭，记录不能再撤回或更正。"}
      </p>
      <ul className="mt-3 space-y-3 text-sm">
        {records.adjustments.map((a) => (
          <li key={a.id} data-testid="adjustment-in-force">
            <p>
              <strong className="tabular-nums">{signed(a.points)}</strong> {a.reason}
              {a.version > 1 ? (
                <Badge tone="info" className="ml-2">
                  第 {a.version} 版
                </Badge>
              ) : null}
            </p>
            <p className="text-stone-600">
              {a.createdBy.name} · {formatDistrictDateTime(a.createdAt)}
              {a.changeReason ? ` · 更正原因：${a.changeReason}` : ""}
            </p>
            {quarterOpen && mayChangeRecord(user, a.createdBy) ? (
              <div className="mt-2 flex flex-wrap gap-2">
                <details className={DISCLOSURE}>
                  <summary className="cursor-pointer font-medium">更正</summary>
                  <CorrectAdjustmentForm adjustmentId={a.id} points={a.points} reason={a.reason} />
                </details>
                <details className={DISCLOSURE}>
                  <summary className="cursor-pointer font-medium text-red-800">撤回</summary>
                  <WithdrawAdjustmentForm adjustmentId={a.id} />
                </details>
              </div>
            ) : null}
          </li>
        ))}
        {records.vetoes.map((v) => (
          <li key={v.id} data-testid="veto-in-force">
            <p>
              <Badge tone="bad">一票否决</Badge> {v.vetoItem.name}:{v.reason}
              {v.version > 1 ? (
                <Badge tone="info" className="ml-2">
                  第 {v.version} 版
                </Badge>
              ) : null}
            </p>
            <p className="text-stone-600">
              {v.createdBy.name} · {formatDistrictDateTime(v.createdAt)}
              {v.changeReason ? ` · 更正原因：${v.changeReason}` : ""}
            </p>
            {quarterOpen && mayChangeRecord(user, v.createdBy) ? (
              <div className="mt-2 flex flex-wrap gap-2">
                <details className={DISCLOSURE}>
                  <summary className="cursor-pointer font-medium">更正</summary>
                  <CorrectVetoForm vetoId={v.id} vetoItemId={v.vetoItemId} reason={v.reason} items={vetoItems} />
                </details>
                <details className={DISCLOSURE}>
                  <summary className="cursor-pointer font-medium text-red-800">撤回</summary>
                  <WithdrawVetoForm vetoId={v.id} />
                </details>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {history.length ? (
        <div className="mt-4 border-t border-stone-200 pt-3">
          <h3 className="text-sm font-medium">历史版本（不计入）</h3>
          <ul className="mt-2 space-y-2 text-sm text-stone-700" data-testid="record-history">
            {history.map((h) => (
              <li key={h.id}>
                <Badge tone={h.label === "已更正" ? "neutral" : "warn"}>{h.label}</Badge> {h.text}
                <span className="block text-stone-600">
                  第 {h.version} 版 · {h.by} · {formatDistrictDateTime(h.at)}
                  {h.changeReason ? ` · 原因：${h.changeReason}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
