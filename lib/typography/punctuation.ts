/**
 * Full-width punctuation in Chinese UI text (issue 14): in a piece of text, a half-width
 * , : ; ? ! next to a Chinese character, or a pair of ( ) around or right after one, should be
 * its full-width form (，：；？！（）), without the spaces a Latin sentence puts after it.
 * "今天干什么:勾选或填写(已选 5 项)" → "今天干什么：勾选或填写（已选 5 项）"; "13:30", "Lighthouse
 * (mobile)", URLs and code stay as they are.
 */

export const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
export const FULL_WIDTH: Record<string, string> = { ",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）" };

function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/** What the scanner puts for a `${…}` or a JSX `{…}` in a piece of text: a value, neither Chinese nor a space. */
export const VALUE = "\uE000";

/** The nearest character that is not a space (nor, with `overValues`, a value), before (-1) or after (+1) index i. */
function neighbour(text: string, i: number, step: -1 | 1, overValues = false): string | undefined {
  for (let j = i + step; j >= 0 && j < text.length; j += step) if (text[j] !== " " && !(overValues && text[j] === VALUE)) return text[j];
  return undefined;
}

/** The half-width marks to turn full-width: their indexes in the text. */
export function halfWidthMarks(text: string): number[] {
  if (!CJK.test(text)) return [];
  const marks = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // ? and ! end a Chinese sentence only right after it: "打 ?" and "? 未完成" are the work log's mark (✓/?), not a question.
    if ("?!".includes(c)) {
      if (/[\u3400-\u9fff]/.test(text[i - 1] ?? "")) marks.add(i);
    } else if (",:;".includes(c)) {
      // "a?b" in a URL or "08:30" has no Chinese neighbour; a colon between digits never counts.
      // A comma or semicolon joins clauses: ",${n} 个数据不足" is Chinese past the value; "${h}:${m} 截止" is a time.
      const over = c !== ":";
      if (
        (isCjk(neighbour(text, i, -1, over)) || isCjk(neighbour(text, i, 1, over))) &&
        !(c === ":" && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""))
      )
        marks.add(i);
    }
  }
  // Parentheses go in pairs: full-width when right after Chinese or holding Chinese.
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") open.push(i);
    else if (text[i] === ")" && open.length) {
      const start = open.pop()!;
      const inside = text.slice(start + 1, i);
      if (isCjk(neighbour(text, start, -1)) || CJK.test(inside)) marks.add(start).add(i);
    }
  }
  return [...marks].sort((a, b) => a - b);
}

/** The text with those marks full-width, and the spaces around them dropped. */
export function fullWidthPunctuation(text: string): string {
  const marks = new Set(halfWidthMarks(text));
  if (marks.size === 0) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (!marks.has(i)) {
      out += text[i];
      continue;
    }
    out = out.replace(/ +$/, (spaces) => (text[i] === "(" || isCjk(neighbour(text, i, -1)) ? "" : spaces));
    out += FULL_WIDTH[text[i]];
    // A Latin sentence's space after the mark: full-width marks carry their own.
    while (text[i + 1] === " " && text[i] !== "(" && i + 2 < text.length) i++;
  }
  return out;
}
