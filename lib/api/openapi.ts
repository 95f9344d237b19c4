/**
 * The OpenAPI 3 document of /api/v1, served at /api/v1/openapi.json. Each
 * feature adds its paths here, beside its route handlers.
 */
const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string", example: "FORBIDDEN" }, message: { type: "string", example: "没有权限访问该资源。" } },
    },
  },
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

const errors = {
  "401": errorResponse("未登录或令牌无效"),
  "403": errorResponse("没有权限"),
};

const json = (schema: unknown) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const dateParam = {
  name: "date",
  in: "path",
  required: true,
  description: "YYYY-MM-DD(区县时间,不能是未来日期)或 today",
  schema: { type: "string", example: "today" },
};
const slotStates = ["SUBMITTED", "LATE", "MISSING", "PENDING"];

/** The 一日三晒 schemas (issue 4). */
const reportSchemas = {
  ItemInput: {
    type: "object",
    required: ["text"],
    properties: {
      id: { type: "string", description: "卡上已有事项的 id;不填时按事项内容匹配,相同内容即同一事项(不重复录入)" },
      text: { type: "string", maxLength: 200, example: "拆除东街违建 5 户" },
      taskId: { type: "string", description: "本单位在办任务的 id" },
      milestoneId: { type: "string", description: "该任务的节点 id" },
      carriedFromId: { type: "string", description: "上一份晒报中未完成事项的 id(结转)" },
      workLogItemId: { type: "string", description: "当天工作日志事项的 id" },
      progress: { type: "string", maxLength: 500, description: "午晒:进展" },
      done: { type: "boolean", description: "晚晒:true = ✓ 完成,false = ? 未完成" },
      reason: { type: "string", maxLength: 300, description: "晚晒:未完成(done=false)时必填" },
      progressValue: { type: "number", minimum: 0, description: "晚晒:今日完成量(按任务的计量单位),计入任务进度" },
    },
  },
  SlotInput: {
    type: "object",
    properties: {
      items: { type: "array", maxItems: 30, items: ref("ItemInput") },
      note: { type: "string", maxLength: 2000, description: "补充说明" },
      place: { type: "string", maxLength: 100, description: "地点名称" },
      lat: { type: "number", minimum: -90, maximum: 90 },
      lng: { type: "number", minimum: -180, maximum: 180 },
      startedAt: { type: "string", format: "date-time", description: "开始填写的时间(填报负担统计)" },
      revisionReason: { type: "string", maxLength: 300, description: "时段已过截止时间后修改(更正)时必填" },
      removePhotoIds: { type: "array", items: { type: "string" }, description: "截止前删除本时段的照片" },
    },
    example: { items: [{ text: "拆除东街违建", done: true, progressValue: 5 }, { text: "协调企业用水", done: false, reason: "待水务公司答复" }], note: "明日继续推进。" },
  },
  Item: {
    type: "object",
    properties: {
      id: { type: "string" },
      text: { type: "string" },
      addedIn: { type: "string", enum: ["morning", "noon", "evening"] },
      taskId: { type: "string", nullable: true },
      milestoneId: { type: "string", nullable: true },
      carriedFromId: { type: "string", nullable: true },
      progress: { type: "string", nullable: true },
      done: { type: "boolean", nullable: true, description: "true ✓,false ?,null 尚未标记" },
      reason: { type: "string", nullable: true },
      progressValue: { type: "number", nullable: true },
    },
  },
  Slot: {
    type: "object",
    properties: {
      id: { type: "string" },
      slot: { type: "string", enum: ["morning", "noon", "evening"] },
      state: { type: "string", enum: ["SUBMITTED", "LATE"] },
      late: { type: "boolean" },
      submittedAt: { type: "string", format: "date-time" },
      updatedAt: { type: "string", format: "date-time" },
      revisionCount: { type: "integer", description: "saves after the first submission (each kept as a version)" },
      correctionCount: { type: "integer", description: "saves made after the slot was spot-checked, published, instructed or flagged (更正)" },
      text: { type: "string" },
      place: { type: "string", nullable: true },
      lat: { type: "number", nullable: true },
      lng: { type: "number", nullable: true },
      effortSeconds: { type: "integer", nullable: true },
      author: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
      photos: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "string" },
            width: { type: "integer" },
            height: { type: "integer" },
            url: { type: "string", example: "/api/photos/clx…" },
            thumbUrl: { type: "string", example: "/api/photos/clx…?size=thumb" },
            exifTakenAt: { type: "string", format: "date-time", nullable: true },
          },
        },
      },
    },
  },
  SavedSlot: {
    allOf: [
      ref("Slot"),
      { type: "object", properties: { date: { type: "string" }, unitId: { type: "string" }, items: { type: "array", items: ref("Item") } } },
    ],
  },
  EmptySlot: {
    type: "object",
    properties: { slot: { type: "string", enum: ["morning", "noon", "evening"] }, state: { type: "string", enum: ["MISSING", "PENDING"] }, deadline: { type: "string", format: "date-time" } },
  },
  Card: {
    type: "object",
    properties: {
      unit: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
      date: { type: "string", example: "2026-11-27" },
      slots: { type: "array", description: "早、午、晚三个时段", items: { oneOf: [ref("Slot"), ref("EmptySlot")] } },
      items: { type: "array", items: ref("Item") },
    },
  },
  DayStatus: {
    type: "object",
    properties: {
      date: { type: "string" },
      deadlines: { type: "object", properties: { morning: { type: "string", example: "09:30" }, noon: { type: "string" }, evening: { type: "string" } } },
      units: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            kind: { type: "string", enum: ["TOWN", "DEPARTMENT"] },
            slots: {
              type: "object",
              properties: { morning: { type: "string", enum: slotStates }, noon: { type: "string", enum: slotStates }, evening: { type: "string", enum: slotStates } },
            },
          },
        },
      },
    },
  },
};

