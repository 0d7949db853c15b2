import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { useEffect, useState } from 'preact/hooks';

/** An error the API answered with: its code (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT …) and message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
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
  if (first) throw new ApiError(first.extensions?.code ?? 'ERROR', first.message, first.extensions?.field);
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
