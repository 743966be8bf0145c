import { describe, expect, it } from 'vitest';
import { buildCatalogue, getCatalogue, neighbours, readLessonText } from '../catalogue';
import { readExcerpt } from '../excerpt';
import { LESSON_SLUGS } from '../schema';

describe('lesson catalogue', () => {
  it('has the nine lessons in order, with their fixed slugs', () => {
    expect(getCatalogue().map((entry) => entry.meta.slug)).toEqual([...LESSON_SLUGS]);
  });

  it('every live lesson has text, and every excerpt it shows exists in the real source', async () => {
    for (const { folder, meta } of getCatalogue().filter((entry) => entry.meta.status === 'live')) {
      expect((await readLessonText(folder)).length, folder).toBeGreaterThan(200);
      for (const source of meta.sources) {
        const excerpt = await readExcerpt(source);
        expect(excerpt.code.length, `${folder}: ${source.title}`).toBeGreaterThan(0);
      }
    }
  });

  it('names the lesson and the field when metadata is invalid', () => {
    const broken = { slug: 'pagination', number: 3, title: '', stage: 'mock-to-real', summary: 's', minutes: 5, status: 'coming-soon' };
    expect(() => buildCatalogue([{ folder: '03-pagination', meta: broken }])).toThrow(
      /Lesson "03-pagination" has invalid metadata:\n {2}- title: /,
    );
  });

  it('asks a live lesson for the whole kit (demos, sources, checkpoints, prompt)', () => {
    const thin = { slug: 'pagination', number: 3, title: 'P', stage: 'mock-to-real', summary: 's', minutes: 5, status: 'live' };
    expect(() => buildCatalogue([{ folder: '03-pagination', meta: thin }])).toThrow(/objectives[\s\S]*demos[\s\S]*prompt/);
  });

  it('rejects an editable input that names no string argument', () => {
    const filtering = getCatalogue().find((entry) => entry.meta.slug === 'filtering')!;
    const demos = filtering.meta.demos.map((demo) =>
      demo.inputs.length ? { ...demo, inputs: [{ name: 'limit', label: 'Limit', examples: [] }] } : demo,
    );
    expect(() => buildCatalogue([{ folder: filtering.folder, meta: { ...filtering.meta, demos } }])).toThrow(
      /demos\.1\.inputs: every input must name a string argument/,
    );
  });

  it('checks that the folder matches the number and slug', () => {
    const meta = { slug: 'pagination', number: 3, title: 'P', stage: 'mock-to-real', summary: 's', minutes: 5, status: 'coming-soon' };
    expect(() => buildCatalogue([{ folder: '04-pagination', meta }])).toThrow(/must be named "03-pagination"/);
  });

  it('rejects a checkpoint whose answer is not one of its choices', () => {
    const catalogue = getCatalogue();
    const live = catalogue.find((entry) => entry.meta.status === 'live')!;
    const meta = { ...live.meta, checkpoints: [{ question: 'q', choices: ['a', 'b'], answer: 2, explanation: 'e' }] };
    expect(() => buildCatalogue([{ folder: live.folder, meta }])).toThrow(/checkpoints\.0\.answer/);
  });

  it('links live lessons to their live neighbours', () => {
    expect(neighbours('mock-that-lied').previous).toBeUndefined();
  });
});
