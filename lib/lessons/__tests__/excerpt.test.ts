import { describe, expect, it } from 'vitest';
import { findSymbol, readExcerpt } from '../excerpt';

describe('lesson excerpts from real files', () => {
  it('cuts an exported function with its doc comment from the real source', async () => {
    const excerpt = await readExcerpt({
      file: 'lib/todoist/pagination.ts',
      symbol: 'firstPageOnly',
      title: 'naive',
      note: 'x',
    });
    expect(excerpt.code.startsWith('/** What the naive code did')).toBe(true);
    expect(excerpt.code).toContain('export async function firstPageOnly');
    expect(excerpt.code.trimEnd().endsWith('}')).toBe(true);
    expect(excerpt.code).not.toContain('export { MAX_PAGE_LIMIT }');
  });

  it('fails loudly when the symbol no longer exists (the build breaks)', async () => {
    await expect(
      readExcerpt({ file: 'lib/todoist/pagination.ts', symbol: 'readEverything', title: 't', note: 'n' }),
    ).rejects.toThrow(/symbol "readEverything" is not declared/);
    await expect(readExcerpt({ file: 'lib/nope.ts', symbol: 'x', title: 't', note: 'n' })).rejects.toThrow(/cannot read lib\/nope.ts/);
    await expect(readExcerpt({ file: 'lib/todoist/index.ts', lines: [1, 9999], title: 't', note: 'n' })).rejects.toThrow(/outside/);
  });

  it('handles one-line declarations and multi-line objects', () => {
    const lines = ['// why', 'export const A = 1;', '', 'export const B = {', '  x: 1,', '};', 'const C = 2;'];
    expect(findSymbol(lines, 'A')).toEqual([1, 2]);
    expect(findSymbol(lines, 'B')).toEqual([4, 6]);
  });
});
