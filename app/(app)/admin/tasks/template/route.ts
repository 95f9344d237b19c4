/** GET /admin/tasks/template — the import template (.xlsx) with the district's valid names. */
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/auth/session";
import { FORBIDDEN_JSON, fileResponse, NOT_SIGNED_IN_JSON } from "@/lib/tasks/http";
import { writeTaskTemplate } from "@/lib/tasks/spreadsheet";
import { districtToday } from "@/lib/time";

export async function GET(): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN_JSON();
  if (user.role !== "ADMIN") return FORBIDDEN_JSON();
  const [units, keyTasks, lines, leaders] = await Promise.all([
    db.unit.findMany({ where: { archivedAt: null }, orderBy: [{ kind: "desc" }, { sortOrder: "asc" }], select: { name: true, kind: true } }),
    db.keyTask.findMany({ orderBy: { sortOrder: "asc" }, select: { name: true } }),
    db.line.findMany({ orderBy: [{ kind: "asc" }, { sortOrder: "asc" }], select: { name: true } }),
    db.user.findMany({ where: { role: "LEADER", active: true }, orderBy: { username: "asc" }, select: { name: true, title: true, username: true } }),
  ]);
  const year = Number(districtToday().slice(0, 4));
  const body = await writeTaskTemplate({ units, keyTasks, lines, leaders }, year);
  return fileResponse(body, `任务清单导入模板-${year}.xlsx`, "xlsx");
}
