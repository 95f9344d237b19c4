import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

export default async function Index() {
  const user = await requireUser();
  redirect(homePathFor(user.role));
}
