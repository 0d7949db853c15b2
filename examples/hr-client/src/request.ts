import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';

/** An error the API answered with: its code (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT …), message and field. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Where the API is and who calls it: a bearer token, or none for the public. */
export interface Endpoint {
  url: string;
  token?: string;
}

/** POSTs one typed document; the result has the document's type, or the first error is thrown. */
export async function request<Result, Variables>(endpoint: Endpoint, document: TadaDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result | null; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'ERROR', first.message, first.extensions?.field);
  if (!body.data) throw new ApiError('ERROR', `No data (HTTP ${response.status}).`);
  return body.data;
}
