/**
 * A few schema builders for checking message payloads at the boundary: each schema is a function
 * that returns the value re-built from the fields it knows (unknown fields are dropped, so nothing
 * unchecked reaches a handler or the database) or throws a {@link SchemaError} naming the path.
 *
 * Hand-written instead of a validator library: the payloads are a dozen small shapes, and the
 * whole file is smaller than the glue a library would need (see lib/README.md).
 *
 * @module
 */

/** A rejected payload: `path` is where (`data.draft.quote.exact`), `message` what was expected. */
export class SchemaError extends Error {
  constructor(
    readonly path: string,
    expected: string,
  ) {
    super(`${path}: expected ${expected}`);
    this.name = 'SchemaError';
  }
}

/** Checks `value` at `path` and returns it as a `T` (rebuilt, without unknown fields). */
export type Schema<T> = (value: unknown, path: string) => T;

/** The type a schema produces. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/**
 * A string of at most `max` UTF-16 units (default 1,000,000: a whole plan page's text fits, a
 * runaway payload does not).
 */
export function string(max = 1_000_000): Schema<string> {
  return (value, path) => {
    if (typeof value !== 'string' || value.length > max) throw new SchemaError(path, `a string ≤ ${max}`);
    return value;
  };
}

/** A finite number (NaN and ±Infinity are refused); `integer` also refuses fractions. */
export function number(options: { integer?: boolean; min?: number } = {}): Schema<number> {
  return (value, path) => {
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!options.integer || Number.isInteger(value)) &&
      (options.min === undefined || value >= options.min);
    if (!ok) throw new SchemaError(path, options.integer ? 'an integer' : 'a finite number');
    return value as number;
  };
}

/** `true` or `false`. */
export const boolean: Schema<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw new SchemaError(path, 'a boolean');
  return value;
};

/** One of `values` (compared with `===`). */
export function oneOf<const T extends string | null>(values: readonly T[]): Schema<T> {
  return (value, path) => {
    if (!(values as readonly unknown[]).includes(value)) throw new SchemaError(path, values.join(' | '));
    return value as T;
  };
}

/** An array of at most `max` items, each checked by `item`. */
export function array<T>(item: Schema<T>, max = 10_000): Schema<T[]> {
  return (value, path) => {
    if (!Array.isArray(value) || value.length > max) throw new SchemaError(path, `an array ≤ ${max}`);
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

/** `undefined` (absent) or a value `schema` accepts. */
export function optional<T>(schema: Schema<T>): Schema<T | undefined> {
  return (value, path) => (value === undefined ? undefined : schema(value, path));
}

/** `null`, or a value `schema` accepts. */
export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (value, path) => (value === null ? null : schema(value, path));
}

/** The fields of an object schema. */
type Shape = Record<string, Schema<unknown>>;
/** Keys whose schema accepts `undefined` become optional properties. */
type ObjectOf<S extends Shape> = {
  [K in keyof S as undefined extends Infer<S[K]> ? never : K]: Infer<S[K]>;
} & { [K in keyof S as undefined extends Infer<S[K]> ? K : never]?: Infer<S[K]> };

/**
 * A plain object with exactly the fields of `shape` (checked in order); other fields are dropped,
 * absent optional fields stay absent. Arrays and null are refused.
 */
export function object<S extends Shape>(shape: S): Schema<{ [K in keyof ObjectOf<S>]: ObjectOf<S>[K] }> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new SchemaError(path, 'an object');
    }
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      const checked = schema(source[key], `${path}.${key}`);
      if (checked !== undefined) out[key] = checked;
    }
    return out as { [K in keyof ObjectOf<S>]: ObjectOf<S>[K] };
  };
}

/** The empty request `{}` of messages that carry no data (any fields are dropped). */
export const empty: Schema<Record<string, never>> = object({});
