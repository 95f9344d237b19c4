"use client";

import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { TextareaField } from "@/components/ui/field";
import { closeQuarterAction, correctQuarterAction } from "@/lib/assessment/actions";

const FREEZES = "各单位得分和名次将冻结为快照，红黄旗随即流转；之后只能以“更正”生成新版本。";

/**
 * Closing asks first in a dialog: it freezes the scores and hands out the flags.
 * Before the quarter's last day has ended (`early`), it also needs the office's
 * reason, kept on the quarter, in the audit log and shown on the board.
 */
export function CloseQuarterForm({ quarterId, label, warnings, early }: { quarterId: string; label: string; warnings: string[]; early: boolean }) {
  return (
    <ActionForm
      action={closeQuarterAction}
      className="space-y-3"
      confirm={{
        title: `关闭${label}?`,
        body: `${warnings.length ? `${warnings.join("\n")}\n\n` : ""}${FREEZES}`,
        confirmLabel: `确认关闭${label}`,
        danger: true,
      }}
    >
      {({ errors }) => (
        <>
          {warnings.length ? (
            <ul className="list-disc space-y-1 rounded-lg bg-amber-50 py-2 pr-3 pl-7 text-sm text-amber-950">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          {early ? (
            <TextareaField
              id="early-reason"
              label="提前关闭的原因（必填，记入审计日志并在排名页公示）"
              name="earlyReason"
              rows={2}
              maxLength={300}
              required
              errors={errors.earlyReason}
            />
          ) : null}
          <p className="text-sm text-stone-700">关闭后{FREEZES}</p>
          {/* The dialog is the confirmation the action asks for. */}
          <input type="hidden" name="confirm" value="on" />
          <input type="hidden" name="quarterId" value={quarterId} />
          <SubmitButton pendingLabel="正在计算并冻结…">关闭{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function CorrectQuarterForm({ quarterId, label }: { quarterId: string; label: string }) {
  return (
    <ActionForm action={correctQuarterAction} className="space-y-3">
      {({ errors }) => (
        <>
          <input type="hidden" name="quarterId" value={quarterId} />
          <TextareaField id="correct-reason" label="更正原因（必填，记入审计日志）" name="reason" rows={2} maxLength={300} required errors={errors.reason} />
          <SubmitButton variant="secondary" pendingLabel="正在重新计算…">
            更正{label}（生成新版本）
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
