'use client';
/** A form generated from a tool's JSON input schema, as an MCP client would build one. */
import type { Tool } from '@modelcontextprotocol/client';
import { useId, useState, type FormEvent } from 'react';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/styles';
import { argumentsOf, fieldsOf, initialValue, type FieldValue, type ToolInputField } from './tool-input-fields';

export const INPUT_CLASSES =
  'w-full rounded-md border border-border bg-background px-3 py-2 text-base focus:outline-2 focus:outline-accent disabled:opacity-60';

interface ToolFormProps {
  tool: Tool;
  busy: boolean;
  onCall: (args: Record<string, unknown>) => void;
  onCancel: () => void;
}

export function ToolForm({ tool, busy, onCall, onCancel }: ToolFormProps) {
  const fields = fieldsOf(tool.inputSchema);
  const [values, setValues] = useState<Record<string, FieldValue>>(() =>
    Object.fromEntries(fields.map((field) => [field.name, initialValue(field)])),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCall(argumentsOf(fields, values));
  };

  return (
    <form onSubmit={submit} aria-label={`Arguments for ${tool.name}`} className="space-y-4">
      {fields.length === 0 && <p className="text-muted">This tool takes no arguments.</p>}
      <div className="grid gap-x-4 gap-y-3 md:grid-cols-2">
        {fields.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            value={values[field.name] ?? initialValue(field)}
            onChange={(value) => setValues((previous) => ({ ...previous, [field.name]: value }))}
          />
        ))}
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} className={PRIMARY_BUTTON}>
          {busy ? 'Calling…' : `Call ${tool.name}`}
        </button>
        {busy && (
          <button type="button" onClick={onCancel} className={SECONDARY_BUTTON}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function FieldInput({ field, value, onChange }: { field: ToolInputField; value: FieldValue; onChange: (value: FieldValue) => void }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const hint = hintOf(field);
  const common = { id, name: field.name, 'aria-describedby': hint ? hintId : undefined };

  return (
    <div>
      <label htmlFor={id} className="flex items-baseline gap-2 font-mono text-sm font-semibold">
        {field.name}
        <span className="font-sans text-xs font-normal text-muted">{field.required ? 'required' : 'optional'}</span>
      </label>
      <div className="mt-1">{renderControl(field, value, onChange, common)}</div>
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

type CommonProps = { id: string; name: string; 'aria-describedby': string | undefined };

function renderControl(field: ToolInputField, value: FieldValue, onChange: (value: FieldValue) => void, common: CommonProps) {
  if (typeof value === 'boolean') {
    return <input {...common} type="checkbox" checked={value} onChange={(event) => onChange(event.target.checked)} className="size-5 accent-accent" />;
  }
  const options = field.kind === 'enum' ? field.options : field.kind === 'boolean' ? ['true', 'false'] : undefined;
  if (options) {
    return (
      <select {...common} required={field.required} value={value} onChange={(event) => onChange(event.target.value)} className={INPUT_CLASSES}>
        {/* An empty choice means "leave it out": the server's default applies. */}
        {!field.required && <option value="">{field.defaultValue === undefined ? '— not set —' : `— default (${String(field.defaultValue)}) —`}</option>}
        {field.required && <option value="" disabled>Choose…</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  }
  if (field.kind === 'json') {
    return (
      <textarea {...common} required={field.required} value={value} onChange={(event) => onChange(event.target.value)} rows={3} className={`${INPUT_CLASSES} font-mono`} />
    );
  }
  const numeric = field.kind === 'number' || field.kind === 'integer';
  return (
    <input
      {...common}
      type={numeric ? 'number' : 'text'}
      step={field.kind === 'integer' ? 1 : numeric ? 'any' : undefined}
      min={field.minimum}
      max={field.maximum}
      required={field.required}
      value={value}
      placeholder={placeholderOf(field)}
      onChange={(event) => onChange(event.target.value)}
      className={INPUT_CLASSES}
    />
  );
}

function placeholderOf(field: ToolInputField): string | undefined {
  if (field.kind === 'string-list') return 'comma-separated, e.g. errands, home';
  if (field.defaultValue !== undefined) return `default: ${String(field.defaultValue)}`;
  return undefined;
}

function hintOf(field: ToolInputField): string | undefined {
  const range =
    field.minimum !== undefined || field.maximum !== undefined ? `${field.minimum ?? '…'} to ${field.maximum ?? '…'}` : undefined;
  const kind = field.kind === 'json' ? 'JSON' : undefined;
  const parts = [field.description, range, kind].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}
