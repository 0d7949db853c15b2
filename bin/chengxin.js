#!/usr/bin/env node
// The `chengxin` command. The TypeScript sources are compiled by `npm install` (prepare) or `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'chengxin.js');
if (!fs.existsSync(entry)) {
  console.error('Chengxin is not built yet / 尚未构建：run `npm run build` first.');
  process.exit(2);
}
require(entry);
