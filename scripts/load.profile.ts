/**
 * Where the server's time goes under load: CPU time of the serving process from /proc, and (with --profile) a
 * V8 CPU profile taken over the inspector, saved as a .cpuprofile (open it in Chrome DevTools) and summarised as
 * the functions with the most self time and the most inclusive time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Inspector } from './load.memory';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU time of a process so far, in ms. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export async function startProfile(inspector: Inspector): Promise<void> {
  await inspector.send('Profiler.enable');
  await inspector.send('Profiler.setSamplingInterval', { interval: 500 }); // µs
  await inspector.send('Profiler.start');
}

export async function stopProfile(inspector: Inspector, file: string): Promise<CpuProfile> {
  const { profile } = (await inspector.send('Profiler.stop')) as { profile: CpuProfile };
  await inspector.send('Profiler.disable');
  writeFileSync(file, JSON.stringify(profile));
  return profile;
}

/**
 * "function file:line", mapped back to the source through the bundle's source map when there is one (`next build`
 * minifies names: `nK .next/server/chunks/…js:23` becomes `callTool lib/mcp/tool.ts:88`).
 */
class FrameNames {
  readonly #maps = new Map<string, SourceMap | undefined>();

  name({ functionName, url, lineNumber, columnNumber }: ProfileNode['callFrame']): string {
    if (!url) return functionName || '(anonymous)';
    const entry = this.#map(url)?.findEntry(lineNumber, columnNumber);
    if (entry && 'originalSource' in entry) {
      const name = ('name' in entry && typeof entry.name === 'string' && entry.name) || functionName || '(anonymous)';
      return `${name} ${shortPath(decodeURIComponent(entry.originalSource))}:${entry.originalLine + 1}`;
    }
    return `${functionName || '(anonymous)'} ${shortPath(url)}:${lineNumber + 1}`;
  }

  #map(url: string): SourceMap | undefined {
    if (!this.#maps.has(url)) {
      let map: SourceMap | undefined;
      try {
        if (url.startsWith('file://')) map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')));
      } catch {
        map = undefined; // no map beside it: keep the bundle's names
      }
      this.#maps.set(url, map);
    }
    return this.#maps.get(url);
  }
}

/** "zod/v4/core/schemas.js:12" → "zod"; "lib/mcp/tool.ts:80" → "lib/mcp/tool.ts"; "node:zlib:766" → "node:zlib". */
function sourceOf(location: string): string {
  const path = location.replace(/:\d+$/, '');
  if (path.startsWith('node:internal/deps/')) return `node:${path.split('/')[2]}`;
  if (path.startsWith('node:')) return path.split('/').slice(0, 2).join('/');
  if (/^(lib|app|components)\//.test(path)) return path;
  if (path.startsWith('.next/')) return '.next (unmapped bundle)';
  const parts = path.split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

function shortPath(path: string): string {
  return path
    .replace(/^file:\/\//, '')
    .replace(/^(\.\.\/)+/, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^node_modules\//, '')
    .replace(/^.*\/\.next\/server\//, '.next/server/')
    .replace(/^\/work\/[^/]+\//, '');
}

/**
 * Self and inclusive time per function (a function's inclusive time counts each stack once, even when it recurses),
 * in ms of the profile, with the sample count per call when `calls` is given.
 */
export function summariseProfile(profile: CpuProfile, calls: number, top = 25): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totalHits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const msPerHit = totalHits > 0 ? (profile.endTime - profile.startTime) / 1000 / totalHits : 0;
  const names = new FrameNames();
  const frameName = (frame: ProfileNode['callFrame']) => names.name(frame);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();

  const walk = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id)!;
    const name = frameName(node.callFrame);
    const hits = node.hitCount ?? 0;
    self.set(name, (self.get(name) ?? 0) + hits);
    const first = !onStack.has(name);
    if (first) onStack.add(name);
    let subtree = hits;
    for (const child of node.children ?? []) subtree += walk(child, onStack);
    if (first) {
      onStack.delete(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + subtree);
    }
    return subtree;
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, new Set());

  const idle = new Set(['(root)', '(idle)', '(program)']);
  const busyHits = totalHits - [...idle].reduce((sum, name) => sum + (self.get(name) ?? 0), 0);
  const row = ([name, hits]: [string, number]) => {
    const ms = hits * msPerHit;
    const perCall = calls > 0 ? `  ${((ms / calls) * 1000).toFixed(0).padStart(5)} µs/call` : '';
    return `     ${ms.toFixed(0).padStart(7)} ms ${((hits / Math.max(1, busyHits)) * 100).toFixed(1).padStart(5)} %${perCall}  ${name}`;
  };
  const sorted = (map: Map<string, number>) =>
    [...map.entries()].filter(([name]) => !idle.has(name)).sort((a, b) => b[1] - a[1]).slice(0, top);
  // Self time by where the code lives: a package, a file of this app, Node's internals, the GC.
  const bySource = new Map<string, number>();
  for (const [name, hits] of self) {
    const location = /\s(\S+:\d+)$/.exec(name)?.[1];
    const where = location ? sourceOf(location) : name.startsWith('(') ? name : 'V8 / native code (no script)';
    bySource.set(where, (bySource.get(where) ?? 0) + hits);
  }
  return [
    `   profile: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, busy ${(busyHits * msPerHit).toFixed(0)} ms (% of busy time)`,
    '   self time by package / file:',
    ...sorted(bySource).map(row),
    '   most self time:',
    ...sorted(self).map(row),
    '   most inclusive time:',
    ...sorted(inclusive).map(row),
  ];
}
