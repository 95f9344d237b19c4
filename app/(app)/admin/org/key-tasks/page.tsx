import type { Metadata } from "next";
import { KeyTaskForm } from "@/components/org/structure-forms";
import { PageHeader } from "@/components/ui/page-header";
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
      <ul className="space-y-4">
        {keyTasks.map((k) => (
          <li key={k.id} className="rounded-lg border border-stone-200 bg-white p-4">
            <KeyTaskForm keyTask={k} lines={options} />
          </li>
        ))}
      </ul>
    </div>
  );
}
