import { taskFiltersQuery, type TaskFilters } from "@/lib/tasks/filters";

const LINK =
  "inline-flex min-h-11 items-center justify-center rounded-lg border border-stone-300 bg-white px-4 text-base font-medium text-stone-800 hover:bg-stone-100";

/** Downloads of the list as filtered (plain links: the route handler answers with a file). */
export function ExportLinks({ filters }: { filters: TaskFilters }) {
  const query = taskFiltersQuery(filters);
  const href = (format: "xlsx" | "csv") => `/tasks/export${query ? `${query}&` : "?"}format=${format}`;
  return (
    <>
      <a href={href("xlsx")} className={LINK} download>
        导出 Excel
      </a>
      <a href={href("csv")} className={LINK} download>
        导出 CSV
      </a>
    </>
  );
}
