// DuckDB templates for the geo_* functions that are exact in plain SQL (no spatial extension).
// Geohash: the standard bisection, written as cell indexes. Bisection midpoints are dyadic
// fractions of 360/180 degrees, so the boundary checks below are exact in doubles, and a point
// on a boundary goes to the upper cell (lon >= mid gives bit 1).
import type { SqlTemplate } from '../types.js';
import { arg, Unsupported } from './render.js';
import { p } from './values.js';

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

/** The cell index of `v` in [lo, lo + span) split into 2^bits equal parts, corrected at the edges. */
function cell(v: string, lo: number, span: number, bits: number): string {
  const cells = 2 ** bits;
  const edge = (k: string) => `(${lo} + ${span} * (${k}) / ${cells}.0)`;
  const guess = `least(CAST(floor((${v} - ${lo}) / ${span} * ${cells}) AS BIGINT), ${cells - 1})`;
  return `(${guess} - CASE WHEN ${v} < ${edge(guess)} THEN 1 ELSE 0 END + CASE WHEN ${guess} < ${cells - 1} AND ${v} >= ${edge(`${guess} + 1`)} THEN 1 ELSE 0 END)`;
}

const pointToGeohash: SqlTemplate = (args, ctx) => {
  const lon = `CAST(${p(arg(args, 0).sql)} AS DOUBLE)`;
  const lat = `CAST(${p(arg(args, 1).sql)} AS DOUBLE)`;
  const acc = args[2] === undefined ? 5 : args[2].constant;
  if (acc === null) return "''";
  if (typeof acc !== 'number') throw new Unsupported('geo_point_to_geohash accuracy must be a constant');
  if (!Number.isInteger(acc) || acc < 1 || acc > 18) return "''";
  const total = 5 * acc;
  const lonBits = Math.ceil(total / 2);
  const latBits = Math.floor(total / 2);
  const x = cell(lon, -180, 360, lonBits);
  const y = cell(lat, -90, 180, latBits);
  const chars: string[] = [];
  for (let c = 0; c < acc; c++) {
    const bits: string[] = [];
    for (let k = 0; k < 5; k++) {
      const b = 5 * c + k;
      const src =
        b % 2 === 0 ? `((${x} >> ${lonBits - 1 - b / 2}) & 1)` : `((${y} >> ${latBits - 1 - (b - 1) / 2}) & 1)`;
      bits.push(`${src} * ${2 ** (4 - k)}`);
    }
    chars.push(`substr(${ctx.stringLiteral(BASE32)}, CAST(${bits.join(' + ')} AS INTEGER) + 1, 1)`);
  }
  const valid = `${lon} BETWEEN -180 AND 180 AND ${lat} BETWEEN -90 AND 90`;
  return `(CASE WHEN ${valid} THEN ${chars.join(' || ')} ELSE '' END)`;
};

/**
 * The centre of a geohash cell as a GeoJSON point; text that isn't a geohash gives null.
 * Upper case and lengths over 18 raise a query error (Kusto's handling is undocumented).
 */
const geohashToCentralPoint: SqlTemplate = (args, ctx) => {
  const h = `CAST(${p(arg(args, 0).sql)} AS VARCHAR)`;
  const alphabet = ctx.stringLiteral(BASE32);
  const n = `length(${h})`;
  const digit = (b: string) =>
    `((strpos(${alphabet}, substr(${h}, CAST(${b} // 5 + 1 AS INTEGER), 1)) - 1) >> (4 - ${b} % 5)) & 1`;
  const lonBits = `CAST(ceil(5 * ${n} / 2) AS BIGINT)`;
  const latBits = `CAST(floor(5 * ${n} / 2) AS BIGINT)`;
  const idx = (even: boolean, bits: string) =>
    `list_sum(list_transform(list_filter(range(0, 5 * ${n}), b -> b % 2 = ${even ? 0 : 1}), b -> (${digit('b')}) * pow(2, ${bits} - 1 - b // 2)))`;
  const lon = `(-180 + 360 * (${idx(true, lonBits)} + 0.5) / pow(2, ${lonBits}))`;
  const lat = `(-90 + 180 * (coalesce(${idx(false, latBits)}, 0) + 0.5) / pow(2, ${latBits}))`;
  const valid = `regexp_full_match(${h}, '[0-9b-hjkmnp-z]{1,18}')`;
  const odd = `regexp_full_match(lower(${h}), '[0-9b-hjkmnp-z]+')`;
  return (
    `(CASE WHEN ${valid} THEN json_object('type', 'Point', 'coordinates', [${lon}, ${lat}]) ` +
    `WHEN ${odd} THEN error('geo_geohash_to_central_point: upper-case or over-long geohash') END)`
  );
};

export const GEO_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  geo_geohash_to_central_point: geohashToCentralPoint,
  geo_point_to_geohash: pointToGeohash,
};
