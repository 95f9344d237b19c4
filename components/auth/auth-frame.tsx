/** The calm frame around the login and first-run pages. */
export function AuthFrame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="flex min-h-dvh items-start justify-center px-4 py-10 sm:items-center">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="mx-auto mb-3 flex size-14 items-center justify-center rounded-2xl bg-brand-700 text-2xl font-bold text-white" aria-hidden>
            晒
          </div>
          <p className="text-sm text-stone-600">永年区 · 一日三晒工作督查平台</p>
          <h1 className="mt-1 text-2xl font-semibold text-stone-900">{title}</h1>
        </div>
        <div className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
