// Copies GraphiQL and React (their browser builds from node_modules) with our page into dist/graphiql,
// so the server hands out GraphiQL without any CDN and the production image needs no front-end package.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../dist/graphiql');
const require = createRequire(import.meta.url);
const packageDir = (name) => path.dirname(require.resolve(`${name}/package.json`));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = [
  [path.join(packageDir('react'), 'umd/react.production.min.js'), 'react.production.min.js'],
  [path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), 'react-dom.production.min.js'],
  [path.join(packageDir('graphiql'), 'graphiql.min.js'), 'graphiql.min.js'],
  [path.join(packageDir('graphiql'), 'graphiql.min.css'), 'graphiql.min.css'],
  [path.join(here, '../graphiql/index.html'), 'index.html'],
  [path.join(here, '../graphiql/init.js'), 'init.js'],
];
for (const [from, name] of files) copyFileSync(from, path.join(out, name));
