/**
 * How a last good answer is kept: small, because every learner has a cache
 * and it lives in the StateStore. Only what a stale answer will show is kept
 * (the raw API objects only when the caller reads raw output), as deflated
 * JSON in a string — a 180-task answer is ~65 KB as JSON and ~10 KB packed —
 * which any store can hold.
 */
import { deflateRawSync, inflateRawSync, constants } from 'node:zlib';
import type { ToolAnswer } from './tool';

export interface PackedAnswer {
  packed: string;
}

export function packAnswer<Out>(answer: ToolAnswer<Out>, keepRaw: boolean): PackedAnswer {
  const kept = keepRaw ? answer : { ...answer, raw: undefined };
  // Level 1: nearly all of the saving for a fraction of the time; this runs on every cached read.
  const packed = deflateRawSync(JSON.stringify(kept), { level: constants.Z_BEST_SPEED }).toString('base64');
  return { packed };
}

/** The answer again; without raw objects, a raw-output reader gets the structured content instead. */
export function unpackAnswer<Out>({ packed }: PackedAnswer): ToolAnswer<Out> {
  const answer = JSON.parse(inflateRawSync(Buffer.from(packed, 'base64')).toString()) as ToolAnswer<Out>;
  return { ...answer, raw: answer.raw ?? answer.structured };
}