const reportPaths = {
  "/cards/{date}": {
    get: {
      summary: "某日的晒报卡",
      description: "单位账号:本单位的卡;区级账号用 unitId 参数指定可见的单位。无权查看的单位与不存在的单位一样返回 404。",
      parameters: [dateParam, { name: "unitId", in: "query", required: false, schema: { type: "string" } }],
      responses: {
        "200": { description: "晒报卡:三个时段和当天的事项", content: json(ref("Card")) },
        ...errors,
        "404": errorResponse("没有这个单位"),
        "422": errorResponse("日期格式错误或是未来日期"),
      },
    },
  },
  "/cards/{date}/{slot}": {
    post: {
      summary: "填报(或修改)本单位的一个时段",
      description:
        "早晒列计划(可关联任务、节点、昨日未完成事项),午晒写进展并可新增事项,晚晒为每项标记 ✓/?(? 须写原因)并可填完成量。截止后首次填报记为迟报;已晒时段截止后的修改记为更正(须填 revisionReason),原内容保留。带 Idempotency-Key 头的重复提交只保存一次,返回第一次的结果。",
      parameters: [
        dateParam,
        { name: "slot", in: "path", required: true, schema: { type: "string", enum: ["morning", "noon", "evening"] } },
        { name: "Idempotency-Key", in: "header", required: false, description: "每次填报一个新值(8–100 位),重试时不变", schema: { type: "string" } },
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
                photos: { type: "array", maxItems: 9, items: { type: "string", format: "binary" }, description: "照片(JPEG/PNG/WebP/HEIC,每张 ≤ 10 MB、≤ 5000 万像素)" },
              },
            },
          },
        },
      },
      responses: {
        "201": { description: "已保存的时段和当天的事项", content: json(ref("SavedSlot")) },
        ...errors,
        "409": errorResponse("Idempotency-Key 已用于另一项提交"),
        "413": errorResponse("上传内容过大"),
        "415": errorResponse("不支持的请求格式"),
        "422": errorResponse("内容不合规则(缺少 ✓/?、缺少未完成原因、照片不合格、超过 9 张、截止后修改未填更正原因……)"),
      },
    },
  },
  "/status/{date}": {
    get: {
      summary: "各单位某日三晒情况(督查室、区级领导)",
      parameters: [dateParam],
      responses: { "200": { description: "每个单位三个时段的状态", content: json(ref("DayStatus")) }, ...errors, "422": errorResponse("日期格式错误") },
    },
  },
};

