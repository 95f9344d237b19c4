/**
 * Writes the organisation: settings, units, people, lines and command centres,
 * key tasks, assessment groups with rubrics, channels. Each row is created only
 * when its natural key is absent, so a re-run changes nothing and never
 * overwrites what the office has since edited.
 */
import type { Role, UnitKind } from "@/lib/generated/prisma/enums";
import { districtInstant } from "@/lib/time";
import { type SeedContext, insertInBatches } from "./context";
import {
  ALL_TOWNS,
  CHANNELS,
  COMMAND_CENTRES,
  DEMO_PEOPLE,
  DEPARTMENTS,
  KEY_TASKS,
  type KeyTaskCode,
  LEADERS,
  LINES,
  type LineDef,
  OFFICE_STAFF,
  SEAT,
  TOWNS,
  departmentCode,
  departmentHeadTitle,
} from "./org-data";
import { personName } from "./names";
import { newId, rngFor } from "./rng";

export const SLOT_DEADLINES = {
  "slot.morning.deadline": "09:30",
  "slot.noon.deadline": "13:30",
  "slot.evening.deadline": "21:00",
} as const;

export type UnitRef = {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  lat: number;
  lng: number;
  /** roads, villages and sites named in the unit's tasks and reports */
  places: string[];
  headId: string;
  reporterId: string;
};

export type LeaderRef = { id: string; username: string; name: string; title: string };

export type OrgRefs = {
  units: UnitRef[];
  unitByName: Map<string, UnitRef>;
  leaders: LeaderRef[];
  lines: Map<string, { id: string; leaderId: string | null }>;
  keyTasks: Map<KeyTaskCode, { id: string; name: string; lineId: string | null; leaderId: string | null }>;
  groups: Map<KeyTaskCode, { id: string; name: string; memberIds: string[] }>;
  adminIds: string[];
  assessorId: string;
};

type UserRow = { id: string; username: string; name: string; title: string; role: Role; unitId: string | null };

const DEMO_UNIT_USERS: Record<string, { head?: string; reporter?: string }> = {
  临洺关镇: { head: "town-head", reporter: "town-reporter" },
  区交运局: { head: "dept-head" },
};

function unitUsernames(code: string, name: string) {
  const demo = DEMO_UNIT_USERS[name] ?? {};
  const base = `u${code.toLowerCase()}`;
  return { head: demo.head ?? `${base}-head`, reporter: demo.reporter ?? `${base}-rep` };
}

function namesOf(towns: string[] | typeof ALL_TOWNS): string[] {
  return towns === ALL_TOWNS ? TOWNS.map((t) => t.name) : towns;
}

