/** The one order (督办件) the tests issue: what the issue form sends, checked by its schema, for a plain order to one unit. */
import type { issueOrderInput } from "@/lib/supervision/orders/schemas";
import type { z } from "@/lib/validation";

export type IssueOrderData = z.infer<typeof issueOrderInput>;

/** To `unitId` alone, due at 18:00 on `deadlineDate`; `extra` adds co-units, a source, a feedback cycle, urgency. */
export function orderInput(unitId: string, title: string, content: string, deadlineDate: string, extra: Partial<IssueOrderData> = {}): IssueOrderData {
  return { unitId, coUnitIds: [], title, content, deadlineDate, deadlineTime: "18:00", ...extra };
}
