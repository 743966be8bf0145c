/**
 * A tool's zod schemas, converted to JSON Schema once per process.
 *
 * The SDK converts a tool's schemas whenever a server instance needs them,
 * and a per-request server is a new instance on every request: ~0.5 ms of
 * CPU per call spent producing the same JSON Schema again. The schemas are
 * module constants, so their conversion is kept on the schema itself, through
 * zod's own `~standard` setter.
 */
import type { z } from 'zod';

type Io = 'input' | 'output';
type Convert = (options?: { target?: string }) => Record<string, unknown>;

export function convertJsonSchemaOnce<Schema extends z.ZodType>(schema: Schema): Schema {
  const standard = schema['~standard'] as z.ZodType['~standard'] & { jsonSchema?: Record<Io, Convert> };
  const convert = standard.jsonSchema;
  if (!convert) return schema;
  const converted = new Map<string, Record<string, unknown>>();
  const once =
    (io: Io): Convert =>
    (options) => {
      const key = `${io} ${options?.target ?? ''}`;
      let json = converted.get(key);
      if (!json) {
        // Frozen: every request's server shares this object, so none may change it.
        json = deepFreeze(convert[io](options));
        converted.set(key, json);
      }
      return json;
    };
  // zod's own setter for `~standard` (an own property from here on); its types only know zod's object.
  (schema as { '~standard': unknown })['~standard'] = { ...standard, jsonSchema: { input: once('input'), output: once('output') } };
  return schema;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
