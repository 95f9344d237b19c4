import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LineForm } from "@/components/org/structure-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getLineForOffice, listPeopleOptions, listUnitOptions } from "@/lib/org/queries";
import { idParam } from "@/lib/search-params";
import { HistoryLink } from "@/components/audit/history-link";

export const metadata: Metadata = { title: "分管线" };

export default async function LinePage({ params }: { params: Promise<{ lineId: string }> }) {
  const user = await requireUser(["ADMIN"]);
  const id = idParam.safeParse((await params).lineId);
  if (!id.success) notFound();
  const [line, leaders, units] = await Promise.all([getLineForOffice(user, id.data), listPeopleOptions(user, ["LEADER"]), listUnitOptions(user)]);
  if (!line) notFound();
  return (
    <div className="space-y-5">
      <PageHeader title={line.name} description={<HistoryLink entity="Line" id={line.id} />} />
      <LineForm line={line} leaders={leaders} units={units} />
    </div>
  );
}
