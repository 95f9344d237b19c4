/**
 * The one factory for server actions (house style, habit 1): load the session,
 * check the role, parse the input with zod — and only then run the body.
 * A page-level redirect does not protect an action; this does.
 */
import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { CONTROL_CHARACTERS_MESSAGE, fieldErrorsOf, fieldsWithControlCharacters, type FieldErrors, type z } from "@/lib/validation";

export type ActionState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** what was typed (never passwords), so a form refused by the server keeps it */
  values?: Record<string, string>;
  /** what an action must show once (a new API token), never kept by the server */
  data?: Record<string, string>;
};

/** The text fields of a submitted form, without passwords, to refill it after an error. */
export function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !/password/i.test(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

export const NOT_SIGNED_IN = "登录已失效，请重新登录。";
export const FORBIDDEN = "没有权限执行此操作。";
export const MUST_CHANGE_PASSWORD = "请先在“我的账号”修改督查室设置的一次性密码。";
export const INVALID_INPUT = "请检查填写的内容。";

export function authedAction<S extends z.ZodType>(
  /** `passwordChange`: the action works with the office's one-time password (changing it); every other refuses */
  options: { roles?: readonly Role[]; input: S; passwordChange?: boolean },
  /** `formData` is there for what zod does not parse: uploaded files. */
  body: (user: SessionUser, data: z.infer<S>, formData: FormData) => Promise<ActionState | void>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await getSessionUser();
    if (!user) return { message: NOT_SIGNED_IN };
    if (user.mustChangePassword && !options.passwordChange) return { message: MUST_CHANGE_PASSWORD };
    if (options.roles && !options.roles.includes(user.role)) return { message: FORBIDDEN };
    const control = fieldsWithControlCharacters(formData);
    if (control.length > 0) {
      const fieldErrors = Object.fromEntries(control.map((field) => [field, [CONTROL_CHARACTERS_MESSAGE]]));
      return { message: `${INVALID_INPUT}${CONTROL_CHARACTERS_MESSAGE}。`, fieldErrors, values: echoValues(formData) };
    }
    const parsed = options.input.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { message: INVALID_INPUT, fieldErrors: fieldErrorsOf(parsed.error), values: echoValues(formData) };
    const result = await body(user, parsed.data, formData);
    return result ? { values: result.ok ? undefined : echoValues(formData), ...result } : { ok: true };
  };
}
