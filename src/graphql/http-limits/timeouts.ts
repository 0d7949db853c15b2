import type { ServerOptions } from 'node:http';
import type { Config } from '../../config';
import { HTTP_TIMEOUT_DEFAULTS } from '../../config-defaults';

/**
 * The options of the HTTP server that bound how long a request may take to arrive.
 * A request must arrive whole (headers, then body) within HTTP_REQUEST_TIMEOUT_SECONDS, its headers
 * within HTTP_HEADERS_TIMEOUT_SECONDS (at most the former), else Node answers 408 and closes the
 * connection: a client withholding the last bytes of a body held it, inflated, for Node's default
 * 300 s (hostile13 F2). Node checks them every connectionsCheckingInterval (30 s by default), so that
 * is kept to a fraction of the shortest. Sending the answer is bounded by answer-deadline.ts.
 */
export function serverTimeouts(config: Pick<Config, 'requestTimeoutSeconds' | 'headersTimeoutSeconds'>): Pick<ServerOptions, 'requestTimeout' | 'headersTimeout' | 'connectionsCheckingInterval'> {
  const requestTimeoutSeconds = config.requestTimeoutSeconds ?? HTTP_TIMEOUT_DEFAULTS.requestSeconds;
  const headersTimeoutSeconds = Math.min(config.headersTimeoutSeconds ?? HTTP_TIMEOUT_DEFAULTS.headersSeconds, requestTimeoutSeconds);
  return {
    requestTimeout: requestTimeoutSeconds * 1000,
    headersTimeout: headersTimeoutSeconds * 1000,
    connectionsCheckingInterval: Math.min(1000, headersTimeoutSeconds * 250),
  };
}
