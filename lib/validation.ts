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
