/**
 * The one shape of a write's answer (lib/<domain>/writes.ts): the value, or a
 * refusal with a Chinese message, field errors and the HTTP status a route
 * would answer. A "use server" action hands a refusal to its form unchanged
 * (`refusalState`), so every action's error is `{ message, fieldErrors }`.
 */
import type { FieldErrors } from "@/lib/validation";

export type Refusal = { ok: false; status: 400 | 403 | 404 | 409; message: string; fieldErrors?: FieldErrors };
export type WriteResult<T = undefined> = { ok: true; value: T } | Refusal;

export function refuse(message: string, options: { status?: Refusal["status"]; fieldErrors?: FieldErrors } = {}): Refusal {
  return { ok: false, status: options.status ?? 400, message, ...(options.fieldErrors ? { fieldErrors: options.fieldErrors } : {}) };
}

export function succeed(): WriteResult;
export function succeed<T>(value: T): WriteResult<T>;
export function succeed<T>(value?: T): WriteResult<T | undefined> {
  return { ok: true, value };
}

/** A refusal as a form's state (ActionState in lib/auth/action.ts). */
export function refusalState(refusal: Refusal): { message: string; fieldErrors?: FieldErrors } {
  return { message: refusal.message, fieldErrors: refusal.fieldErrors };
}
