"use client";

import Link from "next/link";
import { Section } from "@/components/ui/card";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import type { ImportSummary } from "@/lib/tasks/import";
import { RowHeader, Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

type Phase = "idle" | "uploading" | "checking" | "previewed" | "committing" | "done";
type Reply = { ok: boolean; message?: string; summary?: ImportSummary };
/** What the route answers: `{ summary }`, or apiRoute's `{ error: { message, details } }` (details: the summary of a rejected file). */
type RouteReply = { summary?: ImportSummary; error?: { message: string; details?: ImportSummary } };

function replyOf(status: number, body: RouteReply | null): Reply {
  if (!body) return { ok: false, message: "服务器没有返回结果，请重试。" };
  if (status < 300 && body.summary) return { ok: true, summary: body.summary };
  return { ok: false, message: body.error?.message, summary: body.error?.details };
}

/**
 * Uploads with XMLHttpRequest so the bytes sent can be shown; once sent, the
 * server reads and checks every row (a few seconds for thousands) and the bar
 * says so rather than pretending to know how far it is.
 */
function postFile(url: string, file: File, sha256: string | undefined, onUploaded: (share: number) => void): Promise<{ status: number; reply: Reply }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onUploaded(event.loaded / event.total);
    };
    xhr.upload.onload = () => onUploaded(1);
    xhr.onload = () => resolve({ status: xhr.status, reply: replyOf(xhr.status, xhr.response as RouteReply | null) });
    xhr.onerror = () => reject(new Error("network"));
    const data = new FormData();
    data.append("file", file);
    if (sha256) data.append("sha256", sha256);
    xhr.send(data);
  });
}

function ErrorTable({ summary }: { summary: ImportSummary }) {
  return (
    <Table caption="有错误的行" frameClassName="max-h-96 overflow-auto border-red-200">
      <TableHead className="sticky top-0">
        <Th>行号</Th>
        <Th>任务编号</Th>
        <Th>原因</Th>
      </TableHead>
      <TableBody>
        {summary.errors.map((e) => (
          <tr key={e.rowNumber}>
            <RowHeader label="行号" className="tabular-nums">
              第 {e.rowNumber} 行
            </RowHeader>
            <Td label="任务编号">{e.externalKey ?? "—"}</Td>
            <Td label="原因">{e.messages.join("；")}</Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

function Counts({ summary }: { summary: ImportSummary }) {
  return (
    <>
      共 {summary.rows} 行：新增 <strong>{summary.create}</strong> 项，更新 <strong>{summary.update}</strong> 项，无变化 <strong>{summary.unchanged}</strong> 项
    </>
  );
}

export function ImportUploader() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [uploaded, setUploaded] = useState(0);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = phase === "uploading" || phase === "checking" || phase === "committing";

  async function send(step: "preview" | "commit") {
    if (!file) {
      setError("请先选择要导入的 .xlsx 或 .csv 文件。");
      return;
    }
    setError(null);
    setUploaded(0);
    setPhase(step === "preview" ? "uploading" : "committing");
    if (step === "preview") setSummary(null);
    try {
      const { reply } = await postFile(`/admin/tasks/import/${step}`, file, step === "commit" ? summary?.sha256 : undefined, (share) => {
        setUploaded(share);
        if (share >= 1 && step === "preview") setPhase("checking");
      });
      if (reply.summary) setSummary(reply.summary);
      if (!reply.ok) {
        setError(reply.message ?? "导入失败，请重试。");
        setPhase(reply.summary ? "previewed" : "idle");
        return;
      }
      setPhase(step === "preview" ? "previewed" : "done");
    } catch {
      setError("网络中断，文件没有上传成功，请重试。");
      setPhase("idle");
    }
  }

  const hasErrors = Boolean(summary?.errors.length);
  return (
    <form
      aria-label="导入任务清单"
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        void send("preview");
      }}
    >
      <div className="space-y-2">
        <label htmlFor="import-file" className="block font-medium text-stone-900">
          选择文件（.xlsx 或 .csv，最大 10 MB）
        </label>
        <input
          ref={inputRef}
          id="import-file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setSummary(null);
            setError(null);
            setPhase("idle");
          }}
          className="block w-full rounded-lg border border-stone-300 bg-white p-2 text-base file:mr-3 file:rounded-md file:border-0 file:bg-stone-100 file:px-3 file:py-2"
        />
        <Button type="submit" disabled={busy || !file}>
          上传并预览
        </Button>
      </div>

      {phase === "uploading" || phase === "committing" ? (
        <div role="status" className="space-y-1">
          <Progress ratio={uploaded} label="上传进度" />
          <p className="text-sm text-stone-700">
            {phase === "committing" ? "正在导入" : "正在上传"} {Math.round(uploaded * 100)}%
            {uploaded >= 1 ? (phase === "committing" ? "，正在写入数据库…" : "") : ""}
          </p>
        </div>
      ) : null}
      {phase === "checking" ? (
        <div role="status" className="space-y-1">
          <div className="h-2 w-full overflow-hidden rounded-full bg-stone-200">
            <div className="h-2 w-1/3 animate-pulse rounded-full bg-brand-700" />
          </div>
          <p className="text-sm text-stone-700">已上传，正在逐行读取和校验…（几千行约需几秒）</p>
        </div>
      ) : null}

      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      ) : null}

      {summary && phase !== "done" ? (
        <Section heading={<>预览：{summary.fileName}</>} className="space-y-3">
          <p>
            <Counts summary={summary} />
            {hasErrors ? (
              <>
                ，<strong className="text-red-700">{summary.errors.length} 行有错误</strong>。
              </>
            ) : (
              "。"
            )}
          </p>
          {hasErrors ? (
            <>
              <p className="text-red-800">请在表格里改正下列各行后重新上传；改正之前不会导入任何一行。</p>
              <ErrorTable summary={summary} />
            </>
          ) : (
            <>
              {summary.changes.length ? (
                <ul className="max-h-64 divide-y divide-stone-100 overflow-auto rounded-lg border border-stone-200 bg-white text-sm">
                  {summary.changes.map((c) => (
                    <li key={c.rowNumber} className="flex gap-3 px-3 py-1.5">
                      <span className="w-16 shrink-0 tabular-nums text-stone-500">第 {c.rowNumber} 行</span>
                      <span className={c.action === "create" ? "shrink-0 text-emerald-700" : "shrink-0 text-sky-700"}>
                        {c.action === "create" ? "新增" : "更新"}
                      </span>
                      <span className="min-w-0 truncate">{c.title}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-stone-700">文件里的任务与系统中的完全一致，导入不会改变任何数据。</p>
              )}
              <Button type="button" disabled={busy} onClick={() => void send("commit")}>
                确认导入
              </Button>
            </>
          )}
        </Section>
      ) : null}

      {phase === "done" && summary ? (
        <div role="status" className="space-y-2 rounded-lg bg-emerald-50 px-4 py-3 text-emerald-900">
          <p>
            导入完成。
            <Counts summary={summary} />。
          </p>
          <Link href="/admin/tasks" className="font-medium underline">
            查看任务清单
          </Link>
        </div>
      ) : null}
    </form>
  );
}
