import type { MetadataRoute } from "next";

/** The installable app (issue 14): opens on the card for a unit's phone; other roles land on their home from there. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "晒台 · 一日三晒工作督查平台",
    short_name: "晒台",
    description: "一日三晒：早晒计划、午晒进展、晚晒结果。",
    lang: "zh-CN",
    start_url: "/unit",
    scope: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#a51d24",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
