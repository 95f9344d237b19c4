/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Photos are uploaded through server actions and the API; the browser
  // downscales them first, the server still refuses anything over 10 MB each.
  experimental: { serverActions: { bodySizeLimit: "100mb" } },
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
