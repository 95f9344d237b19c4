"use client";

import { Button } from "@/components/ui/button";

export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-stone-900">页面出错了</h1>
      <p className="mt-1 text-stone-600">数据没有加载出来。请稍后重试；如果一直出错，请联系区督查室。</p>
      <Button className="mt-4" onClick={reset}>
        重试
      </Button>
    </div>
  );
}
