import { type Boundary, boundsOf } from "@/lib/supervision/geo";

export type MapPoint = { lat: number; lng: number; label: string; kind: "fix" | "site" | "seat" };

const WIDTH = 360;
const COLOURS = { fix: "#b91c1c", site: "#1d4ed8", seat: "#047857" } as const;

/**
 * The flagged positions on the district's outline, drawn as SVG (no tile
 * server: it works offline). The view widens to hold a point far outside
 * the district; an equirectangular projection is exact enough at this scale.
 */
export function LocationMap({ boundary, points, line, title }: { boundary: Boundary; points: MapPoint[]; line?: [MapPoint, MapPoint]; title: string }) {
  const [bMinLng, bMinLat, bMaxLng, bMaxLat] = boundsOf(boundary);
  let [minLng, minLat, maxLng, maxLat] = [bMinLng, bMinLat, bMaxLng, bMaxLat];
  for (const p of points) {
    minLng = Math.min(minLng, p.lng);
    maxLng = Math.max(maxLng, p.lng);
    minLat = Math.min(minLat, p.lat);
    maxLat = Math.max(maxLat, p.lat);
  }
  const padLng = (maxLng - minLng) * 0.08 || 0.01;
  const padLat = (maxLat - minLat) * 0.08 || 0.01;
  minLng -= padLng;
  maxLng += padLng;
  minLat -= padLat;
  maxLat += padLat;
  const cos = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = WIDTH / ((maxLng - minLng) * cos);
  const height = Math.min(480, Math.max(160, Math.round((maxLat - minLat) * scale)));
  const x = (lng: number) => ((lng - minLng) * cos * scale).toFixed(1);
  const y = (lat: number) => (((maxLat - lat) / (maxLat - minLat)) * height).toFixed(1);
  const outline = boundary.rings.map((ring) => `M${ring.map(([lng, lat]) => `${x(lng)},${y(lat)}`).join("L")}Z`).join("");
  return (
    <figure className="max-w-md">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} className="h-auto w-full rounded-lg border border-stone-200 bg-stone-50">
        <title>{title}</title>
        <path d={outline} fill="#e7e5e4" stroke="#57534e" strokeWidth="1.2" fillRule="evenodd" />
        {line ? (
          <line x1={x(line[0].lng)} y1={y(line[0].lat)} x2={x(line[1].lng)} y2={y(line[1].lat)} stroke="#b91c1c" strokeWidth="1.5" strokeDasharray="4 3" />
        ) : null}
        {points.map((p, i) => (
          <g key={i}>
            {p.kind === "fix" ? (
              <circle cx={x(p.lng)} cy={y(p.lat)} r="5" fill={COLOURS.fix} stroke="#fff" strokeWidth="1.5" />
            ) : (
              <rect x={Number(x(p.lng)) - 4.5} y={Number(y(p.lat)) - 4.5} width="9" height="9" fill={COLOURS[p.kind]} stroke="#fff" strokeWidth="1.5" />
            )}
            <text x={Number(x(p.lng)) + 8} y={Number(y(p.lat)) + 4} fontSize="11" fill="#1c1917">
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-stone-600">
        灰色为{boundary.name}边界；<span style={{ color: COLOURS.fix }}>●</span> 定位，<span style={{ color: COLOURS.site }}>■</span> 任务现场，
        <span style={{ color: COLOURS.seat }}>■</span> 单位驻地
      </figcaption>
    </figure>
  );
}
