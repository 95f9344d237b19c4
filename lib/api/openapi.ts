/**
 * The OpenAPI 3 document of /api/v1, served at /api/v1/openapi.json,
 * generated from zod schemas (z.toJSONSchema): the request bodies and query
 * parameters are the very schemas the route handlers parse (slotInput,
 * lib/api/schemas.ts), and the answers are described by the zod schemas
 * below. lib/api/openapi.test.ts checks that every route handler under
 * app/api/v1 is documented and that the documented inputs are those schemas.
 */
import { anomaliesQuery, rankingQuery } from "@/lib/api/schemas";
import { slotInput } from "@/lib/reports/schemas";
import { z } from "@/lib/validation";

/** How every zod schema becomes JSON Schema here: OpenAPI 3.0, as a client sends it (before transforms). */
export const JSON_SCHEMA_OPTIONS = { target: "openapi-3.0", io: "input", unrepresentable: "any" } as const;

const registry = z.registry<{ id: string }>();
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
function named<T extends z.ZodType>(id: string, schema: T): T {
  registry.add(schema, { id });
  return schema;
}

const dateTime = () => z.string().meta({ format: "date-time" });
const date = () => z.string().meta({ format: "date", example: "2026-11-27" });
const slotParam = z.enum(["morning", "noon", "evening"]);
const slotStates = z.enum(["SUBMITTED", "LATE", "MISSING", "PENDING"]);
const unitKind = z.enum(["TOWN", "DEPARTMENT"]);

named(
  "Error",
  z.object({
    error: z.object({
      code: z.string().meta({ example: "FORBIDDEN" }),
      message: z.string().meta({ example: "没有权限访问该资源。" }),
      details: z.unknown().optional().meta({ description: "出错的字段（校验失败时）等" }),
    }),
  }),
);

const Unit = named("Unit", z.object({ id: z.string(), name: z.string(), kind: unitKind }));

const Item = named(
  "Item",
  z.object({
    id: z.string(),
    text: z.string(),
    addedIn: slotParam,
    taskId: z.string().nullable(),
    milestoneId: z.string().nullable(),
    carriedFromId: z.string().nullable(),
    progress: z.string().nullable(),
    done: z.boolean().nullable().meta({ description: "true ✓,false ?,null 尚未标记" }),
    reason: z.string().nullable(),
    progressValue: z.number().nullable(),
  }),
);

const Slot = named(
  "Slot",
  z.object({
    id: z.string(),
    slot: slotParam,
    state: z.enum(["SUBMITTED", "LATE"]),
    late: z.boolean(),
    submittedAt: dateTime(),
    updatedAt: dateTime(),
    revisionCount: z.number().int().meta({ description: "首次提交后的保存次数（每次都留有版本）" }),
    correctionCount: z.number().int().meta({ description: "被抽查、发布、批示或标记后的保存次数（更正）" }),
    text: z.string(),
    place: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    effortSeconds: z.number().int().nullable(),
    author: z.object({ id: z.string(), name: z.string() }),
    photos: z.array(
      z.object({
        id: z.string(),
        width: z.number().int(),
        height: z.number().int(),
        url: z.string().meta({ example: "/api/photos/clx…" }),
        thumbUrl: z.string().meta({ example: "/api/photos/clx…?size=thumb" }),
        exifTakenAt: dateTime().nullable(),
      }),
    ),
  }),
);

named("SavedSlot", Slot.extend({ date: z.string(), unitId: z.string(), items: z.array(Item) }));

const EmptySlot = named("EmptySlot", z.object({ slot: slotParam, state: z.enum(["MISSING", "PENDING"]), deadline: dateTime() }));

named(
  "Card",
  z.object({
    unit: z.object({ id: z.string(), name: z.string() }),
    date: date(),
    slots: z.array(z.union([Slot, EmptySlot])).meta({ description: "早、午、晚三个时段" }),
    items: z.array(Item),
  }),
);

named(
  "DayStatus",
  z.object({
    date: date(),
    deadlines: z.object({ morning: z.string().meta({ example: "09:30" }), noon: z.string(), evening: z.string() }),
    units: z.array(
      z.object({ id: z.string(), name: z.string(), kind: unitKind, slots: z.object({ morning: slotStates, noon: slotStates, evening: slotStates }) }),
    ),
  }),
);

named(
  "Me",
  z.object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    role: z.enum(["ADMIN", "LEADER", "ASSESSOR", "UNIT_HEAD", "REPORTER"]),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  }),
);

named("Units", z.object({ units: z.array(Unit) }));

const Bulletin = named(
  "Bulletin",
  z.object({
    id: z.string(),
    year: z.number().int().meta({ example: 2026 }),
    number: z.number().int().meta({ description: "当年第 N 期", example: 4 }),
    date: date(),
    title: z.string(),
    summary: z.string().meta({ description: "编者按" }),
    publishedAt: dateTime().nullable(),
  }),
);
named("Bulletins", z.object({ bulletins: z.array(Bulletin) }));

