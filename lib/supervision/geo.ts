/** Distances and the district's outline, for the location checks (pure). */

export type LatLng = { lat: number; lng: number };

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A district's outline: one or more rings of [lng, lat] (GeoJSON order), the first point repeated last. */
export type Boundary = { name: string; rings: [number, number][][] };

/** Whether a point lies inside the outline (even-odd rule over all rings, so holes work too). */
export function isInside(boundary: Boundary, p: LatLng): boolean {
  let inside = false;
  for (const ring of boundary.rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > p.lat !== yj > p.lat && p.lng < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Distance in kilometres from a point to the outline's nearest edge
 * (planar in a local projection: exact enough at a district's scale, and
 * for a point far away the haversine to the nearest vertex).
 */
export function distanceToBoundaryKm(boundary: Boundary, p: LatLng): number {
  const kmPerLat = 111.195;
  const kmPerLng = kmPerLat * Math.cos((p.lat * Math.PI) / 180);
  let best = Infinity;
  for (const ring of boundary.rings) {
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1][0] - p.lng) * kmPerLng;
      const ay = (ring[i - 1][1] - p.lat) * kmPerLat;
      const bx = (ring[i][0] - p.lng) * kmPerLng;
      const by = (ring[i][1] - p.lat) * kmPerLat;
      const dx = bx - ax;
      const dy = by - ay;
      const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  if (best > 50) {
    // Far away the flat projection drifts: the nearest vertex by great circle.
    for (const ring of boundary.rings) for (const [lng, lat] of ring) best = Math.min(best, haversineKm(p, { lat, lng }));
  }
  return best;
}

/** [minLng, minLat, maxLng, maxLat] of the outline. */
export function boundsOf(boundary: Boundary): [number, number, number, number] {
  let [a, b, c, d] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of boundary.rings) {
    for (const [lng, lat] of ring) {
      a = Math.min(a, lng);
      b = Math.min(b, lat);
      c = Math.max(c, lng);
      d = Math.max(d, lat);
    }
  }
  return [a, b, c, d];
}

/** Reads a GeoJSON Feature, FeatureCollection (its first feature), Polygon or MultiPolygon into a Boundary. */
export function boundaryFromGeoJson(json: unknown, fallbackName = "本区"): Boundary {
  const value = json as { type?: string; features?: unknown[]; geometry?: unknown; properties?: { name?: string }; coordinates?: unknown };
  if (value?.type === "FeatureCollection" && Array.isArray(value.features) && value.features.length > 0)
    return boundaryFromGeoJson(value.features[0], fallbackName);
  if (value?.type === "Feature") return boundaryFromGeoJson(value.geometry, value.properties?.name ?? fallbackName);
  if (value?.type === "Polygon") return { name: fallbackName, rings: value.coordinates as [number, number][][] };
  if (value?.type === "MultiPolygon") return { name: fallbackName, rings: (value.coordinates as [number, number][][][]).flat() };
  throw new Error("The district boundary must be a GeoJSON Polygon or MultiPolygon (or a Feature holding one).");
}
