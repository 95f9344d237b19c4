"use client";

import { ActionForm } from "@/components/assessment/action-form";
import { closeQuarterAction, correctQuarterAction } from "@/lib/assessment/actions";

/** Closing needs an explicit tick: it freezes the scores and hands out the flags. */
/** Before the quarter's last day has ended, closing also needs the office's reason (shown on the board). */
export function CloseQuarterForm({ quarterId, label, warnings, early }: { quarterId: string; label: string; warnings: string[]; early: boolean }) {
  return (
    <ActionForm action={closeQuarterAction} hidden={{ quarterId }} submitLabel={`关闭${label}`} pendingLabel="正在计算并冻结…">
      {(errors) => (
        <>
          {warnings.length ? (
            <ul className="list-disc space-y-1 rounded-lg bg-amber-50 py-2 pr-3 pl-7 text-sm text-amber-950">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          {early ? (
            <div>
              <label htmlFor="early-reason" className="mb-1 block text-sm font-medium text-stone-800">
                提前关闭的原因(必填,记入审计日志并在排名页公示)
              </label>
              <textarea
                id="early-reason"
                name="earlyReason"
                rows={2}
                maxLength={300}
                required
                aria-invalid={errors.earlyReason ? true : undefined}
                aria-describedby="early-reason-error"
                className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base"
              />
              <div id="early-reason-error" aria-live="polite">
                {errors.earlyReason?.map((e) => (
                  <p key={e} className="mt-1 text-sm text-red-700">
                    {e}
                  </p>
                ))}
              </div>
            </div>
          ) : null}
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="confirm" className="size-5" aria-describedby="confirm-error" />
            <span>确认关闭:各单位得分和名次将冻结为快照,红黄旗随即流转;之后只能以“更正”生成新版本。</span>
          </label>
          <div id="confirm-error" aria-live="polite">
            {errors.confirm?.map((e) => (
              <p key={e} className="text-sm text-red-700">
                {e}
              </p>
            ))}
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function CorrectQuarterForm({ quarterId, label }: { quarterId: string; label: string }) {
  return (
    <ActionForm action={correctQuarterAction} hidden={{ quarterId }} submitLabel={`更正${label}(生成新版本)`} variant="secondary" pendingLabel="正在重新计算…">
      {(errors) => (
        <div>
          <label htmlFor="correct-reason" className="mb-1 block text-sm font-medium text-stone-800">
            更正原因(必填,记入审计日志)
          </label>
          <textarea
            id="correct-reason"
            name="reason"
            rows={2}
            maxLength={300}
            required
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby="correct-reason-error"
            className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base"
          />
          <div id="correct-reason-error" aria-live="polite">
            {errors.reason?.map((e) => (
              <p key={e} className="mt-1 text-sm text-red-700">
                {e}
              </p>
            ))}
          </div>
        </div>
      )}
    </ActionForm>
  );
}