export async function seedOrganisation(ctx: SeedContext): Promise<OrgRefs> {
  const { db } = ctx;

  // Settings: the office may have changed a deadline since; keep its value.
  for (const [key, value] of Object.entries(SLOT_DEADLINES)) {
    await db.setting.upsert({ where: { key }, create: { key, value }, update: {} });
  }

  // Units. Departments sit in the district seat, spread a little so maps are readable.
  const unitDefs = [
    ...TOWNS.map((t, i) => ({ code: t.code, name: t.name, kind: "TOWN" as const, lat: t.lat, lng: t.lng, sortOrder: i + 1, places: t.places })),
    ...DEPARTMENTS.map((name, i) => {
      const rng = rngFor("dept-site", name);
      return {
        code: departmentCode(i),
        name,
        kind: "DEPARTMENT" as const,
        lat: round(SEAT.lat + rng.float(-0.012, 0.012), 5),
        lng: round(SEAT.lng + rng.float(-0.015, 0.015), 5),
        sortOrder: i + 1,
        places: departmentPlaces(name),
      };
    }),
  ];
  const existingUnits = await db.unit.findMany({ select: { code: true, name: true } });
  const takenUnitKeys = new Set(existingUnits.flatMap((u) => [`code:${u.code}`, `name:${u.name}`]));
  await insertInBatches(
    db,
    unitDefs
      .filter((u) => !takenUnitKeys.has(`code:${u.code}`) && !takenUnitKeys.has(`name:${u.name}`))
      // The district's units existed before the seeded year: every quarter of it is theirs (lib/assessment/inputs.ts).
      .map((u) => ({
        id: newId(),
        code: u.code,
        name: u.name,
        kind: u.kind,
        seatPlace: u.kind === "TOWN" ? `${u.name}人民政府` : "区行政中心",
        lat: u.lat,
        lng: u.lng,
        sortOrder: u.sortOrder,
        createdAt: districtInstant(`${ctx.year - 1}-01-01`),
      })),
    (batch) => db.unit.createMany({ data: batch }),
  );
  const unitRows = await db.unit.findMany({ where: { code: { in: unitDefs.map((u) => u.code) } }, select: { id: true, code: true } });
  const unitIdByCode = new Map(unitRows.map((u) => [u.code, u.id]));

  // People. Every account gets the same hash of the demo password.
  const wanted: Omit<UserRow, "id">[] = [];
  for (const s of OFFICE_STAFF) wanted.push({ username: s.username, name: s.name, title: s.title, role: "ADMIN", unitId: null });
  for (const l of LEADERS) wanted.push({ username: l.username, name: l.name, title: l.title, role: "LEADER", unitId: null });
  for (const kt of KEY_TASKS) {
    const size = kt.code === "KT02" ? 2 : rngFor("group-size", kt.code).int(2, 4);
    for (let i = 1; i <= size; i++) {
      if (kt.code === "KT02" && i === 1) {
        wanted.push({ username: "assessor", ...DEMO_PEOPLE.assessor, role: "ASSESSOR", unitId: null });
        continue;
      }
      const username = `assessor-${kt.code.toLowerCase()}-${i}`;
      const title = `${kt.name}跟踪考核组${i === 1 ? "组长" : "组员"}`;
      wanted.push({ username, name: personName(rngFor("user", username)), title, role: "ASSESSOR", unitId: null });
    }
  }
  for (const u of unitDefs) {
    const unitId = unitIdByCode.get(u.code)!;
    const { head, reporter } = unitUsernames(u.code, u.name);
    const headPerson =
      head === "town-head"
        ? DEMO_PEOPLE.townHead
        : head === "dept-head"
          ? DEMO_PEOPLE.deptHead
          : { name: personName(rngFor("user", head)), title: u.kind === "TOWN" ? townHeadTitle(u.name, head) : departmentHeadTitle(u.name) };
    const repPerson =
      reporter === "town-reporter"
        ? DEMO_PEOPLE.townReporter
        : { name: personName(rngFor("user", reporter)), title: u.kind === "TOWN" ? "党政办信息员" : "办公室信息员" };
    wanted.push({ username: head, ...headPerson, role: "UNIT_HEAD", unitId });
    wanted.push({ username: reporter, ...repPerson, role: "REPORTER", unitId });
  }
  const existingUsers = new Set((await db.user.findMany({ select: { username: true } })).map((u) => u.username));
  await insertInBatches(
    db,
    wanted.filter((u) => !existingUsers.has(u.username)).map((u) => ({ id: newId(), ...u, passwordHash: ctx.passwordHash })),
    (batch) => db.user.createMany({ data: batch }),
  );
  const userRows = await db.user.findMany({
    where: { username: { in: wanted.map((u) => u.username) } },
    select: { id: true, username: true, name: true, title: true },
  });
  const userByName = new Map(userRows.map((u) => [u.username, u]));
  const userId = (username: string) => {
    const user = userByName.get(username);
    if (!user) throw new Error(`seed: user ${username} missing`);
    return user.id;
  };

  const units: UnitRef[] = unitDefs.map((u) => {
    const names = unitUsernames(u.code, u.name);
    return {
      id: unitIdByCode.get(u.code)!,
      code: u.code,
      name: u.name,
      kind: u.kind,
      lat: u.lat,
      lng: u.lng,
      places: u.places,
      headId: userId(names.head),
      reporterId: userId(names.reporter),
    };
  });
  const unitByName = new Map(units.map((u) => [u.name, u]));
  const unitIdOf = (name: string) => {
    const unit = unitByName.get(name);
    if (!unit) throw new Error(`seed: unknown unit ${name}`);
    return unit.id;
  };
  const leaders: LeaderRef[] = LEADERS.map((l) => ({ ...l, id: userId(l.username) }));

  // Lines and command centres (one table, told apart by kind).
  const lineDefs: (LineDef & { kind: "LINE" | "COMMAND_CENTRE"; sortOrder: number })[] = [
    ...LINES.map((l, i) => ({ ...l, kind: "LINE" as const, sortOrder: i + 1 })),
    ...COMMAND_CENTRES.map((l, i) => ({ ...l, kind: "COMMAND_CENTRE" as const, sortOrder: i + 1 })),
  ];
  for (const l of lineDefs) {
    await db.line.upsert({
      where: { name: l.name },
      create: { id: newId(), name: l.name, kind: l.kind, leaderId: leaders[l.leader].id, description: l.description, sortOrder: l.sortOrder },
      update: {},
    });
  }
  const lineRows = await db.line.findMany({ where: { name: { in: lineDefs.map((l) => l.name) } }, select: { id: true, name: true, leaderId: true } });
  const lines = new Map(lineRows.map((l) => [l.name, { id: l.id, leaderId: l.leaderId }]));
  await createMissingPairs(
    ctx,
    "line",
    lineDefs.flatMap((l) => [...namesOf(l.towns), ...l.departments].map((u) => ({ a: lines.get(l.name)!.id, b: unitIdOf(u) }))),
  );

  // Key tasks, their assessment groups, members, scope and rubric.
  for (const [i, kt] of KEY_TASKS.entries()) {
    await db.keyTask.upsert({
      where: { code: kt.code },
      create: { id: newId(), code: kt.code, name: kt.name, lineId: lines.get(kt.line)?.id ?? null, sortOrder: i + 1 },
      update: {},
    });
  }
  const keyTaskRows = await db.keyTask.findMany({ where: { code: { in: KEY_TASKS.map((k) => k.code) } } });
  const keyTasks: OrgRefs["keyTasks"] = new Map();
  for (const row of keyTaskRows) {
    const leaderId = row.lineId ? (lineRows.find((l) => l.id === row.lineId)?.leaderId ?? null) : null;
    keyTasks.set(row.code as KeyTaskCode, { id: row.id, name: row.name, lineId: row.lineId, leaderId });
  }
  const groups: OrgRefs["groups"] = new Map();
  for (const kt of KEY_TASKS) {
    const keyTaskId = keyTasks.get(kt.code)!.id;
    const name = `${kt.name}跟踪考核组`;
    const existing = await db.assessmentGroup.findFirst({ where: { OR: [{ name }, { keyTaskId }] }, select: { id: true, name: true } });
    const group = existing ?? (await db.assessmentGroup.create({ data: { id: newId(), name, keyTaskId }, select: { id: true, name: true } }));
    const memberIds = wanted
      .filter(
        (u) => u.role === "ASSESSOR" && (u.username.startsWith(`assessor-${kt.code.toLowerCase()}-`) || (kt.code === "KT02" && u.username === "assessor")),
      )
      .map((u) => userId(u.username));
    groups.set(kt.code, { id: group.id, name: group.name, memberIds });
    for (const [j, [itemName, maxPoints]] of kt.rubric.entries()) {
      await db.rubricItem.upsert({
        where: { groupId_year_name: { groupId: group.id, year: ctx.year, name: itemName } },
        create: { id: newId(), groupId: group.id, year: ctx.year, name: itemName, maxPoints, sortOrder: j + 1 },
        update: {},
      });
    }
  }
  await createMissingPairs(
    ctx,
    "groupMember",
    KEY_TASKS.flatMap((kt) => groups.get(kt.code)!.memberIds.map((m) => ({ a: groups.get(kt.code)!.id, b: m }))),
  );
  await createMissingPairs(
    ctx,
    "groupUnit",
    KEY_TASKS.flatMap((kt) => {
      const line = LINES.find((l) => l.name === kt.line)!;
      return [...namesOf(kt.towns), ...line.departments].map((u) => ({ a: groups.get(kt.code)!.id, b: unitIdOf(u) }));
    }),
  );

  // Channels.
  for (const [i, c] of CHANNELS.entries()) {
    await db.channel.upsert({ where: { code: c.code }, create: { id: newId(), code: c.code, name: c.name, sortOrder: i + 1 }, update: {} });
  }
  const channelRows = await db.channel.findMany({ where: { code: { in: CHANNELS.map((c) => c.code) } }, select: { id: true, code: true } });
  const channelId = new Map(channelRows.map((c) => [c.code, c.id]));
  await createMissingPairs(
    ctx,
    "channelUnit",
    CHANNELS.flatMap((c) => {
      const departments = c.departments === "*" ? DEPARTMENTS : c.departments;
      return [...namesOf(c.towns), ...departments].map((u) => ({ a: channelId.get(c.code)!, b: unitIdOf(u) }));
    }),
  );
  // The district leaders in the channels, following their lines (分线) and command centres.
  const allLines = [...LINES, ...COMMAND_CENTRES];
  const leadersOf = (c: (typeof CHANNELS)[number]): number[] => {
    if (c.leaders === "all") return LEADERS.map((_, i) => i);
    if (c.leaders === "town-lines") return LINES.filter((l) => l.towns === ALL_TOWNS).map((l) => l.leader);
    const named = c.leaders;
    return allLines.filter((l) => named.includes(l.name)).map((l) => l.leader);
  };
  await createMissingPairs(
    ctx,
    "channelMember",
    CHANNELS.flatMap((c) => [...new Set(leadersOf(c))].map((i) => ({ a: channelId.get(c.code)!, b: userId(LEADERS[i].username) }))),
  );

  return {
    units,
    unitByName,
    leaders,
    lines,
    keyTasks,
    groups,
    adminIds: OFFICE_STAFF.map((s) => userId(s.username)),
    assessorId: userId("assessor"),
  };
}

