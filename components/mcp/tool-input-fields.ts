/**
 * Turns a tool's JSON Schema (`inputSchema` from tools/list) into form fields,
 * and form values back into the tool's `arguments`. Plain functions, so the
 * form component only renders.
 */
import type { Tool } from '@modelcontextprotocol/client';

export type FieldKind = 'text' | 'number' | 'integer' | 'boolean' | 'enum' | 'string-list' | 'json';

export interface ToolInputField {
  name: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  options?: string[];
  defaultValue?: unknown;
  minimum?: number;
  maximum?: number;
}

/** What an input holds: text for most fields, a checkbox's state for required booleans. */
export type FieldValue = string | boolean;

interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  items?: { type?: string };
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

export function fieldsOf(inputSchema: Tool['inputSchema']): ToolInputField[] {
  const required = new Set(inputSchema.required ?? []);
  return Object.entries(inputSchema.properties ?? {}).map(([name, raw]) => {
    const property = (raw ?? {}) as PropertySchema;
    return {
      name,
      kind: kindOf(property),
      required: required.has(name),
      description: property.description,
      options: property.enum?.map(String),
      defaultValue: property.default,
      minimum: property.minimum,
      maximum: property.maximum,
    };
  });
}

function kindOf(property: PropertySchema): FieldKind {
  if (property.enum) return 'enum';
  switch (property.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'array':
      return property.items?.type === 'string' ? 'string-list' : 'json';
    default:
      // Anything richer (objects, unions) is typed as JSON rather than guessed at.
      return 'json';
  }
}

/** A required boolean is a checkbox; an optional one needs a third state, "not sent". */
export function initialValue(field: ToolInputField): FieldValue {
  return field.kind === 'boolean' && field.required ? field.defaultValue === true : '';
}

/**
 * Form values → tool arguments. Empty optional fields are left out, so the
 * server applies its own defaults; values that do not parse are sent as typed,
 * so the server's validation error shows what went wrong.
 */
export function argumentsOf(fields: ToolInputField[], values: Record<string, FieldValue>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name] ?? initialValue(field);
    if (typeof value === 'boolean') {
      args[field.name] = value;
      continue;
    }
    if (value.trim() === '') continue;
    args[field.name] = parseValue(field.kind, value.trim());
  }
  return args;
}

function parseValue(kind: FieldKind, text: string): unknown {
  switch (kind) {
    case 'number':
    case 'integer': {
      const number = Number(text);
      return Number.isNaN(number) ? text : number;
    }
    case 'boolean':
      return text === 'true';
    case 'string-list':
      return text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    case 'json':
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    default:
      return text;
  }
}
