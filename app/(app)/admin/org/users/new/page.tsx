import type { Metadata } from "next";
import { UserForm } from "@/components/org/user-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listUnitOptions } from "@/lib/org/queries";

export const metadata: Metadata = { title: "新建账号" };

export default async function NewUserPage() {
  const user = await requireUser(["ADMIN"]);
  const units = await listUnitOptions(user);
  return (
    <div className="space-y-5">
      <PageHeader title="新建账号" description="创建后系统生成一次性密码，只显示一次；本人首次登录须修改。" />
      <UserForm units={units} />
    </div>
  );
}
