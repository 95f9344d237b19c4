/**
 * GET /tasks/export?format=xlsx|csv&<the list's filters> — the filtered list
 * as a file, within the caller's scope (a unit gets its own tasks only, an
 * assessor the units of their groups), whatever ids the query names.
 */
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/auth/session";
import { buildTaskExport, exportFileName } from "@/lib/tasks/export";
import { parseTaskFilters } from "@/lib/tasks/filters";
import { fileResponse, NOT_SIGNED_IN_JSON } from "@/lib/tasks/http";
import { districtToday } from "@/lib/time";

export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN_JSON();
  const params = new URL(request.url).searchParams;
  const format = params.get("format") === "csv" ? "csv" : "xlsx";
  const filters = parseTaskFilters(params);
  // Archived tasks are the office's business only.
  if (user.role !== "ADMIN") delete filters.archived;
  const today = districtToday();
  return fileResponse(await buildTaskExport(db, user, filters, today, format), exportFileName(today, format), format);
}
