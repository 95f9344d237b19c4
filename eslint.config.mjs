import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const PAGES_READ_THROUGH_LIB = "Pages and route handlers read and write through lib/<domain>/queries.ts and writes.ts (user first, scope in the query), never the Prisma client.";

/**
 * Pages of the assessment still handing `db` to lib/assessment (engineer scoring2 moves those reads into
 * lib/assessment and deletes each line here as it lands). Nothing may be added to this list.
 */
const ASSESSMENT_PAGES_PENDING = [
  "app/(app)/admin/scoring/page.tsx",
  "app/(app)/admin/scoring/rules/page.tsx",
  "app/(app)/assessor/scores/page.tsx",
  "app/(app)/board/export/route.ts",
  "app/(app)/board/page.tsx",
  "app/(app)/board/print/page.tsx",
  "app/(app)/board/units/[[]unitId]/page.tsx",
  "app/(app)/board/year/export/route.ts",
  "app/(app)/board/year/page.tsx",
  "app/api/v1/flags/route.ts",
  "app/api/v1/ranking/route.ts",
  "app/public/flags/page.tsx",
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // No file under app/ touches the database itself (README: Code layout). Enum types may be imported.
    files: ["app/**"],
    ignores: ASSESSMENT_PAGES_PENDING,
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
