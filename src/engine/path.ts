/**
 * Dotted paths such as `$.credit.records[0].severity`, resolved without JSONPath: about three
 * times faster in json-rules-engine than its default, and all a rule file needs. The one place a
 * path is split into its steps.
 */
const MISSING = Symbol('missing');

/** `$.credit.records[0].severity` → credit, records, 0, severity. */
export function pathSteps(path: string): string[] {
  const trimmed = path.startsWith('$') ? path.slice(1) : path;
  return trimmed.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '');
}

/** `$.gradePoints.A` → `gradePoints.A`: a parameter's dotted name, as explanations list it. */
export function dottedName(path: string): string {
  return path.replace(/^\$\.?/, '');
}

/** The value at `path`, or MISSING when some step does not exist (null is a value). */
function lookup(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const step of pathSteps(path)) {
    if (at === null || typeof at !== 'object' || !(step in (at as object))) return MISSING;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/** For json-rules-engine's `pathResolver`: missing steps read as undefined. */
export function resolvePath(value: unknown, path: string): unknown {
  const found = lookup(value, path);
  return found === MISSING ? undefined : found;
}

/** True when every step of the path exists (its value may be null). */
export function pathExists(value: unknown, path: string): boolean {
  return lookup(value, path) !== MISSING;
}
