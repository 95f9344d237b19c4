/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Photos are uploaded through server actions and the API; the browser
  // downscales them first, the server still refuses anything over 10 MB each.
  experimental: { serverActions: { bodySizeLimit: "100mb" } },
  // exifr loads fs and zlib lazily; bundled, it cannot ("Couldn't load fs") — load it from node_modules.
  serverExternalPackages: ["exifr"],
  async headers() {
    return [
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
