import { Suspense } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { DeniedNotice } from "@/components/shell/denied-notice";
import { requireUser } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // The shell only; each page checks a one-time password itself (and /account lets it be changed).
  const user = await requireUser(undefined, { passwordChange: true });
  return (
    <>
      <AppHeader user={user} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-3 py-5 sm:px-5 sm:py-8">
        <Suspense fallback={null}>
          <DeniedNotice />
        </Suspense>
        {children}
      </main>
    </>
  );
}
