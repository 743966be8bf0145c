/**
 * A room's join code: six characters a presenter can read aloud and a
 * learner can type on a phone. No 0/O or 1/I, so nobody has to ask which
 * one it was. 32^6 ≈ 10^9 codes, drawn with crypto randomness.
 */
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function newRoomCode(draw: (max: number) => number = randomInt): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[draw(CODE_ALPHABET.length)]).join('');
}

/**
 * The code as typed ("abc 234", "ABC-234") in its one spelling, or
 * undefined when it cannot be a code (so a route never looks it up).
 */
export function normalizeRoomCode(typed: string | null | undefined): string | undefined {
  const code = (typed ?? '').toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return undefined;
  return [...code].every((char) => CODE_ALPHABET.includes(char)) ? code : undefined;
}
