import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Config } from '../config';

/** The folder holding package.json: dist/ sits beside it whether this runs from src/ (tests) or dist/src/. */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}.`);
    dir = parent;
  }
  return dir;
}

// Everything the console and GraphiQL load comes from this server: the browser is told so, and refuses the rest.
const CONSOLE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
// GraphiQL sets styles inline (its editor and panes).
const GRAPHIQL_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

function notBuilt(what: string) {
  return (_req: Request, res: Response) => {
    res.status(503).type('text/plain; charset=utf-8').send(`The ${what} is not built. Run "npm run build" (npm install does it), then restart the server.\n`);
  };
}

/** Encodings the build writes beside an asset (`x.js.br`, `x.js.gz`), in the order they are preferred. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * Serves the compressed copy the build wrote beside an asset (console/scripts/build-graphiql.mjs) to
 * a browser that accepts it: GraphiQL's script is 3.5 MB as it comes and was sent whole to anyone
 * asking, 350 GETs 1.2 GB (hostile18 F3); as brotli it is about 570 KB, read from disk with no
 * compressing per request. The copies are listed once, at start: request paths are looked up, never
 * joined onto the folder. A browser that accepts neither gets the file itself.
 */
function precompressed(dir: string): express.RequestHandler {
  const copies = new Map<string, Set<string>>();
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
      const copy = entry.isFile() ? PRECOMPRESSED.find(({ suffix }) => entry.name.endsWith(suffix)) : undefined;
      if (!copy) continue;
      const original = `${prefix}${entry.name.slice(0, -copy.suffix.length)}`;
      copies.set(original, (copies.get(original) ?? new Set()).add(copy.suffix));
    }
  };
  walk(dir, '/');
  return (req: Request, res: Response, next: NextFunction) => {
    const have = copies.get(req.path);
    if (!have || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.setHeader('vary', 'Accept-Encoding');
    // Ours, not the client's order: browsers list gzip first with the same weight, brotli is smaller.
    const chosen = PRECOMPRESSED.find((copy) => have.has(copy.suffix) && req.acceptsEncodings(copy.encoding) === copy.encoding);
    if (!chosen) return next();
    res.type(path.extname(req.path));
    res.setHeader('content-encoding', chosen.encoding);
    res.sendFile(`${req.path.slice(1)}${chosen.suffix}`, { root: dir, headers: { 'cache-control': cacheControl(req.path) } });
  };
}

/** Files under assets/ carry their content's hash in their name (Vite's, build-graphiql.mjs's): kept a year; anything else revalidated. */
const cacheControl = (file: string): string => (file.includes('/assets/') || file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');

/** A static site under `prefix`: hashed assets cached for long (compressed where the build compressed them), every other path answered by index.html (client-side routes). */
function site(dir: string, policy: string, spa: boolean): express.RequestHandler[] {
  const security = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('content-security-policy', policy);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  };
  const files = express.static(dir, {
    index: 'index.html',
    setHeaders: (res, file) => res.setHeader('cache-control', cacheControl(file)),
  });
  const fallback = (req: Request, res: Response, next: NextFunction) => {
    if (!spa || (req.method !== 'GET' && req.method !== 'HEAD') || path.extname(req.path)) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(path.join(dir, 'index.html'));
  };
  return [security, precompressed(dir), files, fallback];
}

/**
 * The console (/console, built by Vite into dist/console) and GraphiQL (/graphiql, copied into dist/graphiql)
 * from the same server as the API, so they work on an intranet with no internet. GraphiQL is there when
 * `config.graphiql` (GRAPHIQL; on except in production); a browser opening /graphql is sent to it.
 */
export function mountWeb(app: Express, config: Config): void {
  const root = packageRoot();
  const consoleDir = path.join(root, 'dist', 'console');
  const graphiqlDir = path.join(root, 'dist', 'graphiql');

  app.get('/', (_req, res) => res.redirect(302, '/console/'));
  app.get('/console', (req, res, next) => (req.path === '/console' && !req.originalUrl.startsWith('/console/') ? res.redirect(301, '/console/') : next()));
  app.use('/console', ...(existsSync(path.join(consoleDir, 'index.html')) ? site(consoleDir, CONSOLE_POLICY, true) : [notBuilt('console')]));

  if (!config.graphiql) return;
  app.get('/graphiql', (req, res, next) => (!req.originalUrl.startsWith('/graphiql/') ? res.redirect(301, '/graphiql/') : next()));
  app.use('/graphiql', ...(existsSync(path.join(graphiqlDir, 'index.html')) ? site(graphiqlDir, GRAPHIQL_POLICY, false) : [notBuilt('GraphiQL page')]));
  app.get('/graphql', (req, res, next) => {
    // Replaces Apollo's landing page (Sandbox, loaded from a CDN): a browser asking for a page gets GraphiQL.
    const wantsPage = req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query;
    if (wantsPage) res.redirect(302, '/graphiql/');
    else next();
  });
}
