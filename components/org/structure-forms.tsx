"use client";

import { UnitPicker } from "@/components/ui/unit-picker";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Choice, Field, FieldError, NamedOptions, SelectField } from "@/components/ui/field";
import type { UnitOption } from "@/components/org/user-forms";
import {
  createChannelAction,
  createGroupAction,
  createKeyTaskAction,
  saveLineAction,
  saveRubricAction,
  setChannelMembersAction,
  setGroupMembersAction,
  updateKeyTaskAction,
} from "@/lib/org/actions";

export type PersonOption = { id: string; name: string; title: string | null };

/** Checkboxes for people; the choice travels as one hidden input of comma-joined ids. */
function PeoplePicker({
  name,
  legend,
  people,
  defaultSelected,
  errors,
}: {
  name: string;
  legend: string;
  people: PersonOption[];
  defaultSelected: string[];
  errors?: string[];
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={`${name}-error`}>
      <legend className="mb-1 text-sm font-medium text-stone-800">{legend}</legend>
      <input type="hidden" name={name} defaultValue={defaultSelected.join(",")} />
      <div className="grid gap-1 sm:grid-cols-3">
        {people.map((p) => (
          <Choice
            key={p.id}
            type="checkbox"
            value={p.id}
            defaultChecked={defaultSelected.includes(p.id)}
            onChange={(e) => {
              const hidden = e.currentTarget.closest("fieldset")!.querySelector<HTMLInputElement>(`input[type=hidden][name="${name}"]`)!;
              const ids = new Set(hidden.value.split(",").filter(Boolean));
              if (e.currentTarget.checked) ids.add(p.id);
              else ids.delete(p.id);
              hidden.value = [...ids].join(",");
            }}
          >
            <span>
              {p.name}
              {p.title ? <span className="text-sm text-stone-600">({p.title})</span> : null}
            </span>
          </Choice>
        ))}
      </div>
      <FieldError id={`${name}-error`} errors={errors} />
    </fieldset>
  );
}

export type LineFormValues = {
  id: string;
  name: string;
  kind: "LINE" | "COMMAND_CENTRE";
  leaderId: string | null;
  description: string | null;
  unitIds: string[];
};

