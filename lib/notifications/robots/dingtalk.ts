/**
 * 钉钉自定义机器人: POST {"msgtype":"markdown","markdown":{"title","text"},"at":{"atMobiles":[…]}}.
 * With 加签, the URL gets `&timestamp=<ms>&sign=<s>` where
 * s = URL-encode(Base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)))
 * (domain.md); the timestamp must be within an hour of DingTalk's clock.
 */
import { createHmac } from "node:crypto";
import { postRobot, type RobotChannel, type RobotMessage, type RobotTarget } from "@/lib/notifications/robots/channel";

export function dingTalkSign(secret: string, timestampMs: number): string {
  const digest = createHmac("sha256", secret).update(`${timestampMs}\n${secret}`, "utf8").digest("base64");
  return encodeURIComponent(digest);
}

export function signedDingTalkUrl(webhookUrl: string, secret: string | null, timestampMs: number): string {
  if (!secret) return webhookUrl;
  const separator = webhookUrl.includes("?") ? "&" : "?";
  return `${webhookUrl}${separator}timestamp=${timestampMs}&sign=${dingTalkSign(secret, timestampMs)}`;
}

export class DingTalkRobot implements RobotChannel {
  readonly kind = "DINGTALK" as const;
  request(robot: RobotTarget, message: RobotMessage, now: Date) {
    // @ by phone needs the number in the text as well as in atMobiles.
    const mentions = message.mentionMobiles.map((m) => `@${m}`).join(" ");
    const body = {
      msgtype: "markdown",
      markdown: { title: message.title, text: mentions ? `${message.markdown}\n\n${mentions}` : message.markdown },
      at: { atMobiles: message.mentionMobiles, isAtAll: false },
    };
    return { url: signedDingTalkUrl(robot.webhookUrl, robot.secret, now.getTime()), body };
  }
  send(robot: RobotTarget, message: RobotMessage, now: Date) {
    const { url, body } = this.request(robot, message, now);
    return postRobot(url, body);
  }
}
