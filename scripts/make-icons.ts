/**
 * The app's favicon and icons from one drawing: the 晒 mark of the header (a white 晒 on the brand
 * red, rounded). Rendered here with sharp (librsvg and a CJK font: WenQuanYi Micro Hei on Debian,
 * fonts-wqy-microhei) into PNG, so browsers need no font; favicon.ico holds 16, 32 and 48 px PNGs.
 *   npx tsx scripts/make-icons.ts [out-dir=app]
 * The PWA manifest's icons are phone-card's (public/), made the same way.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const BRAND = "#a51d24";

function svg(size: number, rounded: boolean): string {
  const r = rounded ? size * 0.2 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${r}" fill="${BRAND}"/>
  <text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-family="WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif" font-weight="bold" font-size="${size * 0.66}" fill="#fff">晒</text>
</svg>`;
}

async function png(size: number, rounded = true): Promise<Buffer> {
  return sharp(Buffer.from(svg(size, rounded)))
    .png()
    .toBuffer();
}

/** An .ico of PNG images (Vista+ format, read by every current browser). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

async function main() {
  const out = path.resolve(process.argv[2] ?? "app");
  const sizes = [16, 32, 48];
  writeFileSync(path.join(out, "favicon.ico"), ico(await Promise.all(sizes.map(async (size) => ({ size, data: await png(size) })))));
  writeFileSync(path.join(out, "icon.png"), await png(192));
  // iOS rounds the corners itself.
  writeFileSync(path.join(out, "apple-icon.png"), await png(180, false));
  console.log(`favicon.ico, icon.png, apple-icon.png → ${out}`);
}

void main();
