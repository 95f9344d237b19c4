import { apiRoute } from "@/lib/api/handler";
import { listPublishedBulletins } from "@/lib/supervision/bulletins/queries";

/** Published 要情快讯, newest first (any signed-in user). */
export const GET = apiRoute({}, async ({ user }) => {
  const bulletins = await listPublishedBulletins(user);
  return {
    bulletins: bulletins.map((b) => ({
      id: b.id,
      year: b.year,
      number: b.number,
      date: b.date,
      title: b.title,
      summary: b.summary,
      publishedAt: b.publishedAt?.toISOString() ?? null,
    })),
  };
});
