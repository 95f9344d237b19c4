/**
 * What e2e/a11y*.spec.ts check on a page as it is shown: axe-core's serious and critical
 * violations and the tap targets under a minimum size (issue 14).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 375, height: 812 };

/** Visible controls smaller than `min` px on either side, as "tag 'text' w×h". */
export async function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const SELECTOR =
      "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=tab], [role=checkbox], [role=radio]";
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(SELECTOR))) {
      if (el.closest("[aria-hidden=true], [inert]") || (el as HTMLButtonElement).disabled) continue;
      if (getComputedStyle(el).visibility === "hidden") continue;
      let rect = el.getBoundingClientRect();
      // A checkbox, a radio or a file input is reached through its label: the label is the target.
      if (el instanceof HTMLInputElement && el.labels && el.labels.length) {
        for (const label of Array.from(el.labels)) {
          const l = label.getBoundingClientRect();
          if (l.width * l.height > rect.width * rect.height) rect = l;
        }
      }
      if (rect.width <= 1 || rect.height <= 1) continue; // not shown (or visually hidden until focused)
      if (rect.width >= min && rect.height >= min) continue;
      // WCAG 2.5.8's inline exception: a link inside a sentence, its size set by the line of text.
      if (el.tagName === "A" && getComputedStyle(el).display === "inline") {
        const block = el.parentElement;
        const text = (block?.textContent ?? "").replace(/\s/g, "");
        if (text.length > (el.textContent ?? "").replace(/\s/g, "").length + 4) continue;
      }
      const name = (el.getAttribute("aria-label") ?? el.textContent ?? (el as HTMLInputElement).name ?? "").trim().slice(0, 20);
      out.push(
        `${el.tagName.toLowerCase()}${el.getAttribute("type") ? `[${el.getAttribute("type")}]` : ""} '${name}' ${Math.round(rect.width)}×${Math.round(rect.height)}`,
      );
    }
    return out;
  }, min);
}

/** The page's serious or critical axe violations and its targets under `min` px, as readable lines labelled `where`. */
export async function problems(page: Page, where: string, min: number): Promise<string[]> {
  const found: string[] = [];
  const results = await new AxeBuilder({ page }).analyze();
  for (const v of results.violations) {
    if (v.impact !== "serious" && v.impact !== "critical") continue;
    const nodes = v.nodes.slice(0, 3).map((n) => n.target.join(" "));
    found.push(`${where}: ${v.id} (${v.impact}) × ${v.nodes.length}: ${nodes.join(" | ")}`);
  }
  const small = await smallTargets(page, min);
  if (small.length) found.push(`${where}: ${small.length} targets under ${min} px: ${small.slice(0, 6).join("; ")}`);
  return found;
}
