/**
 * Published public commitments (公开承诺书) for a few units, so the public
 * page has content; 广府镇 has two versions to show the history. Not for
 * 临洺关镇 (the demo town head drafts and publishes it in the e2e tests).
 * Created only where (unit, year, version) is absent.
 */
import { type SeedContext } from "./context";

type VersionPlan = { daysAgo: number; extra?: string[]; replaceFirst?: string };

const PLANS: { unit: string; versions: VersionPlan[] }[] = [
  {
    unit: "广府镇",
    versions: [{ daysAgo: 40 }, { daysAgo: 9, extra: ["广府古城景区周边商户经营秩序每周巡查一次，游客投诉 24 小时内回应。"] }],
  },
  { unit: "刘营镇", versions: [{ daysAgo: 33 }] },
  { unit: "永合会镇", versions: [{ daysAgo: 27 }] },
  { unit: "区住建局", versions: [{ daysAgo: 30, extra: ["建筑工地扬尘治理“六个百分之百”每日自查，问题当日整改。"] }] },
  { unit: "区工信局", versions: [{ daysAgo: 25 }] },
  { unit: "区城管局", versions: [{ daysAgo: 18 }] },
];

const COMMON_PLEDGES = [
  "坚持“一日三晒”，每天如实晒出工作计划、进展和成效，不虚报、不瞒报，做到数据最多报一次。",
  "对群众反映和督查指出的问题，建立台账、限时整改、公开回应，整改不到位不销号。",
];

export async function seedCommitments(ctx: SeedContext): Promise<number> {
  const { db } = ctx;
  let created = 0;
  for (const plan of PLANS) {
    const unit = await db.unit.findUnique({ where: { name: plan.unit }, select: { id: true, name: true, code: true } });
    if (!unit) continue;
    const head = await db.user.findFirst({
      where: { unitId: unit.id, role: "UNIT_HEAD" },
      orderBy: { username: "asc" },
      select: { id: true, name: true, title: true },
    });
    if (!head) continue;
    const tasks = await db.task.findMany({
      where: { unitId: unit.id, year: ctx.year, externalKey: { startsWith: `${ctx.year}-${unit.code}-` } },
      orderBy: { externalKey: "asc" },
      take: 3,
      select: { id: true, title: true, deadline: true },
    });
    for (const [index, version] of plan.versions.entries()) {
      const number = index + 1;
      const exists = await db.commitment.findUnique({
        where: { unitId_year_version: { unitId: unit.id, year: ctx.year, version: number } },
        select: { id: true },
      });
      if (exists) continue;
      const publishedAt = new Date(ctx.now.getTime() - version.daysAgo * 86_400_000);
      const pledges = [
        ...tasks.map((task) => {
          const [, m, d] = task.deadline.split("-").map(Number);
          return { text: `确保“${task.title}”于${m}月${d}日前全面完成，每个节点按期晒出进度。`, taskIds: [task.id] };
        }),
        ...COMMON_PLEDGES.map((text) => ({ text, taskIds: [] as string[] })),
        ...(version.extra ?? []).map((text) => ({ text, taskIds: [] as string[] })),
      ];
      await db.commitment.create({
        data: {
          unitId: unit.id,
          year: ctx.year,
          version: number,
          status: "PUBLISHED",
          title: `${unit.name}${ctx.year}年度公开承诺书`,
          preface: `为认真落实全区“一日三晒”工作要求，${unit.name}围绕年度任务责任清单，向社会公开作出如下承诺，自觉接受群众和社会各界监督。`,
          signedBy: `${unit.name}${head.title ?? ""} ${head.name}`,
          createdById: head.id,
          createdAt: new Date(publishedAt.getTime() - 2 * 3_600_000),
          publishedAt,
          pledges: {
            create: pledges.map((p, i) => ({ text: p.text, sortOrder: i + 1, tasks: { create: p.taskIds.map((taskId) => ({ taskId })) } })),
          },
        },
      });
      created += 1;
    }
  }
  return created;
}
