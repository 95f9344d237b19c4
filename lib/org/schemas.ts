/**
 * Inputs of the organisation administration (/admin/org): users, units and
 * assessment groups' scope. Chinese messages; empty optional fields are null.
 */
import { isDistrictDate, isNearDistrictDate } from "@/lib/time";
import { coordinate, formNumber, idList, z } from "@/lib/validation";

const id = z.string().trim().min(1, { message: "缺少编号" }).max(64);
/** A picker's value: a record's id, or null when "none" (an empty option) is chosen. */
const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => v || null);
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label}最多 ${max} 字` })
    .optional()
    .transform((v) => v || null);

export const ROLE_VALUES = ["ADMIN", "LEADER", "ASSESSOR", "UNIT_HEAD", "REPORTER"] as const;

export const username = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { message: "用户名为 3–32 位小写字母、数字、点、下划线或连字符" });

const userFields = {
  name: z.string().trim().min(1, { message: "请输入姓名" }).max(40, { message: "姓名最多 40 字" }),
  title: optionalText(40, "职务"),
  phone: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^[0-9+\- ]{5,20}$/.test(v), { message: "手机号只能含数字、+、- 和空格，5–20 位" }),
  role: z.enum(ROLE_VALUES, { message: "请选择角色" }),
  unitId: optionalId,
};

/** A unit account belongs to a unit; a district account to none. */
function unitMatchesRole(v: { role: (typeof ROLE_VALUES)[number]; unitId: string | null }) {
  return v.role === "UNIT_HEAD" || v.role === "REPORTER" ? v.unitId !== null : v.unitId === null;
}
const UNIT_ROLE_MESSAGE = { message: "单位负责人和信息员必须选择单位；督查室、区级领导和考核组账号不属于单位", path: ["unitId"] };

export const userCreateInput = z.object({ username, ...userFields }).refine(unitMatchesRole, UNIT_ROLE_MESSAGE);
export const userUpdateInput = z.object({ id, ...userFields }).refine(unitMatchesRole, UNIT_ROLE_MESSAGE);
export const userIdInput = z.object({ id });
export const userActiveInput = z.object({ id, active: z.enum(["true", "false"]).transform((v) => v === "true") });

export type UserCreateInput = z.infer<typeof userCreateInput>;
export type UserUpdateInput = z.infer<typeof userUpdateInput>;

const unitFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,20}$/, { message: "单位代码为 1–20 位字母、数字、下划线或连字符" }),
  name: z.string().trim().min(2, { message: "单位名称至少 2 字" }).max(40, { message: "单位名称最多 40 字" }),
  kind: z.enum(["TOWN", "DEPARTMENT"], { message: "请选择乡镇或区直部门" }),
  seatPlace: optionalText(60, "驻地"),
  lat: coordinate("纬度", 90),
  lng: coordinate("经度", 180),
};

function bothOrNeither(v: { lat: number | null; lng: number | null }) {
  return (v.lat === null) === (v.lng === null);
}
const COORDINATES_MESSAGE = { message: "纬度和经度要一起填写", path: ["lng"] };

export const unitCreateInput = z.object(unitFields).refine(bothOrNeither, COORDINATES_MESSAGE);
export const unitUpdateInput = z.object({ id, ...unitFields }).refine(bothOrNeither, COORDINATES_MESSAGE);
export const unitIdInput = z.object({ id });
export const unitMergeInput = z
  .object({ id, intoId: z.string().trim().min(1, { message: "请选择并入的单位" }).max(64) })
  .refine((v) => v.id !== v.intoId, { message: "不能并入自身", path: ["intoId"] });

export type UnitCreateInput = z.infer<typeof unitCreateInput>;
export type UnitUpdateInput = z.infer<typeof unitUpdateInput>;

export const scopeChangeInput = z.object({
  groupId: id,
  unitId: z.string().trim().min(1, { message: "请选择单位" }).max(64),
  change: z.enum(["ADD", "REMOVE"], { message: "请选择加入或移出" }),
  effectiveDate: z
    .string()
    .trim()
    .refine(isDistrictDate, { message: "请填写生效日期（年-月-日）" })
    .refine((v) => isNearDistrictDate(v), { message: "生效日期应在去年到明年之间" }),
});

export type ScopeChangeInput = z.infer<typeof scopeChangeInput>;

/** The user list's search (parseSearchParams shape). */
export const userSearchShape = {
  q: z.string().trim().max(40).optional(),
  role: z.enum(ROLE_VALUES).optional(),
  status: z.enum(["active", "disabled"]).optional(),
};

export const lineInput = z.object({
  id: optionalId,
  name: z.string().trim().min(2, { message: "名称至少 2 字" }).max(40, { message: "名称最多 40 字" }),
  kind: z.enum(["LINE", "COMMAND_CENTRE"], { message: "请选择分管线或指挥部" }),
  leaderId: optionalId,
  description: optionalText(200, "说明"),
  unitIds: idList("单位", 200),
});

export const keyTaskInput = z.object({
  id,
  name: z.string().trim().min(2, { message: "名称至少 2 字" }).max(40, { message: "名称最多 40 字" }),
  lineId: optionalId,
});

const structureName = z.string().trim().min(2, { message: "名称至少 2 字" }).max(40, { message: "名称最多 40 字" });

/** A new key task (重点工作): its code is the next free KTnn (lib/org/writes.ts createKeyTask). */
export const keyTaskCreateInput = z.object({
  name: structureName,
  lineId: optionalId,
});

/** A new assessment group (考核组) for a key task that has none; members, scope and rubric are set on its page. */
export const groupCreateInput = z.object({
  name: structureName,
  keyTaskId: z.string().trim().min(1, { message: "请选择重点工作" }).max(64),
});

/** A new channel (工作群); its units and members are set on its page. */
export const channelCreateInput = z.object({ name: structureName });

export type KeyTaskCreateInput = z.infer<typeof keyTaskCreateInput>;
export type GroupCreateInput = z.infer<typeof groupCreateInput>;
export type ChannelCreateInput = z.infer<typeof channelCreateInput>;

export const groupMembersInput = z.object({ id, userIds: idList("成员", 30) });

export const channelMembersInput = z.object({ id, unitIds: idList("单位", 200), userIds: idList("成员", 100) });

export type LineInput = z.infer<typeof lineInput>;

/** At most this many items in a group's rubric. */
export const MAX_RUBRIC_ITEMS = 20;

const rubricPoints = z
  .string()
  .trim()
  .refine((v) => /^\d{1,3}(\.\d)?$/.test(v) && Number(v) > 0 && Number(v) <= 100, { message: "满分为大于 0、不超过 100 的数，最多一位小数" })
  .transform(Number);

export const rubricItemInput = z.object({
  id: optionalId,
  name: z.string().trim().min(1, { message: "请填写考核项目" }).max(40, { message: "考核项目最多 40 字" }),
  maxPoints: rubricPoints,
});

/**
 * A group's rubric for a year as the form sends it: rows `id_<i>`, `name_<i>`,
 * `max_<i>` in order; a row left empty (no name, no points) is dropped, which
 * removes an existing item.
 */
export const rubricInput = z
  .object({
    groupId: id,
    year: z.preprocess(formNumber, z.number({ message: "请填写年度" }).int().min(2000, { message: "年度不对" }).max(2100, { message: "年度不对" })),
  })
  .catchall(z.string().max(100, { message: "最多 100 字" }))
  .transform((form, context) => {
    const items: z.infer<typeof rubricItemInput>[] = [];
    for (let i = 0; i < MAX_RUBRIC_ITEMS + 5; i++) {
      const row = { id: form[`id_${i}`], name: form[`name_${i}`] ?? "", maxPoints: form[`max_${i}`] ?? "" };
      if (typeof row.name !== "string" || typeof row.maxPoints !== "string") continue;
      if (!row.name.trim() && !row.maxPoints.trim()) continue;
      const parsed = rubricItemInput.safeParse(row);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          context.addIssue({ code: "custom", message: `第 ${i + 1} 项：${issue.message}`, path: [`${issue.path[0] === "maxPoints" ? "max" : "name"}_${i}`] });
        continue;
      }
      items.push(parsed.data);
    }
    if (items.length === 0) context.addIssue({ code: "custom", message: "考核细则至少要有一项", path: ["name_0"] });
    if (items.length > MAX_RUBRIC_ITEMS) context.addIssue({ code: "custom", message: `考核细则最多 ${MAX_RUBRIC_ITEMS} 项`, path: ["name_0"] });
    const names = items.map((item) => item.name);
    const repeated = names.find((name, i) => names.indexOf(name) !== i);
    if (repeated) context.addIssue({ code: "custom", message: `考核项目“${repeated}”重复`, path: ["name_0"] });
    return { groupId: form.groupId, year: form.year, items };
  });

export type RubricInput = z.infer<typeof rubricInput>;
