"use client";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "sans-serif", padding: 32 }}>
        <h1>晒台暂时无法使用</h1>
        <p>请稍后重试；如果一直出错，请联系区督查室。</p>
        <button type="button" onClick={reset}>
          重试
        </button>
      </body>
    </html>
  );
}
