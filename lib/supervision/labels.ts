/** What supervision's enums read as in the UI. */
import type { OrderStatus, SpotCheckMethod, SpotCheckResult } from "@/lib/generated/prisma/enums";

export const SPOT_CHECK_RESULT_LABELS: Record<SpotCheckResult, string> = { TRUE: "属实", PARTLY_TRUE: "部分属实", FALSE: "不属实" };

export const SPOT_CHECK_METHOD_LABELS: Record<SpotCheckMethod, string> = { PHONE: "电话核实", PHOTO_REVIEW: "照片核验", ON_SITE: "实地核查" };

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  REGISTERED: "已立项",
  OPEN: "待签收",
  SIGNED: "承办中",
  RESPONDED: "办结待审",
  RETURNED: "已退回",
  ACCEPTED: "已办结",
};
