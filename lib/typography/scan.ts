/**
 * Finds half-width punctuation in the Chinese text of the source tree (lib/typography/punctuation.ts):
 * string literals, template literals (their text around `${…}`) and JSX text (an element's text children together) of the .ts/.tsx files
 * under app/, components/ and lib/ (not tests).
 * Comments and regular expressions are not UI text and are left alone; so is a literal on a line
 * marked `punctuation-ok` (a mark like the work log's "?", not a question).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { filesUnder } from "@/lib/source-files";
import { halfWidthMarks, VALUE } from "@/lib/typography/punctuation";

export type Finding = { file: string; line: number; text: string; offsets: number[] };

/** The folders holding UI text, relative to the repository's root. */
export const UI_TEXT_ROOTS = ["app", "components", "lib"];
// Tests hold fixtures and expectations, not UI text; lib/testing builds fixtures.
const isUiSource = (relative: string) => /\.tsx?$/.test(relative) && !/\.(d|test)\.ts$/.test(relative) && !relative.split(path.sep).includes("testing");

export function sourceFiles(root: string, dirs = UI_TEXT_ROOTS): string[] {
  return dirs.flatMap((dir) => filesUnder(path.join(root, dir), isUiSource).map((file) => path.join(root, dir, file))).sort();
}

/** Each piece of text in a file: its characters and, for each, its offset in the source. */
function textPieces(source: ts.SourceFile): { chars: string; offsets: number[]; node: ts.Node }[] {
  const text = source.getFullText();
  const pieces: { chars: string; offsets: number[]; node: ts.Node }[] = [];
  const add = (node: ts.Node, ranges: [number, number][]) => {
    let chars = "";
    const offsets: number[] = [];
    ranges.forEach(([start, end], i) => {
      if (i > 0) {
        // A `${…}` stands for a value: neither Chinese nor a space.
        chars += VALUE;
        offsets.push(-1);
      }
      for (let j = start; j < end; j++) {
        chars += text[j];
        offsets.push(j);
      }
    });
    pieces.push({ chars, offsets, node });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!ts.isImportTypeNode(node.parent) && !ts.isExternalModuleReference(node.parent)) add(node, [[node.getStart(source) + 1, node.getEnd() - 1]]);
    } else if (ts.isTemplateExpression(node)) {
      const ranges: [number, number][] = [[node.head.getStart(source) + 1, node.head.getEnd() - 2]];
      node.templateSpans.forEach((span, i) => {
        const last = i === node.templateSpans.length - 1;
        ranges.push([span.literal.getStart(source) + 1, span.literal.getEnd() - (last ? 1 : 2)]);
      });
      add(node, ranges);
      node.templateSpans.forEach((span) => visit(span.expression));
      return;
    } else if (ts.isJsxElement(node) || ts.isJsxFragment(node)) {
      // An element's text runs on across {…}: "本期晒报({count})" is one piece, its ( and ) a pair.
      let ranges: [number, number][] = [];
      const flush = () => {
        if (ranges.length) add(node, ranges);
        ranges = [];
      };
      for (const child of node.children) {
        if (ts.isJsxText(child)) ranges.push([child.getStart(source), child.getEnd()]);
        else if (ts.isJsxExpression(child) && ranges.length) ranges.push([child.getEnd(), child.getEnd()]);
        else flush();
      }
      flush();
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return pieces;
}

export function scanFile(file: string, content = readFileSync(file, "utf8")): Finding[] {
  const source = ts.createSourceFile(file, content, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = content.split("\n");
  const findings: Finding[] = [];
  for (const piece of textPieces(source)) {
    const marks = halfWidthMarks(piece.chars)
      .map((i) => piece.offsets[i])
      .filter((o) => o >= 0);
    if (marks.length === 0) continue;
    const line = source.getLineAndCharacterOfPosition(piece.node.getStart(source)).line;
    if (lines[line]?.includes("punctuation-ok") || lines[line - 1]?.includes("punctuation-ok")) continue;
    findings.push({ file, line: line + 1, text: piece.chars.replaceAll(VALUE, "…").trim().slice(0, 80), offsets: marks });
  }
  return findings;
}
