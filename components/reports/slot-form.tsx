"use client";

import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { downscaleForUpload } from "@/components/reports/downscale";
import { LocationField, type Coords } from "@/components/reports/location-field";
import { MorningPlan, type PlanRow } from "@/components/reports/morning-plan";
import { PhotoPicker, type ExistingPhoto } from "@/components/reports/photo-picker";
import { EveningMark, NewItems, type Mark, type NewRow } from "@/components/reports/slot-fields";
import { keepCardOffline } from "@/components/pwa/offline-card";
import { deleteDraft, draftKey, loadDraft, saveDraft, type CardDraft, type DraftPhoto } from "@/components/reports/card-draft";
import { newIdempotencyKey, sendSlot } from "@/components/reports/upload";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, TextareaField } from "@/components/ui/field";
import { Progress } from "@/components/ui/progress";
import { needsReason, SLOT_PARAM_OF, type EditMode } from "@/lib/reports/card-rules";
import { evidenceNeed } from "@/lib/reports/evidence-need";
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
  /** whose phone draft this is (the account's id): drafts are kept per account */
  owner: string;
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
  /** the slot's deadline (epoch ms) and as the district's clock shows it: after it a first submission is marked 迟报 */
  deadline: number;
  deadlineLabel: string;
  /** evidence already on the day's other slots: their photos and whether one has a place */
  dayEvidence: { photos: number; located: boolean };
  onSaved?: () => void;
  onCancel?: () => void;
};

type Phase =
  | { kind: "idle" }
  | { kind: "preparing"; done: number; total: number }
  | { kind: "uploading"; ratio: number }
  /** sent without an answer (no signal): kept on the phone, sent again with the same key when the signal returns */
  | { kind: "pending" }
  | { kind: "saved" }
  | { kind: "error"; message: string };

/** What a draft keeps of the form (photos are kept beside it, as blobs). */
type DraftState = {
  plan: PlanRow[];
  progress: Record<string, string>;
  marks: Record<string, Mark>;
  newRows: NewRow[];
  note: string;
  place: string;
  coords: Coords | null;
  removed: string[];
  revisionReason: string;
  startedAt: number | null;
};

function initialPlan({ items, carry, log, tasks }: SlotFormProps): PlanRow[] {
  const rows: PlanRow[] = items
    .filter((i) => i.addedIn === "MORNING")
    .map((i) => ({
      key: `item:${i.id}`,
      source: "item",
      checked: true,
      text: i.text,
      itemId: i.id,
      hint: i.task && i.task.title !== i.text ? `任务：${i.task.title}` : undefined,
    }));
  const texts = new Set(items.map((i) => i.text));
  const linkedLog = new Set(items.map((i) => i.workLogItemId));
  // Offered, never ticked for the reporter (issue 14: ticking 2 tasks submitted 5): only what they tick is sent.
  for (const c of carry) {
    if (texts.has(c.text)) continue;
    texts.add(c.text);
    rows.push({
      key: `carry:${c.id}`,
      source: "carry",
      checked: false,
      text: c.text,
      hint: c.reason ? `未完成原因：${c.reason}` : undefined,
      carriedFromId: c.id,
      taskId: c.taskId ?? undefined,
      milestoneId: c.milestoneId ?? undefined,
    });
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
    rows.push({ key: `log:${l.id}`, source: "log", checked: false, text: l.text, workLogItemId: l.id, taskId: l.taskId ?? undefined });
  }
  for (const t of tasks) {
    rows.push({
      key: `task:${t.id}`,
      source: "task",
      checked: false,
      text: t.title,
      hint: milestoneHint(t),
      taskId: t.id,
      milestoneId: t.milestone?.id,
    });
  }
  return rows;
}

function milestoneHint(t: PickerTask): string | undefined {
  const next = t.milestone ? `下一节点：${t.milestone.title}(${t.milestone.dueDate})` : null;
  const overdue = t.overdueMilestones > 0 ? `${t.overdueMilestones} 个节点已过期未完成` : null;
  return [next, overdue].filter(Boolean).join(";") || undefined;
}

function initialMarks(items: FormItem[], log: LogPick[]): Record<string, Mark> {
  const logById = new Map(log.map((l) => [l.id, l]));
  return Object.fromEntries(
    items.map((i) => {
      // Only a mark already saved on the card comes marked; the work log's reason is offered as text, the ✓/? is the reporter's.
      const fromLog = i.workLogItemId ? logById.get(i.workLogItemId) : undefined;
      return [
        i.id,
        { done: i.outcome === null ? null : i.outcome === "DONE", reason: i.reason ?? fromLog?.reason ?? "", value: i.progressValue?.toString() ?? "" },
      ];
    }),
  );
}

