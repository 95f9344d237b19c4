import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const PAGES_READ_THROUGH_LIB =
  "Pages and route handlers read and write through lib/<domain>/queries.ts and writes.ts (user first, scope in the query), never the Prisma client.";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // No file under app/ touches the database itself (README: Code layout). Enum types may be imported.
    files: ["app/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db", "@/lib/db-client", "**/lib/db", "**/lib/db-client"], message: PAGES_READ_THROUGH_LIB },
            { group: ["@/lib/generated/*", "**/lib/generated/*"], allowTypeImports: true, message: PAGES_READ_THROUGH_LIB },
          ],
        },
      ],
    },
  },
];

export default config;
