import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

/**
 * How long an answer may take to reach the client once it is ready (hostile14 F2): a client that
 * never reads kept its answer — megabytes beyond the kernel's buffers — in the process for as long as
 * it held the connection open, and the request counted as under way all that time. Once the response
 * is ended, it must be flushed within `seconds`, else its connection is destroyed (the client sees
 * it cut) and the memory is freed. Computing the answer is not timed here: only sending it.
 */
export function answerDeadline(seconds: number, log: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    let timer: NodeJS.Timeout | undefined;
    const clear = () => timer && clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    res.end = ((...args: unknown[]) => {
      timer ??= setTimeout(() => {
        if (res.writableFinished) return;
        log.warn({ requestId: res.getHeader('x-request-id'), seconds }, 'an answer was not read within HTTP_SEND_TIMEOUT_SECONDS; its connection is closed');
        req.socket.destroy();
      }, seconds * 1000).unref();
      return end(...args);
    }) as Response['end'];
    next();
  };
}
