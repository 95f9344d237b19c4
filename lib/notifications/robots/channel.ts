/**
 * The one sender interface: a channel turns an outbox message into one HTTP
 * call to a group robot and reads the robot's answer. One class per channel
 * (wecom.ts, dingtalk.ts); an SMS provider would be a third class registered
 * in CHANNELS (README, "Notifications").
 */
export type RobotKind = "WECOM" | "DINGTALK";

export type RobotTarget = { kind: RobotKind; webhookUrl: string; secret: string | null };

export type RobotMessage = { title: string; markdown: string; mentionMobiles: string[] };

export type SendResult = { ok: boolean; errcode: number | null; errmsg: string };

export interface RobotChannel {
  readonly kind: RobotKind;
  /** The request to make (pure, for tests): the URL and the JSON body. */
  request(robot: RobotTarget, message: RobotMessage, now: Date): { url: string; body: unknown };
  send(robot: RobotTarget, message: RobotMessage, now: Date): Promise<SendResult>;
}

/** Posts JSON and reads `{errcode, errmsg}`, as both robots answer; a timeout or an HTTP error is a failure too. */
export async function postRobot(url: string, body: unknown, timeoutMs = 10_000): Promise<SendResult> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed: { errcode?: unknown; errmsg?: unknown } = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, errcode: null, errmsg: `HTTP ${response.status}: ${text.slice(0, 200)}` };
    }
    const errcode = typeof parsed.errcode === "number" ? parsed.errcode : null;
    const errmsg = typeof parsed.errmsg === "string" ? parsed.errmsg : "";
    return { ok: response.ok && errcode === 0, errcode, errmsg: response.ok ? errmsg : `HTTP ${response.status} ${errmsg}` };
  } catch (error) {
    return { ok: false, errcode: null, errmsg: (error as Error).message.slice(0, 200) };
  }
}
