import type { Metadata } from "next";
import Link from "next/link";
import { TaskForm } from "@/components/tasks/task-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listTaskFormOptions } from "@/lib/tasks/queries";
import { districtToday } from "@/lib/time";

export const metadata: Metadata = { title: "新建任务" };

export default async function NewTaskPage() {
  const user = await requireUser(["ADMIN"]);
  const options = await listTaskFormOptions(user);
  return (
    <div className="max-w-4xl">
      <PageHeader
        title="新建任务"
        description={
          <>
            创建后可以添加节点（课程表）。整张清单可以用{" "}
            <Link href="/admin/tasks/import" className="text-brand-700 underline">
              Excel/CSV 导入
            </Link>
            。
          </>
        }
      />
      <TaskForm options={options} defaultYear={Number(districtToday().slice(0, 4))} />
    </div>
  );
}
