"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { downscaleForUpload } from "@/components/reports/downscale";
import { LocationField, type Coords } from "@/components/reports/location-field";
import { MorningPlan, type PlanRow } from "@/components/reports/morning-plan";
import { PhotoPicker, type ExistingPhoto } from "@/components/reports/photo-picker";
import { EveningMark, NewItems, type Mark, type NewRow } from "@/components/reports/slot-fields";
import { newIdempotencyKey, sendSlot } from "@/components/reports/upload";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { Progress } from "@/components/ui/progress";
import { needsReason, SLOT_PARAM_OF, type EditMode } from "@/lib/reports/card-rules";
import { SLOT_LABELS } from "@/lib/reports/slots";
import type { CarryItem, LogPick, PickerTask } from "@/lib/reports/editor";

type Slot = "MORNING" | "NOON" | "EVENING";


export type FormItem = {
  id: string;
  text: string;
  addedIn: Slot;
  taskId: string | null;
  milestoneId: string | null;
  carriedFromId: string | null;
  workLogItemId: string | null;
  progress: string | null;
  outcome: "DONE" | "OPEN" | null;
  reason: string | null;
  progressValue: number | null;
  task: { title: string; measure: string; requiresPhoto: boolean; requiresLocation: boolean } | null;
};

export type SlotFormProps = {
  date: string;
  slot: Slot;
  mode: EditMode;
  /** the server's clock when the page was made, to correct the phone's clock for the burden meter */
  serverNow: number;
  items: FormItem[];
  tasks: PickerTask[];
  carry: CarryItem[];
  log: LogPick[];
  existing: { note: string; place: string | null; lat: number | null; lng: number | null; photos: ExistingPhoto[] } | null;
  onSaved?: () => void;
  onCancel?: () => void;
};

type Phase = { kind: "idle" } | { kind: "preparing"; done: number; total: number } | { kind: "uploading"; ratio: number } | { kind: "saved" } | { kind: "error"; message: string };


function initialPlan({ items, carry, log, tasks, mode }: SlotFormProps): PlanRow[] {
  const rows: PlanRow[] = items
    .filter((i) => i.addedIn === "MORNING")
    .map((i) => ({ key: `item:${i.id}`, source: "item", checked: true, text: i.text, itemId: i.id, hint: i.task?.title }));
  const texts = new Set(items.map((i) => i.text));
  const linkedLog = new Set(items.map((i) => i.workLogItemId));
  // On a first morning the carried and logged items are proposed ticked: they were planned already.
  const propose = mode === "CREATE";
  for (const c of carry) {
    if (texts.has(c.text)) continue;
    texts.add(c.text);
    rows.push({ key: `carry:${c.id}`, source: "carry", checked: propose, text: c.text, hint: c.reason ? `未完成原因:${c.reason}` : undefined, carriedFromId: c.id, taskId: c.taskId ?? undefined, milestoneId: c.milestoneId ?? undefined });
  }
  for (const l of log) {
    if (linkedLog.has(l.id)) continue;
    // The log's carried item and the card's carried item are the same work: one row, linked to both.
    const same = rows.find((r) => r.source === "carry" && r.text === l.text);
    if (same) {
      same.workLogItemId = l.id;
      continue;
    }
    if (texts.has(l.text)) continue;
    texts.add(l.text);
    rows.push({ key: `log:${l.id}`, source: "log", checked: propose, text: l.text, workLogItemId: l.id, taskId: l.taskId ?? undefined });
  }
  for (const t of tasks) {
    rows.push({
      key: `task:${t.id}`,
      source: "task",
      checked: false,
      text: t.title,
      hint: t.milestone ? `下一节点:${t.milestone.title}(${t.milestone.dueDate})` : undefined,
      taskId: t.id,
      milestoneId: t.milestone?.id,
    });
  }
  return rows;
}

