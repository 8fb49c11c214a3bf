// convert_angle/energy/force/length/mass/speed/volume/temperature: Kusto converts with the
// UnitsNet definitions. Only units whose definition is an exact, well-known constant are
// listed (value of one unit in the family's base unit, as numerator/denominator); any other
// unit, or a unit that isn't a constant string, is refused rather than approximated.
import type { SqlTemplate } from '../types.js';
import { arg, constString, Unsupported } from './render.js';
import { p } from './values.js';

type Ratio = readonly [number, number];

const ANGLE: Record<string, Ratio> = {
  Degree: [1, 1],
  Arcminute: [1, 60],
  Arcsecond: [1, 3600],
  Gradian: [9, 10],
  Revolution: [360, 1],
  Radian: [180, Math.PI],
};

const ENERGY: Record<string, Ratio> = {
  Joule: [1, 1],
  Millijoule: [1, 1000],
  Kilojoule: [1000, 1],
  Megajoule: [1e6, 1],
  Gigajoule: [1e9, 1],
  WattHour: [3600, 1],
  KilowattHour: [3.6e6, 1],
  MegawattHour: [3.6e9, 1],
  Calorie: [4184, 1000],
  Kilocalorie: [4184, 1],
  BritishThermalUnit: [105505585262, 1e8],
};

const FORCE: Record<string, Ratio> = {
  Newton: [1, 1],
  Micronewton: [1, 1e6],
  Millinewton: [1, 1000],
  Decanewton: [10, 1],
  Kilonewton: [1000, 1],
  Meganewton: [1e6, 1],
  Dyn: [1, 1e5],
  KilogramForce: [980665, 1e5],
  TonneForce: [980665, 100],
  PoundForce: [44482216152605, 1e13],
};

const LENGTH: Record<string, Ratio> = {
  Meter: [1, 1],
  Angstrom: [1, 1e10],
  Nanometer: [1, 1e9],
  Micrometer: [1, 1e6],
  Millimeter: [1, 1000],
  Centimeter: [1, 100],
  Decimeter: [1, 10],
  Decameter: [10, 1],
  Hectometer: [100, 1],
  Kilometer: [1000, 1],
  Microinch: [254, 1e10],
  Mil: [254, 1e7],
  Inch: [254, 1e4],
  Hand: [1016, 1e4],
  Foot: [3048, 1e4],
  Yard: [9144, 1e4],
  Fathom: [18288, 1e4],
  Chain: [201168, 1e4],
  Mile: [1609344, 1000],
  NauticalMile: [1852, 1],
  AstronomicalUnit: [149597870700, 1],
  LightYear: [9460730472580800, 1],
};

const MASS: Record<string, Ratio> = {
  Kilogram: [1, 1],
  Microgram: [1, 1e9],
  Milligram: [1, 1e6],
  Gram: [1, 1000],
  Tonne: [1000, 1],
  Pound: [45359237, 1e8],
  Ounce: [28349523125, 1e12],
  Stone: [635029318, 1e8],
  ShortTon: [90718474, 1e5],
  LongTon: [101604690880, 1e8],
};

const SPEED: Record<string, Ratio> = {
  MeterPerSecond: [1, 1],
  MeterPerMinute: [1, 60],
  MeterPerHour: [1, 3600],
  MillimeterPerSecond: [1, 1000],
  CentimeterPerSecond: [1, 100],
  CentimeterPerHour: [1, 360000],
  KilometerPerSecond: [1000, 1],
  KilometerPerHour: [1000, 3600],
  FootPerSecond: [3048, 1e4],
  MilePerHour: [1609344, 3600000],
  Knot: [1852, 3600],
};

const VOLUME: Record<string, Ratio> = {
  CubicMeter: [1, 1],
  CubicCentimeter: [1, 1e6],
  Milliliter: [1, 1e6],
  Liter: [1, 1000],
  CubicKilometer: [1e9, 1],
  CubicInch: [16387064, 1e12],
  CubicFoot: [28316846592, 1e12],
  UsGallon: [3785411784, 1e12],
  ImperialGallon: [454609, 1e8],
  AcreFoot: [123348183754752, 1e11],
};

function ratio(table: Record<string, Ratio>, unit: string, family: string): Ratio {
  const r = Object.hasOwn(table, unit) ? table[unit] : undefined;
  if (r === undefined) throw new Unsupported(`${family} unit '${unit}'`);
  return r;
}

function converter(table: Record<string, Ratio>, family: string): SqlTemplate {
  return (args) => {
    const [nf, df] = ratio(table, constString(args, 1, `${family} unit`), family);
    const [nt, dt] = ratio(table, constString(args, 2, `${family} unit`), family);
    const d = (n: number) => `CAST(${String(n)} AS DOUBLE)`;
    return `(CAST(${p(arg(args, 0).sql)} AS DOUBLE) * ${d(nf)} * ${d(dt)} / (${d(df)} * ${d(nt)}))`;
  };
}

/** Kelvin is the base; Celsius and Fahrenheit are affine. */
const temperature: SqlTemplate = (args) => {
  const v = `CAST(${p(arg(args, 0).sql)} AS DOUBLE)`;
  const from = constString(args, 1, 'temperature unit');
  const to = constString(args, 2, 'temperature unit');
  const toKelvin: Record<string, (x: string) => string> = {
    Kelvin: (x) => x,
    DegreeCelsius: (x) => `(${x} + 273.15)`,
    DegreeFahrenheit: (x) => `((${x} + 459.67) * 5 / 9)`,
  };
  const fromKelvin: Record<string, (x: string) => string> = {
    Kelvin: (x) => x,
    DegreeCelsius: (x) => `(${x} - 273.15)`,
    DegreeFahrenheit: (x) => `(${x} * 9 / 5 - 459.67)`,
  };
  const f = Object.hasOwn(toKelvin, from) ? toKelvin[from] : undefined;
  const t = Object.hasOwn(fromKelvin, to) ? fromKelvin[to] : undefined;
  if (f === undefined || t === undefined) throw new Unsupported(`temperature unit '${f === undefined ? from : to}'`);
  return from === to ? v : t(f(v));
};

export const UNIT_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  convert_angle: converter(ANGLE, 'angle'),
  convert_energy: converter(ENERGY, 'energy'),
  convert_force: converter(FORCE, 'force'),
  convert_length: converter(LENGTH, 'length'),
  convert_mass: converter(MASS, 'mass'),
  convert_speed: converter(SPEED, 'speed'),
  convert_volume: converter(VOLUME, 'volume'),
  convert_temperature: temperature,
};
