/**
 * Photo-like images for the supervision evidence seed and the anomaly
 * benchmark, drawn with sharp from SVG: a work site (sky, ground, buildings,
 * a road, trees, a vehicle) under some light, with sensor noise.
 *
 * A site is a place; a shot is one photo of it on one day (the camera a little
 * elsewhere, other light, the vehicle moved). Two shots of the same site are
 * the hard negatives of the recycled-photo check: a unit photographs the same
 * site every day, legitimately. A recycled photo is the same shot again,
 * re-encoded, resized, cropped, retouched or stamped (`recycle`).
 */
import sharp from "sharp";
import { type Rng, rngFor } from "./rng";

export const SCENE_WIDTH = 1024;
export const SCENE_HEIGHT = 768;

type Building = { x: number; width: number; height: number; hue: number; light: number; windows: number };
type Tree = { x: number; y: number; r: number };

export type Site = { key: string; horizon: number; buildings: Building[]; trees: Tree[]; roadLeft: number; roadRight: number; groundHue: number };

export type Shot = {
  /** camera offset in pixels (the photographer stood elsewhere) */
  dx: number;
  dy: number;
  zoom: number;
  /** light: sky hue, brightness */
  skyHue: number;
  brightness: number;
  vehicleX: number;
  vehicleHue: number;
  noiseSeed: number;
  /** what changes on site from day to day: clouds, piles of material, a second machine, the sun's side */
  clouds: { x: number; y: number; rx: number; ry: number }[];
  piles: { x: number; y: number; r: number; light: number }[];
  machineX: number | null;
  sunFromLeft: boolean;
};

export function siteFor(...key: (string | number)[]): Site {
  const rng = rngFor("site", ...key);
  const horizon = rng.int(300, 460);
  const buildings: Building[] = [];
  let x = rng.int(-80, 40);
  while (x < SCENE_WIDTH + 60) {
    const width = rng.int(90, 260);
    if (rng.chance(0.8)) {
      buildings.push({ x, width, height: rng.int(80, 300), hue: rng.int(0, 359), light: rng.int(35, 80), windows: rng.int(2, 6) });
    }
    x += width + rng.int(10, 90);
  }
  const trees = Array.from({ length: rng.int(3, 9) }, () => ({ x: rng.int(0, SCENE_WIDTH), y: horizon + rng.int(10, 140), r: rng.int(25, 70) }));
  const roadLeft = rng.int(200, 600);
  return { key: key.join("|"), horizon, buildings, trees, roadLeft, roadRight: roadLeft + rng.int(120, 320), groundHue: rng.int(20, 110) };
}

/** One day's shot of a site. `drift` scales how far the camera moved (0 = same spot). */
export function shotFor(rng: Rng, drift = 1): Shot {
  return {
    dx: Math.round(rng.float(-90, 90) * drift),
    dy: Math.round(rng.float(-40, 40) * drift),
    zoom: 1 + rng.float(0, 0.18) * drift,
    skyHue: rng.int(190, 225),
    brightness: rng.float(0.8, 1.15),
    vehicleX: rng.int(50, SCENE_WIDTH - 200),
    vehicleHue: rng.int(0, 359),
    noiseSeed: rng.int(1, 1_000_000),
    clouds: Array.from({ length: rng.int(0, 4) }, () => ({ x: rng.int(0, SCENE_WIDTH), y: rng.int(20, 200), rx: rng.int(60, 160), ry: rng.int(18, 45) })),
    piles: Array.from({ length: rng.int(1, 4) }, () => ({ x: rng.int(40, SCENE_WIDTH - 40), y: rng.int(40, 260), r: rng.int(30, 90), light: rng.int(30, 70) })),
    machineX: rng.chance(0.6) ? rng.int(0, SCENE_WIDTH - 120) : null,
    sunFromLeft: rng.chance(0.5),
  };
}

