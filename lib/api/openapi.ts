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
  } as Record<string, unknown>,
};

export { errors as openApiErrorResponses };
