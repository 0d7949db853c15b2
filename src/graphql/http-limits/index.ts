import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Viewer } from '../../auth/role';
import type { Config } from '../../config';
import { HTTP_TIMEOUT_DEFAULTS, IN_FLIGHT_PER_TOKEN_DEFAULT, PUBLIC_IN_FLIGHT_DEFAULT } from '../../config-defaults';
import { jsonBody, requestsInFlight } from './anonymous-requests';
import { answerDeadline } from './answer-deadline';
import { publicAnswerSize, PUBLIC_ANSWER_BYTES } from './public-answer-size';
import { publicRateLimit, type PublicRateLimit } from './public-rate-limit';

export { httpErrorHandler } from './http-errors';
export { serverTimeouts } from './timeouts';
export type { PublicRateLimit } from './public-rate-limit';

/**
 * The limits an HTTP request to /graphql meets before GraphQL sees it, in the order they run (README
 * "Limits"); server.ts mounts them, and the request's arrival time (timeouts.ts) on the server:
 * - the anonymous rate limit, before the body is parsed: a refused caller costs nothing more
 *   (public-rate-limit.ts; also handed to the WebSocket server, which counts token-less messages);
 * - the answer deadline: an ended answer reaches the client within HTTP_SEND_TIMEOUT_SECONDS or its
 *   connection is closed (answer-deadline.ts);
 * - requests in flight, before the body is read too: an anonymous address, and a token holder, hold
 *   a few requests at once (anonymous-requests.ts);
 * - the body, parsed within the caller's size limit (anonymous-requests.ts);
 * - an anonymous answer's size, checked when it is sent (public-answer-size.ts).
 */
export function httpLimits(config: Config, verify: (authorization: string | undefined) => Promise<Viewer>, logger: Logger): { handlers: RequestHandler[]; publicRate: PublicRateLimit | null } {
  const publicRate = publicRateLimit(config, verify);
  return {
    publicRate,
    handlers: [
      publicRate?.middleware ?? ((_req: Request, _res: Response, next: NextFunction) => next()),
      answerDeadline(config.sendTimeoutSeconds ?? HTTP_TIMEOUT_DEFAULTS.sendSeconds, logger),
      requestsInFlight(config.publicInFlightPerAddress ?? PUBLIC_IN_FLIGHT_DEFAULT, config.inFlightPerToken ?? IN_FLIGHT_PER_TOKEN_DEFAULT, verify, config.sendTimeoutSeconds ?? HTTP_TIMEOUT_DEFAULTS.sendSeconds),
      jsonBody(verify),
      publicAnswerSize(PUBLIC_ANSWER_BYTES, verify),
    ],
  };
}