export function LineForm({ line, leaders, units }: { line?: LineFormValues; leaders: PersonOption[]; units: UnitOption[] }) {
  return (
    <ActionForm action={saveLineAction} className="max-w-3xl space-y-4" aria-label={line ? "编辑分管线" : "新建分管线"}>
      {({ errors }) => (
        <>
          {line ? <input type="hidden" name="id" value={line.id} /> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="名称" name="name" required maxLength={40} defaultValue={line?.name} errors={errors.name} />
            <SelectField label="类别" name="kind" required defaultValue={line?.kind ?? "LINE"} errors={errors.kind}>
              <option value="LINE">分管线</option>
              <option value="COMMAND_CENTRE">工作推进指挥部</option>
            </SelectField>
            <SelectField label="牵头领导" name="leaderId" defaultValue={line?.leaderId ?? ""} errors={errors.leaderId}>
              <option value="">未指定</option>
              {leaders.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                  {l.title ? `(${l.title})` : ""}
                </option>
              ))}
            </SelectField>
            <Field label="说明" name="description" maxLength={200} defaultValue={line?.description ?? ""} errors={errors.description} />
          </div>
          <UnitPicker name="unitIds" label="所属单位" units={units} defaultSelected={line?.unitIds} errors={errors.unitIds} />
          <SubmitButton pendingLabel="正在保存…">{line ? "保存" : "创建"}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function KeyTaskForm({
  keyTask,
  lines,
}: {
  keyTask: { id: string; code: string; name: string; lineId: string | null };
  lines: { id: string; name: string }[];
}) {
  return (
    <ActionForm action={updateKeyTaskAction} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]" aria-label={`重点工作 ${keyTask.code}`}>
      {({ errors }) => (
        <>
          <input type="hidden" name="id" value={keyTask.id} />
          <Field label={`${keyTask.code} 名称`} id={`kt-name-${keyTask.id}`} name="name" required defaultValue={keyTask.name} errors={errors.name} />
          <SelectField label="所属分管线" id={`kt-line-${keyTask.id}`} name="lineId" defaultValue={keyTask.lineId ?? ""} errors={errors.lineId}>
            <NamedOptions items={lines} empty="未指定" />
          </SelectField>
          <SubmitButton variant="secondary">保存</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** 新建重点工作: a name and its line; the code (KTnn) is given by the server. Empties itself once created, for the next one. */
export function KeyTaskCreateForm({ lines }: { lines: { id: string; name: string }[] }) {
  return (
    <ActionForm action={createKeyTaskAction} resetOnSuccess className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]" aria-label="新建重点工作">
      {({ errors }) => (
        <>
          <Field label="名称" id="kt-new-name" name="name" required maxLength={40} errors={errors.name} />
          <SelectField label="所属分管线" id="kt-new-line" name="lineId" defaultValue="" errors={errors.lineId}>
            <NamedOptions items={lines} empty="未指定" />
          </SelectField>
          <SubmitButton pendingLabel="正在创建…">新建</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** 新建考核组: a name and the key task it tracks (one without a group); members, scope and rubric on its page, where the form leads. */
export function GroupCreateForm({ keyTasks }: { keyTasks: { id: string; code: string; name: string }[] }) {
  return (
    <ActionForm action={createGroupAction} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]" aria-label="新建考核组">
      {({ errors }) => (
        <>
          <Field label="名称" id="group-new-name" name="name" required maxLength={40} placeholder="如：招商引资跟踪考核组" errors={errors.name} />
          <SelectField label="跟踪的重点工作" id="group-new-key-task" name="keyTaskId" required defaultValue="" errors={errors.keyTaskId}>
            <option value="" disabled>
              请选择
            </option>
            {keyTasks.map((k) => (
              <option key={k.id} value={k.id}>
                {k.code} {k.name}
              </option>
            ))}
          </SelectField>
          <SubmitButton pendingLabel="正在创建…">新建</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** 新建工作群: its name; units and members on its page, where the form leads. */
export function ChannelCreateForm() {
  return (
    <ActionForm action={createChannelAction} className="grid items-end gap-3 sm:grid-cols-[1fr_auto]" aria-label="新建工作群">
      {({ errors }) => (
        <>
          <Field label="名称" id="channel-new-name" name="name" required maxLength={40} placeholder="如：乡村振兴工作群" errors={errors.name} />
          <SubmitButton pendingLabel="正在创建…">新建</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function GroupMembersForm({ groupId, people, memberIds }: { groupId: string; people: PersonOption[]; memberIds: string[] }) {
  return (
    <ActionForm action={setGroupMembersAction} className="space-y-3" aria-label="考核组成员">
      {({ errors }) => (
        <>
          <input type="hidden" name="id" value={groupId} />
          <PeoplePicker name="userIds" legend="成员（考核组和区级领导账号）" people={people} defaultSelected={memberIds} errors={errors.userIds} />
          <SubmitButton variant="secondary">保存成员</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ChannelMembersForm({
  channel,
  units,
  people,
}: {
  channel: { id: string; unitIds: string[]; userIds: string[] };
  units: UnitOption[];
  people: PersonOption[];
}) {
  return (
    <ActionForm action={setChannelMembersAction} className="max-w-3xl space-y-4" aria-label="工作群成员">
      {({ errors }) => (
        <>
          <input type="hidden" name="id" value={channel.id} />
          <PeoplePicker name="userIds" legend="区级领导和督查室成员" people={people} defaultSelected={channel.userIds} errors={errors.userIds} />
          <UnitPicker name="unitIds" label="成员单位" units={units} defaultSelected={channel.unitIds} errors={errors.unitIds} />
          <SubmitButton>保存成员</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export type RubricItemValues = { id: string; name: string; maxPoints: number };

/**
 * A group's rubric for a year: one row per item (name, maximum points), in
 * order, and three empty rows to add items; clearing a row removes its item.
 * When the group has scored in that year (`locked`), the points and the rows
 * are fixed and only the names and the order may change. Rows are keyed by
 * their item: after a save the new items' rows come back with their ids, and
 * the form (with its message) stays.
 */
export function RubricForm({ groupId, year, items, locked }: { groupId: string; year: number; items: RubricItemValues[]; locked: boolean }) {
  const rows: (RubricItemValues | null)[] = [...items, ...(locked ? [] : [null, null, null])];
  return (
    <ActionForm action={saveRubricAction} className="space-y-3" aria-label={`${year} 年考核细则`}>
      {({ errors }) => (
        <>
          <input type="hidden" name="groupId" value={groupId} />
          <input type="hidden" name="year" value={year} />
          <ol className="space-y-2">
            {rows.map((item, i) => (
              <li key={item?.id ?? `new-${i}`} className="grid gap-2 sm:grid-cols-[1fr_10rem]">
                {item ? <input type="hidden" name={`id_${i}`} value={item.id} /> : null}
                <Field label={`第 ${i + 1} 项`} name={`name_${i}`} maxLength={40} defaultValue={item?.name} errors={errors[`name_${i}`]} />
                <Field
                  label="满分"
                  name={`max_${i}`}
                  inputMode="decimal"
                  defaultValue={item ? String(item.maxPoints) : undefined}
                  readOnly={locked}
                  hint={locked ? "已开始评分，不能改" : undefined}
                  errors={errors[`max_${i}`]}
                />
              </li>
            ))}
          </ol>
          <p className="text-sm text-stone-700">合计满分：{items.reduce((sum, item) => sum + item.maxPoints, 0)} 分。清空一行即删除该项。</p>
          <SubmitButton variant="secondary">保存考核细则</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
