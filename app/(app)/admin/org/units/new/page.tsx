import type { Metadata } from "next";
import { UnitForm } from "@/components/org/unit-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "新建单位" };

export default async function NewUnitPage() {
  await requireUser(["ADMIN"]);
  return (
    <div className="space-y-5">
      <PageHeader title="新建单位" description="创建后再为它新建单位负责人和信息员账号。" />
      <UnitForm />
    </div>
  );
}
