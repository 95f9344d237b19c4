import type { Metadata } from "next";
import Link from "next/link";
import { Progress } from "@/components/ui/progress";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listGroupsWithUnitProgress } from "@/lib/assessment/queries";
import { districtToday } from "@/lib/time";

export const metadata: Metadata = { title: "考核组" };

export default async function AssessorHomePage() {
  const user = await requireUser(["ASSESSOR"]);
  const groups = await listGroupsWithUnitProgress(user, districtToday());
  if (groups.length === 0) {
    return <EmptyState title="您还不是任何跟踪考核组的成员">请联系区督查室把您加入考核组。</EmptyState>;
  }
  return (
    <div className="space-y-8">
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`}>
          <PageHeader
            title={group.name}
            description={`重点工作：${group.keyTaskName} · 考核 ${group.units.length} 个单位`}
            actions={
              <Link
                href={`/tasks?keyTask=${group.keyTaskId}`}
                className="flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3 text-stone-800 hover:bg-stone-100"
              >
                查看这项工作的任务清单
              </Link>
            }
          />
          <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
            <table className="reflow w-full text-left text-sm">
              <caption id={`group-${group.id}`} className="sr-only">
                {group.name}各单位进度
              </caption>
              <thead className="bg-stone-100 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    单位
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    本项任务
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    已完成
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    已逾期
                  </th>
                  <th scope="col" className="w-48 px-3 py-2 font-medium">
                    平均进度
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {group.units.map((unit) => (
                  <tr key={unit.id}>
                    <th scope="row" className="px-3 py-2 font-medium">
                      <Link href={`/assessor/groups/${group.id}/units/${unit.id}`} className="link inline-flex min-h-6 items-center">
                        {unit.name}
                      </Link>
                    </th>
                    <td data-label="本项任务" className="inline-cell px-3 py-2 tabular-nums">
                      {unit.tasks}
                    </td>
                    <td data-label="已完成" className="inline-cell px-3 py-2 tabular-nums">
                      {unit.done}
                    </td>
                    <td
                      data-label="已逾期"
                      className={unit.overdue ? "inline-cell px-3 py-2 font-semibold tabular-nums text-red-700" : "inline-cell px-3 py-2 tabular-nums"}
                    >
                      {unit.overdue}
                    </td>
                    <td data-label="平均进度" className="px-3 py-2">
                      {unit.tasks === 0 ? (
                        // No task of this key task: nothing to average, which is not 0 % done.
                        <span className="text-stone-600">无任务</span>
                      ) : (
                        <div className="flex items-center gap-2">
                          <Progress ratio={unit.ratio} label={`${unit.name} 平均进度`} />
                          <span className="w-10 text-right tabular-nums">{Math.round(unit.ratio * 100)}%</span>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
