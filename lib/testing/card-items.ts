/** The one card-item fixture of the tests: an unlinked morning item with nothing recorded yet, changed by `extra`. */
import type { CardItem } from "@/lib/reports/card-rules";

export function cardItem(id: string, text: string, extra: Partial<CardItem> = {}): CardItem {
  return {
    id,
    text,
    addedIn: "MORNING",
    taskId: null,
    milestoneId: null,
    carriedFromId: null,
    workLogItemId: null,
    progressNote: null,
    outcome: null,
    reason: null,
    progressValue: null,
    sortOrder: 1,
    ...extra,
  };
}
