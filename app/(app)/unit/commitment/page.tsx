import type { Metadata } from "next";
import Link from "next/link";
import { CommitmentDocumentView, chineseDate } from "@/components/commitments/commitment-document";
import { CommitmentEditor } from "@/components/commitments/commitment-editor";
import { StartDraftButton } from "@/components/commitments/start-draft-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listUnitCommitments, listUnitTaskChoices } from "@/lib/commitments/queries";
import { formatDistrictDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "公开承诺书" };

/** The unit head's commitment: the open draft to edit, or the published version (frozen) and a way to start the next one. */
export default async function UnitCommitmentPage() {
  const user = await requireUser(["UNIT_HEAD"]);
  if (!user.unitId) return <EmptyState title="您的账号还没有分配单位">请联系区督查室为账号设置所属单位。</EmptyState>;
  const [versions, tasks] = await Promise.all([listUnitCommitments(user), listUnitTaskChoices(user)]);
  const draft = versions.find((v) => v.status === "DRAFT");
  const published = versions.find((v) => v.status === "PUBLISHED");

  return (
    <div className="space-y-6">
      <PageHeader title={`${user.unitName} · 公开承诺书`} description="承诺书发布后向社会公开，内容冻结；需要修改时新建一个版本，之前的版本仍可查看。" />
      {draft ? (
        <Card
          heading={
            <>
              第 {draft.version} 版草稿 <Badge tone="warn">未公开</Badge>
            </>
          }
          headingClassName="mb-4 flex items-center gap-2"
        >
          <CommitmentEditor
            key={draft.id}
            draft={{
              id: draft.id,
              version: draft.version,
              title: draft.title,
              preface: draft.preface,
              signedBy: draft.signedBy,
              pledges: draft.pledges.map((p) => ({ text: p.text, taskIds: p.tasks.map((t) => t.task.id) })),
            }}
            tasks={tasks}
          />
        </Card>
      ) : published ? (
        <Card
          heading={
            <>
              当前公开的是第 {published.version} 版 <Badge tone="good">已发布</Badge>
            </>
          }
          headingClassName="flex flex-wrap items-center gap-2"
          className="space-y-3"
        >
          <p className="text-stone-700">
            发布于 {published.publishedAt ? formatDistrictDateTime(published.publishedAt) : "—"}，内容已冻结，不能修改。{" "}
            <Link href={`/public/commitments/${published.id}`} className="text-brand-700 underline">
              查看公开页面
            </Link>
          </p>
          <StartDraftButton label={`修改（新建第 ${published.version + 1} 版草稿）`} />
        </Card>
      ) : (
        <EmptyState title="还没有承诺书">
          <p className="mb-3">起草一份承诺书，逐条写明本单位的承诺，可以关联年度任务。</p>
          <div className="flex justify-center">
            <StartDraftButton label="起草承诺书" />
          </div>
        </EmptyState>
      )}

      {published && !draft ? (
        <section aria-label="当前公开的承诺书" className="overflow-hidden rounded-xl border border-stone-200">
          <CommitmentDocumentView commitment={published} />
        </section>
      ) : null}

      {versions.length ? (
        <Card heading="全部版本" headingClassName="mb-3">
          <ul className="divide-y divide-stone-100">
            {versions.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {v.year}年 第 {v.version} 版 · {v.title}
                </span>
                <span className="flex items-center gap-2 text-sm text-stone-600">
                  {v.status === "PUBLISHED" && v.publishedAt ? (
                    <>
                      <Badge tone="good">已发布</Badge> {chineseDate(v.publishedAt)}
                      <Link href={`/public/commitments/${v.id}`} className="text-brand-700 underline">
                        查看
                      </Link>
                    </>
                  ) : (
                    <Badge tone="warn">草稿</Badge>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
