import type { Metadata } from "next";
import { SheetImportPage } from "@/components/org/import-page";
import { UnitImportForm } from "@/components/org/unit-forms";
import { requireUser } from "@/lib/auth/session";
import { UNIT_KIND_LABELS } from "@/lib/labels";

export const metadata: Metadata = { title: "批量导入单位" };

export default async function UnitImportPage() {
  await requireUser(["ADMIN"]);
  return (
    <SheetImportPage
      title="批量导入单位"
      template={{ href: "/admin/org/units/import/template", label: "单位导入模板" }}
      rules={`，每行一个单位（类别填“${UNIT_KIND_LABELS.TOWN}”或“${UNIT_KIND_LABELS.DEPARTMENT}”，纬度和经度要么都填，要么都不填）。单位代码和名称不能与已有单位（含已撤销的）重复。`}
    >
      <UnitImportForm />
    </SheetImportPage>
  );
}
