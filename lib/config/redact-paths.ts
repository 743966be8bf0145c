/**
 * The settings report names the files it read by their absolute paths, which
 * say who runs the server and how its disk is laid out. Pages of this app
 * see them (the learner needs to know which file to edit); any other client
 * gets the same report with every path made harmless: relative to the
 * project (`./…`) or the home directory (`~/…`), anything else by its file
 * name alone (`…/settings.json`).
 */
import { basename, sep } from 'node:path';

export interface ServerPlaces {
  /** The project directory (the config's cwd). */
  cwd: string;
  homeDir: string;
}

/**
 * An absolute path inside prose: a "/" that starts a word (not one inside a URL such as
 * https://host/api, nor ./ or ~/), up to a space, a quote, a bracket or a comma.
 */
const ABSOLUTE_PATH = /(?<![\w.~:/@-])\/[^\s"'(),;]+/g;

/** A copy of `value` (any JSON) with the paths in its strings redacted. */
export function redactServerPaths<T>(value: T, places: ServerPlaces): T {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) => (typeof item === 'string' ? redactPathsInText(item, places) : item));
}

export function redactPathsInText(text: string, { cwd, homeDir }: ServerPlaces): string {
  // Longest first: the project usually lives inside the home directory.
  const roots: Array<[string, string]> = [
    [cwd, '.'],
    [homeDir, '~'],
  ];
  roots.sort(([a], [b]) => b.length - a.length);
  let redacted = text;
  for (const [root, label] of roots) redacted = redacted.split(`${root}${sep}`).join(`${label}/`);
  return redacted.replace(ABSOLUTE_PATH, (path) => {
    // A full stop or colon after a path ends the sentence, not the file name.
    const trailing = /[.:]+$/.exec(path)?.[0] ?? '';
    return `…/${basename(path.slice(0, path.length - trailing.length))}${trailing}`;
  });
}
