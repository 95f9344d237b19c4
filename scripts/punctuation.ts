/**
 * Full-width punctuation in the UI's Chinese text (lib/typography): lists what is half-width, or
 * with --fix rewrites it in place.
 *   npx tsx scripts/punctuation.ts [--fix] [files…]
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { scanFile, sourceFiles } from "@/lib/typography/scan";
import { CJK, FULL_WIDTH } from "@/lib/typography/punctuation";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const fix = args.includes("--fix");
const files = args.filter((a) => !a.startsWith("--")).map((f) => path.resolve(f));
let count = 0;
for (const file of files.length ? files : sourceFiles(root)) {
  // A fixed mark can make its neighbour's turn (")," → "),"): fix until nothing is left.
  for (let pass = 0; pass < 4; pass++) {
    const content = readFileSync(file, "utf8");
    const findings = scanFile(file, content);
    if (findings.length === 0) break;
    if (pass === 0) {
      count += findings.length;
      for (const f of findings) console.log(`${path.relative(root, f.file)}:${f.line}: ${f.text}`);
    }
    if (!fix) break;
    writeFileSync(
      file,
      fixed(
        content,
        findings.flatMap((f) => f.offsets),
      ),
    );
  }
}

/**
 * The content with the marks at these offsets full-width, rewritten from the end so that earlier
 * offsets stay valid. A full-width mark carries its own spacing: the spaces a Latin sentence puts
 * after , : ; ? ! (and before an opening parenthesis after Chinese) go.
 */
function fixed(content: string, offsets: number[]): string {
  let out = content;
  for (const at of [...offsets].sort((x, y) => y - x)) {
    const mark = out[at];
    let from = at;
    let to = at + 1;
    if (mark !== "(" && mark !== ")") while (out[to] === " " && !["`", '"', "'", "\n"].includes(out[to + 1] ?? "\n")) to++;
    if (mark === "(") while (out[from - 1] === " " && CJK.test(out[from - 2] ?? "")) from--;
    out = out.slice(0, from) + FULL_WIDTH[mark] + out.slice(to);
  }
  return out;
}

console.log(count ? `${count} piece(s) of Chinese text with half-width punctuation${fix ? " — fixed" : ""}.` : "No half-width punctuation in Chinese text.");
process.exitCode = count && !fix ? 1 : 0;
