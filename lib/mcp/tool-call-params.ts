/**
 * A `tools/call` whose params have the wrong shape, refused before the SDK.
 *
 * The SDK validates a call's params against its own wire schema and answers a
 * wrong shape (arguments that are null, a string, an array or a number; a
 * missing or non-string name) with -32602 and the raw zod issues dumped as
 * JSON — a message a model or a person has to decode. This reads the same
 * mistakes first and says, in one sentence, what was wrong and what is
 * expected. It never repeats a value: a name is described by its type or length.
 *
 * Pure: the HTTP endpoint calls it on the parsed body before handing it to the
 * SDK; anything it does not recognise as a malformed `tools/call` passes.
 */

/** The MCP specification's limit for a tool name (tools have short names). */
export const TOOL_NAME_MAX_LENGTH = 128;

export const INVALID_PARAMS = -32602;

export interface JsonRpcErrorMessage {
  jsonrpc: '2.0';
  id: string | number;
  error: { code: number; message: string };
}

/** What is wrong with a `tools/call` request's params, or undefined when the shape is right (or it is no such request). */
export function describeMalformedToolCall(message: unknown): string | undefined {
  if (!isToolCallRequest(message)) return undefined;
  const { params } = message;
  if (!isObject(params)) {
    return `tools/call needs params: an object with the tool's name and its arguments, e.g. {"name":"list_tasks","arguments":{}} (got ${kindOf(params)})`;
  }
  const { name } = params;
  if (name === undefined) return 'tools/call needs params.name: the name of the tool to call, e.g. "list_tasks" (tools/list lists them)';
  if (typeof name !== 'string') return `params.name must be a string, the name of the tool to call (got ${kindOf(name)})`;
  if (name.length === 0) return 'params.name must not be empty: give the name of the tool to call (tools/list lists them)';
  if (name.length > TOOL_NAME_MAX_LENGTH) {
    return `params.name is too long to be a tool name: at most ${TOOL_NAME_MAX_LENGTH} characters (got ${name.length})`;
  }
  if ('arguments' in params && !isObject(params.arguments)) {
    return `params.arguments must be an object of the tool's arguments, e.g. {} or {"task_id":"6XR4GqQQCW6Gv9h4"} (got ${kindOf(params.arguments)})`;
  }
  return undefined;
}

/** The JSON-RPC error answering a malformed `tools/call`, or undefined to let the SDK serve the message. */
export function malformedToolCallError(message: unknown): JsonRpcErrorMessage | undefined {
  const problem = describeMalformedToolCall(message);
  if (problem === undefined) return undefined;
  const { id } = message as { id: string | number };
  return { jsonrpc: '2.0', id, error: { code: INVALID_PARAMS, message: `Invalid tools/call request: ${problem}.` } };
}

/**
 * The same as an HTTP response, for the endpoint: 200 with the JSON-RPC
 * error, as the SDK answers a call whose params it refuses.
 */
export function refuseMalformedToolCall(message: unknown): Response | undefined {
  const error = malformedToolCallError(message);
  return error && Response.json(error);
}

/** A single JSON-RPC request (it has an id) for tools/call; batches and notifications are the SDK's to answer. */
function isToolCallRequest(message: unknown): message is { id: string | number; params?: unknown } {
  if (!isObject(message) || message.method !== 'tools/call') return false;
  return typeof message.id === 'string' || typeof message.id === 'number';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}
