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

const errors = {
  "401": { description: "未登录或令牌无效", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "403": { description: "没有权限", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
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
              "按 kind 不同:RECYCLED_PHOTO { distance, maxDistance, sameUnit, photoId, relatedPhotoId, related };COPIED_TEXT { similarity, threshold, sameUnit, text, highlights, relatedText, relatedHighlights, related };EXIF_TIME { reason: FAR|NO_EXIF|NO_PHOTO, … };LOCATION { reason: FAR_FROM_SITE|TOO_FAST, … }。related 为此前的晒报 { slotId, unitId, unitName, date, slot, submittedAt }。",
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
  } as Record<string, unknown>,
};

export { errors as openApiErrorResponses };