const Anomaly = named(
  "Anomaly",
  z.object({
    id: z.string(),
    kind: z.enum(["RECYCLED_PHOTO", "COPIED_TEXT", "EXIF_TIME", "LOCATION"]),
    score: z.number().meta({ description: "线索强度 0–1（只是提示，不是扣分）" }),
    status: z.enum(["OPEN", "DISMISSED", "CONFIRMED"]),
    createdAt: dateTime(),
    unit: Unit,
    date: date(),
    slot: z.object({ id: z.string(), kind: z.enum(["MORNING", "NOON", "EVENING"]), submittedAt: dateTime() }),
    evidence: z.record(z.string(), z.unknown()).nullable().meta({
      description:
        "按 kind 不同：RECYCLED_PHOTO { distance, maxDistance, sameUnit, photoId, addedAt, version, relatedPhotoId, related, others[] };COPIED_TEXT { similarity, threshold, sameUnit, text, addedAt, version, highlights, relatedText, relatedHighlights, related, others[] };EXIF_TIME { reason: FAR|NO_EXIF|NO_PHOTO, … };LOCATION { reason: FAR_FROM_SITE|TOO_FAST, … }。先后以内容加入晒报的时间为准（addedAt,version 为所在版本）：related 为最早的原晒报 { slotId, unitId, unitName, date, slot, submittedAt, version, versionId, addedAt },others 为其后、本条之前的其他相同内容（按时间先后）。",
    }),
  }),
);
named("Anomalies", z.object({ date: date(), anomalies: z.array(Anomaly) }));

named(
  "Ranking",
  z.object({
    quarter: z.string().meta({ example: "2026Q3" }),
    status: z.enum(["OPEN", "CLOSED"]),
    version: z.number().int().nullable().meta({ description: "快照版本；更正后递增" }),
    live: z.boolean(),
    asOf: date().meta({ description: "数据截至日期" }),
    closedAt: dateTime().nullable(),
    rankings: z.array(
      z.object({
        rank: z.number().int().nullable().meta({ description: "同类单位中的名次；数据不足的单位为 null" }),
        unit: Unit,
        score: z.number().nullable(),
        failed: z.boolean().meta({ description: "一票否决，考核不合格" }),
        flag: z.enum(["RED", "YELLOW"]).nullable(),
      }),
    ),
  }),
);

const Flag = named(
  "Flag",
  z.object({
    unit: Unit,
    color: z.enum(["RED", "YELLOW"]),
    quarter: z.string().meta({ example: "2026Q3", description: "授旗的季度" }),
    since: z.string().meta({ example: "2026Q2", description: "连续持有同色旗的起始季度" }),
    streak: z.number().int().meta({ description: "连续持有同色旗的季度数" }),
    awardedAt: dateTime(),
    passedAt: dateTime().nullable().meta({ description: "流转给下一季度持旗单位的时间；现持有为 null" }),
  }),
);
named(
  "Flags",
  z.object({
    current: z.array(Flag),
    history: z.array(z.object({ quarter: z.string().meta({ example: "2026Q3" }), closedAt: dateTime().nullable(), flags: z.array(Flag) })),
  }),
);

/** The components: the answers above, and the request body exactly as the handler parses it. */
function componentSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(registry, { ...JSON_SCHEMA_OPTIONS, uri: (id) => `#/components/schemas/${id}` });
  const out: Record<string, unknown> = {};
  // OpenAPI 3.0 has no $id: the components' names are their ids.
  for (const [id, schema] of Object.entries(schemas)) out[id] = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$id"));
  return { ...out, SlotInput: z.toJSONSchema(slotInput, JSON_SCHEMA_OPTIONS) };
}

/** Query parameters from a query schema: one per field, required unless optional. */
export function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...rest } = z.toJSONSchema(field as z.ZodType, JSON_SCHEMA_OPTIONS) as Record<string, unknown>;
    return { name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, ...(description ? { description } : {}), schema: rest };
  });
}

const json = (id: string) => ({ "application/json": { schema: ref(id) } });
const answer = (description: string, id: string) => ({ description, content: json(id) });
const error = (description: string) => answer(description, "Error");
const errors = { "401": error("未登录或令牌无效"), "403": error("没有权限") };
const dateParam = {
  name: "date",
  in: "path",
  required: true,
  description: "YYYY-MM-DD（区县时间，不能是未来日期）或 today",
  schema: { type: "string", example: "today" },
};

