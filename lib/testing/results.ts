/**
 * A write's answer (lib/write-result.ts) in a test: its message, whether it
 * is the refusal's or the success's (the assessment's writes succeed with a
 * message for the form).
 */
import type { WriteResult } from "@/lib/write-result";

export function messageOf(result: WriteResult<unknown>): string {
  if (!result.ok) return result.message;
  return typeof result.value === "string" ? result.value : "";
}
