"use client";

import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field, FieldError, SelectField, TextareaField, Choice } from "@/components/ui/field";
import { PhotoInput } from "@/components/ui/photo-input";
import { UnitPicker } from "@/components/ui/unit-picker";
import { issueOrder, orderStep } from "@/lib/supervision/orders/actions";

export function IssueOrderForm({
  unit,
  tasks,
  groups,
  coUnitChoices,
  slotId,
  instructionId,
  spotCheckId,
  anomalyId,
  defaultTitle,
  defaultContent,
  defaultDeadline,
  minDate,
}: {
  unit: { id: string; name: string };
  tasks: { id: string; title: string; deadline: string }[];
  groups: { id: string; name: string }[];
  coUnitChoices: { id: string; name: string }[];
  slotId?: string;
  instructionId?: string;
  spotCheckId?: string;
  anomalyId?: string;
  defaultTitle?: string;
  defaultContent?: string;
  defaultDeadline: string;
  minDate: string;
}) {
  const linked = Boolean(slotId || instructionId || spotCheckId || anomalyId);
  return (
    <ActionForm action={issueOrder} className="space-y-4" aria-label="督办件立项" message={false}>
      {({ errors }) => (
        <>
          <input type="hidden" name="unitId" value={unit.id} />
          {slotId ? <input type="hidden" name="slotId" value={slotId} /> : null}
          {instructionId ? <input type="hidden" name="instructionId" value={instructionId} /> : null}
          {spotCheckId ? <input type="hidden" name="spotCheckId" value={spotCheckId} /> : null}
          {anomalyId ? <input type="hidden" name="anomalyId" value={anomalyId} /> : null}
          {groups.length > 1 ? (
            <SelectField id="groupId" label="以哪个考核组的名义" name="groupId" required errors={errors.groupId}>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </SelectField>
          ) : groups.length === 1 ? (
            <input type="hidden" name="groupId" value={groups[0].id} />
          ) : null}
          <SelectField id="taskId" label="关联任务（可选）" name="taskId" defaultValue="" errors={errors.taskId}>
            <option value="">{linked ? "不关联任务" : "不关联任务（手工立项）"}</option>
            {tasks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}（期限 {t.deadline}）
              </option>
            ))}
          </SelectField>
          <Field
            label="标题"
            name="title"
            required
            maxLength={60}
            defaultValue={defaultTitle}
            placeholder="如：兴业路拆迁遗留问题，限时解决"
            errors={errors.title}
          />
          <TextareaField
            name="content"
            label="督办内容"
            rows={5}
            required
            maxLength={2000}
            defaultValue={defaultContent}
            errors={errors.content}
            placeholder="写明问题、要求和办结标准"
          />
          <div className="grid gap-3 sm:grid-cols-3">
            <Field
              label="办结期限（日期）"
              name="deadlineDate"
              type="date"
              min={minDate}
              defaultValue={defaultDeadline}
              required
              errors={errors.deadlineDate}
            />
            <Field label="办结期限（时间）" name="deadlineTime" type="time" defaultValue="18:00" required errors={errors.deadlineTime} />
            <Field
              label="反馈周期（天，可选）"
              name="feedbackEveryDays"
              type="number"
              min={1}
              max={90}
              inputMode="numeric"
              hint="如每周反馈填 7"
              errors={errors.feedbackEveryDays}
            />
          </div>
          {coUnitChoices.length ? (
            <details className="rounded-lg border border-stone-200 p-3">
              <summary className="cursor-pointer font-medium text-stone-800">配合单位（可选）</summary>
              <div className="mt-2">
                <UnitPicker name="coUnitIds" label="配合单位" units={coUnitChoices.filter((u) => u.id !== unit.id)} oneInputEach errors={errors.coUnitIds} />
              </div>
            </details>
          ) : null}
          <Choice type="checkbox" name="registerOnly" value="1">
            只立项，暂不交办
          </Choice>
          <Choice type="checkbox" name="urgent" value="1">
            紧急（夜间 22:00 至 7:00 也推送到单位工作群）
          </Choice>
          <ActionMessage />
          <SubmitButton pendingLabel="正在交办…">立项并交办</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

type StepKind =
  | "ASSIGN"
  | "SIGN"
  | "FEEDBACK"
  | "REQUEST_EXTENSION"
  | "APPROVE_EXTENSION"
  | "REFUSE_EXTENSION"
  | "REQUEST_CLOSE"
  | "CLOSE"
  | "RETURN"
  | "EVALUATE"
  | "ESCALATE"
  | "CIRCULATE"
  | "SUMMON";

/** A one-button step (交办, 签收, 同意延期, 办结, 提级督办 …), with an optional note. */
function SimpleStep({ orderId, kind, label, note, confirm }: { orderId: string; kind: StepKind; label: string; note?: string; confirm?: string }) {
  return (
    <ActionForm
      action={orderStep}
      className="space-y-3"
      aria-label={label}
      confirm={confirm ? { title: `${label}?`, body: confirm, confirmLabel: label } : undefined}
    >
      {({ errors }) => (
        <>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="kind" value={kind} />
          {note ? <TextareaField id={`${kind}-text`} name="text" label={note} rows={2} maxLength={2000} errors={errors.text} /> : null}
          <SubmitButton>{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

function TextStep({
  orderId,
  kind,
  label,
  textLabel,
  placeholder,
  photos = false,
}: {
  orderId: string;
  kind: StepKind;
  label: string;
  textLabel: string;
  placeholder?: string;
  photos?: boolean;
}) {
  return (
    <ActionForm action={orderStep} className="space-y-3" aria-label={label}>
      {({ errors }) => (
        <>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="kind" value={kind} />
          <TextareaField id={`${kind}-text`} name="text" label={textLabel} rows={4} required maxLength={2000} placeholder={placeholder} errors={errors.text} />
          {photos ? <PhotoInput id={`${kind}-photos`} label="佐证照片（可选，最多 9 张）" errors={errors.photos} /> : null}
          <SubmitButton>{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

function ExtensionStep({ orderId, minDate }: { orderId: string; minDate: string }) {
  return (
    <ActionForm action={orderStep} className="space-y-3" aria-label="延期申请">
      {({ errors }) => (
        <>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="kind" value="REQUEST_EXTENSION" />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="untilDate" label="申请延至（日期）" name="untilDate" type="date" min={minDate} required errors={errors.untilDate} />
            <Field id="untilTime" label="时间" name="untilTime" type="time" defaultValue="18:00" required errors={errors.untilTime} />
          </div>
          <TextareaField id="REQUEST_EXTENSION-text" name="text" label="延期理由" rows={3} required maxLength={2000} errors={errors.text} />
          <SubmitButton>提交延期申请</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

function EvaluateStep({ orderId }: { orderId: string }) {
  return (
    <ActionForm action={orderStep} className="space-y-3" aria-label="评价">
      {({ errors }) => (
        <>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="kind" value="EVALUATE" />
          <fieldset aria-describedby="rating-error">
            <legend className="mb-1 text-sm font-medium text-stone-800">评价</legend>
            <div className="flex flex-wrap gap-4">
              {[
                ["SATISFIED", "满意"],
                ["BASICALLY_SATISFIED", "基本满意"],
                ["UNSATISFIED", "不满意"],
              ].map(([value, label]) => (
                <Choice key={value} type="radio" name="rating" value={value} required>
                  {label}
                </Choice>
              ))}
            </div>
            <FieldError id="rating-error" errors={errors.rating} />
          </fieldset>
          <TextareaField id="EVALUATE-text" name="text" label="评价意见（可选）" rows={2} maxLength={500} errors={errors.text} />
          <SubmitButton>提交评价</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** The steps the signed-in user may take now, as forms (the server checks again). */
export function OrderStepForms({ orderId, moves, minDate }: { orderId: string; moves: StepKind[]; minDate: string }) {
  const has = (k: StepKind) => moves.includes(k);
  const blocks: { key: string; title: string; body: React.ReactNode }[] = [];
  if (has("ASSIGN")) blocks.push({ key: "assign", title: "交办", body: <SimpleStep orderId={orderId} kind="ASSIGN" label="交办" /> });
  if (has("SIGN")) blocks.push({ key: "sign", title: "签收", body: <SimpleStep orderId={orderId} kind="SIGN" label="签收" /> });
  if (has("FEEDBACK"))
    blocks.push({
      key: "feedback",
      title: "反馈办理进展",
      body: <TextStep orderId={orderId} kind="FEEDBACK" label="提交反馈" textLabel="办理进展" placeholder="本阶段做了什么、还差什么" />,
    });
  if (has("REQUEST_CLOSE"))
    blocks.push({
      key: "close",
      title: "申请办结",
      body: <TextStep orderId={orderId} kind="REQUEST_CLOSE" label="申请办结" textLabel="办理结果" placeholder="写明采取的措施、办理结果和佐证" photos />,
    });
  if (has("REQUEST_EXTENSION")) blocks.push({ key: "ext", title: "延期申请", body: <ExtensionStep orderId={orderId} minDate={minDate} /> });
  if (has("APPROVE_EXTENSION"))
    blocks.push({
      key: "approve",
      title: "审批延期申请",
      body: (
        <div className="space-y-4">
          <SimpleStep orderId={orderId} kind="APPROVE_EXTENSION" label="同意延期" />
          <TextStep orderId={orderId} kind="REFUSE_EXTENSION" label="不同意延期" textLabel="不同意的理由" />
        </div>
      ),
    });
  if (has("CLOSE"))
    blocks.push({
      key: "decide",
      title: "审核办结申请",
      body: (
        <div className="space-y-4">
          <SimpleStep orderId={orderId} kind="CLOSE" label="办结（销号）" note="意见（可选）" />
          <TextStep orderId={orderId} kind="RETURN" label="退回重办" textLabel="退回理由" />
        </div>
      ),
    });
  if (has("EVALUATE")) blocks.push({ key: "rate", title: "评价", body: <EvaluateStep orderId={orderId} /> });
  for (const [kind, label] of [
    ["ESCALATE", "提级督办"],
    ["CIRCULATE", "通报"],
    ["SUMMON", "约谈"],
  ] as const) {
    if (has(kind))
      blocks.push({
        key: kind,
        title: `升级督办：${label}`,
        body: <SimpleStep orderId={orderId} kind={kind} label={label} note="事由与要求" confirm={`将记录一次${label}，并通知承办单位。`} />,
      });
  }
  if (blocks.length === 0) return null;
  return (
    <div className="space-y-4">
      {blocks.map((b) => (
        <section key={b.key} aria-labelledby={`step-${b.key}`} className="rounded-xl border border-stone-200 bg-white p-4">
          <h2 id={`step-${b.key}`} className="mb-3 text-lg font-semibold">
            {b.title}
          </h2>
          {b.body}
        </section>
      ))}
    </div>
  );
}
