// Copies GraphiQL and React (their browser builds from node_modules) with our page into dist/graphiql,
// so the server hands out GraphiQL without any CDN and the production image needs no front-end package.
// Scripts and styles go under assets/ with their content's hash in the name, so the server lets
// browsers keep them for a year (src/web/console.ts); each with a brotli and a gzip copy beside it,
// served to browsers that accept them: graphiql.min.js is 3.5 MB as it comes, under 1 MB compressed,
// and compressing it once here costs the server nothing per request (hostile18 F3).
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../dist/graphiql');
const require = createRequire(import.meta.url);
const packageDir = (name) => path.dirname(require.resolve(`${name}/package.json`));

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 'assets'), { recursive: true });
const assets = [
  [path.join(packageDir('react'), 'umd/react.production.min.js'), 'react.production.min.js'],
  [path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), 'react-dom.production.min.js'],
  [path.join(packageDir('graphiql'), 'graphiql.min.js'), 'graphiql.min.js'],
  [path.join(packageDir('graphiql'), 'graphiql.min.css'), 'graphiql.min.css'],
  [path.join(here, '../graphiql/init.js'), 'init.js'],
];
let page = readFileSync(path.join(here, '../graphiql/index.html'), 'utf8');
for (const [from, name] of assets) {
  const content = readFileSync(from);
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 10);
  const ext = path.extname(name);
  const hashed = `${name.slice(0, -ext.length)}-${hash}${ext}`;
  writeFileSync(path.join(out, 'assets', hashed), content);
  writeFileSync(path.join(out, 'assets', `${hashed}.br`), brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
  writeFileSync(path.join(out, 'assets', `${hashed}.gz`), gzipSync(content, { level: 9 }));
  if (!page.includes(`"./${name}"`)) throw new Error(`console/graphiql/index.html does not load ./${name}`);
  page = page.replaceAll(`"./${name}"`, `"./assets/${hashed}"`);
}
writeFileSync(path.join(out, 'index.html'), page);
