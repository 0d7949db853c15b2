import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * hostile8 F10: five OFFICER reloadRules with unchanged files each sent RELOAD_RULES to every
 * subscriber, and clients re-assess on it: one request multiplied their work. Now only a reload that
 * swaps in another version notifies; every reload is still audited. A real public subscriber.
 */
const OFFICER: Caller = { role: 'OFFICER', sub: 'h8.officer' };
const RELOAD = graphql(`mutation { reloadRules { version errors { file } } }`);
let server: TestServer;
let rulesDir: string;
let socket: WebSocket;
const notices: string[] = [];

beforeAll(async () => {
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-h8-f10-'));
  cpSync(path.resolve(__dirname, '../../rules'), rulesDir, { recursive: true });
  server = await startTestServer({ rulesDir });
  socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  await new Promise<void>((resolve) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: 'changes', type: 'subscribe', payload: { query: 'subscription { subjectChanged { action } }' } }));
        // The subscription listens once its first statement has run; a moment is enough on loopback.
        setTimeout(resolve, 500);
      }
      if (message.type === 'next') notices.push(message.payload.data.subjectChanged.action);
    });
  });
});
afterAll(async () => {
  socket?.close();
  await server?.stop();
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
const reloadEvents = async () => (await server.sql(`select count(*)::int as n from audit_event where action = 'RELOAD_RULES'`))[0].n;

describe('reloadRules and change notices (hostile8 F10)', () => {
  it('a reload that keeps the version notifies no subscriber, though it is audited; one that changes it notifies once', async () => {
    const version = (await server.ok(graphql(`{ ruleSet { version } }`))).ruleSet.version;
    const audited = await reloadEvents();
    for (let i = 0; i < 5; i++) expect((await server.ok(RELOAD, undefined, OFFICER)).reloadRules).toEqual({ version, errors: [] });
    await settle();
    expect(notices).toEqual([]);
    expect(await reloadEvents()).toBe(audited + 5);

    appendFileSync(path.join(rulesDir, 'facts/agency.graphql'), '\n# edited\n');
    const changed = (await server.ok(RELOAD, undefined, OFFICER)).reloadRules;
    expect(changed.version).not.toBe(version);
    await settle();
    expect(notices).toEqual(['RELOAD_RULES']);
  });
});
