import type { Metadata } from "next";
import { KeyTaskCreateForm, KeyTaskForm } from "@/components/org/structure-forms";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listKeyTasksForOffice, listLinesForOffice } from "@/lib/org/queries";

export const metadata: Metadata = { title: "重点工作" };

export default async function KeyTasksPage() {
  const user = await requireUser(["ADMIN"]);
  const [keyTasks, lines] = await Promise.all([listKeyTasksForOffice(user), listLinesForOffice(user)]);
  const options = lines.filter((l) => l.kind === "LINE").map((l) => ({ id: l.id, name: l.name }));
  return (
    <div className="space-y-5">
      <PageHeader title="阶段性重点工作" description="每项重点工作归属一条分管线，由一个跟踪考核组跟踪考核。" />
      {keyTasks.length === 0 ? (
        <EmptyState title="还没有重点工作">在下方新建；再为每项重点工作新建一个考核组。</EmptyState>
      ) : (
        <ul className="space-y-4">
          {keyTasks.map((k) => (
            <li key={k.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <KeyTaskForm keyTask={k} lines={options} />
            </li>
          ))}
        </ul>
      )}
      <Card heading="新建重点工作" headingClassName="mb-4">
        <KeyTaskCreateForm lines={options} />
        <p className="mt-2 text-sm text-stone-600">编号（KT01、KT02 …）自动生成。</p>
      </Card>
    </div>
  );
}
