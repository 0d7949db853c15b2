import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * hostile18 F3: the development server sent GraphiQL's script (`/graphiql/graphiql.min.js`, 3.5 MB)
 * uncompressed to anyone asking, with no caching: 350 GETs from one address were 1.2 GB and 7.2
 * CPU-s. The build now writes each GraphiQL asset under assets/ with its content's hash in the name
 * and brotli and gzip copies beside it (console/scripts/build-graphiql.mjs); the server sends the
 * copy a browser accepts, read from disk, and lets browsers keep the assets for a year. Raw HTTP
 * (no client-side decompression), real server.
 */
let server: TestServer;
let origin: string;
beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
});
afterAll(() => server?.stop());

/** A GET as raw bytes, with the given Accept-Encoding (none when undefined). */
function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

it("GraphiQL's 3.5 MB script is sent compressed to a browser that accepts it (brotli, else gzip), cached for a year; the page itself is revalidated", async () => {
  const page = await get(`${origin}/graphiql/`);
  expect(page.status).toBe(200);
  expect(page.headers['cache-control']).toBe('no-cache');
  const script = /src="\.\/(assets\/graphiql\.min-[0-9a-f]+\.js)"/.exec(page.body.toString())?.[1];
  expect(script).toBeDefined();
  const url = `${origin}/graphiql/${script}`;

  const plain = await get(url);
  expect(plain.status).toBe(200);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.length).toBeGreaterThan(3_000_000);

  const br = await get(url, 'gzip, deflate, br');
  expect(br.status).toBe(200);
  expect(br.headers).toMatchObject({ 'content-encoding': 'br', vary: 'Accept-Encoding', 'cache-control': 'public, max-age=31536000, immutable' });
  expect(br.headers['content-type']).toMatch(/^application\/javascript|^text\/javascript/);
  expect(br.body.length).toBeLessThan(1_000_000);
  expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

  const gzip = await get(url, 'gzip');
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(gzip.body.length).toBeLessThan(1_000_000);
  expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
});

it('the old unhashed path is gone, and a path outside the listed copies is not served compressed', async () => {
  expect((await get(`${origin}/graphiql/graphiql.min.js`, 'br')).status).toBe(404);
  expect((await get(`${origin}/graphiql/assets/..%2findex.html`, 'br')).headers['content-encoding']).toBeUndefined();
});
