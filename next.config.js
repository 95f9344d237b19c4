/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Server actions carry the spot-check and order photos: at most 9, downscaled in the browser to
  // 2048 px JPEG first (components/ui/photo-input.tsx), so a form needs a few MB per photo — 30 MB in
  // all (ACTION_BODY_LIMIT_MB in lib/photos/limits.ts; lib/photos/limits.test.ts keeps the two equal).
  // A larger action body is refused (e2e/security/body-limit.spec.ts).
  // proxy.ts sees every page request, and Next.js buffers a body for it up to proxyClientMaxBodySize
  // (10 MB by default, truncating the rest): a server action with photos must pass whole, so the same limit.
  // The JSON API is not behind the proxy: its uploads stream to their handler (lib/api/body.ts).
  experimental: { serverActions: { bodySizeLimit: "30mb" }, proxyClientMaxBodySize: "30mb" },
  // exifr loads fs and zlib lazily; bundled, it cannot ("Couldn't load fs") — load it from node_modules.
  // The service worker's route (app/serwist/[path]/route.ts) bundles it with esbuild at build time: esbuild is
  // run from node_modules, never bundled (what @serwist/turbopack's withSerwist adds).
  serverExternalPackages: ["exifr", "esbuild", "esbuild-wasm"],
  async headers() {
    return [
      // The JSON API is personal data: never kept by a browser or a proxy cache.
      { source: "/api/v1/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
