/** The channels by kind: add a class here to add a channel (an SMS provider …). */
import type { RobotChannel, RobotKind } from "@/lib/notifications/robots/channel";
import { DingTalkRobot } from "@/lib/notifications/robots/dingtalk";
import { WecomRobot } from "@/lib/notifications/robots/wecom";

export const CHANNELS: Record<RobotKind, RobotChannel> = { WECOM: new WecomRobot(), DINGTALK: new DingTalkRobot() };
