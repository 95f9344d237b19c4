import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-md px-4 py-16 text-center">
      <p className="text-5xl font-semibold text-stone-300">404</p>
      <h1 className="mt-2 text-xl font-semibold text-stone-900">没有找到这个页面</h1>
      <p className="mt-1 text-stone-600">链接可能有误，或者内容已不存在。</p>
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 text-white hover:bg-brand-800">
        回到首页
      </Link>
    </main>
  );
}