type PairTable = "line" | "groupMember" | "groupUnit" | "channelUnit" | "channelMember";

/** Join rows (a, b): loads the pairs present, inserts the rest. */
async function createMissingPairs(ctx: SeedContext, table: PairTable, pairs: { a: string; b: string }[]): Promise<void> {
  const { db } = ctx;
  const present = new Set<string>();
  const unique = new Map(pairs.map((p) => [`${p.a}|${p.b}`, p]));
  switch (table) {
    case "line":
      for (const r of await db.lineUnit.findMany()) present.add(`${r.lineId}|${r.unitId}`);
      break;
    case "groupMember":
      for (const r of await db.assessmentGroupMember.findMany()) present.add(`${r.groupId}|${r.userId}`);
      break;
    case "groupUnit":
      for (const r of await db.assessmentGroupUnit.findMany()) present.add(`${r.groupId}|${r.unitId}`);
      break;
    case "channelUnit":
      for (const r of await db.channelUnit.findMany()) present.add(`${r.channelId}|${r.unitId}`);
      break;
    case "channelMember":
      for (const r of await db.channelMember.findMany()) present.add(`${r.channelId}|${r.userId}`);
      break;
  }
  const missing = [...unique.entries()].filter(([k]) => !present.has(k)).map(([, p]) => p);
  switch (table) {
    case "line":
      return insertInBatches(db, missing, (batch) => db.lineUnit.createMany({ data: batch.map((p) => ({ lineId: p.a, unitId: p.b })) }));
    case "groupMember":
      return insertInBatches(db, missing, (batch) => db.assessmentGroupMember.createMany({ data: batch.map((p) => ({ groupId: p.a, userId: p.b })) }));
    case "groupUnit":
      return insertInBatches(db, missing, (batch) => db.assessmentGroupUnit.createMany({ data: batch.map((p) => ({ groupId: p.a, unitId: p.b })) }));
    case "channelUnit":
      return insertInBatches(db, missing, (batch) => db.channelUnit.createMany({ data: batch.map((p) => ({ channelId: p.a, unitId: p.b })) }));
    case "channelMember":
      return insertInBatches(db, missing, (batch) => db.channelMember.createMany({ data: batch.map((p) => ({ channelId: p.a, userId: p.b })) }));
  }
}

