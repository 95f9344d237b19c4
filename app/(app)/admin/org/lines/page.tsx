import type { Metadata } from "next";
import Link from "next/link";
import { LineForm } from "@/components/org/structure-forms";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listLinesForOffice, listPeopleOptions, listUnitOptions } from "@/lib/org/queries";

export const metadata: Metadata = { title: "分管线和指挥部" };

export default async function LinesPage() {
  const user = await requireUser(["ADMIN"]);
  const [lines, leaders, units] = await Promise.all([listLinesForOffice(user), listPeopleOptions(user, ["LEADER"]), listUnitOptions(user)]);
  const section = (kind: "LINE" | "COMMAND_CENTRE", title: string) => (
    <Card aria-label={title}>
      <CardTitle className="mb-2">{title}</CardTitle>
      <ul className="divide-y divide-stone-100">
        {lines
          .filter((l) => l.kind === kind)
          .map((l) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={`/admin/org/lines/${l.id}`} className="text-brand-700 underline">
                {l.name}
              </Link>
              <span className="text-sm text-stone-600">
                牵头：{l.leader?.name ?? "未指定"} · {l._count.units} 个单位{kind === "LINE" ? ` · 重点工作 ${l._count.keyTasks} 项` : ""}
              </span>
            </li>
          ))}
      </ul>
    </Card>
  );
  return (
    <div className="space-y-5">
      <PageHeader
        title="分管线和指挥部"
        description={
          <>
            每条分管线、每个工作推进指挥部由一位区级领导牵头。重点工作归属哪条线在{" "}
            <Link href="/admin/org/key-tasks" className="text-brand-700 underline">
              重点工作
            </Link>{" "}
            设置。
          </>
        }
      />
      {section("LINE", "分管线")}
      {section("COMMAND_CENTRE", "工作推进指挥部")}
      <Card heading="新建" headingClassName="mb-4">
        <LineForm leaders={leaders} units={units} />
      </Card>
    </div>
  );
}
