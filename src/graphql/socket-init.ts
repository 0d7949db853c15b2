import { duplicateJsonKey } from '../auth/duplicate-keys';
import { misplacedTokenKey, quotedKey } from './socket-token-key';

/**
 * Why a socket's connection_init is refused before its token is checked, as the reason it is closed
 * with (4403 Forbidden), or null. `twice` is a key its raw text holds twice (firstMessageDuplicate).
 */
export function initRefusal(params: Readonly<Record<string, unknown>>, twice: string | undefined): string | null {
  const authorization = params.authorization;
  // One message, two meanings: JSON.parse keeps the last of two equal keys, a reader that keeps
  // the first (a proxy, a log) would see another token (hostile11 N1; as for a JWT, duplicate-keys.ts).
  if (twice !== undefined) return `Forbidden: UNAUTHENTICATED: connection_init holds the key ${quotedKey(twice)} twice; send each key once`;
  // A token under another key would otherwise be an unknown key and the socket silently
  // public: a display would get public notices only, and no error (hostile10 N2, hostile11 F4).
  const misplaced = misplacedTokenKey(params);
  if (misplaced !== null) return `Forbidden: UNAUTHENTICATED: key ${quotedKey(misplaced)} is not "authorization"; send it as "authorization"`;
  if (typeof authorization === 'string' && authorization.trim() === '') {
    return 'Forbidden: UNAUTHENTICATED: "authorization" is empty; send "Bearer <token>", or leave it out for public access';
  }
  // A token that is not a string (null, 123, {…}) is a broken client or a probe, not "no token":
  // taking it as public would hide the mistake behind a working, lesser connection.
  if ('authorization' in params && typeof authorization !== 'string') {
    return 'Forbidden: "authorization" must be a string "Bearer <token>", or left out for public access';
  }
  return null;
}

/**
 * A key the socket's first message holds twice, or null. The first message is connection_init (graphql-ws
 * closes a socket whose first message is anything else); read as graphql-ws reads it (String(data)), and text
 * JSON.parse refuses is left to graphql-ws.
 */
export function firstMessageDuplicate(text: string): string | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  return duplicateJsonKey(text);
}