/** Sites a department's tasks and reports name. */
function departmentPlaces(name: string): string[] {
  const specific: Record<string, string[]> = {
    区交运局: ["洺李线", "邯临线", "冀南快递产业园", "永洺大街"],
    区城管局: ["永洺大街", "府前街", "建设路", "朝阳路"],
    区住建局: ["城南棚改片区", "建设路", "洺州公园", "府前街"],
    区文广旅局: ["广府古城", "弘济桥", "太极广场", "广府古城南门"],
    广府古城景区管理处: ["广府古城南门", "广府古城城墙", "弘济桥", "杨露禅故居"],
    区商务局: ["冀南快递产业园", "永年经济开发区", "标准件市场"],
    冀南快递产业园服务中心: ["冀南快递产业园", "快递园区二期", "园区主干道"],
    区工信局: ["标准件产业园", "永年经济开发区", "讲武工业园"],
    区标准件产业发展服务中心: ["标准件产业园", "标准件市场", "刘营镇"],
    区委宣传部: ["朱山", "“三山”景区", "太极广场", "洺州公园"],
    区生态环境分局: ["洺河", "标准件产业园", "永年经济开发区", "城区建筑工地"],
  };
  return specific[name] ?? ["城区", "洺州公园", "太极广场", "永洺大街"];
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A township's head is its party secretary or its 镇长/乡长 (who files is up to the township). */
function townHeadTitle(townName: string, username: string): string {
  if (rngFor("title", username).chance(0.6)) return "党委书记";
  return townName.endsWith("乡") ? "乡长" : "镇长";
}
