import type { NextFunction, Request, Response } from 'express';
import { BODY_LIMIT_BYTES } from './anonymous-requests';

/**
 * Errors raised before GraphQL runs (a body that is not JSON, a body over the limit) answered in
 * GraphQL's error shape instead of Express's HTML page with a stack trace.
 */
export function httpErrorHandler(error: { status?: number; type?: string; message?: string }, _req: Request, res: Response, _next: NextFunction): void {
  // A rate-limit count that the cluster's primary did not answer (shared-counts.ts): the request was not run.
  if (error.type === 'shared-count.unanswered') {
    res.status(503).setHeader('Retry-After', '1');
    res.json({ errors: [{ message: `${error.message ?? ''} Nothing was run; the server is busy. Retry in a moment.`.trim(), extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    return;
  }
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
  const message =
    error.type === 'entity.parse.failed'
      ? 'The request body is not valid JSON. Send {"query": "...", "variables": {...}} with content-type application/json.'
      : error.type === 'entity.too.large'
        ? `The request body is larger than ${BODY_LIMIT_BYTES / 1024 / 1024} MB. Send a smaller request.`
        : status < 500
          ? (error.message ?? 'Bad request.')
          : 'Internal server error.';
  res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
}
