/**
 * Validation rules of the task responsibility list (issue 3, "status rules"):
 * a target is positive, a deadline is not before the start, a milestone (a
 * step of the 课程表) falls inside its task and does not exceed its target.
 * Pure: they return Chinese messages keyed by field, and the forms, the
 * import and the writes all call them, so every door applies the same rules.
 */
import { isDistrictDate } from "@/lib/time";

export type RuleErrors = Record<string, string>;

export type TaskRuleInput = { target: number; startDate?: string | null; deadline: string; weight?: number; year?: number };
export type MilestoneRuleInput = { title?: string; dueDate: string; target: number };

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

export function taskRuleErrors(task: TaskRuleInput): RuleErrors {
  const errors: RuleErrors = {};
  if (!Number.isFinite(task.target) || task.target <= 0) errors.target = "目标值必须大于 0";
  if (task.weight !== undefined && (!Number.isFinite(task.weight) || task.weight <= 0)) errors.weight = "权重必须大于 0";
  const startValid = !task.startDate || isDistrictDate(task.startDate);
  if (!startValid) errors.startDate = "开始日期不是有效日期";
  if (!isDistrictDate(task.deadline)) errors.deadline = "截止日期不是有效日期";
  else if (task.startDate && startValid && task.deadline < task.startDate) {
    errors.deadline = `截止日期（${task.deadline}）不能早于开始日期（${task.startDate}）`;
  }
  // A year's task list runs within a year of that year: 9999-12-31 is a slip of the keyboard.
  // (Milestones sit inside the task's dates, so this bounds them too.)
  if (task.year !== undefined && Number.isInteger(task.year)) {
    const [first, last] = [`${task.year - 1}-01-01`, `${task.year + 1}-12-31`];
    const outside = `应在 ${task.year - 1} 年到 ${task.year + 1} 年之间（任务年度 ${task.year} 的前后一年）`;
    if (startValid && task.startDate && (task.startDate < first || task.startDate > last)) errors.startDate = `开始日期${outside}`;
    if (!errors.deadline && (task.deadline < first || task.deadline > last)) errors.deadline = `截止日期${outside}`;
  }
  return errors;
}

/** A milestone against its task: positive target, not above the task's, dated inside the task. */
export function milestoneRuleErrors(milestone: MilestoneRuleInput, task: TaskRuleInput): RuleErrors {
  const errors: RuleErrors = {};
  if (!Number.isFinite(milestone.target) || milestone.target <= 0) errors.target = "节点目标值必须大于 0";
  else if (milestone.target > task.target) errors.target = `节点目标值不能超过任务目标值（${formatNumber(task.target)}）`;
  if (!isDistrictDate(milestone.dueDate)) errors.dueDate = "节点日期不是有效日期";
  else if (milestone.dueDate > task.deadline) errors.dueDate = `节点日期不能晚于任务截止日期（${task.deadline}）`;
  else if (task.startDate && milestone.dueDate < task.startDate) errors.dueDate = `节点日期不能早于任务开始日期（${task.startDate}）`;
  return errors;
}

/**
 * A changed task must still hold its existing milestones: a deadline moved
 * before a milestone, a start after one, or a target cut below one is refused.
 */
export function milestonesFitErrors(task: TaskRuleInput, milestones: readonly MilestoneRuleInput[]): RuleErrors {
  const errors: RuleErrors = {};
  const name = (m: MilestoneRuleInput) => (m.title ? `“${m.title}”` : "");
  const late = milestones.find((m) => m.dueDate > task.deadline);
  if (late) errors.deadline = `已有节点${name(late)}的日期（${late.dueDate}）晚于截止日期，请先调整节点`;
  const early = task.startDate ? milestones.find((m) => m.dueDate < task.startDate!) : undefined;
  if (early) errors.startDate = `已有节点${name(early)}的日期（${early.dueDate}）早于开始日期，请先调整节点`;
  const above = milestones.find((m) => m.target > task.target);
  if (above) errors.target = `已有节点${name(above)}的目标值（${formatNumber(above.target)}）大于任务目标值，请先调整节点`;
  return errors;
}

/** A reported value: a finite number, not negative (above the target is allowed: 超额完成). */
export function progressValueError(value: number): string | null {
  if (!Number.isFinite(value)) return "完成值必须是数字";
  if (value < 0) return "完成值不能为负数";
  return null;
}

export function hasErrors(errors: RuleErrors): boolean {
  return Object.keys(errors).length > 0;
}