const paths = {
  "/me": { get: { summary: "当前用户", responses: { "200": answer("用户、角色和所属单位", "Me"), ...errors } } },
  "/units": { get: { summary: "可见的单位", responses: { "200": answer("单位列表（单位账号只看到本单位）", "Units"), ...errors } } },
  "/bulletins": {
    get: {
      summary: "已发布的要情快讯",
      description: "按发布时间倒序；任何已登录用户可读。",
      responses: { "200": answer("快讯列表", "Bulletins"), "401": errors["401"] },
    },
  },
  "/anomalies": {
    get: {
      summary: "某日晒报的异常线索",
      description: "仅督查室（ADMIN）和区级领导（LEADER）。每条线索只是提示，需人工核实。",
      parameters: queryParameters(anomaliesQuery),
      responses: { "200": answer("线索及证据", "Anomalies"), ...errors, "422": error("参数有误") },
    },
  },
  "/ranking": {
    get: {
      summary: "季度考核排名（区级领导、督查室）",
      description:
        "乡镇与乡镇、区直部门与区直部门分别排名。已关闭的季度读取关闭时冻结的快照（当前版本），不会随之后的数据修改而变化；未关闭的季度按当前数据实时计算（live: true，仅供参考）。不带 quarter 时返回最近关闭的季度。",
      parameters: queryParameters(rankingQuery),
      responses: { "200": answer("排名", "Ranking"), ...errors, "404": error("没有该季度"), "422": error("参数有误") },
    },
  },
  "/flags": {
    get: {
      summary: "流动红黄旗（公开）",
      description: "已关闭季度的红黄旗：现持旗单位和全部历史。公开数据，无需登录。",
      security: [],
      responses: { "200": answer("现持旗单位和历次授旗", "Flags") },
    },
  },
  "/cards/{date}": {
    get: {
      summary: "某日的晒报卡",
      description: "单位账号：本单位的卡；区级账号用 unitId 参数指定可见的单位。无权查看的单位与不存在的单位一样返回 404。",
      parameters: [dateParam, { name: "unitId", in: "query", required: false, schema: { type: "string" } }],
      responses: { "200": answer("晒报卡：三个时段和当天的事项", "Card"), ...errors, "404": error("没有这个单位"), "422": error("日期格式错误或是未来日期") },
    },
  },
  "/cards/{date}/{slot}": {
    post: {
      summary: "填报（或修改）本单位的一个时段",
      description:
        "早晒列计划（可关联任务、节点、昨日未完成事项），午晒写进展并可新增事项，晚晒为每项标记 ✓/?（? 须写原因）并可填完成量。截止后首次填报记为迟报；已晒时段截止后的修改记为更正（须填 revisionReason），原内容保留。带 Idempotency-Key 头的重复提交只保存一次，返回第一次的结果。",
      parameters: [
        dateParam,
        { name: "slot", in: "path", required: true, schema: { type: "string", enum: slotParam.options } },
        { name: "Idempotency-Key", in: "header", required: false, description: "每次填报一个新值（8–100 位），重试时不变", schema: { type: "string" } },
      ],
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: ref("SlotInput") },
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["payload"],
              properties: {
                payload: { type: "string", description: "SlotInput 的 JSON 文本" },
                photos: {
                  type: "array",
                  maxItems: 9,
                  items: { type: "string", format: "binary" },
                  description: "照片（JPEG/PNG/WebP/HEIC，每张 ≤ 10 MB、≤ 5000 万像素）",
                },
              },
            },
          },
        },
      },
      responses: {
        "201": answer("已保存的时段和当天的事项", "SavedSlot"),
        ...errors,
        "409": error("Idempotency-Key 已用于另一项提交"),
        "413": error("上传内容过大"),
        "415": error("不支持的请求格式"),
        "422": error("内容不合规则（缺少 ✓/?、缺少未完成原因、照片不合格、超过 9 张、截止后修改未填更正原因……）"),
      },
    },
  },
  "/status/{date}": {
    get: {
      summary: "各单位某日三晒情况（督查室、区级领导）",
      parameters: [dateParam],
      responses: { "200": answer("每个单位三个时段的状态", "DayStatus"), ...errors, "422": error("日期格式错误") },
    },
  },
  "/openapi.json": { get: { summary: "本接口说明（OpenAPI 3）", security: [], responses: { "200": { description: "OpenAPI 文档" } } } },
};

export const openApiDocument = {
  openapi: "3.0.3",
  info: {
    title: "晒台 API",
    version: "1.0.0",
    description: "一日三晒工作督查平台的 JSON API。用会话 Cookie 或个人 API 令牌（Authorization: Bearer …）认证；错误统一为 { error: { code, message } }。",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearerAuth: [] }, { sessionCookie: [] }],
  components: {
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", description: "在“我的账号”页面创建的 API 令牌" },
      sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
    },
    schemas: componentSchemas(),
  },
  paths: paths as Record<string, Record<string, unknown>>,
};
