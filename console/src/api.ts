import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { useEffect, useState } from 'preact/hooks';
import { tokenExpired } from './session';

/** Why the server refused the token itself (not a right of its role): it expired, or it is not valid here. */
export type TokenProblem = 'expired' | 'invalid';

/** An error the API answered with: its code (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT …) and message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Set when a request sent with a token was refused UNAUTHENTICATED: the token, not the role, is the problem. */
    readonly token?: TokenProblem,
  ) {
    super(message);
  }
}

type TokenRefusedListener = (token: string, error: ApiError) => void;
const tokenRefusedListeners = new Set<TokenRefusedListener>();

/** Told whenever the server refuses a token (expired, forged, from another server): the app drops the session. */
export function onTokenRefused(listener: TokenRefusedListener): () => void {
  tokenRefusedListeners.add(listener);
  return () => tokenRefusedListeners.delete(listener);
}

/**
 * A signed-in role lacking a right is told FORBIDDEN; UNAUTHENTICATED with a token means the token
 * itself was refused (the server's message says why: expired, signature, claims).
 */
function tokenProblem(token: string, message: string): TokenProblem {
  return /expired/i.test(message) || tokenExpired(token) ? 'expired' : 'invalid';
}

/** Same-origin GraphQL: the console never talks to any other host. */
export async function request<Result, Variables>(document: TadaDocumentNode<Result, Variables>, variables: Variables, token: string | null): Promise<Result> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch {
    throw new ApiError('NETWORK', '无法连接服务器。The server cannot be reached.');
  }
  let body: { data?: Result | null; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError('HTTP_' + response.status, `服务器返回 ${response.status}。The server answered ${response.status}.`);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'ERROR';
    if (token && code === 'UNAUTHENTICATED') {
      const error = new ApiError(code, first.message, first.extensions?.field, tokenProblem(token, first.message));
      for (const listener of tokenRefusedListeners) listener(token, error);
      throw error;
    }
    throw new ApiError(code, first.message, first.extensions?.field);
  }
  if (!body.data) throw new ApiError('ERROR', 'No data.');
  return body.data;
}

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'done'; data: T };

/** Runs a query when its inputs change; `reload()` runs it again. */
export function useQuery<Result, Variables>(document: TadaDocumentNode<Result, Variables>, variables: Variables, token: string | null, skip = false): Loaded<Result> & { reload(): void } {
  const [loaded, setLoaded] = useState<Loaded<Result>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setLoaded({ state: 'loading' });
    request(document, variables, token).then(
      (data) => live && setLoaded({ state: 'done', data }),
      (error: unknown) => live && setLoaded({ state: 'error', error: error instanceof ApiError ? error : new ApiError('ERROR', String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [key, token, round, skip]);
  return { ...loaded, reload: () => setRound((r) => r + 1) };
}
