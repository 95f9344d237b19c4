/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Photos are uploaded through server actions and the API; the browser
  // downscales them first, the server still refuses anything over 10 MB each.
  // proxy.ts sees every page request, and Next.js buffers a body for it up to this size (10 MB by
  // default, truncating the rest): a server action with photos must pass whole, so the same limit.
  // The JSON API is not behind the proxy: its uploads stream to their handler (lib/api/body.ts).
  experimental: { serverActions: { bodySizeLimit: "100mb" }, proxyClientMaxBodySize: "100mb" },
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
