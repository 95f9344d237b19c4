import Link from "next/link";

/** "修改记录": the audit log filtered to one record, linked from that record's page. */
export function HistoryLink({ entity, id, className = "text-brand-700 underline" }: { entity: string; id: string; className?: string }) {
  return (
    <Link href={`/admin/audit?entity=${entity}&entityId=${id}`} className={className}>
      修改记录
    </Link>
  );
}
