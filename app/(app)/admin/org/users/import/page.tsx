import type { Metadata } from "next";
import { UserImportForm } from "@/components/org/user-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "批量导入账号" };

export default async function UserImportPage() {
  await requireUser(["ADMIN"]);
  return (
    <div className="space-y-5">
      <PageHeader
        title="批量导入账号"
        description={
          <>
            先下载{" "}
            <a href="/admin/org/users/import/template" className="text-brand-700 underline" download>
              账号导入模板
            </a>
            ，每行一个人（角色填“单位负责人”“信息员”等，单位填在册单位的全称）。有任何一行不对，整张表都不导入，并列出要改的行；全部无误才一次导入。每个新账号生成一次性密码，只显示这一次。
          </>
        }
      />
      <UserImportForm />
    </div>
  );
}
