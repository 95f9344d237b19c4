import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Card, CardTitle, Section } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { createBlankBulletin, draftBulletin } from "@/lib/supervision/bulletins/actions";
import { bulletinHeading, listDraftBulletins, listPublishedBulletins } from "@/lib/supervision/bulletins/queries";
import { districtToday, formatDistrictDateLong, formatDistrictDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "编辑要情快讯" };

export default async function AdminBulletinsPage() {
  const user = await requireUser(["ADMIN"]);
  const today = districtToday();
  const [drafts, published] = await Promise.all([listDraftBulletins(user), listPublishedBulletins(user, 10)]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="编辑要情快讯"
        description="从各单位晒报中挑选、排序、写编者按，发布后全员可见，按年编号“第 N 期”"
        actions={<ButtonLink href="/bulletins">已发布的快讯</ButtonLink>}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardTitle>起草当日快讯</CardTitle>
          <p className="mt-1 text-sm text-stone-600">
            按晒报事项所属的重点工作分组（事项分属不同工作的归入“其他工作”），取各单位当天最新一晒，相近内容合并为一条；每项重点工作先选最充实的，共不超过 12
            条。抽查不属实或有未排除异常线索的晒报不自动选入，在编辑页单独列出。起草后可增删、调整顺序和文字。
          </p>
          <ActionForm action={draftBulletin} className="mt-3 space-y-3">
            <Field id="draft-date" label="晒报日期" name="date" type="date" defaultValue={today} max={today} required />
            <SubmitButton pendingLabel="正在起草…">起草快讯</SubmitButton>
          </ActionForm>
        </Card>
        <Card>
          <CardTitle>新建空白快讯</CardTitle>
          <p className="mt-1 text-sm text-stone-600">不自动选稿，在编辑页中搜索晒报逐条选入。</p>
          <ActionForm action={createBlankBulletin} className="mt-3 space-y-3">
            <Field id="blank-date" label="快讯日期" name="date" type="date" defaultValue={today} required />
            <SubmitButton variant="secondary">新建</SubmitButton>
          </ActionForm>
        </Card>
      </div>
      <Section heading={<>草稿（{drafts.length}）</>} className="space-y-2">
        {drafts.length === 0 ? (
          <EmptyState title="没有草稿">起草一期快讯开始编辑。</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white">
            {drafts.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <Link href={`/admin/bulletins/${d.id}`} className="link font-medium">
                  {d.title}
                </Link>
                <span className="text-sm text-stone-600">
                  {formatDistrictDateLong(d.date)} · {d._count.items} 条 · {d.createdBy.name} {formatDistrictDateTime(d.createdAt)} 创建
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section heading="最近发布" className="space-y-2">
        <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white">
          {published.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <Link href={`/bulletins/${b.id}`} className="link font-medium">
                {bulletinHeading(b)} {b.title}
              </Link>
              <span className="text-sm text-stone-600">{b.publishedAt ? formatDistrictDateTime(b.publishedAt) : ""}</span>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
