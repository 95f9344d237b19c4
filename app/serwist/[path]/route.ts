import { createSerwistRoute } from "@serwist/turbopack";

/**
 * The service worker, bundled from lib/pwa/sw.ts with esbuild at build time
 * (@serwist/turbopack: Turbopack has no plugin hook, so the worker is a
 * static route) and served at /serwist/sw.js.
 */
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "lib/pwa/sw.ts",
  useNativeEsbuild: true,
  // Nothing precached: see lib/pwa/sw.ts.
  globPatterns: [],
});
