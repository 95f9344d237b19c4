import type { Metadata } from "next";
import { UnitImportForm } from "@/components/org/unit-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "批量导入单位" };

export default async function UnitImportPage() {
  await requireUser(["ADMIN"]);
  return (
    <div className="space-y-5">
      <PageHeader
        title="批量导入单位"
        description={
          <>
            先下载{" "}
            <a href="/admin/org/units/import/template" className="text-brand-700 underline" download>
              单位导入模板
            </a>
            ，每行一个单位（类别填“乡镇”或“区直部门”，纬度和经度要么都填，要么都不填）。单位代码和名称不能与已有单位（含已撤销的）重复。有任何一行不对，整张表都不导入，并列出要改的行；全部无误才一次导入。
          </>
        }
      />
      <UnitImportForm />
    </div>
  );
}
