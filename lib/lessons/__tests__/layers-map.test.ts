import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerFiles } from '../widgets/layers-map';

const root = process.cwd();

/** The TypeScript modules of a folder, tests left out. */
function modulesIn(folder: string): string[] {
  return readdirSync(path.join(root, folder))
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts'))
    .map((name) => `${folder}/${name}`);
}

describe('the layers diagram of lesson 6', () => {
  it('lists only files that exist, so it cannot drift from the code', () => {
    const missing = layerFiles().filter((file) => !existsSync(path.join(root, file)));
    expect(missing).toEqual([]);
  });

  it('lists each file once', () => {
    const files = layerFiles();
    expect(new Set(files).size).toBe(files.length);
  });

  it('lists every tool and every resilience module (a new one must be placed in a layer)', () => {
    const listed = new Set(layerFiles());
    const unlisted = [...modulesIn('lib/mcp/tools'), ...modulesIn('lib/resilience')].filter((file) => !listed.has(file));
    expect(unlisted).toEqual([]);
  });

  it('has the four layers top to bottom, and the three faces', () => {
    expect(LAYERS.map((layer) => layer.id)).toEqual(['faces', 'presentation', 'processing', 'fetching']);
    const faces = LAYERS[0]!.groups.flatMap((group) => (group.face ? [group.face] : []));
    expect(faces).toEqual(['web UI', 'HTTP', 'stdio']);
  });
});
