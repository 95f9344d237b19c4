"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { siteVisitInput } from "@/lib/leaders/schemas";
import { recordSiteVisit } from "@/lib/leaders/writes";
import { refusalState } from "@/lib/write-result";

export const recordSiteVisitAction = authedAction({ roles: ["LEADER"], input: siteVisitInput }, async (user, data) => {
  const result = await recordSiteVisit(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidatePath("/leaders");
  return { ok: true, message: "已记录到现场看看。" };
});
