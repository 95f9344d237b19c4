export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">正在加载…</span>
      <div className="h-8 w-48 animate-pulse rounded bg-stone-200" />
      <div className="grid gap-3 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-24 animate-pulse rounded-xl bg-stone-200" />
        ))}
      </div>
      <div className="h-64 animate-pulse rounded-xl bg-stone-200" />
    </div>
  );
}
