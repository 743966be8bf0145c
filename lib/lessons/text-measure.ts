/**
 * What a tool answer costs the model that reads it, and which tasks it names:
 * measured on the text itself, because that is what a model receives. (The
 * structured content is for programs and may list a different selection.)
 */
import { estimateTokens } from '@/lib/mcp/budget';

const encoder = new TextEncoder();

export interface TextSize {
  /** UTF-8 bytes of the text. */
  bytes: number;
  /** About four characters per token (lib/mcp/budget). */
  tokens: number;
}

export function textSize(text: string): TextSize {
  return { bytes: encoder.encode(text).length, tokens: estimateTokens(text) };
}

/** The text without its "Source:" and "Note:" label lines. */
export function bodyOf(text: string): string {
  const lines = text.split('\n');
  const firstBodyLine = lines.findIndex((line) => !line.startsWith('Source:') && !line.startsWith('Note:'));
  return firstBodyLine < 0 ? '' : lines.slice(firstBodyLine).join('\n');
}

/**
 * The ids of the tasks a text names: compact lines end in "· id <id>"; a raw
 * answer is the API's JSON (a list of tasks, or one task). Undefined when the
 * text is neither (an error, a summary without ids).
 */
export function taskIdsInText(text: string): string[] | undefined {
  const fromLines = [...text.matchAll(/· id (\S+)$/gm)].map((match) => match[1]!);
  if (fromLines.length) return fromLines;
  const parsed = parseJson(bodyOf(text));
  if (Array.isArray(parsed)) {
    const ids = parsed.map(idOf).filter((id): id is string => id !== undefined);
    return ids.length || parsed.length === 0 ? ids : undefined;
  }
  const single = idOf(parsed);
  return single === undefined ? undefined : [single];
}

/** "68.5 kB", "812 B". */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1_000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/** "12 %", or "< 1 %" so a tiny share never reads as nothing. */
export function formatShare(ratio: number): string {
  const percent = ratio * 100;
  if (percent > 0 && percent < 1) return '< 1 %';
  return `${Math.round(percent)} %`;
}

/** "5.6 kB, about 1,400 tokens". */
export function describeSize(size: TextSize): string {
  return `${formatBytes(size.bytes)}, about ${size.tokens.toLocaleString('en-US')} tokens`;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