function svgOf(site: Site, shot: Shot): string {
  const { horizon } = site;
  const buildings = site.buildings
    .map((b) => {
      const top = horizon - b.height;
      const windows: string[] = [];
      const rows = Math.max(1, Math.floor(b.height / 45));
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < b.windows; c++) {
          const wx = b.x + 10 + (c * (b.width - 20)) / b.windows;
          windows.push(
            `<rect x="${wx.toFixed(1)}" y="${top + 12 + r * 45}" width="${Math.max(6, (b.width - 20) / b.windows - 10).toFixed(1)}" height="22" fill="hsl(${b.hue},20%,${Math.max(10, b.light - 30)}%)"/>`,
          );
        }
      }
      return `<rect x="${b.x}" y="${top}" width="${b.width}" height="${b.height}" fill="hsl(${b.hue},25%,${b.light}%)"/>${windows.join("")}`;
    })
    .join("");
  const trees = site.trees
    .map(
      (t) => `<rect x="${t.x - 5}" y="${t.y}" width="10" height="${t.r}" fill="#4a3520"/><circle cx="${t.x}" cy="${t.y}" r="${t.r}" fill="hsl(110,40%,28%)"/>`,
    )
    .join("");
  const vy = horizon + 120;
  const vehicle = `<rect x="${shot.vehicleX}" y="${vy}" width="170" height="60" rx="8" fill="hsl(${shot.vehicleHue},70%,45%)"/><rect x="${shot.vehicleX + 110}" y="${vy - 35}" width="60" height="40" fill="hsl(${shot.vehicleHue},60%,35%)"/><circle cx="${shot.vehicleX + 35}" cy="${vy + 62}" r="18" fill="#222"/><circle cx="${shot.vehicleX + 135}" cy="${vy + 62}" r="18" fill="#222"/>`;
  const w = SCENE_WIDTH;
  const h = SCENE_HEIGHT;
  // The camera: shift and zoom the world about the centre.
  // Parallax: buildings far away move less than the ground, the trees and the machines near the camera.
  const camera = (depth: number) =>
    `translate(${w / 2 + shot.dx * depth} ${h / 2 + shot.dy}) scale(${(1 + (shot.zoom - 1) * depth).toFixed(3)}) translate(${-w / 2} ${-h / 2})`;
  const transform = camera(1);
  const clouds = (shot.clouds ?? []).map((c) => `<ellipse cx="${c.x}" cy="${c.y}" rx="${c.rx}" ry="${c.ry}" fill="rgba(255,255,255,0.75)"/>`).join("");
  const piles = (shot.piles ?? [])
    .map((p) => `<ellipse cx="${p.x}" cy="${horizon + p.y}" rx="${p.r}" ry="${Math.round(p.r * 0.45)}" fill="hsl(30,25%,${p.light}%)"/>`)
    .join("");
  const machine =
    shot.machineX == null
      ? ""
      : `<rect x="${shot.machineX}" y="${horizon + 60}" width="120" height="45" fill="#d9a400"/><rect x="${shot.machineX + 80}" y="${horizon + 20}" width="12" height="50" fill="#d9a400" transform="rotate(-30 ${shot.machineX + 86} ${horizon + 60})"/>`;
  const shade = shot.sunFromLeft === undefined ? "" : `<rect width="${w}" height="${h}" fill="url(#sun)"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${shot.skyHue},55%,62%)"/><stop offset="1" stop-color="hsl(${shot.skyHue},35%,88%)"/></linearGradient>
  <linearGradient id="sun" x1="${shot.sunFromLeft ? 0 : 1}" y1="0" x2="${shot.sunFromLeft ? 1 : 0}" y2="0"><stop offset="0" stop-color="rgba(255,255,255,0.18)"/><stop offset="1" stop-color="rgba(0,0,0,0.22)"/></linearGradient></defs>
  <rect width="${w}" height="${h}" fill="url(#sky)"/>
  <g transform="${camera(0.4)}">${clouds}</g>
  <g transform="${camera(0.7)}">
    <rect x="-200" y="${horizon}" width="${w + 400}" height="${h}" fill="hsl(${site.groundHue},30%,42%)"/>
    ${buildings}
  </g>
  <g transform="${transform}">
    <polygon points="${site.roadLeft},${horizon} ${site.roadRight},${horizon} ${site.roadRight + 420},${h + 200} ${site.roadLeft - 420},${h + 200}" fill="#6b6b6b"/>
    ${piles}
    ${machine}
  </g>
  <g transform="${camera(1.4)}">
    ${trees}
    ${vehicle}
  </g>
  ${shade}
</svg>`;
}

/** A JPEG of one shot of a site, with mild sensor noise. */
export async function renderShot(site: Site, shot: Shot): Promise<Buffer> {
  const base = await sharp(Buffer.from(svgOf(site, shot)))
    .modulate({ brightness: shot.brightness })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const noise = mulberryNoise(shot.noiseSeed, base.data.length);
  const data = Buffer.from(base.data);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i] + noise[i]));
  return sharp(data, { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

function mulberryNoise(seed: number, length: number): Int8Array {
  const out = new Int8Array(length);
  let a = seed >>> 0;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) % 13) - 6;
  }
  return out;
}

