import type { Role } from "@/lib/generated/prisma/enums";

/** Where a task opens for each role: the office edits it, units report on it, the others read it. */
export function taskHrefBase(role: Role): string {
  switch (role) {
    case "ADMIN":
      return "/admin/tasks";
    case "UNIT_HEAD":
    case "REPORTER":
      return "/unit/tasks";
    case "LEADER":
    case "ASSESSOR":
      return "/tasks";
  }
}
