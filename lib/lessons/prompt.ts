/**
 * The prompt a learner takes to Claude.ai: the lesson's template plus what
 * they actually saw in the live panel, so the explanation starts from their
 * own observations instead of a generic lecture.
 */
import type { PromptTemplate } from './schema';

export interface PromptLesson {
  title: string;
  prompt: PromptTemplate;
}

/** Copy, link: anything with a one-sentence summary (a single run or a side-by-side comparison). */
export interface PromptObservation {
  summary: string;
}

/** Browsers and servers cope with URLs far longer, but some proxies cut at 8 KB. */
export const MAX_URL_LENGTH = 8000;

export const CLAUDE_NEW_CHAT = 'https://claude.ai/new?q=';

const OBSERVED_HEADING = '## What I observed';
const NOTHING_OBSERVED = "I haven't run the demos yet.";

export function buildLessonPrompt(lesson: PromptLesson, observations: readonly PromptObservation[]): string {
  const { prompt } = lesson;
  return [
    `I'm learning how an MCP (Model Context Protocol) integration with Todoist goes from mock data to the real Todoist API. This is the lesson "${lesson.title}".`,
    section('## Purpose', prompt.purpose),
    section('## Context', prompt.context),
    section('## The challenge', prompt.challenge),
    section('## The concept', prompt.concept),
    section('## Patterns', bullets(prompt.patterns)),
    section(OBSERVED_HEADING, observations.length ? bullets(observations.map((item) => item.summary)) : NOTHING_OBSERVED),
    section('## What to explore next', bullets(prompt.explore)),
    'Explain the concept using my observations: why each result looked the way it did, and what a production MCP server should do instead. ' +
      'Challenge my understanding with a question at the end.',
  ].join('\n\n');
}

/**
 * A link that opens a new Claude chat with the prompt filled in. When the link
 * would be too long, the oldest observations are left out — and the prompt
 * says so, so nobody mistakes a shortened list for the whole story.
 */
export function claudeUrl(prompt: string): string {
  const url = (text: string) => CLAUDE_NEW_CHAT + encodeURIComponent(text);
  if (url(prompt).length <= MAX_URL_LENGTH) return url(prompt);
  const shortened = withFewerObservations(prompt, (text) => url(text).length <= MAX_URL_LENGTH);
  if (shortened) return url(shortened);
  // A template alone too long for a link: cut the text; the copy button still has all of it.
  let text = prompt;
  while (url(text).length > MAX_URL_LENGTH) text = text.slice(0, Math.floor(text.length * 0.9));
  return url(`${text}…`);
}

/** Drops observation bullets, oldest first, until `fits`; undefined when even none would not fit. */
function withFewerObservations(prompt: string, fits: (text: string) => boolean): string | undefined {
  const parts = splitObserved(prompt);
  if (!parts) return undefined;
  const { before, observed, after } = parts;
  for (let kept = observed.length - 1; kept >= 0; kept -= 1) {
    const left = observed.length - kept;
    const note = `(${left} earlier observation${left === 1 ? '' : 's'} left out to keep this link short.)`;
    const body = [...observed.slice(observed.length - kept), note].join('\n');
    const candidate = `${before}${body}${after}`;
    if (fits(candidate)) return candidate;
  }
  return undefined;
}

/** The observation bullets, and the text around them. */
function splitObserved(prompt: string): { before: string; observed: string[]; after: string } | undefined {
  const start = prompt.indexOf(`${OBSERVED_HEADING}\n\n`);
  if (start === -1) return undefined;
  const bodyStart = start + OBSERVED_HEADING.length + 2;
  const end = prompt.indexOf('\n\n', bodyStart);
  const bodyEnd = end === -1 ? prompt.length : end;
  const observed = prompt
    .slice(bodyStart, bodyEnd)
    .split('\n')
    .filter((line) => line.startsWith('- '));
  if (!observed.length) return undefined;
  return { before: prompt.slice(0, bodyStart), observed, after: prompt.slice(bodyEnd) };
}

function section(heading: string, body: string): string {
  return `${heading}\n\n${body}`;
}

function bullets(items: readonly string[]): string {
  // One line per bullet: a summary with a line break would split the list.
  return items.map((item) => `- ${item.replace(/\s*\n\s*/g, ' ')}`).join('\n');
}
