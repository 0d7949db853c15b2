import { profileFromArgs, type Frame } from './cpu-profile-file';

/**
 * Where a V8 CPU profile's time went, by self time: per package (a node_modules folder, the
 * program's own files, node's internals, garbage collection, idle) and per function. Reads what
 * `--cpu-prof` writes (node's flag or bench/facts-stage.ts's option).
 *
 *   node dist/bench/profile-summary.js FILE [--subjects N] [--top 25]
 *
 * With --subjects (subjects × passes profiled), each line also shows µs per subject.
 */
const { profile, option } = profileFromArgs();
const subjects = Number(option('subjects', '0'));
const top = Number(option('top', '25'));

function packageOf({ functionName, url }: Frame): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1];
  if (url.startsWith('node:')) return 'node internals';
  return 'chengxin';
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
/** The profiler's own work (the inspector collecting a profile when it stops) is not the program's. */
const profiler = new Set<number>();
for (const node of profile.nodes) {
  for (let id: number | undefined = node.id; id !== undefined; id = parentOf.get(id)) {
    if (byId.get(id)!.callFrame.url === 'node:inspector') {
      profiler.add(node.id);
      break;
    }
  }
}
const perPackage = new Map<string, number>();
const perFunction = new Map<string, number>();
let total = 0;
for (const [i, id] of profile.samples.entries()) {
  if (profiler.has(id)) continue;
  const time = profile.timeDeltas[i] ?? 0;
  const frame = byId.get(id)!.callFrame;
  total += time;
  const pkg = packageOf(frame);
  perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + time);
  const name = `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|bench)\//, '$1/')}:${frame.lineNumber + 1}` : ''}`;
  perFunction.set(name, (perFunction.get(name) ?? 0) + time);
}
const idle = perPackage.get('(idle)') ?? 0;
const busy = total - idle;
const line = (name: string, time: number) =>
  `${(time / 1000).toFixed(0).padStart(8)} ms ${((100 * time) / busy).toFixed(1).padStart(5)} %${subjects ? `${(time / subjects).toFixed(1).padStart(8)} µs/subject` : ''}  ${name}`;
console.log(`${(total / 1000).toFixed(0)} ms sampled, ${(idle / 1000).toFixed(0)} ms idle; shares of the ${(busy / 1000).toFixed(0)} ms busy (self time):`);
console.log(line('all busy', busy));
console.log('\nby package:');
for (const [name, time] of [...perPackage].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(line(name, time));
console.log('\nby function:');
for (const [name, time] of [...perFunction].filter(([n]) => !n.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(line(name, time));
