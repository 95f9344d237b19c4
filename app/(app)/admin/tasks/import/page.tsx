import type { Metadata } from "next";
import { ImportUploader } from "@/components/tasks/import-uploader";
import { Card } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "@/lib/tasks/spreadsheet";

export const metadata: Metadata = { title: "导入任务清单" };

export default async function ImportTasksPage() {
  await requireUser(["ADMIN"]);
  return (
    <div className="space-y-6">
      <BackLink href="/admin/tasks" label="返回任务清单" />
      <PageHeader title="导入任务清单" description="从 Excel(.xlsx)或 CSV 文件导入各单位的年度任务；先预览，全部无误后一次导入。" />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <ImportUploader />
        </Card>
        <Card heading="怎么填" className="space-y-3 text-sm text-stone-700">
          <p>
            <a href="/admin/tasks/template" className="font-medium text-brand-700 underline" download>
              下载导入模板（.xlsx）
            </a>
            ，按表头填写，第 2 行起每行一项任务。模板里有填写说明和可选的单位、重点工作、分线、领导名单。
          </p>
          <p>
            必填列：
            {IMPORT_COLUMNS.filter((c) => c.required)
              .map((c) => c.header)
              .join("、")}
            。一次最多 {MAX_IMPORT_ROWS} 行。
          </p>
          <ul className="list-disc space-y-1 pl-5">
            <li>任务编号相同的行更新原任务；内容没变的行不会改写，同一文件导入两次不会重复。</li>
            <li>任何一行有错（单位不存在、日期不对、目标值不大于 0、编号重复、缺列……），整批都不导入，并列出每行的行号和原因。</li>
            <li>从本系统导出的清单可以直接改后导入；完成值、状态等列导入时忽略（进度由单位填报）。</li>
            <li>CSV 可以是 UTF-8 或 Excel 默认的 GBK 编码。</li>
          </ul>
        </Card>
      </div>
    </div>
  );
}
