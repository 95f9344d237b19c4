import assert from "node:assert/strict";
import { test } from "node:test";
import { fullWidthPunctuation, halfWidthMarks } from "@/lib/typography/punctuation";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { scanFile, sourceFiles } from "@/lib/typography/scan";

test("half-width marks beside Chinese become full-width, without the Latin space after them", () => {
  assert.equal(fullWidthPunctuation("今天干什么:勾选或填写(已选 5 项)"), "今天干什么：勾选或填写（已选 5 项）");
  assert.equal(fullWidthPunctuation("您没有权限查看刚才的页面,已回到您的首页。"), "您没有权限查看刚才的页面，已回到您的首页。");
  assert.equal(fullWidthPunctuation("已晒: 3"), "已晒：3");
  assert.equal(fullWidthPunctuation("全部提醒(112)"), "全部提醒（112）");
  assert.equal(fullWidthPunctuation("确定吗?"), "确定吗？");
});

test("times, numbers, addresses and Latin text keep their half-width marks", () => {
  for (const text of ["截止 09:30", "13:30", "https://example.cn/a?b=c", "Lighthouse (mobile)", "a, b; c", "(已选 ", "完成的打 ✓,未完成的打 ?", "? 未完成"].map(
    (t) => t.replace(",", "\uFF0C"),
  ))
    assert.deepEqual(halfWidthMarks(text), [], text);
});

test("string literals, template literals around ${…} and JSX text (across its {…}) are scanned; comments, regexps and marked lines are not", () => {
  const source = [
    'const a = "提示:请填写";',
    "const b = `共 ${n} 条,显示 ${m} 条`;",
    "const c = <p>今天干什么:勾选</p>;",
    "// 注释:不算",
    "const d = /督查室\\)提醒/;",
    'const e = "未完成 ?"; // punctuation-ok: the work log\'s mark, not a question',
    'const f = "13:30";',
    "const g = <h2>本期晒报({count})</h2>;",
    'const h = `排名${n > 0 ? `,${n} 个数据不足` : ""}`;',
    "const i = `截止 ${h}:${m}`;",
  ].join("\n");
  const found = scanFile("x.tsx", source);
  assert.deepEqual(
    found.map((f) => f.line),
    [1, 2, 3, 8, 9],
  );
});

test("the UI's Chinese text in app/, components/ and lib/ has no half-width punctuation (fix: npx tsx scripts/punctuation.ts --fix)", () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const findings = sourceFiles(root).flatMap((file) => scanFile(file).map((f) => `${path.relative(root, f.file)}:${f.line}: ${f.text}`));
  assert.deepEqual(findings, []);
});
