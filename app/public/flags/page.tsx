import type { Metadata } from "next";
import Link from "next/link";
import { Section } from "@/components/ui/card";
import { FlagBadge } from "@/components/assessment/flag-badge";
import { FlagBoard } from "@/components/board/flag-board";
import { EmptyState } from "@/components/ui/page-header";
import { quarterName } from "@/lib/assessment/quarters";
import { readPublicFlagHistory } from "@/lib/assessment/board";
import { formatDistrictDateTime } from "@/lib/time";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { RowHeader, Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

// Public and read from the database on each request: never prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "流动红黄旗榜", description: "永年区各乡镇、区直部门季度考核流动红黄旗公示。" };

/**
 * The published flag board (domain.md: the public sees the quarterly flag
 * board), without login: only flags of closed quarters, only who holds which
 * flag and since when — no scores, no internal measures.
 */
export default async function PublicFlagsPage() {
  const { current, history } = await readPublicFlagHistory();
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <span className="flex size-12 items-center justify-center rounded-2xl bg-brand-700 text-xl font-bold text-white" aria-hidden>
            晒
          </span>
          <div>
            <p className="text-sm text-stone-600">永年区 · 一日三晒工作督查平台</p>
            <h1 className="text-2xl font-semibold">流动红黄旗榜</h1>
          </div>
        </div>
        <Link href="/login" className="link inline-flex min-h-11 items-center text-sm">
          工作人员登录
        </Link>
      </header>
      <p className="text-stone-700">每季度考核结束后，乡镇、区直部门分别按考核得分排名：前三名授予流动红旗，后三名授予流动黄旗；下季度按新的排名流转。</p>

      <Section heading={<>现持旗单位{history[0] ? `（${quarterName(history[0].quarter)}考核）` : ""}</>} headingClassName="text-xl" className="space-y-3">
        <FlagBoard flags={current} />
      </Section>

      <Section heading="历次授旗" headingClassName="text-xl" className="space-y-3">
        {history.length === 0 ? (
          <EmptyState title="还没有公布的考核结果" />
        ) : (
          <Table caption="历次季度考核授旗情况">
            <TableHead>
              <Th>季度</Th>
              <Th>类别</Th>
              <Th>红旗</Th>
              <Th>黄旗</Th>
            </TableHead>
            <TableBody>
              {history.flatMap((h) =>
                (["TOWN", "DEPARTMENT"] as const).map((kind, i) => (
                  <tr key={`${h.quarter}-${kind}`} className="align-top">
                    {i === 0 ? (
                      <RowHeader scope="rowgroup" rowSpan={2}>
                        {quarterName(h.quarter)}
                        {h.closedAt ? <span className="block text-xs font-normal text-stone-600">{formatDistrictDateTime(h.closedAt).slice(0, 10)} 公布</span> : null}
                      </RowHeader>
                    ) : null}
                    <Td label="类别">{UNIT_KIND_LABELS[kind]}</Td>
                    {(["RED", "YELLOW"] as const).map((color) => (
                      <Td key={color} label={color === "RED" ? "红旗" : "黄旗"}>
                        <ul className="space-y-1">
                          {h.flags
                            .filter((f) => f.kind === kind && f.color === color)
                            .map((f) => (
                              <li key={f.id} className="flex flex-wrap items-center gap-1">
                                {f.unitName}
                                {f.streak > 1 ? <FlagBadge color={color} streak={f.streak} /> : null}
                              </li>
                            ))}
                        </ul>
                      </Td>
                    ))}
                  </tr>
                )),
              )}
            </TableBody>
          </Table>
        )}
      </Section>
    </div>
  );
}