function initialMarks(items: FormItem[], log: LogPick[]): Record<string, Mark> {
  const logById = new Map(log.map((l) => [l.id, l]));
  return Object.fromEntries(
    items.map((i) => {
      // Nothing typed twice: an item ticked in the work log comes ticked.
      const fromLog = i.workLogItemId ? logById.get(i.workLogItemId) : undefined;
      const outcome = i.outcome ?? fromLog?.outcome ?? null;
      return [i.id, { done: outcome === null ? null : outcome === "DONE", reason: i.reason ?? fromLog?.reason ?? "", value: i.progressValue?.toString() ?? "" }];
    }),
  );
}


export function SlotForm(props: SlotFormProps) {
  const { date, slot, mode, items, tasks, existing } = props;
  const router = useRouter();
  const name = SLOT_LABELS[slot];
  const idBase = `slot-${SLOT_PARAM_OF[slot]}`;

  const [plan, setPlan] = useState<PlanRow[]>(() => initialPlan(props));
  const [progress, setProgress] = useState<Record<string, string>>(() => Object.fromEntries(items.map((i) => [i.id, i.progress ?? ""])));
  const [marks, setMarks] = useState<Record<string, Mark>>(() => initialMarks(items, props.log));
  const [newRows, setNewRows] = useState<NewRow[]>([]);
  const [note, setNote] = useState(existing?.note ?? "");
  const [place, setPlace] = useState(existing?.place ?? "");
  const [coords, setCoords] = useState<Coords | null>(existing?.lat != null && existing.lng != null ? { lat: existing.lat, lng: existing.lng, accuracy: null } : null);
  const [files, setFiles] = useState<File[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const [revisionReason, setRevisionReason] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  const startedAt = useRef<number | null>(null);
  const clockOffset = useRef(0);
  const idempotencyKey = useRef<string | null>(null);
  useEffect(() => {
    clockOffset.current = props.serverNow - Date.now();
  }, [props.serverNow]);

  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const taskOf = (taskId: string | null | undefined) => (taskId ? (taskById.get(taskId) ?? items.find((i) => i.taskId === taskId)?.task ?? null) : null);

  // Evidence is asked for only where the office marked a task so, as proof of a result.
  const evidenceTasks = slot === "MORNING" ? [] : [...items.map((i) => ({ key: i.id, task: i.task })), ...newRows.map((r) => ({ key: r.key, task: taskOf(r.taskId) }))].filter((e) => e.task);
  const closedWith = (flag: "requiresPhoto" | "requiresLocation") =>
    evidenceTasks.filter((e) => e.task?.[flag] && (slot === "NOON" || marks[e.key]?.done)).map((e) => `「${e.task!.title}」`);
  const photoNeed = closedWith("requiresPhoto");
  const placeNeed = closedWith("requiresLocation");
  const photoHint = photoNeed.length ? (slot === "EVENING" ? `${photoNeed.join("、")}标记完成时须附现场照片(午晒已传的也算)。` : `${photoNeed.join("、")}在晚晒标记完成时须有现场照片,可以现在上传。`) : null;
  const placeHint = placeNeed.length ? (slot === "EVENING" ? `${placeNeed.join("、")}标记完成时须有位置。` : `${placeNeed.join("、")}在晚晒标记完成时须有位置,可以现在定位。`) : null;

  const busy = phase.kind === "preparing" || phase.kind === "uploading";

  function collectItems(): { items: unknown[] } | { issue: string } {
    if (slot === "MORNING") {
      const chosen = plan.filter((r) => r.checked && r.text.trim());
      if (chosen.length === 0) return { issue: "请至少勾选或填写一项今天的计划。" };
      return {
        items: chosen.map((r) => ({ id: r.itemId, text: r.text, taskId: r.itemId ? undefined : r.taskId, milestoneId: r.itemId ? undefined : r.milestoneId, carriedFromId: r.carriedFromId, workLogItemId: r.workLogItemId })),
      };
    }
    const fresh = newRows.filter((r) => r.text.trim());
    if (slot === "NOON") {
      return {
        items: [
          ...items.map((i) => ({ id: i.id, text: i.text, progress: progress[i.id]?.trim() || undefined })),
          ...fresh.map((r) => ({ text: r.text, taskId: r.taskId || undefined, progress: progress[r.key]?.trim() || undefined })),
        ],
      };
    }
    const all = [...items.map((i) => ({ key: i.id, id: i.id as string | undefined, text: i.text, taskId: undefined as string | undefined })), ...fresh.map((r) => ({ key: r.key, id: undefined, text: r.text, taskId: r.taskId || undefined }))];
    if (all.length === 0) return { issue: "晚晒至少要有一项事项。" };
    for (const entry of all) {
      const mark = marks[entry.key];
      if (mark?.done == null) return { issue: `请为「${entry.text}」标记 ✓ 或 ?。` };
      if (!mark.done && !mark.reason.trim()) return { issue: `请填写「${entry.text}」未完成的原因。` };
    }
    return {
      items: all.map((entry) => {
        const mark = marks[entry.key];
        const value = mark.value.trim() === "" ? undefined : Number(mark.value);
        return { id: entry.id, text: entry.text, taskId: entry.taskId, done: mark.done, reason: mark.done ? undefined : mark.reason, progressValue: value };
      }),
    };
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const collected: ReturnType<typeof collectItems> =
      needsReason(mode) && !revisionReason.trim() ? { issue: "请填写更正原因。" } : collectItems();
    if ("issue" in collected) {
      setPhase({ kind: "error", message: collected.issue });
      return;
    }
    const payload = {
      items: collected.items,
      note: note.trim() || undefined,
      place: place.trim() || undefined,
      lat: coords?.lat,
      lng: coords?.lng,
      startedAt: startedAt.current ? new Date(startedAt.current + clockOffset.current).toISOString() : undefined,
      revisionReason: needsReason(mode) ? revisionReason.trim() : undefined,
      removePhotoIds: removed,
    };
    setPhase({ kind: "preparing", done: 0, total: files.length });
    const body = new FormData();
    body.append("payload", JSON.stringify(payload));
    for (const [index, file] of files.entries()) {
      body.append("photos", await downscaleForUpload(file), file.name);
      setPhase({ kind: "preparing", done: index + 1, total: files.length });
    }
    // One key per attempt at this form: a retry after a lost answer is saved once.
    idempotencyKey.current ??= newIdempotencyKey();
    setPhase({ kind: "uploading", ratio: 0 });
    const result = await sendSlot(`/api/v1/cards/${date}/${SLOT_PARAM_OF[slot]}`, body, idempotencyKey.current, (ratio) => setPhase({ kind: "uploading", ratio }));
    if (!result.ok) {
      setPhase({ kind: "error", message: result.message });
      return;
    }
    idempotencyKey.current = null;
    setPhase({ kind: "saved" });
    router.refresh();
    props.onSaved?.();
  }

  const markStarted = () => {
    startedAt.current ??= Date.now();
  };
  const setMark = (key: string, change: Partial<Mark>) => setMarks((m) => ({ ...m, [key]: { ...(m[key] ?? { done: null, reason: "", value: "" }), ...change } }));

  return (
    <form
      onSubmit={submit}
      // The burden meter starts at the first touch, key or input inside the form.
      onPointerDownCapture={markStarted}
      onKeyDownCapture={markStarted}
      onInput={markStarted}
      className="mt-3 space-y-5"
      aria-label={`填报${name}`}
      noValidate
    >
      {mode === "REVISION" ? (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{name}已过截止时间。修改会作为一次更正留痕,原内容保留可查。</p>
      ) : mode === "CORRECTION" ? (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{name}已被督查室查阅、引用或批示。修改会标为“更正”并通知督查室,原内容保留可查。</p>
      ) : null}

      {slot === "MORNING" ? <MorningPlan plan={plan} setPlan={setPlan} idBase={idBase} /> : null}

      {slot === "NOON" ? (
        <fieldset className="space-y-3">
          <legend className="mb-1 font-medium text-stone-900">各项进展</legend>
          {items.length === 0 ? <p className="text-sm text-stone-600">今天还没有计划事项,可以在下面新增。</p> : null}
          {items.map((item) => (
            <div key={item.id}>
              <label htmlFor={`${idBase}-p-${item.id}`} className="block text-base text-stone-900">
                {item.text}
              </label>
              <input
                id={`${idBase}-p-${item.id}`}
                value={progress[item.id] ?? ""}
                onChange={(e) => setProgress((p) => ({ ...p, [item.id]: e.target.value }))}
                maxLength={500}
                placeholder="进展(可选),如:已完成一半"
                className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2.5 text-base"
              />
            </div>
          ))}
        </fieldset>
      ) : null}

      {slot === "EVENING" ? (
        <div className="space-y-3">
          <p className="font-medium text-stone-900">逐项标记:✓ 完成,? 未完成(写明原因)</p>
          {items.map((item) => (
            <EveningMark key={item.id} id={`${idBase}-${item.id}`} text={item.text} measure={item.task?.measure ?? null} mark={marks[item.id]} onChange={(c) => setMark(item.id, c)} />
          ))}
        </div>
      ) : null}

      {slot !== "MORNING" ? (
        <NewItems
          rows={newRows}
          setRows={setNewRows}
          tasks={tasks}
          idBase={idBase}
          renderExtra={(row) =>
            slot === "EVENING" ? (
              <EveningMark id={`${idBase}-${row.key}`} text={row.text || "新增事项"} measure={taskOf(row.taskId)?.measure ?? null} mark={marks[row.key]} onChange={(c) => setMark(row.key, c)} compact />
            ) : null
          }
        />
      ) : null}

      <div>
        <label htmlFor={`${idBase}-note`} className="block text-sm font-medium text-stone-800">
          补充说明(可选)
        </label>
        <textarea
          id={`${idBase}-note`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          maxLength={2000}
          className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2.5 text-base"
        />
      </div>

      <PhotoPicker
        existing={existing?.photos ?? []}
        removed={removed}
        onToggleRemoved={(id) => setRemoved((r) => (r.includes(id) ? r.filter((x) => x !== id) : [...r, id]))}
        canRemoveExisting={mode === "EDIT"}
        files={files}
        onFiles={setFiles}
        required={photoHint}
      />

      <LocationField id={`${idBase}-place`} place={place} coords={coords} onPlace={setPlace} onCoords={setCoords} required={placeHint} />

      {needsReason(mode) ? (
        <div>
          <label htmlFor={`${idBase}-revision`} className="block text-sm font-medium text-stone-800">
            更正原因(必填)
          </label>
          <input
            id={`${idBase}-revision`}
            value={revisionReason}
            onChange={(e) => setRevisionReason(e.target.value)}
            maxLength={300}
            required
            className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2.5 text-base"
          />
        </div>
      ) : null}

      <div aria-live="polite" className="space-y-2">
        {phase.kind === "preparing" && phase.total > 0 ? <p className="text-sm text-stone-700">正在压缩照片 {phase.done}/{phase.total}…</p> : null}
        {phase.kind === "uploading" ? (
          <div className="space-y-1">
            <p className="text-sm text-stone-700">正在提交 {Math.round(phase.ratio * 100)}%…</p>
            <Progress ratio={phase.ratio} label="上传进度" />
          </div>
        ) : null}
        {phase.kind === "saved" ? <FormMessage ok message={`${name}已提交。`} /> : null}
      </div>
      {phase.kind === "error" ? <FormMessage message={phase.message} /> : null}

      <div className="sticky bottom-0 -mx-4 flex gap-2 border-t border-stone-200 bg-white/95 px-4 py-3">
        <Button type="submit" disabled={busy} className="flex-1">
          {busy ? "正在提交…" : mode === "CREATE" ? `提交${name}` : mode === "EDIT" ? "保存修改" : "提交更正"}
        </Button>
        {props.onCancel ? (
          <Button type="button" variant="secondary" onClick={props.onCancel} disabled={busy}>
            取消
          </Button>
        ) : null}
      </div>
    </form>
  );
}
