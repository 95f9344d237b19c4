import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChannelMembersForm } from "@/components/org/structure-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getChannelForOffice, listPeopleOptions, listUnitOptions } from "@/lib/org/queries";
import { idParam } from "@/lib/search-params";
import { HistoryLink } from "@/components/audit/history-link";

export const metadata: Metadata = { title: "工作群" };

export default async function ChannelPage({ params }: { params: Promise<{ channelId: string }> }) {
  const user = await requireUser(["ADMIN"]);
  const id = idParam.safeParse((await params).channelId);
  if (!id.success) notFound();
  const [channel, people, units] = await Promise.all([getChannelForOffice(user, id.data), listPeopleOptions(user, ["LEADER", "ADMIN"]), listUnitOptions(user)]);
  if (!channel) notFound();
  return (
    <div className="space-y-5">
      <PageHeader title={channel.name} description={<HistoryLink entity="Channel" id={channel.id} />} />
      <ChannelMembersForm channel={channel} units={units} people={people} />
    </div>
  );
}
