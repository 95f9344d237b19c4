import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GroupMembersForm, RubricForm } from "@/components/org/structure-forms";
import { ScopeChangeForm } from "@/components/org/unit-forms";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getGroupForOffice, getRubricForOffice, listPeopleOptions, listUnitOptions } from "@/lib/org/queries";
import { idParam, parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { districtToday, formatDistrictDateTime, isDistrictDate } from "@/lib/time";
import Link from "next/link";
import { DayForm } from "@/components/ui/filter-bar";
import { z } from "@/lib/validation";
import { HistoryLink } from "@/components/audit/history-link";

export const metadata: Metadata = { title: "考核组" };

export default async function GroupAdminPage({ params, searchParams }: { params: Promise<{ groupId: string }>; searchParams: Promise<RawSearchParams> }) {
  const viewer = await requireUser(["ADMIN"]);
  const id = idParam.safeParse((await params).groupId);
  if (!id.success) notFound();
  const today = districtToday();
  const { on, year } = parseSearchParams(
    { on: z.string().refine(isDistrictDate).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() },
    await searchParams,
  );
  const rubricYear = year ?? Number(today.slice(0, 4));
  const [group, rubric, units, people] = await Promise.all([
    getGroupForOffice(viewer, id.data, on ?? today),
    getRubricForOffice(viewer, id.data, rubricYear),
    listUnitOptions(viewer),
    listPeopleOptions(viewer, ["ASSESSOR", "LEADER"]),
  ]);
  if (!group || !rubric) notFound();
  return (
    <div className="space-y-5">
      <PageHeader
        title={group.name}
        description={
          <>
            {group.keyTask.name} · 成员：{group.members.map((m) => m.user.name).join("、") || "—"} · <HistoryLink entity="AssessmentGroup" id={group.id} />
          </>
        }
      />
      <Card
        heading={
          <>
            {group.on === today ? "今天的考核范围" : `${group.on} 的考核范围`}（{group.inForce.length} 个单位）
          </>
        }
        headingClassName="mb-2"
      >
        <DayForm label="查看某日" formLabel="查看某日的考核范围" id="scope-on" name="on" value={group.on} className="mb-3" />
        <p className="text-stone-800">{group.inForce.join("、") || "没有单位"}</p>
      </Card>
      <Card heading="调整考核范围" headingClassName="mb-4">
        <ScopeChangeForm groupId={group.id} units={units} today={today} />
      </Card>
      <Card heading={<>{rubric.year} 年考核细则</>} headingClassName="mb-2">
        <p className="mb-3 text-sm text-stone-700">
          <Link href={`/admin/org/groups/${group.id}?year=${rubric.year - 1}`} className="text-brand-700 underline">
            {rubric.year - 1} 年
          </Link>
          {" · "}
          <Link href={`/admin/org/groups/${group.id}?year=${rubric.year + 1}`} className="text-brand-700 underline">
            {rubric.year + 1} 年
          </Link>
          。考核组得分按“所得分 ÷ 本年度细则合计满分”折算。
          {rubric.locked ? "本年度已经开始评分，满分和项目增减已固定，只能修改项目名称和顺序。" : "本年度还没有评分，修改对全年生效。"}
        </p>
        <RubricForm key={rubric.year} groupId={group.id} year={rubric.year} items={rubric.items} locked={rubric.locked} />
      </Card>
      <Card heading="成员" headingClassName="mb-2">
        <GroupMembersForm groupId={group.id} people={people} memberIds={group.members.map((m) => m.user.id)} />
      </Card>
      <Card heading="范围调整记录" headingClassName="mb-2">
        {group.scopeChanges.length ? (
          <ul className="divide-y divide-stone-100 text-sm">
            {group.scopeChanges.map((c) => (
              <li key={c.id} className="py-2">
                {c.effectiveDate} 起{c.change === "ADD" ? "加入" : "移出"}:{c.unit.name}
                <span className="text-stone-600">（记录于 {formatDistrictDateTime(c.createdAt)}）</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-stone-600">还没有调整过。</p>
        )}
      </Card>
    </div>
  );
}
