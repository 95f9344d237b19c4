/**
 * The one factory for server actions (house style, habit 1): load the session,
 * check the role, parse the input with zod — and only then run the body.
 * A page-level redirect does not protect an action; this does.
 */
import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { fieldErrorsOf, type FieldErrors, type z } from "@/lib/validation";

/** `data` carries what an action must show once (a new API token), never kept by the server. */
export type ActionState = { ok?: boolean; message?: string; fieldErrors?: FieldErrors; data?: Record<string, string> };

export const NOT_SIGNED_IN = "登录已失效,请重新登录。";
export const FORBIDDEN = "没有权限执行此操作。";
export const INVALID_INPUT = "请检查填写的内容。";

export function authedAction<S extends z.ZodType>(
  options: { roles?: readonly Role[]; input: S },
  body: (user: SessionUser, data: z.infer<S>) => Promise<ActionState | void>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await getSessionUser();
    if (!user) return { message: NOT_SIGNED_IN };
    if (options.roles && !options.roles.includes(user.role)) return { message: FORBIDDEN };
    const parsed = options.input.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { message: INVALID_INPUT, fieldErrors: fieldErrorsOf(parsed.error) };
    return (await body(user, parsed.data)) ?? { ok: true };
  };
}
