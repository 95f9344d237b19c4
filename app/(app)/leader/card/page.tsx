import type { Metadata } from "next";
import { DailyCard } from "@/components/reports/daily-card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadCardEditor } from "@/lib/reports/editor";
import { getOwnLeaderCard } from "@/lib/reports/queries";
import { currentSlot } from "@/lib/reports/slots";
import { getSlotDeadlines } from "@/lib/settings";
import { districtToday, formatDistrictDateLong } from "@/lib/time";
import { Section } from "@/components/ui/card";

export const metadata: Metadata = { title: "我的晒报" };

/**
 * A district leader's own card (分线作战): 早上点名 (what each line does
 * today), 午晒, and the evening report, on the tasks of their lines — filed
 * through the same API as a unit's card. Never scored or ranked.
 */
export default async function LeaderCardPage() {
  const user = await requireUser(["LEADER"]);
  const now = new Date();
  const today = districtToday(now);
  const [card, deadlines] = await Promise.all([getOwnLeaderCard(user, today), getSlotDeadlines(user)]);
  const carried = new Set((card?.items ?? []).map((i) => i.carriedFromId).filter((id): id is string => id !== null));
  const editor = await loadCardEditor(user, today, carried);
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${user.name} · 我的晒报`}
        description={`${formatDistrictDateLong(today)}。早上点名（今天各条线做什么），白天分头工作，晚上回来汇报。晒在“区级领导干部工作群”，不计分、不排名。`}
      />
      <Section heading="今日三晒" headingId="card-heading" headingClassName="mb-3" className="max-w-2xl">
        <DailyCard owner={user.id} card={card} editor={editor} date={today} deadlines={deadlines} now={now} current={currentSlot(deadlines, now)} />
      </Section>
    </div>
  );
}
