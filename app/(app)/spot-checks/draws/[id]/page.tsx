import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckList } from "@/components/supervision/spot-checks/check-list";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { getDraw, reproduceDraw } from "@/lib/supervision/spot-checks/queries";
import { formatDistrictDateTime } from "@/lib/time";
import { UNIT_KIND_LABELS } from "@/lib/labels";

export const metadata: Metadata = { title: "抽取结果" };

export default async function DrawPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser(["ADMIN", "LEADER"]);
  const { id } = await params;
  const draw = await getDraw(user, id);
  if (!draw || !draw.params) notFound();
  const p = draw.params;
  const check = await reproduceDraw(user, { seed: draw.seed, params: p, checks: draw.checks });
  const flaggedCount = Object.keys(p.flagged).length;
  return (
    <div className="space-y-5">
      <PageHeader
        title="抽取结果"
        description={`${draw.createdBy.name} ${formatDistrictDateTime(draw.createdAt)} 抽取`}
        actions={<ButtonLink href="/spot-checks">返回抽查</ButtonLink>}
      />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-stone-600">方式</dt>
            <dd className="font-medium">{p.mode === "RISK" ? `风险加权（纯随机部分 ${Math.round(p.randomShare * 100)}%）` : "纯随机（分层）"}</dd>
          </div>
          <div>
            <dt className="text-stone-600">数量</dt>
            <dd className="font-medium">
              {p.size.by === "SHARE" ? `${(p.size.share * 100).toFixed(1)}%` : `${p.size.count} 条`}，实抽 {draw.checks.length} 条 / 候选 {p.candidates} 条
            </dd>
          </div>
          <div>
            <dt className="text-stone-600">范围</dt>
            <dd className="font-medium">
              {p.from} 至 {p.to} · {p.slots.map((s) => SLOT_LABELS[s]).join("、")} · {p.unitKinds.map((k) => UNIT_KIND_LABELS[k]).join("、")}
            </dd>
          </div>
          <div>
            <dt className="text-stone-600">随机种子</dt>
            <dd className="font-mono font-medium">{draw.seed}</dd>
          </div>
          {p.mode === "RISK" ? (
            <div>
              <dt className="text-stone-600">抽取时有异常线索的候选晒报</dt>
              <dd className="font-medium">{flaggedCount} 条</dd>
            </div>
          ) : null}
        </dl>
        <p role="status" className={`mt-3 rounded-lg px-3 py-2 text-sm ${check.same ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}>
          {check.same
            ? "复核：用相同的条件、种子和当时的异常线索重新抽取，结果与本次记录一致。"
            : `复核：重新抽取的结果与记录不一致——候选晒报由 ${check.candidatesThen} 条变为 ${check.candidatesNow} 条（抽取后又有迟报或更正）。`}
        </p>
      </Card>
      <CheckList checks={draw.checks} />
    </div>
  );
}
