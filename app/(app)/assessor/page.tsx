import type { Metadata } from "next";
import Link from "next/link";
import { Progress } from "@/components/ui/progress";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listGroupsWithUnitProgress } from "@/lib/assessment/queries";
import { districtToday } from "@/lib/time";
import { RowHeader, Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

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
          <Table caption={`${group.name}各单位进度`} captionId={`group-${group.id}`}>
            <TableHead>
              <Th>单位</Th>
              <Th>本项任务</Th>
              <Th>已完成</Th>
              <Th>已逾期</Th>
              <Th className="w-48">平均进度</Th>
            </TableHead>
            <TableBody>
              {group.units.map((unit) => (
                <tr key={unit.id}>
                  <RowHeader label="单位">
                    <Link href={`/assessor/groups/${group.id}/units/${unit.id}`} className="link inline-flex min-h-6 items-center">
                      {unit.name}
                    </Link>
                  </RowHeader>
                  <Td label="本项任务" className="inline-cell tabular-nums">
                    {unit.tasks}
                  </Td>
                  <Td label="已完成" className="inline-cell tabular-nums">
                    {unit.done}
                  </Td>
                  <Td label="已逾期" className={unit.overdue ? "inline-cell font-semibold text-red-700 tabular-nums" : "inline-cell tabular-nums"}>
                    {unit.overdue}
                  </Td>
                  <Td label="平均进度">
                    {unit.tasks === 0 ? (
                      // No task of this key task: nothing to average, which is not 0 % done.
                      <span className="text-stone-600">无任务</span>
                    ) : (
                      <div className="flex items-center gap-2">
                        <Progress ratio={unit.ratio} label={`${unit.name} 平均进度`} />
                        <span className="w-10 text-right tabular-nums">{Math.round(unit.ratio * 100)}%</span>
                      </div>
                    )}
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        </section>
      ))}
    </div>
  );
}
