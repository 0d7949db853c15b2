// Applies today's migrations to the database at argv[2] and exits: the jest global setup runs it in
// a child process to prepare the template test databases are copied from (template-database.ts).
// A child because MikroORM's metadata is process-global and must stay out of jest's own process; plain
// JavaScript with an SWC require hook because the migrations are TypeScript and `dist/` may be stale
// or absent when a developer runs `npx jest` — the same sources, compiled as @swc/jest compiles them.
const fs = require('node:fs');
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
const swc = require('@swc/core');

const { $schema, ...swcOptions } = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...swcOptions, filename, swcrc: false, configFile: false });
  module._compile(code, filename);
};

require('reflect-metadata');
const { initORM } = require(path.join(root, 'src/db/orm.ts'));

initORM(process.argv[2]).then(
  async ({ orm, applied }) => {
    await orm.close();
    process.stdout.write(`${applied.length}\n`);
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  },
);