export const RECYCLE_TRANSFORMS = ["reencode", "resize", "crop", "retouch", "stamp", "crop20", "mirror", "rotate90", "rotate180", "screenshot"] as const;
export type RecycleTransform = (typeof RECYCLE_TRANSFORMS)[number];

export const RECYCLE_LABELS: Record<RecycleTransform, string> = {
  reencode: "重新压缩",
  resize: "缩小",
  crop: "裁剪边缘",
  retouch: "调亮度和饱和度",
  stamp: "加水印时间",
  crop20: "裁去至多两成",
  mirror: "左右镜像",
  rotate90: "旋转 90°",
  rotate180: "旋转 180°",
  screenshot: "手机截图",
};

/** The same photo again, as someone re-posting it would make it. */
export async function recycle(photo: Buffer, transform: RecycleTransform, rng: Rng): Promise<Buffer> {
  const image = sharp(photo);
  const { width = SCENE_WIDTH, height = SCENE_HEIGHT } = await image.metadata();
  const cropOff = (lo: number, hi: number) => {
    const left = Math.round(width * rng.float(lo, hi));
    const top = Math.round(height * rng.float(lo, hi));
    const cropWidth = width - left - Math.round(width * rng.float(lo, hi));
    const cropHeight = height - top - Math.round(height * rng.float(lo, hi));
    return image.extract({ left, top, width: cropWidth, height: cropHeight }).jpeg({ quality: 80 }).toBuffer();
  };
  switch (transform) {
    case "reencode":
      return image.jpeg({ quality: rng.int(45, 70) }).toBuffer();
    case "resize":
      return image
        .resize(Math.round(width * rng.float(0.4, 0.7)))
        .jpeg({ quality: 80 })
        .toBuffer();
    case "crop":
      return cropOff(0.02, 0.08);
    case "crop20":
      // Any edges, each up to a fifth.
      return cropOff(0, 0.2);
    case "retouch":
      return image
        .modulate({ brightness: rng.float(0.85, 1.2), saturation: rng.float(0.7, 1.4) })
        .jpeg({ quality: 80 })
        .toBuffer();
    case "stamp": {
      const stamp = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="${width - 330}" y="${height - 70}" width="310" height="50" fill="rgba(0,0,0,0.45)"/><text x="${width - 315}" y="${height - 36}" font-size="28" fill="#fff" font-family="sans-serif">2026-${rng.int(10, 12)}-${rng.int(10, 28)} ${rng.int(8, 18)}:${rng.int(10, 59)}</text></svg>`;
      return image
        .composite([{ input: Buffer.from(stamp) }])
        .jpeg({ quality: 82 })
        .toBuffer();
    }
    case "mirror":
      return image.flop().jpeg({ quality: 80 }).toBuffer();
    case "rotate90":
      return image
        .rotate(rng.chance(0.5) ? 90 : 270)
        .jpeg({ quality: 80 })
        .toBuffer();
    case "rotate180":
      return image.rotate(180).jpeg({ quality: 80 }).toBuffer();
    case "screenshot": {
      // The photo shown full width on a phone, a status line above and the viewer's buttons below, saved as a screenshot.
      const W = 1080;
      const H = rng.pick([1920, 2340, 2400]);
      const ph = Math.round((height * W) / width);
      const dark = rng.chance(0.7);
      const ink = dark ? "#fff" : "#222";
      const frame = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="${dark ? "#000" : "#f4f4f4"}"/><text x="48" y="64" font-size="40" fill="${ink}" font-family="sans-serif">${rng.int(8, 20)}:${rng.int(10, 59)}</text><text x="${W - 260}" y="64" font-size="40" fill="${ink}" font-family="sans-serif">5G ${rng.int(20, 99)}%</text><text x="60" y="${H - 110}" font-size="44" fill="${ink}" font-family="sans-serif">分享    编辑    收藏    删除</text></svg>`;
      const shown = await image.resize(W, ph).toBuffer();
      return sharp(Buffer.from(frame))
        .composite([{ input: shown, top: Math.round((H - ph) / 2) + rng.int(-60, 60), left: 0 }])
        .png()
        .toBuffer();
    }
  }
}
