import { describe, expect, it } from 'vitest';
import mockThatLied from '@/lessons/01-mock-that-lied/meta';
import { buildLessonPrompt, CLAUDE_NEW_CHAT, claudeUrl, MAX_URL_LENGTH, type PromptLesson } from '../prompt';
import { parseLessonMeta } from '../schema';

const meta = parseLessonMeta('01-mock-that-lied', mockThatLied);
const lesson: PromptLesson = { title: meta.title, prompt: meta.prompt! };

const SEEN = [
  { summary: 'With the naive strategy and no token, the real backend returned 8 tasks, and the text did not say where they came from.' },
  { summary: 'With the production strategy and no token, the real backend answered with an error: "No Todoist API token is configured."' },
];

describe('buildLessonPrompt', () => {
  it('has every section, in order, with the template and the observations', () => {
    const prompt = buildLessonPrompt(lesson, SEEN);
    const headings = prompt.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Purpose',
      '## Context',
      '## The challenge',
      '## The concept',
      '## Patterns',
      '## What I observed',
      '## What to explore next',
    ]);
    expect(prompt).toContain('"The mock that lied"');
    expect(prompt).toContain(`## Purpose\n\n${lesson.prompt.purpose}`);
    expect(prompt).toContain(`- ${lesson.prompt.patterns[0]}`);
    expect(prompt).toContain(`## What I observed\n\n- ${SEEN[0]!.summary}\n- ${SEEN[1]!.summary}\n\n`);
    expect(prompt).toContain(`- ${lesson.prompt.explore.at(-1)}`);
    expect(prompt.trimEnd()).toMatch(/using my observations.*Challenge my understanding with a question at the end\.$/s);
  });

  it('says so when nothing was observed yet', () => {
    expect(buildLessonPrompt(lesson, [])).toContain("## What I observed\n\nI haven't run the demos yet.\n\n## What to explore next");
  });

  it('keeps one bullet per observation even if a summary has a line break', () => {
    const prompt = buildLessonPrompt(lesson, [{ summary: 'first line\nsecond line' }]);
    expect(prompt).toContain('- first line second line\n');
  });
});

describe('claudeUrl', () => {
  it('opens a new chat with the whole prompt, encoded', () => {
    const prompt = buildLessonPrompt(lesson, SEEN);
    const url = claudeUrl(prompt);
    expect(url.startsWith(CLAUDE_NEW_CHAT)).toBe(true);
    expect(decodeURIComponent(url.slice(CLAUDE_NEW_CHAT.length))).toBe(prompt);
    expect(new URL(url).searchParams.get('q')).toBe(prompt);
  });

  it('leaves out the oldest observations, and says so, when the link would be too long', () => {
    const many = Array.from({ length: 6 }, (_, index) => ({ summary: `Observation ${index + 1}: ${'x'.repeat(1500)}` }));
    const url = claudeUrl(buildLessonPrompt(lesson, many));
    expect(url.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    const text = new URL(url).searchParams.get('q')!;
    expect(text).toContain('Observation 6:');
    expect(text).not.toContain('Observation 1:');
    expect(text).toMatch(/\(\d earlier observations? left out to keep this link short\.\)/);
    // The rest of the prompt survives.
    expect(text).toContain('## What to explore next');
    expect(text).toContain('Challenge my understanding');
  });

  it('cuts the text itself only when even the template is too long', () => {
    const url = claudeUrl('y'.repeat(20_000));
    expect(url.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    expect(new URL(url).searchParams.get('q')!.endsWith('…')).toBe(true);
  });
});
