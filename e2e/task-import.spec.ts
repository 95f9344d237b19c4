import { test } from "@playwright/test";
import ExcelJS from "exceljs";
import { makeTaskSheet, type TaskSheetRow } from "@/lib/testing/task-sheet";
import { districtDay, loginAs } from "./helpers";
import { expect, unique } from "./task-helpers";

// Long flows on a loaded 2-core machine: many page loads per test.
test.describe.configure({ timeout: 180_000 });

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function rows(prefix: string, badUnit?: string): TaskSheetRow[] {
  const year = Number(districtDay().slice(0, 4));
  return [
    { 任务编号: `${prefix}-1`, 责任单位: "临洺关镇", 任务名称: `${prefix} 拆迁30户`, 目标值: 30, 计量单位: "户", 截止日期: districtDay(90), 年度: year },
    {
      任务编号: `${prefix}-2`,
      责任单位: "区交运局",
      任务名称: `${prefix} 农村公路5公里`,
      目标值: 5,
      计量单位: "公里",
      截止日期: districtDay(120),
      配合单位: "临洺关镇",
    },
    {
      任务编号: `${prefix}-3`,
      责任单位: badUnit ?? "广府镇",
      任务名称: `${prefix} 古城整治3处`,
      目标值: 3,
      计量单位: "处",
      开始日期: districtDay(-10),
      截止日期: districtDay(60),
    },
  ];
}

test("an import with an error row lists the row and imports nothing; the corrected file imports, and again changes nothing", async ({ page }) => {
  const prefix = unique("E2E");
  await loginAs(page, "admin");
  await page.goto("/admin/tasks/import");
  const form = page.getByRole("form", { name: "导入任务清单" });

  await form.getByLabel(/选择文件/).setInputFiles({ name: "清单.xlsx", mimeType: XLSX, buffer: await makeTaskSheet(rows(prefix, "不存在镇")) });
  await form.getByRole("button", { name: "上传并预览" }).click();
  const errors = form.getByRole("table", { name: "有错误的行" });
  await expect(errors).toBeVisible();
  await expect(errors.getByRole("row", { name: /第 4 行/ })).toContainText("责任单位“不存在镇”不存在");
  await expect(form.getByRole("button", { name: "确认导入" })).toHaveCount(0);
  // The commit step refuses the same file on its own as well: 400, nothing written.
  const direct = await page.request.post("/admin/tasks/import/commit", {
    headers: { "X-Requested-With": "XMLHttpRequest" },
    multipart: { file: { name: "清单.xlsx", mimeType: XLSX, buffer: await makeTaskSheet(rows(prefix, "不存在镇")) } },
  });
  expect(direct.status()).toBe(400);
  expect((await direct.json()).error.details.errors[0]).toMatchObject({ rowNumber: 4 });
  await page.goto(`/admin/tasks?q=${prefix}`);
  await expect(page.getByText("没有符合条件的任务")).toBeVisible();

  const good = await makeTaskSheet(rows(prefix), "csv");
  await page.goto("/admin/tasks/import");
  await form.getByLabel(/选择文件/).setInputFiles({ name: "清单.csv", mimeType: "text/csv", buffer: good });
  await form.getByRole("button", { name: "上传并预览" }).click();
  await expect(form.getByText("共 3 行：新增 3 项，更新 0 项，无变化 0 项。")).toBeVisible();
  await form.getByRole("button", { name: "确认导入" }).click();
  await expect(form.getByRole("status").filter({ hasText: "导入完成" })).toContainText("新增 3 项");

  await page.goto(`/admin/tasks?q=${prefix}`);
  await expect(page.locator("tbody tr")).toHaveCount(3);
  await expect(page.locator("tbody tr").filter({ hasText: "农村公路" })).toContainText("区交运局");

  // The same file again: nothing new, nothing rewritten.
  await page.goto("/admin/tasks/import");
  await form.getByLabel(/选择文件/).setInputFiles({ name: "清单.csv", mimeType: "text/csv", buffer: good });
  await form.getByRole("button", { name: "上传并预览" }).click();
  await expect(form.getByText("共 3 行：新增 0 项，更新 0 项，无变化 3 项。")).toBeVisible();
  await expect(form.getByText("导入不会改变任何数据")).toBeVisible();
  await form.getByRole("button", { name: "确认导入" }).click();
  await expect(form.getByRole("status").filter({ hasText: "导入完成" })).toContainText("新增 0 项，更新 0 项，无变化 3 项");
  await page.goto(`/admin/tasks?q=${prefix}`);
  await expect(page.locator("tbody tr")).toHaveCount(3);
});

test("the template downloads as .xlsx with Chinese headers and an example row", async ({ page }) => {
  await loginAs(page, "admin");
  const response = await page.request.get("/admin/tasks/template");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe(XLSX);
  expect(response.headers()["content-disposition"]).toContain(encodeURIComponent("任务清单导入模板"));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("任务清单")!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 4)).toEqual(["任务编号", "年度", "责任单位", "任务名称"]);
  expect(sheet.getRow(2).getCell(3).value).toBe("临洺关镇");
  expect(workbook.getWorksheet("可选值")).toBeTruthy();
});
