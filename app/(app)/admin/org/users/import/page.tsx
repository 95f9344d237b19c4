import type { Metadata } from "next";
import { SheetImportPage } from "@/components/org/import-page";
import { UserImportForm } from "@/components/org/user-forms";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "批量导入账号" };

export default async function UserImportPage() {
  await requireUser(["ADMIN"]);
  return (
    <SheetImportPage
      title="批量导入账号"
      template={{ href: "/admin/org/users/import/template", label: "账号导入模板" }}
      rules="，每行一个人（角色填“单位负责人”“信息员”等，单位填在册单位的全称）。"
      after="每个新账号生成一次性密码，只显示这一次。"
    >
      <UserImportForm />
    </SheetImportPage>
  );
}
