/**
 * Writes the app's icons (public/icons) from one drawing: a sun over a
 * terrace (晒台), white on the brand red. No font is needed, so it renders the
 * same on any machine. Run again after changing the drawing:
 *   npx tsx scripts/pwa-icons.ts
 */
import fs from "node:fs";
import sharp from "sharp";

const RED = "#a51d24";
/** The drawing on a 512 grid; `inset` shrinks it into the maskable safe zone (the inner 80 %). */
function svg(inset: number, rounded: boolean): string {
  const s = 1 - inset * 2;
  const t = 512 * inset;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${rounded ? 96 : 0}" fill="${RED}"/>
  <g transform="translate(${t} ${t}) scale(${s})" fill="#fff">
    <circle cx="256" cy="196" r="82"/>
    <g stroke="#fff" stroke-width="22" stroke-linecap="round">
      <line x1="256" y1="54" x2="256" y2="84"/><line x1="130" y1="104" x2="151" y2="125"/><line x1="382" y1="104" x2="361" y2="125"/>
      <line x1="86" y1="196" x2="116" y2="196"/><line x1="426" y1="196" x2="396" y2="196"/>
    </g>
    <rect x="96" y="322" width="320" height="30" rx="15"/>
    <rect x="136" y="378" width="240" height="30" rx="15"/>
    <rect x="176" y="434" width="160" height="30" rx="15"/>
  </g>
</svg>`;
}

async function main() {
  fs.mkdirSync("public/icons", { recursive: true });
  await sharp(Buffer.from(svg(0, true)))
    .resize(192)
    .png()
    .toFile("public/icons/icon-192.png");
  await sharp(Buffer.from(svg(0, true)))
    .png()
    .toFile("public/icons/icon-512.png");
  await sharp(Buffer.from(svg(0.1, false)))
    .png()
    .toFile("public/icons/maskable-512.png");
  await sharp(Buffer.from(svg(0.06, false)))
    .resize(180)
    .png()
    .toFile("public/icons/apple-touch-icon.png");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
