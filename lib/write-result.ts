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

/** A write that answers with a message: the form's state either way. */
export function messageState(result: WriteResult<string>): { ok?: true; message: string; fieldErrors?: FieldErrors } {
  return result.ok ? { ok: true, message: result.value } : refusalState(result);
}

/** A write's value where a refusal is a bug (the seed, benchmarks, tests): throws the refusal's message. */
export function valueOrThrow<T>(result: WriteResult<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** Thrown inside a write's transaction so that it rolls back; `answerRefusal` turns it into the write's answer. */
export class Refused extends Error {
  readonly refusal: Refusal;
  constructor(message: string, options: Parameters<typeof refuse>[1] = {}) {
    super(message);
    this.refusal = refuse(message, options);
  }
}

/** A write whose transaction may throw `Refused`: its refusal, else the write's own answer (any other error is thrown on). */
export async function answerRefusal<T>(write: () => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}
