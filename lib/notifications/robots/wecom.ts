/**
 * 企业微信群机器人: POST {"msgtype":"markdown","markdown":{"content":…}}; a
 * markdown message cannot @ by phone, so mentions go in a second, text
 * message's `mentioned_mobile_list` — here the text form is used whenever
 * someone is to be @-ed (content ≤ 2048 bytes). Answers {"errcode":0,"errmsg":"ok"}.
 */
import { postRobot, type RobotChannel, type RobotMessage, type RobotTarget } from "@/lib/notifications/robots/channel";

const MAX_BYTES = 2048;

function clip(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= MAX_BYTES) return text;
  let cut = bytes.subarray(0, MAX_BYTES - 3).toString("utf8");
  cut = cut.replace(/\uFFFD$/, "");
  return `${cut}…`;
}

/** Markdown to plain text for the text form: links as "text url", no marks. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 $2")
    .replace(/^#+\s*/gm, "")
    .replace(/\*\*|__|`/g, "")
    .replace(/^>\s?/gm, "");
}

export class WecomRobot implements RobotChannel {
  readonly kind = "WECOM" as const;
  request(robot: RobotTarget, message: RobotMessage) {
    const body = message.mentionMobiles.length
      ? { msgtype: "text", text: { content: clip(plain(message.markdown)), mentioned_mobile_list: message.mentionMobiles } }
      : { msgtype: "markdown", markdown: { content: clip(message.markdown) } };
    return { url: robot.webhookUrl, body };
  }
  send(robot: RobotTarget, message: RobotMessage, now: Date) {
    const { url, body } = this.request(robot, message);
    void now;
    return postRobot(url, body);
  }
}
