import { describe, expect, it } from 'vitest';
import {
  challengeScopes,
  describeStepUp,
  missingScopes,
  readStepUpState,
  scopesOf,
  todoistScopeFor,
  type ScopeRefusal,
  type StepUpState,
} from '../widgets/step-up';

const CHALLENGE =
  'Bearer error="insufficient_scope", error_description="Insufficient scope", scope="tasks:read tasks:write", resource_metadata="http://127.0.0.1:3100/.well-known/oauth-protected-resource/api/mcp"';
const refusal: ScopeRefusal = { status: 403, challenge: CHALLENGE, requiredScopes: ['tasks:read', 'tasks:write'], grantedScopes: ['tasks:read'] };
const task = { id: '6X7rM8', title: 'Buy milk' };

describe('least privilege and step-up', () => {
  it("reads the challenge's scope parameter, not the 'scope' inside error=\"insufficient_scope\"", () => {
    expect(challengeScopes(CHALLENGE)).toEqual(['tasks:read', 'tasks:write']);
    expect(challengeScopes('Bearer error="insufficient_scope"')).toEqual([]);
    expect(challengeScopes('Bearer scope=tasks:write, error="insufficient_scope"')).toEqual(['tasks:write']);
  });

  it('splits a scope string into scopes, each once', () => {
    expect(scopesOf(' tasks:read  tasks:write tasks:read ')).toEqual(['tasks:read', 'tasks:write']);
    expect(scopesOf(undefined)).toEqual([]);
  });

  it('names what the token lacks', () => {
    expect(missingScopes(['tasks:read', 'tasks:write'], ['tasks:read'])).toEqual(['tasks:write']);
    expect(missingScopes(['tasks:read'], ['tasks:read', 'tasks:write'])).toEqual([]);
  });

  it("matches Todoist's scope to ours, by the authorization server's own rule", () => {
    expect(todoistScopeFor(['tasks:read'])).toBe('data:read');
    expect(todoistScopeFor(['tasks:read', 'tasks:write'])).toBe('data:read_write,data:delete');
  });

  it('says what was refused, then what the step-up changed', () => {
    expect(describeStepUp({ phase: 'refused', task, refusal })).toBe(
      'A client signed in with tasks:read called complete_task: 403 insufficient_scope, the server asked for "tasks:read tasks:write" (missing tasks:write).',
    );
    const completed: StepUpState = { phase: 'completed', task, refusal, completion: { completed: true, grantedScopes: ['tasks:read', 'tasks:write'] } };
    expect(describeStepUp(completed)).toContain(
      'After the step-up the token carries tasks:read tasks:write and the same call completed "Buy milk"; Todoist was asked for data:read_write,data:delete instead of data:read.',
    );
    const recurring: StepUpState = { ...completed, completion: { completed: false, nextDue: '2026-08-01', grantedScopes: ['tasks:read', 'tasks:write'] } };
    expect(describeStepUp(recurring)).toContain('moved the recurring "Buy milk" to 2026-08-01');
    expect(describeStepUp({ phase: 'completed', task, completion: completed.completion })).toBe(
      'A client whose token already carried tasks:read tasks:write completed "Buy milk": nothing to step up.',
    );
  });

  it('reads back what it stored across the trip to the consent page', () => {
    const states: StepUpState[] = [
      { phase: 'refused', task, refusal },
      { phase: 'stepping-up', task, refusal },
      { phase: 'completed', task, refusal, completion: { completed: true, grantedScopes: ['tasks:read', 'tasks:write'] } },
      { phase: 'completed', task, completion: { completed: false, nextDue: 'tomorrow', grantedScopes: ['tasks:write'] } },
    ];
    for (const state of states) expect(readStepUpState(JSON.stringify(state))).toEqual(state);
  });

  it('ignores storage it did not write: missing, not JSON, another shape, an unknown phase', () => {
    expect(readStepUpState(null)).toBeUndefined();
    expect(readStepUpState('{not json')).toBeUndefined();
    expect(readStepUpState('[]')).toBeUndefined();
    expect(readStepUpState(JSON.stringify({ phase: 'refused', task }))).toBeUndefined();
    expect(readStepUpState(JSON.stringify({ phase: 'stepping-up', task: { id: '', title: 'x' }, refusal }))).toBeUndefined();
    expect(readStepUpState(JSON.stringify({ phase: 'done', task, refusal }))).toBeUndefined();
    expect(readStepUpState(JSON.stringify({ phase: 'completed', task, refusal }))).toBeUndefined();
    expect(readStepUpState(JSON.stringify({ phase: 'completed', task, refusal: { status: '403' }, completion: { completed: true, grantedScopes: [] } }))).toBeUndefined();
  });
});
