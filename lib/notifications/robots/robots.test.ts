/** The robots' requests: DingTalk's 加签 against a vector computed apart from this code, WeCom's two forms. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DingTalkRobot, dingTalkSign, signedDingTalkUrl } from "@/lib/notifications/robots/dingtalk";
import { WecomRobot } from "@/lib/notifications/robots/wecom";

// Computed with Python from DingTalk's documented algorithm (its own sample code):
//   quote_plus(b64encode(hmac.new(b"SEC0123456789abcdef", b"1764460800000\nSEC0123456789abcdef", sha256).digest()))
const VECTOR = { secret: "SEC0123456789abcdef", timestamp: 1764460800000, sign: "X%2Byen7xDC4d%2BVsnCWb2AyssnYvADvPDZboMG4NRI%2Fe8%3D" };

test("the DingTalk signature matches the documented algorithm's vector", () => {
  assert.equal(dingTalkSign(VECTOR.secret, VECTOR.timestamp), VECTOR.sign);
  assert.equal(
    signedDingTalkUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", VECTOR.secret, VECTOR.timestamp),
    `https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=${VECTOR.timestamp}&sign=${VECTOR.sign}`,
  );
  assert.equal(signedDingTalkUrl("https://x/robot/send?access_token=abc", null, 1), "https://x/robot/send?access_token=abc", "no 加签 without a secret");
});

test("a DingTalk markdown message @-s by phone in the text and in atMobiles", () => {
  const { url, body } = new DingTalkRobot().request(
    { kind: "DINGTALK", webhookUrl: "http://127.0.0.1/robot?access_token=t", secret: VECTOR.secret },
    { title: "督办件交办", markdown: "### 督办件交办\n[查看](https://x/orders/1)", mentionMobiles: ["13800000000"] },
    new Date(VECTOR.timestamp),
  );
  assert.ok(url.endsWith(`&timestamp=${VECTOR.timestamp}&sign=${VECTOR.sign}`));
  assert.deepEqual(body, {
    msgtype: "markdown",
    markdown: { title: "督办件交办", text: "### 督办件交办\n[查看](https://x/orders/1)\n\n@13800000000" },
    at: { atMobiles: ["13800000000"], isAtAll: false },
  });
});

test("WeCom: markdown, or text with mentioned_mobile_list when someone is @-ed, never over 2048 bytes", () => {
  const robot = { kind: "WECOM" as const, webhookUrl: "http://127.0.0.1/cgi-bin/webhook/send?key=k", secret: null };
  const md = new WecomRobot().request(robot, { title: "t", markdown: "**督办件**交办", mentionMobiles: [] });
  assert.deepEqual(md.body, { msgtype: "markdown", markdown: { content: "**督办件**交办" } });
  const text = new WecomRobot().request(robot, { title: "t", markdown: `**催报**[查看](https://x/unit)${"晒".repeat(1000)}`, mentionMobiles: ["13900000000"] });
  const body = text.body as { msgtype: string; text: { content: string; mentioned_mobile_list: string[] } };
  assert.equal(body.msgtype, "text");
  assert.deepEqual(body.text.mentioned_mobile_list, ["13900000000"]);
  assert.ok(body.text.content.startsWith("催报查看 https://x/unit"));
  assert.ok(Buffer.byteLength(body.text.content) <= 2048);
});
