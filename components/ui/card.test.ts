import assert from "node:assert/strict";
import { test } from "node:test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Card, Section } from "./card";

const labelledBy = (html: string) => html.match(/<section[^>]*aria-labelledby="([^"]+)"/)?.[1];
const headingId = (html: string) => html.match(/<h2[^>]*id="([^"]+)"/)?.[1];

test("a Card or Section with a heading is labelled by its h2, with a generated id", () => {
  for (const part of [Card, Section]) {
    const html = renderToStaticMarkup(createElement(part, { heading: "节点（课程表）" }, createElement("p", null, "内容")));
    assert.ok(labelledBy(html));
    assert.equal(labelledBy(html), headingId(html));
    assert.match(html, /<h2[^>]*>节点（课程表）<\/h2><p>内容<\/p>/);
  }
});

test("a fixed headingId is used for both, and the heading's class is merged", () => {
  const html = renderToStaticMarkup(
    createElement(Section, { heading: "流动红黄旗", headingId: "flags-h", headingClassName: "text-xl", className: "space-y-3" }),
  );
  assert.equal(labelledBy(html), "flags-h");
  assert.equal(headingId(html), "flags-h");
  assert.match(html, /<h2 id="flags-h" class="font-semibold text-xl">/);
});

test("without a heading a Card is a plain section with no label", () => {
  const html = renderToStaticMarkup(createElement(Card, { "aria-label": "节点：一" }, "x"));
  assert.equal(labelledBy(html), undefined);
  assert.doesNotMatch(html, /<h2/);
  assert.match(html, /aria-label="节点：一"/);
});

test("an aside shares the heading's line and stays outside the heading (the part's name is the heading alone)", () => {
  const html = renderToStaticMarkup(createElement(Card, { heading: "逾期任务", headingAside: createElement("a", { href: "/tasks" }, "全部 →") }));
  assert.match(html, /<div class="flex[^"]*"><h2[^>]*>逾期任务<\/h2><a href="\/tasks">全部 →<\/a><\/div>/);
  assert.equal(labelledBy(html), headingId(html));
});
