import { twMerge } from "tailwind-merge";

/**
 * Joins class names, skipping empty ones, and merges Tailwind classes: where two classes set the
 * same property (`px-3` then `px-1`), the later one wins, so a caller's `className` overrides a
 * primitive's own (Table, Th, Td …) instead of depending on the order of the generated CSS.
 */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return twMerge(...classes);
}
