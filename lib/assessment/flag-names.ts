import type { FlagColor } from "@/lib/generated/prisma/enums";

export const FLAG_NAMES: Record<FlagColor, string> = { RED: "红旗", YELLOW: "黄旗" };