const invalidInput = { description: "参数有误", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };

export const openApiDocument = {
  openapi: "3.0.3",
  info: {
    title: "晒台 API",
    version: "1.0.0",
    description: "一日三晒工作督查平台的 JSON API。用会话 Cookie 或个人 API 令牌(Authorization: Bearer …)认证;错误统一为 { error: { code, message } }。",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearerAuth: [] }, { sessionCookie: [] }],
  components: {
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", description: "在“我的账号”页面创建的 API 令牌" },
      sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
    },
    schemas: {
      Error: errorSchema,
      ...reportSchemas,
      Unit: {
        type: "object",
        required: ["id", "name", "kind"],
        properties: { id: { type: "string" }, name: { type: "string" }, kind: { type: "string", enum: ["TOWN", "DEPARTMENT"] } },
      },
      Bulletin: {
        type: "object",
        required: ["id", "year", "number", "date", "title", "summary"],
        properties: {
          id: { type: "string" },
          year: { type: "integer", example: 2026 },
          number: { type: "integer", description: "当年第 N 期", example: 4 },
          date: { type: "string", format: "date", example: "2026-11-26" },
          title: { type: "string" },
          summary: { type: "string", description: "编者按" },
          publishedAt: { type: "string", format: "date-time", nullable: true },
        },
      },
      Anomaly: {
        type: "object",
        required: ["id", "kind", "score", "status", "unit", "date", "slot", "evidence"],
        properties: {
          id: { type: "string" },
          kind: { type: "string", enum: ["RECYCLED_PHOTO", "COPIED_TEXT", "EXIF_TIME", "LOCATION"] },
          score: { type: "number", description: "线索强度 0–1(只是提示,不是扣分)" },
          status: { type: "string", enum: ["OPEN", "DISMISSED", "CONFIRMED"] },
          createdAt: { type: "string", format: "date-time" },
          unit: { $ref: "#/components/schemas/Unit" },
          date: { type: "string", format: "date" },
          slot: {
            type: "object",
            properties: { id: { type: "string" }, kind: { type: "string", enum: ["MORNING", "NOON", "EVENING"] }, submittedAt: { type: "string", format: "date-time" } },
          },
          evidence: {
            type: "object",
            nullable: true,
            description:
              "按 kind 不同:RECYCLED_PHOTO { distance, maxDistance, sameUnit, photoId, addedAt, version, relatedPhotoId, related, others[] };COPIED_TEXT { similarity, threshold, sameUnit, text, addedAt, version, highlights, relatedText, relatedHighlights, related, others[] };EXIF_TIME { reason: FAR|NO_EXIF|NO_PHOTO, … };LOCATION { reason: FAR_FROM_SITE|TOO_FAST, … }。先后以内容加入晒报的时间为准(addedAt,version 为所在版本):related 为最早的原晒报 { slotId, unitId, unitName, date, slot, submittedAt, version, versionId, addedAt },others 为其后、本条之前的其他相同内容(按时间先后)。",
          },
        },
      },
      Flag: {
        type: "object",
        properties: {
          unit: { $ref: "#/components/schemas/Unit" },
          color: { type: "string", enum: ["RED", "YELLOW"] },
          quarter: { type: "string", example: "2026Q3", description: "授旗的季度" },
          since: { type: "string", example: "2026Q2", description: "连续持有同色旗的起始季度" },
          streak: { type: "integer", description: "连续持有同色旗的季度数" },
          awardedAt: { type: "string", format: "date-time" },
          passedAt: { type: "string", format: "date-time", nullable: true, description: "流转给下一季度持旗单位的时间;现持有为 null" },
        },
      },
    },
  },
  paths: {
    "/me": {
      get: {
        summary: "当前用户",
        responses: {
          "200": {
            description: "用户、角色和所属单位",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    username: { type: "string" },
                    name: { type: "string" },
                    role: { type: "string", enum: ["ADMIN", "LEADER", "ASSESSOR", "UNIT_HEAD", "REPORTER"] },
                    unit: { nullable: true, allOf: [{ $ref: "#/components/schemas/Unit" }] },
                  },
                },
              },
            },
          },
          ...errors,
        },
      },
    },
    "/units": {
      get: {
        summary: "可见的单位",
        responses: {
          "200": {
            description: "单位列表(单位账号只看到本单位)",
            content: { "application/json": { schema: { type: "object", properties: { units: { type: "array", items: { $ref: "#/components/schemas/Unit" } } } } } },
          },
          ...errors,
        },
      },
    },
    "/bulletins": {
      get: {
        summary: "已发布的要情快讯",
        description: "按发布时间倒序;任何已登录用户可读。",
        responses: {
          "200": {
            description: "快讯列表",
            content: { "application/json": { schema: { type: "object", properties: { bulletins: { type: "array", items: { $ref: "#/components/schemas/Bulletin" } } } } } },
          },
          "401": errors["401"],
        },
      },
    },
    "/anomalies": {
      get: {
        summary: "某日晒报的异常线索",
        description: "仅督查室(ADMIN)和区级领导(LEADER)。每条线索只是提示,需人工核实。",
        parameters: [{ name: "date", in: "query", required: true, description: "晒报日期(北京时间),YYYY-MM-DD", schema: { type: "string", format: "date" } }],
        responses: {
          "200": {
            description: "线索及证据",
            content: {
              "application/json": {
                schema: { type: "object", properties: { date: { type: "string", format: "date" }, anomalies: { type: "array", items: { $ref: "#/components/schemas/Anomaly" } } } },
              },
            },
          },
          ...errors,
          "422": invalidInput,
        },
      },
    },
    "/ranking": {
      get: {
        summary: "季度考核排名(区级领导、督查室)",
        description:
          "乡镇与乡镇、区直部门与区直部门分别排名。已关闭的季度读取关闭时冻结的快照(当前版本),不会随之后的数据修改而变化;未关闭的季度按当前数据实时计算(live: true,仅供参考)。不带 quarter 时返回最近关闭的季度。",
        parameters: [
          { name: "quarter", in: "query", required: false, schema: { type: "string", pattern: "^\\d{4}Q[1-4]$", example: "2026Q3" } },
          { name: "kind", in: "query", required: false, schema: { type: "string", enum: ["TOWN", "DEPARTMENT"] } },
        ],
        responses: {
          "200": {
            description: "排名",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["quarter", "status", "live", "rankings"],
                  properties: {
                    quarter: { type: "string", example: "2026Q3" },
                    status: { type: "string", enum: ["OPEN", "CLOSED"] },
                    version: { type: "integer", nullable: true, description: "快照版本;更正后递增" },
                    live: { type: "boolean" },
                    asOf: { type: "string", format: "date", description: "数据截至日期" },
                    closedAt: { type: "string", format: "date-time", nullable: true },
                    rankings: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          rank: { type: "integer", nullable: true, description: "同类单位中的名次;数据不足的单位为 null" },
                          unit: { $ref: "#/components/schemas/Unit" },
                          score: { type: "number", nullable: true },
                          failed: { type: "boolean", description: "一票否决,考核不合格" },
                          flag: { type: "string", enum: ["RED", "YELLOW"], nullable: true },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          "404": { description: "没有该季度", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          "422": { description: "参数有误", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          ...errors,
        },
      },
    },
    "/flags": {
      get: {
        summary: "流动红黄旗(公开)",
        description: "已关闭季度的红黄旗:现持旗单位和全部历史。公开数据,无需登录。",
        security: [],
        responses: {
          "200": {
            description: "现持旗单位和历次授旗",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    current: { type: "array", items: { $ref: "#/components/schemas/Flag" } },
                    history: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          quarter: { type: "string", example: "2026Q3" },
                          closedAt: { type: "string", format: "date-time", nullable: true },
                          flags: { type: "array", items: { $ref: "#/components/schemas/Flag" } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    ...reportPaths,
  } as Record<string, unknown>,
};

export { errors as openApiErrorResponses };
