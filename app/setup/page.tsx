import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SetupForm } from "@/components/auth/setup-form";
import { needsFirstAdmin } from "@/lib/accounts/setup";

// Reads the database on every request; never prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "首次使用" };

export default async function SetupPage() {
  if (!(await needsFirstAdmin())) redirect("/login");
  return (
    <AuthFrame title="首次使用">
      <SetupForm />
    </AuthFrame>
  );
}
