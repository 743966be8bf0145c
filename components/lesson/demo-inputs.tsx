'use client';
/**
 * The arguments a demo lets the learner edit (lesson 5's filter query): a
 * text field each, with the lesson's examples one click away. The values go
 * into the next Run as the tool's arguments.
 */
import { useId } from 'react';
import type { DemoInput } from '@/lib/lessons/schema';

interface DemoInputsProps {
  inputs: readonly DemoInput[];
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
  disabled?: boolean;
}

export function DemoInputs({ inputs, values, onChange, disabled = false }: DemoInputsProps) {
  const ids = useId();
  if (!inputs.length) return null;
  return (
    <div className="space-y-4" data-testid="demo-inputs">
      {inputs.map((input) => {
        const id = `${ids}-${input.name}`;
        const value = typeof values[input.name] === 'string' ? (values[input.name] as string) : '';
        const set = (next: string) => onChange({ ...values, [input.name]: next });
        return (
          <div key={input.name} className="space-y-2">
            <label htmlFor={id} className="block text-base font-semibold">
              {input.label} <span className="font-mono text-sm font-normal text-muted">({input.name})</span>
            </label>
            <input
              id={id}
              type="text"
              value={value}
              onChange={(event) => set(event.target.value)}
              disabled={disabled}
              spellCheck={false}
              autoComplete="off"
              className="w-full max-w-xl rounded-md border-2 border-border bg-background px-3 py-2 font-mono text-base focus:border-accent focus:outline-none disabled:opacity-60"
            />
            {input.examples.length > 0 && (
              <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label={`Examples for ${input.label}`}>
                <span className="text-muted">Try:</span>
                {input.examples.map((example) => (
                  <button
                    key={example}
                    type="button"
                    onClick={() => set(example)}
                    disabled={disabled}
                    aria-pressed={value === example}
                    className="rounded-md border border-border px-2 py-0.5 font-mono hover:border-accent aria-pressed:border-accent aria-pressed:bg-accent/10 disabled:opacity-60"
                  >
                    {example}
                  </button>
                ))}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
