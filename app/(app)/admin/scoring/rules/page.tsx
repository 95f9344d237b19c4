import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RulesForm } from "@/components/assessment/rules-form";
import { AddVetoItemForm, RemoveVetoItemForm } from "@/components/assessment/veto-item-forms";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getScoringRulesPage } from "@/lib/assessment/queries";
import { districtToday } from "@/lib/time";
import { parseSearchParams, yearParam, type RawSearchParams } from "@/lib/search-params";
import { TabLinks } from "@/components/ui/tab-links";

export const metadata: Metadata = { title: "考核规则" };

export default async function ScoringRulesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN"]);
  const { year: asked } = parseSearchParams({ year: yearParam.optional() }, await searchParams);
  const page = await getScoringRulesPage(user, asked, districtToday());
  if (!page) notFound();
  const { years, year, rules, departments, vetoItemUse: usedCount } = page;

  return (
    <div className="space-y-6">
      <PageHeader title={`${year} 年考核规则`} description="季度得分按这些规则计算；已关闭季度的快照保存了当时的规则，修改不影响它们。" />
      <TabLinks
        label="选择年度"
        tabs={years.map((y) => ({
          href: `/admin/scoring/rules?year=${y}`,
          label: (
            <>
              {y} 年{rules.id === null && y === year ? "（未设置，显示默认值）" : ""}
            </>
          ),
          current: y === year,
        }))}
      />
      <Card>
        <RulesForm
          key={year}
          initial={{
            year,
            weightTasks: rules.weights.tasks,
            weightGroups: rules.weights.groups,
            weightSpotChecks: rules.weights.spotChecks,
            weightOrders: rules.weights.orders,
            weightTimeliness: rules.weights.timeliness,
            redFlagCount: rules.redFlagCount,
            yellowFlagCount: rules.yellowFlagCount,
            escalationLadder: rules.escalationLadder,
            lateCredit: rules.lateCredit ?? 0.5,
            excludedUnitIds: rules.excludedUnitIds ?? [],
          }}
          departments={departments}
        />
      </Card>
      <Card heading="一票否决事项" headingId="veto-h">
        <p className="mt-1 text-sm text-stone-600">单位在某季度被认定发生以下事项之一，该季度考核不合格：排在同类单位最后，不得红旗，优先授予黄旗。</p>
        <ul className="mt-3 divide-y divide-stone-100">
          {rules.vetoItems.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <span>
                {item.name}
                {usedCount.get(item.id) ? <span className="ml-2 text-sm text-stone-600">已用 {usedCount.get(item.id)} 次</span> : null}
              </span>
              {usedCount.get(item.id) ? null : <RemoveVetoItemForm vetoItemId={item.id} name={item.name} />}
            </li>
          ))}
          {rules.vetoItems.length === 0 ? <li className="py-2 text-stone-600">还没有否决事项。</li> : null}
        </ul>
        <div className="mt-4">
          <AddVetoItemForm year={year} />
        </div>
      </Card>
      <Card heading="计分方法">
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-stone-800">
          <li>任务与节点完成：本季度截至考核日到期的任务（按截止日）和节点（按节点日期），按任务权重加权平均完成率。</li>
          <li>考核组评分：各考核组已提交评分的得分率（得分 ÷ 细则满分）的平均；草稿不计。</li>
          <li>抽查结果：每次“不属实”扣本项 50%,“部分属实”扣 20%，扣完为止。</li>
          <li>督办单：期限落在本季度、未在期限前办结（验收）的督办单，每件扣本项 25%，扣完为止。</li>
          <li>晒报及时率：按时晒报次数 ÷ 应晒次数（只计全区有晒报的日子）；权重默认 0，只展示。</li>
          <li>
            某项没有数据（如本季度没有到期任务、没有考核组评分）时不计分，其权重按比例分给其他有数据的项；任务、考核组评分、及时率都没有数据的单位不参与排名。
          </li>
          <li>总分 = 各项得分之和 + 领导加减分；一票否决的单位考核不合格，排在同类最后。</li>
          <li>同分时依次比较：考核组评分、任务与节点得分、抽查和督办单扣分（少者在前）、单位排序号。</li>
        </ul>
      </Card>
    </div>
  );
}
