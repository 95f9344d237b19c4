/**
 * GET /tasks/export?format=xlsx|csv&<the list's filters> — the filtered list
 * as a file, within the caller's scope (a unit gets its own tasks only, an
 * assessor the units of their groups), whatever ids the query names.
 */
import { apiRoute } from "@/lib/api/handler";
import { fileResponse } from "@/lib/api/files";
import { exportFileName } from "@/lib/tasks/export";
import { parseTaskFilters } from "@/lib/tasks/filters";
import { exportTasks } from "@/lib/tasks/queries";
import { districtToday } from "@/lib/time";
import { parseSearchParams } from "@/lib/search-params";
import { z } from "@/lib/validation";

export const GET = apiRoute({}, async ({ user, request }) => {
  const params = new URL(request.url).searchParams;
  const { format } = parseSearchParams({ format: z.enum(["xlsx", "csv"]).default("xlsx") }, params);
  const filters = parseTaskFilters(params);
  // Archived tasks are the office's business only.
  if (user.role !== "ADMIN") delete filters.archived;
  const today = districtToday();
  return fileResponse(await exportTasks(user, filters, today, format), exportFileName(today, format), format, `tasks.${format}`);
});
