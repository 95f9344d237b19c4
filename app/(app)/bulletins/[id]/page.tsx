import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BulletinBody } from "@/components/supervision/bulletins/bulletin-body";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { getBulletin } from "@/lib/supervision/bulletins/queries";

export const metadata: Metadata = { title: "要情快讯" };

export default async function BulletinPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const bulletin = await getBulletin(user, id);
  if (!bulletin) notFound();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap justify-between gap-2">
        <ButtonLink href="/bulletins" variant="ghost">
          ← 全部快讯
        </ButtonLink>
        <div className="flex gap-2">
          {user.role === "ADMIN" && bulletin.status === "DRAFT" ? <ButtonLink href={`/admin/bulletins/${bulletin.id}`}>继续编辑</ButtonLink> : null}
          <ButtonLink href={`/bulletins/${bulletin.id}/print`}>A4 打印版</ButtonLink>
        </div>
      </div>
      <div className="rounded-xl border border-stone-200 bg-white p-5 sm:p-8">
        <BulletinBody bulletin={bulletin} />
      </div>
    </div>
  );
}
