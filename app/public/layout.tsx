import Link from "next/link";

/** Public pages: no login, no app shell — what anyone may read (domain.md: published commitments). */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="no-print border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
          <Link href="/public/commitments" className="flex items-center gap-2">
            <span className="flex size-8 items-center justify-center rounded-lg bg-brand-700 font-bold text-white" aria-hidden>
              晒
            </span>
            <span className="font-semibold">永年区 · 公开承诺</span>
          </Link>
          <Link href="/login" className="link inline-flex min-h-11 items-center text-sm">
            工作人员登录
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-3 py-6 sm:px-4 sm:py-8">{children}</main>
      <footer className="no-print mx-auto max-w-5xl px-4 pb-8 text-sm text-stone-500">各单位公开承诺，接受群众和社会各界监督。</footer>
    </>
  );
}
