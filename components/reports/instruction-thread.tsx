import { Badge } from "@/components/ui/badge";
import type { Role } from "@/lib/generated/prisma/enums";
import { isInstructionOverdue, type InstructionFacts } from "@/lib/reports/instruction-status";
import { formatDistrictDateTime, type DistrictDate } from "@/lib/time";

type ThreadEntry = { id: string; text: string; createdAt: Date; author: { name: string; role: Role } };

/** Whether a thread entry is the leader's (or the office's) 追问 rather than the unit's 回复. */
export function isReask(entry: { author: { role: Role } }): boolean {
  return entry.author.role === "LEADER" || entry.author.role === "ADMIN";
}

/** The 办理期限 of a 批示, red with 逾期 once its day has passed and it is not closed. */
export function InstructionDeadline({ instruction, today }: { instruction: InstructionFacts; today: DistrictDate }) {
  if (!instruction.deadline) return null;
  const overdue = isInstructionOverdue(instruction, today);
  return (
    <span className={overdue ? "inline-flex items-center gap-1 font-medium text-red-800" : "text-stone-600"} data-instruction-deadline>
      期限 {instruction.deadline}
      {overdue ? <Badge tone="bad">逾期</Badge> : null}
    </span>
  );
}

/** The unit's answers and the leader's 追问, oldest first. */
export function InstructionThread({ entries }: { entries: ThreadEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1">
      {entries.map((a) =>
        isReask(a) ? (
          <li key={a.id} className="border-l-2 border-amber-400 pl-2 text-stone-800">
            {a.author.name}追问：{a.text} <span className="text-sm text-stone-500">· {formatDistrictDateTime(a.createdAt)}</span>
          </li>
        ) : (
          <li key={a.id} className="border-l-2 border-emerald-300 pl-2 text-stone-800">
            {a.author.name}回复：{a.text} <span className="text-sm text-stone-500">· {formatDistrictDateTime(a.createdAt)}</span>
          </li>
        ),
      )}
    </ul>
  );
}
