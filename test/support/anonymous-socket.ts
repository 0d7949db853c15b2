import WebSocket from 'ws';

/** How a socket closed. */
export interface Closed {
  code: number;
  reason: string;
}

/**
 * An anonymous graphql-ws socket (no connection_init payload), acknowledged: each message after it
 * is handed to `onMessage` (parsed, with its raw text), the socket is added to `opened` for the
 * suite to close, and `closed` settles when the server closes it. Rejects if it closes first.
 */
export function anonymousSocket(wsUrl: string, opened: WebSocket[], onMessage: (message: any, raw: string) => void = () => {}): Promise<{ socket: WebSocket; closed: Promise<Closed> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    opened.push(socket);
    const closed = new Promise<Closed>((done) => socket.on('close', (code, reason) => done({ code, reason: String(reason) })));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data) => {
      const raw = String(data);
      const message = JSON.parse(raw);
      if (message.type === 'connection_ack') resolve({ socket, closed });
      else onMessage(message, raw);
    });
    void closed.then(() => reject(new Error('closed before acknowledged')));
  });
}
