import "./print.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { chineseDate, CommitmentDocumentView } from "@/components/commitments/commitment-document";
import { PrintButton } from "@/components/commitments/print-button";
import { getPublishedCommitment } from "@/lib/commitments/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const found = await getPublishedCommitment((await params).id);
  return { title: found ? `${found.commitment.unit.name} · ${found.commitment.title}` : "公开承诺书" };
}

/** One published version, printable on A4; drafts are never shown here. */
export default async function PublicCommitmentPage({ params }: { params: Promise<{ id: string }> }) {
  const found = await getPublishedCommitment((await params).id);
  if (!found) notFound();
  const { commitment, versions } = found;
  const latest = versions[0];
  const superseded = latest && latest.id !== commitment.id;

  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href="/public/commitments" className="link inline-flex min-h-11 items-center text-sm">
          ← 全部承诺书
        </Link>
        <PrintButton />
      </div>
      {superseded ? (
        <p role="note" className="no-print rounded-lg bg-amber-50 px-3 py-2 text-amber-900">
          这是历史版本（第 {commitment.version} 版）。
          <Link href={`/public/commitments/${latest.id}`} className="font-medium underline">
            查看现行第 {latest.version} 版
          </Link>
        </p>
      ) : null}
      <div className="overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm print:border-0 print:shadow-none">
        <CommitmentDocumentView commitment={commitment} />
      </div>
      {versions.length > 1 ? (
        <nav aria-label="历次版本" className="no-print rounded-xl border border-stone-200 bg-white p-4">
          <h2 className="mb-2 font-semibold">历次版本</h2>
          <ul className="space-y-1 text-sm">
            {versions.map((v) => (
              <li key={v.id}>
                {v.id === commitment.id ? (
                  <span aria-current="page" className="font-medium">
                    第 {v.version} 版 · {v.publishedAt ? chineseDate(v.publishedAt) : ""}（正在查看）
                  </span>
                ) : (
                  <Link href={`/public/commitments/${v.id}`} className="link">
                    第 {v.version} 版 · {v.publishedAt ? chineseDate(v.publishedAt) : ""}
                  </Link>
                )}
                {v.id === latest.id ? " · 现行" : ""}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
