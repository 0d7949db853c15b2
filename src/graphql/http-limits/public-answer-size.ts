import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Viewer } from '../../auth/role';
import { errorsTotal } from '../../metrics';
import { isSignedIn } from './anonymous-requests';

/**
 * The largest answer a request without a token is sent, in bytes: twice what its field budget stands
 * for (LIMITS.publicFields × FIELD_BYTES, 480 KB). The budget is checked before anything runs and
 * prices JSON and long texts by what they can hold, but not every bound is known then: a stored
 * verdict's facts hold every row of its subject (evaluations read them all as the system, past the
 * caps the budget counts), and a text's size is its input limit's. This backstop holds what the
 * estimate could not (hostile18 F1: 45 verdicts' facts, 2 MB for a 156-byte request).
 */
export const PUBLIC_ANSWER_BYTES = 960_000;

/**
 * Refuses to send an anonymous answer over `limit` bytes: HTTP 400, ANSWER_TOO_LARGE, in its place.
 * Checked on the string Apollo hands to `res.send` (already built: measuring it costs a pass over it,
 * sending it would cost the bandwidth and the kernel's buffers). Refusing rather than cutting it
 * short: a truncated answer is not JSON, and a shortened list would look complete. Signed-in callers
 * are named and held by their own limits.
 */
export function publicAnswerSize(limit: number, verify: (authorization: string | undefined) => Promise<Viewer>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    isSignedIn(req, verify).then((signedIn) => {
      if (!signedIn) {
        const send = res.send.bind(res);
        res.send = ((body?: unknown) => {
          // UTF-8 takes at most 3 bytes per UTF-16 unit: a string that short is under the limit unmeasured.
          if (typeof body !== 'string' || body.length * 3 <= limit) return send(body);
          const bytes = Buffer.byteLength(body);
          if (bytes <= limit) return send(body);
          errorsTotal.inc({ code: 'ANSWER_TOO_LARGE' });
          res.status(400);
          res.setHeader('content-type', 'application/json; charset=utf-8');
          return send(
            JSON.stringify({
              errors: [
                {
                  message: `The answer is ${bytes} bytes; a request without a token is sent at most ${limit} (the stored facts and texts it asked for are longer than the field budget could tell before running it). It was not sent. Ask for fewer verdicts' facts or explanations, fewer aliases or smaller pages (first), or sign in with a token.`,
                  extensions: { code: 'ANSWER_TOO_LARGE', http: { status: 400 }, limit, bytes },
                },
              ],
            }),
          );
        }) as Response['send'];
      }
      next();
    }, next);
  };
}
