/**
 * zod with Chinese messages: every input a user types is parsed here, and
 * what goes wrong reads naturally in Simplified Chinese.
 */
import { z } from "zod";

z.config(z.locales.zhCN());

export { z };

export type FieldErrors = Record<string, string[] | undefined>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}

/**
 * Control characters (NUL, escape, backspace …) have no place in anything a
 * person types; tab and line breaks are text. Refused in every form field
 * (authedAction checks each one) and in the API's texts.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

export const CONTROL_CHARACTERS_MESSAGE = "含有不可见的控制字符，请重新输入";

/** The form fields (by name) whose text holds control characters. */
export function fieldsWithControlCharacters(formData: FormData): string[] {
  const fields: string[] = [];
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$") && hasControlCharacters(value)) fields.push(key);
  return fields;
}

/**
 * A number as people write it: plain decimal digits, an optional sign and
 * point, thousands separators allowed — not "0x10", "1e3", "Infinity" or " ".
 */
const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function parsePlainDecimal(text: string): number {
  const compact = text.trim().replace(/[,，]/g, "");
  return PLAIN_DECIMAL.test(compact) ? Number(compact) : NaN;
}

/**
 * For `z.preprocess`: a form's text as a plain decimal (anything else, such as
 * "0x10" or "1e1", becomes NaN and is refused by `z.number()`); an empty field
 * becomes undefined, so `.optional()` and `.default()` apply. Numbers sent as
 * numbers pass as they are.
 */
export function formNumber(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value !== "string") return value;
  return value.trim() === "" ? undefined : parsePlainDecimal(value);
}

/** A latitude or longitude typed in a form (纬度 within ±90, 经度 within ±180); empty is null. */
export const coordinate = (label: string, limit: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, context) => {
      if (!v) return null;
      const n = parsePlainDecimal(v);
      if (!Number.isFinite(n) || Math.abs(n) > limit) {
        context.addIssue({ code: "custom", message: `${label}应为 −${limit} 到 ${limit} 之间的数` });
        return z.NEVER;
      }
      return n;
    });

/** Ids joined by commas (a unit picker's hidden input, a checkbox list): trimmed, without repeats, at most `max`. */
export const idList = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => [
      ...new Set(
        (v ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .refine((ids) => ids.length <= max, `${label}最多 ${max} 个`);
