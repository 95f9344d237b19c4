import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "晒台 · 一日三晒工作督查平台", template: "%s · 晒台" },
  description: "永年区一日三晒工作督查平台：任务清单、一日三晒、督查抽查、考核排名。",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#a51d24",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-dvh">
        {/* The first stop of the keyboard: past the navigation to the page itself (every layout's <main id="main">). */}
        <a href="#main" className="skip-link">
          跳到正文
        </a>
        {children}
      </body>
    </html>
  );
}
