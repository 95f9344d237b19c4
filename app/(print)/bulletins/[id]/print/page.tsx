import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BulletinBody } from "@/components/supervision/bulletins/bulletin-body";
import { PrintButton } from "@/components/supervision/bulletins/print-button";
import { requireUser } from "@/lib/auth/session";
import { getBulletin } from "@/lib/supervision/bulletins/queries";

export const metadata: Metadata = { title: "要情快讯 · 打印" };

/** The A4 print view of a bulletin (same access as the bulletin itself). */
export default async function BulletinPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const bulletin = await getBulletin(user, id);
  if (!bulletin) notFound();
  return (
    <>
      <div className="no-print mb-6 flex justify-between gap-2 border-b border-stone-200 pb-3 text-sm text-stone-600">
        <a href={`/bulletins/${bulletin.id}`} className="underline">
          返回快讯
        </a>
        <PrintButton />
      </div>
      <BulletinBody bulletin={bulletin} />
    </>
  );
}
