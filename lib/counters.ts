/**
 * Named sequences shared by every app server (e.g. bulletin numbers per year:
 * 第 N 期, no gaps, no duplicates). The increment happens inside the caller's
 * transaction, so a number is only taken if the caller's write commits, and
 * the row lock serialises concurrent publishers.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export async function nextNumber(tx: Prisma.TransactionClient, key: string): Promise<number> {
  await tx.counter.upsert({ where: { key }, create: { key, value: 0 }, update: {} });
  const row = await tx.counter.update({ where: { key }, data: { value: { increment: 1 } }, select: { value: true } });
  return row.value;
}
