import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is served by the Chengxin server under /console (src/web/console.ts) and built into
// dist/console, which the Docker image copies with the rest of dist/. Preact's JSX runs through Vite's
// own esbuild transform, so no framework plugin (and no Babel) is needed.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  publicDir: false,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Reported by the browser tests against the 250 KB gzip budget; no need to print it on every build.
    reportCompressedSize: false,
    assetsInlineLimit: 0,
  },
  logLevel: 'warn',
});
