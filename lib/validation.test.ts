import assert from "node:assert/strict";
import { test } from "node:test";
import { fieldsWithControlCharacters, hasControlCharacters, parsePlainDecimal } from "@/lib/validation";

test("numbers are plain decimals: no hex, exponents, Infinity or blanks", () => {
  assert.equal(parsePlainDecimal("16"), 16);
  assert.equal(parsePlainDecimal(" 1,200.5 "), 1200.5);
  assert.equal(parsePlainDecimal("1，200"), 1200);
  assert.equal(parsePlainDecimal("-3"), -3);
  assert.equal(parsePlainDecimal(".5"), 0.5);
  for (const bad of ["0x10", "1e3", "Infinity", "", " ", "0b11", "12abc", "--1"]) assert.ok(Number.isNaN(parsePlainDecimal(bad)), bad);
});

test("control characters are refused; tabs and line breaks are text", () => {
  assert.equal(hasControlCharacters("\u0000"), true);
  assert.equal(hasControlCharacters("名称\u001b[31m"), true);
  assert.equal(hasControlCharacters("第一行\n第二行\t缩进\r\n"), false);
  const form = new FormData();
  form.set("name", "\u0000");
  form.set("note", "正常文字");
  form.set("$ACTION_ID_x", "\u0000");
  assert.deepEqual(fieldsWithControlCharacters(form), ["name"]);
});
