import type { Metadata } from "next";
import Link from "next/link";
import { chineseDate } from "@/components/commitments/commitment-document";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { listPublishedCommitments, type PublishedCommitmentListing } from "@/lib/commitments/queries";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { Section } from "@/components/ui/card";

export const metadata: Metadata = { title: "公开承诺书" };
// Always current: a unit may publish at any moment.
export const dynamic = "force-dynamic";

function Listing({ title, rows }: { title: string; rows: PublishedCommitmentListing[] }) {
  if (rows.length === 0) return null;
  return (
    <Section
      heading={
        <>
          {title}({rows.length})
        </>
      }
      className="space-y-3"
    >
      <ul className="grid gap-3 sm:grid-cols-2">
        {rows.map((c) => (
          <li key={c.id}>
            <Link href={`/public/commitments/${c.id}`} className="block h-full rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-700">
              <span className="block font-semibold text-stone-900">{c.unit.name}</span>
              <span className="mt-1 block text-stone-800">{c.title}</span>
              <span className="mt-1 block text-sm text-stone-600">
                {c.pledgeCount} 条承诺 · 第 {c.version} 版 · {c.publishedAt ? `${chineseDate(c.publishedAt)}发布` : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export default async function PublicCommitmentsPage() {
  const rows = await listPublishedCommitments();
  return (
    <div className="space-y-6">
      <PageHeader title="各单位公开承诺书" description="乡镇和区直部门向社会公开的年度承诺。每份承诺书发布后内容冻结，修改会形成新的版本，历次版本均可查看。" />
      {rows.length === 0 ? <EmptyState title="还没有单位发布承诺书" /> : null}
      <Listing title={UNIT_KIND_LABELS.TOWN} rows={rows.filter((r) => r.unit.kind === "TOWN")} />
      <Listing title={UNIT_KIND_LABELS.DEPARTMENT} rows={rows.filter((r) => r.unit.kind === "DEPARTMENT")} />
    </div>
  );
}
