/**
 * Lesson 9's "Least privilege and step-up" card, without React: a client
 * signed in with `tasks:read` only tries to complete a task, is refused with
 * 403 insufficient_scope, asks the user for more and tries again.
 *
 * The step-up leaves the page (consent, then back), so what the card has seen
 * so far is kept in sessionStorage; this module reads it back and checks it,
 * since anything in storage may be stale or edited.
 */
import { upstreamScopeFor } from '@/lib/auth/scopes';

/** The card's client: a slot of its own, so its token never mixes with lesson 7's clients'. */
export const STEP_UP_SLOT = 'least-privilege';
/** What the client asks for at first: the least that lets it read. */
export const READ_ONLY_SCOPE = 'tasks:read';
/** The card's id on the page: where the browser comes back to after consent. */
export const STEP_UP_ANCHOR = 'step-up';
export const STEP_UP_STATE_KEY = `dojo-step-up:${STEP_UP_SLOT}`;

export interface StepUpTask {
  id: string;
  title: string;
}

/** The server's 403, as the client received it. */
export interface ScopeRefusal {
  status: number;
  /** The whole WWW-Authenticate header. */
  challenge: string;
  /** Its `scope` parameter: what the server wants the token to carry. */
  requiredScopes: string[];
  /** The token's scopes when it was refused. */
  grantedScopes: string[];
}

export interface TaskCompletion {
  /** False when a recurring task moved to its next date instead. */
  completed: boolean;
  nextDue?: string;
  /** The token's scopes when the call went through. */
  grantedScopes: string[];
}

export type StepUpState =
  | { phase: 'refused'; task: StepUpTask; refusal: ScopeRefusal }
  /** Gone to the consent page for more; back on this page, the call is made again. */
  | { phase: 'stepping-up'; task: StepUpTask; refusal: ScopeRefusal }
  /** `refusal` is missing only when the token could already write: nothing was refused. */
  | { phase: 'completed'; task: StepUpTask; refusal?: ScopeRefusal; completion: TaskCompletion };

/** An OAuth scope string (RFC 6749 §3.3, space-separated) as a list, each scope once. */
export function scopesOf(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').trim().split(/\s+/).filter(Boolean))];
}

/** The `scope` parameter of a WWW-Authenticate challenge (RFC 6750 §3), quoted or not. */
export function challengeScopes(challenge: string): string[] {
  const match = /(?:^|[\s,])scope=(?:"([^"]*)"|([^\s,]+))/i.exec(challenge);
  return scopesOf(match?.[1] ?? match?.[2]);
}

export function missingScopes(required: readonly string[], granted: readonly string[]): string[] {
  return required.filter((scope) => !granted.includes(scope));
}

/** The Todoist scope this app's authorization server asks for on behalf of a token with these scopes. */
export function todoistScopeFor(scopes: readonly string[]): string {
  return upstreamScopeFor(scopes);
}

/** What the card observed, in one sentence for the lesson's notes. */
export function describeStepUp(state: StepUpState): string {
  const { refusal, task } = state;
  const refused = refusal && describeRefusal(refusal);
  if (state.phase !== 'completed') return refused ?? '';
  const { completion } = state;
  const done = completion.completed ? `completed "${task.title}"` : `moved the recurring "${task.title}" to ${completion.nextDue ?? 'its next date'}`;
  if (!refused) return `A client whose token already carried ${scopeText(completion.grantedScopes)} ${done}: nothing to step up.`;
  return `${refused} After the step-up the token carries ${scopeText(completion.grantedScopes)} and the same call ${done}; Todoist was asked for ${todoistScopeFor(completion.grantedScopes)} instead of ${todoistScopeFor(refusal.grantedScopes)}.`;
}

function describeRefusal(refusal: ScopeRefusal): string {
  const missing = missingScopes(refusal.requiredScopes, refusal.grantedScopes);
  return `A client signed in with ${scopeText(refusal.grantedScopes)} called complete_task: ${refusal.status} insufficient_scope, the server asked for "${refusal.requiredScopes.join(' ')}" (missing ${scopeText(missing)}).`;
}

function scopeText(scopes: readonly string[]): string {
  return scopes.length ? scopes.join(' ') : 'no scope';
}

/** The state kept in sessionStorage, or undefined when there is none or it is not one this card wrote. */
export function readStepUpState(raw: string | null): StepUpState | undefined {
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !isTask(value.task)) return undefined;
  const { task, refusal } = value;
  if (value.phase === 'refused' || value.phase === 'stepping-up') return isRefusal(refusal) ? { phase: value.phase, task, refusal } : undefined;
  if (value.phase !== 'completed' || !isCompletion(value.completion)) return undefined;
  if (refusal === undefined) return { phase: 'completed', task, completion: value.completion };
  return isRefusal(refusal) ? { phase: 'completed', task, refusal, completion: value.completion } : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isTask(value: unknown): value is StepUpTask {
  return isRecord(value) && typeof value.id === 'string' && value.id !== '' && typeof value.title === 'string';
}

function isRefusal(value: unknown): value is ScopeRefusal {
  return (
    isRecord(value) &&
    typeof value.status === 'number' &&
    typeof value.challenge === 'string' &&
    isStringList(value.requiredScopes) &&
    isStringList(value.grantedScopes)
  );
}

function isCompletion(value: unknown): value is TaskCompletion {
  return (
    isRecord(value) &&
    typeof value.completed === 'boolean' &&
    (value.nextDue === undefined || typeof value.nextDue === 'string') &&
    isStringList(value.grantedScopes)
  );
}