/** Whether a first submission now would be marked 迟报, by the server's clock. */
function useLate(mode: EditMode, deadline: number, serverNow: number, clockOffset: React.RefObject<number>): boolean {
  const [late, setLate] = useState(mode === "CREATE" && serverNow > deadline);
  useEffect(() => {
    if (mode !== "CREATE") return;
    const check = () => setLate(Date.now() + clockOffset.current > deadline);
    check();
    const timer = setInterval(check, 15_000);
    return () => clearInterval(timer);
  }, [mode, deadline, clockOffset]);
  return late;
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
  const [coords, setCoords] = useState<Coords | null>(
    existing?.lat != null && existing.lng != null ? { lat: existing.lat, lng: existing.lng, accuracy: null } : null,
  );
  const [files, setFiles] = useState<File[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const [revisionReason, setRevisionReason] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  const startedAt = useRef<number | null>(null);
  const clockOffset = useRef(0);
  const idempotencyKey = useRef<string | null>(null);
  const key = draftKey(props.owner, date, slot, mode);
  const url = `/api/v1/cards/${date}/${SLOT_PARAM_OF[slot]}`;
  // Drafts: nothing is written before the stored draft was read (it would be overwritten), nor before the reporter changed something.
  const [draftLoaded, setDraftLoaded] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [draftSavedAt, setDraftSavedAt] = useState<number | null>(null);
  const pending = useRef<{ idempotencyKey: string; payload: string } | null>(null);
  const sending = useRef(false);
  useEffect(() => {
    clockOffset.current = props.serverNow - Date.now();
  }, [props.serverNow]);
  const late = useLate(mode, props.deadline, props.serverNow, clockOffset);
  // The late notice must have been on screen before a submission it concerns is sent.
  const lateSeen = useRef(late);
  useEffect(() => {
    lateSeen.current = late;
  }, [late]);

  const snapshot = (): DraftState => ({ plan, progress, marks, newRows, note, place, coords, removed, revisionReason, startedAt: startedAt.current });
  const photosOf = (list: File[]): DraftPhoto[] => list.map((f) => ({ name: f.name, blob: f }));

  /** Sends the pending draft (same key, same payload, same photos); one send at a time. */
  async function sendPending(photos: DraftPhoto[]) {
    const sent = pending.current;
    if (!sent || sending.current) return;
    sending.current = true;
    try {
      const body = new FormData();
      body.append("payload", sent.payload);
      for (const photo of photos) body.append("photos", photo.blob, photo.name);
      setPhase({ kind: "uploading", ratio: 0 });
      const result = await sendSlot(url, body, sent.idempotencyKey, (ratio) => setPhase({ kind: "uploading", ratio }));
      if (result.ok) {
        pending.current = null;
        idempotencyKey.current = null;
        await deleteDraft(key);
        // The kept card page should show this slot as sent from now on.
        keepCardOffline();
        setPhase({ kind: "saved" });
        router.refresh();
        props.onSaved?.();
      } else if (result.network) {
        setPhase({ kind: "pending" });
      } else {
        // Refused by the server: the content stays as a draft to correct; a new key for the corrected content.
        pending.current = null;
        idempotencyKey.current = null;
        await saveDraft<DraftState>(key, { state: snapshot(), photos, pending: null, savedAt: Date.now() });
        setPhase({ kind: "error", message: result.message });
      }
    } finally {
      sending.current = false;
    }
  }

  /** The draft kept on this phone replaces the empty form; a pending one is sent again if there is a signal. */
  const restoreDraft = useEffectEvent((draft: CardDraft<DraftState> | null) => {
    if (draft) {
      const d = draft.state;
      setPlan(d.plan);
      setProgress(d.progress);
      setMarks(d.marks);
      setNewRows(d.newRows);
      setNote(d.note);
      setPlace(d.place);
      setCoords(d.coords);
      setRemoved(d.removed);
      setRevisionReason(d.revisionReason);
      startedAt.current = d.startedAt;
      setFiles(draft.photos.map((p) => new File([p.blob], p.name, { type: p.blob.type || "image/jpeg" })));
      setDraftSavedAt(draft.savedAt);
      if (draft.pending) {
        pending.current = draft.pending;
        idempotencyKey.current = draft.pending.idempotencyKey;
        setPhase({ kind: "pending" });
        if (navigator.onLine) void sendPending(draft.photos);
      }
    }
    setDraftLoaded(true);
  });
  const retryPending = useEffectEvent(() => {
    if (!pending.current) return;
    void loadDraft<DraftState>(key).then((draft) => sendPending(draft?.photos ?? []));
  });

  // On opening, and whenever the signal returns.
  useEffect(() => {
    let cancelled = false;
    void loadDraft<DraftState>(key).then((draft) => {
      if (!cancelled) restoreDraft(draft);
    });
    const retry = () => retryPending();
    window.addEventListener("online", retry);
    return () => {
      cancelled = true;
      window.removeEventListener("online", retry);
    };
  }, [key]);

  // Every change is kept on the phone half a second later (not while a sent draft waits: it must stay as sent).
  useEffect(() => {
    if (!draftLoaded || !dirty || pending.current) return;
    const timer = setTimeout(() => {
      // A submission may have begun since this was scheduled: its draft, kept as sent, must not be overwritten.
      if (pending.current) return;
      const savedAt = Date.now();
      void saveDraft<DraftState>(key, { state: snapshot(), photos: photosOf(files), pending: null, savedAt }).then((ok) => ok && setDraftSavedAt(savedAt));
    }, 500);
    return () => clearTimeout(timer);
    // snapshot() reads exactly these
  }, [draftLoaded, dirty, key, plan, progress, marks, newRows, note, place, coords, removed, revisionReason, files]); // eslint-disable-line react-hooks/exhaustive-deps

  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const taskOf = (taskId: string | null | undefined) => (taskId ? (taskById.get(taskId) ?? items.find((i) => i.taskId === taskId)?.task ?? null) : null);

  // Evidence is asked for only where the office marked a task so, as proof of a result.
  const evidenceTasks =
    slot === "MORNING"
      ? []
      : [...items.map((i) => ({ key: i.id, task: i.task })), ...newRows.map((r) => ({ key: r.key, task: taskOf(r.taskId) }))].filter((e) => e.task);
  const closedWith = (flag: "requiresPhoto" | "requiresLocation") =>
    evidenceTasks.filter((e) => e.task?.[flag] && (slot === "NOON" || marks[e.key]?.done)).map((e) => `「${e.task!.title}」`);
  /** the tasks asking for it, marked ✓ and not marked yet (at noon all are "not yet"): the fields say exactly when it is needed */
  const askedFor = (flag: "requiresPhoto" | "requiresLocation") => {
    const asking = evidenceTasks.filter((e) => e.task?.[flag]);
    const title = (e: (typeof asking)[number]) => `「${e.task!.title}」`;
    if (slot === "NOON") return { done: [], open: asking.map(title) };
    return { done: asking.filter((e) => marks[e.key]?.done === true).map(title), open: asking.filter((e) => marks[e.key]?.done == null).map(title) };
  };
  const photoNeed = closedWith("requiresPhoto");
  const placeNeed = closedWith("requiresLocation");
  const { dayEvidence } = props;
  const photosHere = (existing?.photos.length ?? 0) - removed.length + files.length;
  const located = Boolean(place.trim() || coords);
  const photoField = evidenceNeed("photo", slot, askedFor("requiresPhoto"), dayEvidence.photos);
  const placeField = evidenceNeed("place", slot, askedFor("requiresLocation"), dayEvidence.located ? 1 : 0);

  const busy = phase.kind === "preparing" || phase.kind === "uploading" || phase.kind === "pending";

  function collectItems(): { items: unknown[] } | { issue: string } {
    if (slot === "MORNING") {
      const chosen = plan.filter((r) => r.checked && r.text.trim());
      if (chosen.length === 0) return { issue: "请至少勾选或填写一项今天的计划。" };
      return {
        items: chosen.map((r) => ({
          id: r.itemId,
          text: r.text,
          taskId: r.itemId ? undefined : r.taskId,
          milestoneId: r.itemId ? undefined : r.milestoneId,
          carriedFromId: r.carriedFromId,
          workLogItemId: r.workLogItemId,
        })),
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
    const all = [
      ...items.map((i) => ({ key: i.id, id: i.id as string | undefined, text: i.text, taskId: undefined as string | undefined })),
      ...fresh.map((r) => ({ key: r.key, id: undefined, text: r.text, taskId: r.taskId || undefined })),
    ];
    if (all.length === 0) return { issue: "晚晒至少要有一项事项。" };
    for (const entry of all) {
      const mark = marks[entry.key];
      if (mark?.done == null) return { issue: `请为「${entry.text}」标记 ✓ 或 ?。` };
      if (!mark.done && !mark.reason.trim()) return { issue: `请填写「${entry.text}」未完成的原因。` };
    }
    // The server's evidence rule (evidenceIssues), said before sending: exactly what is missing.
    if (photoNeed.length > 0 && photosHere + dayEvidence.photos <= 0) {
      return { issue: `${photoNeed.join("、")}标记完成须附现场照片：请在下方“照片”处上传至少 1 张，或改标 ? 并写明原因。` };
    }
    if (placeNeed.length > 0 && !located && !dayEvidence.located) {
      return { issue: `${placeNeed.join("、")}标记完成须有位置：请在下方定位或填写地点名称，或改标 ? 并写明原因。` };
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
    const collected: ReturnType<typeof collectItems> = needsReason(mode) && !revisionReason.trim() ? { issue: "请填写更正原因。" } : collectItems();
    if ("issue" in collected) {
      setPhase({ kind: "error", message: collected.issue });
      return;
    }
    if (mode === "CREATE" && Date.now() + clockOffset.current > props.deadline && !lateSeen.current) {
      // The deadline passed while the form was open: show the notice first; the next press sends.
      lateSeen.current = true;
      setPhase({ kind: "error", message: `已过${name}截止时间 ${props.deadlineLabel}，现在提交将标为“迟报”。确认无误请再按一次提交。` });
      return;
    }
    const payload = JSON.stringify({
      items: collected.items,
      note: note.trim() || undefined,
      place: place.trim() || undefined,
      lat: coords?.lat,
      lng: coords?.lng,
      startedAt: startedAt.current ? new Date(startedAt.current + clockOffset.current).toISOString() : undefined,
      revisionReason: needsReason(mode) ? revisionReason.trim() : undefined,
      removePhotoIds: removed,
    });
    // One key per attempt at this content: a retry after a lost answer is saved once. Kept on the phone before anything is sent.
    idempotencyKey.current ??= newIdempotencyKey();
    pending.current = { idempotencyKey: idempotencyKey.current, payload };
    const photos = photosOf(files);
    await saveDraft<DraftState>(key, { state: snapshot(), photos, pending: pending.current, savedAt: Date.now() });
    await sendPending(photos);
  }

  /** Photos are downscaled when picked, so the draft keeps the small copies (and a retry sends the same bytes). */
  const ready = useRef(new WeakSet<File>());
  async function pickFiles(list: File[]) {
    setDirty(true);
    const fresh = list.filter((f) => !ready.current.has(f));
    if (fresh.length > 0) setPhase({ kind: "preparing", done: 0, total: fresh.length });
    const out: File[] = [];
    let done = 0;
    for (const file of list) {
      if (ready.current.has(file)) {
        out.push(file);
        continue;
      }
      const blob = await downscaleForUpload(file);
      const small = blob instanceof File ? blob : new File([blob], file.name, { type: blob.type || "image/jpeg" });
      ready.current.add(small);
      out.push(small);
      setPhase({ kind: "preparing", done: ++done, total: fresh.length });
    }
    setFiles(out);
    if (fresh.length > 0) setPhase({ kind: "idle" });
  }

  const markStarted = () => {
    startedAt.current ??= Date.now();
  };
  const markDirty = () => {
    markStarted();
    if (!dirty) setDirty(true);
  };
  const setMark = (key: string, change: Partial<Mark>) =>
    setMarks((m) => ({ ...m, [key]: { ...(m[key] ?? { done: null, reason: "", value: "" }), ...change } }));

  return (
    <form
      onSubmit={submit}
      // The burden meter starts at the first touch, key or input inside the form.
      onPointerDownCapture={markStarted}
      onKeyDownCapture={markStarted}
      onInput={markDirty}
      onChange={markDirty}
      className="mt-3 space-y-5"
      aria-label={`填报${name}`}
      noValidate
    >
      {mode === "REVISION" ? (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{name}已过截止时间。修改会作为一次更正留痕，原内容保留可查。</p>
      ) : mode === "CORRECTION" ? (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{name}已被督查室查阅、引用或批示。修改会标为“更正”并通知督查室，原内容保留可查。</p>
      ) : null}

      {slot === "MORNING" ? <MorningPlan plan={plan} setPlan={setPlan} idBase={idBase} /> : null}

      {slot === "NOON" ? (
        <fieldset className="space-y-3">
          <legend className="mb-1 font-medium text-stone-900">各项进展</legend>
          {items.length === 0 ? <p className="text-sm text-stone-600">今天还没有计划事项，可以在下面新增。</p> : null}
          {items.map((item) => (
            <Field
              key={item.id}
              id={`${idBase}-p-${item.id}`}
              label={item.text}
              value={progress[item.id] ?? ""}
              onChange={(e) => setProgress((p) => ({ ...p, [item.id]: e.target.value }))}
              maxLength={500}
              placeholder="进展（可选），如：已完成一半"
            />
          ))}
        </fieldset>
      ) : null}

      {slot === "EVENING" ? (
        <div className="space-y-3">
          <p className="font-medium text-stone-900">逐项标记：✓ 完成，? 未完成（写明原因）</p>
          {items.map((item) => (
            <EveningMark
              key={item.id}
              id={`${idBase}-${item.id}`}
              text={item.text}
              measure={item.task?.measure ?? null}
              mark={marks[item.id]}
              onChange={(c) => setMark(item.id, c)}
            />
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
              <EveningMark
                id={`${idBase}-${row.key}`}
                text={row.text || "新增事项"}
                measure={taskOf(row.taskId)?.measure ?? null}
                mark={marks[row.key]}
                onChange={(c) => setMark(row.key, c)}
                compact
              />
            ) : null
          }
        />
      ) : null}

      <TextareaField id={`${idBase}-note`} label="补充说明（可选）" value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />

      <PhotoPicker
        existing={existing?.photos ?? []}
        removed={removed}
        onToggleRemoved={(id) => setRemoved((r) => (r.includes(id) ? r.filter((x) => x !== id) : [...r, id]))}
        canRemoveExisting={mode === "EDIT"}
        files={files}
        onFiles={(list) => void pickFiles(list)}
        need={photoField}
      />

      <LocationField id={`${idBase}-place`} place={place} coords={coords} onPlace={setPlace} onCoords={setCoords} need={placeField} />

      {needsReason(mode) ? (
        <Field
          id={`${idBase}-revision`}
          label="更正原因（必填）"
          value={revisionReason}
          onChange={(e) => setRevisionReason(e.target.value)}
          maxLength={300}
          required
        />
      ) : null}

      <div aria-live="polite" className="space-y-2">
        {phase.kind === "preparing" && phase.total > 0 ? (
          <p className="text-sm text-stone-700">
            正在压缩照片 {phase.done}/{phase.total}…
          </p>
        ) : null}
        {phase.kind === "uploading" ? (
          <div className="space-y-1">
            <p className="text-sm text-stone-700">正在提交 {Math.round(phase.ratio * 100)}%…</p>
            <Progress ratio={phase.ratio} label="上传进度" />
          </div>
        ) : null}
        {phase.kind === "saved" ? <FormMessage ok message={`已提交：${name}已保存到晒台。`} /> : null}
        {phase.kind === "pending" ? (
          <p role="status" className="rounded-lg border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
            <strong className="font-semibold">待上传：</strong>现在没有网络，{name}
            已保存在本机。信号恢复后会自动提交（只提交一次），也可以关掉页面，下次打开时再提交。
          </p>
        ) : null}
        {phase.kind !== "pending" && phase.kind !== "saved" && draftSavedAt !== null ? (
          <p className="text-sm text-stone-600">
            草稿已保存（本机，{new Date(draftSavedAt).toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit" })}）
          </p>
        ) : null}
      </div>
      {phase.kind === "error" ? <FormMessage message={phase.message} /> : null}
      {late ? (
        <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <strong className="font-semibold">将标为迟报：</strong>
          {name}截止时间是 {props.deadlineLabel}，已经过了。现在提交会被接受，并在卡片和晒报中标为“迟报”。
        </p>
      ) : null}

      <div className="sticky bottom-0 -mx-4 flex gap-2 border-t border-stone-200 bg-white/95 px-4 py-3">
        <Button type="submit" disabled={busy} className="flex-1">
          {phase.kind === "pending"
            ? "待上传…"
            : busy
              ? "正在提交…"
              : mode === "CREATE"
                ? late
                  ? `提交${name}（迟报）`
                  : `提交${name}`
                : mode === "EDIT"
                  ? "保存修改"
                  : "提交更正"}
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
