/**
 * An explicit confirmation before a destructive tool acts, carried whichever
 * way this request can carry it.
 *
 * - 2026-07-28: the tool answers with an input-required result, an embedded
 *   `elicitation/create` that asks the user. The client shows it, then retries
 *   the same call (same arguments) with the user's answer in `inputResponses`
 *   — a part of the request the model does not write: it cannot answer for
 *   the user, however a task's text tells it to.
 * - A 2025-era connection that keeps its session (stdio): the same return;
 *   the SDK's legacy shim sends it as a real server→client elicitation.
 * - A 2025-era client served statelessly over HTTP cannot be asked. Its
 *   request reaches a fresh server that never saw its `initialize`, so it
 *   knows no client capabilities, and has no channel to send a server→client
 *   request on and hear back: the answer would come back in a later POST, to
 *   another instance. (Returned anyway, the SDK's shim turns it into an
 *   isError saying "per-request legacy serving cannot receive server-to-client
 *   requests"; confirmation.test.ts pins that.) There — and for any client
 *   that declares no form elicitation — the tool acts only on an explicit
 *   `confirm: true` argument, after answering what it would do and how to
 *   confirm. That argument is the model's word that the user agreed, which a
 *   server cannot check: elicitation wins wherever the client can be asked.
 */
import {
  CLIENT_CAPABILITIES_META_KEY,
  acceptedContent,
  inputRequired,
  inputResponse,
  type ClientCapabilities,
  type InputRequiredResult,
  type Server,
  type ServerContext,
} from '@modelcontextprotocol/server';
import { z } from 'zod';

export type ConfirmationAnswer = 'confirmed' | 'declined' | 'cancelled' | 'unanswered';

/** How this call can be confirmed: by the user's answer to the client's dialog, or by an argument. */
export type Confirmation = { channel: 'elicitation'; answer: ConfirmationAnswer } | { channel: 'argument' };

/** The key of our one input request (and of its answer in the retried call's `inputResponses`). */
export const CONFIRMATION_KEY = 'confirmation';

/** The form the user answers: one checkbox, unticked unless they tick it. */
const ConfirmationFormSchema = z.object({
  confirm: z.boolean().default(false).meta({ title: 'Confirm', description: 'Tick to confirm. This cannot be undone.' }),
});

/** The first revision without server→client requests; revisions are ISO dates, so they compare as strings. */
const FIRST_MODERN_REVISION = '2026-07-28';

/** Which channel this request offers, by the same rule the SDK applies before it sends an elicitation. */
export function confirmationFor(server: Pick<Server, 'getNegotiatedProtocolVersion' | 'getClientCapabilities'>, ctx: ServerContext): Confirmation {
  const modern = (server.getNegotiatedProtocolVersion() ?? '') >= FIRST_MODERN_REVISION;
  // 2026-07-28: each request declares its client's capabilities; 2025: the session's initialize did (none when stateless).
  const declared = modern
    ? (ctx.mcpReq.envelope as Record<string, unknown> | undefined)?.[CLIENT_CAPABILITIES_META_KEY]
    : server.getClientCapabilities();
  if (!canElicitForm(declared as ClientCapabilities | undefined)) return { channel: 'argument' };
  return { channel: 'elicitation', answer: readConfirmation(ctx.mcpReq.inputResponses) };
}

/** A form elicitation is declared by `elicitation.form`, or by a bare `elicitation: {}` (its 2025 meaning). */
export function canElicitForm(capabilities: ClientCapabilities | undefined): boolean {
  const elicitation = capabilities?.elicitation as Record<string, unknown> | undefined;
  if (elicitation === undefined) return false;
  return elicitation.form !== undefined || elicitation.url === undefined;
}

/** The user's answer in a retried call; 'unanswered' on the first round. Anything but a ticked box is no. */
export function readConfirmation(responses: Record<string, unknown> | undefined): ConfirmationAnswer {
  const view = inputResponse(responses, CONFIRMATION_KEY);
  if (view.kind !== 'elicit') return 'unanswered';
  if (view.action === 'cancel') return 'cancelled';
  // Declined, or accepted without the box ticked: either way, no.
  return acceptedContent(responses, CONFIRMATION_KEY, ConfirmationFormSchema)?.confirm === true ? 'confirmed' : 'declined';
}

/** The input-required result asking the user; `message` names exactly what would happen. */
export function askForConfirmation(message: string): InputRequiredResult {
  return inputRequired({
    inputRequests: { [CONFIRMATION_KEY]: inputRequired.elicit({ message, requestedSchema: ConfirmationFormSchema }) },
  });
}
