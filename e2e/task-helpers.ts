import { expect as baseExpect, type Page } from "@playwright/test";

/** A loaded 2-core machine answers slowly; these specs wait longer than the default. */
export const expect = baseExpect.configure({ timeout: 15_000 });

/** A name no other run or spec uses. */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** The office creates a task through its form and lands on the task's page; returns the task id. */
export async function createTaskAsOffice(
  page: Page,
  task: { unit: string; title: string; target: string; measure: string; start?: string; deadline: string },
): Promise<string> {
  await page.goto("/admin/tasks/new");
  const form = page.getByRole("form", { name: "新建任务" });
  await form.getByLabel("责任单位").selectOption({ label: task.unit });
  await form.getByLabel("任务名称").fill(task.title);
  await form.getByLabel("目标值").fill(task.target);
  await form.getByLabel("计量单位").fill(task.measure);
  if (task.start) await form.getByLabel("开始日期").fill(task.start);
  await form.getByLabel("截止日期").fill(task.deadline);
  await form.getByRole("button", { name: "创建任务" }).click();
  await expect(page).toHaveURL(/\/admin\/tasks\/[^/?]+\?created=1$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** The office adds a milestone on the task's page. */
export async function addMilestone(page: Page, milestone: { title: string; dueDate: string; target: string }): Promise<void> {
  const form = page.getByRole("form", { name: "添加节点" });
  await form.getByLabel("节点内容").fill(milestone.title);
  await form.getByLabel("节点日期").fill(milestone.dueDate);
  await form.getByLabel(/^目标值/).fill(milestone.target);
  await form.getByRole("button", { name: "添加" }).click();
}
