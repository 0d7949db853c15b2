import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { BadUserInputError } from '../errors';

/**
 * Sealed page cursors. A keyset cursor holds the sort values of the last item (for civil servants,
 * the full name behind a masked one), so it is never handed out readable: it is encrypted and
 * authenticated with AES-256-GCM under a server key, together with the list it belongs to. A
 * cursor that was tampered with, made up, or taken from another list fails to open and is refused
 * as BAD_USER_INPUT on `after`.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Sealed cursors of real lists are about 150 characters; anything far longer is not ours. */
const MAX_CURSOR_LENGTH = 1024;

let key: Buffer = randomBytes(32);

/**
 * Sets the sealing key from a server secret (CURSOR_SECRET, else the JWT secret): every server
 * process with the same secret opens the others' cursors. One key per process, set by the server
 * at start; without a call it is random (the command line hands out no cursors).
 */
export function useCursorSecret(secret: Uint8Array): void {
  key = Buffer.from(hkdfSync('sha256', secret, 'chengxin', 'page cursor v1', 32));
}

/** Seals an inner cursor (MikroORM's) for one list. */
export function sealCursor(list: string, inner: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(list, 'utf8'));
  const body = Buffer.concat([cipher.update(inner, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

const NOT_OURS = 'is not a cursor this server gave for this list (changed, made up, from another list, or from a server with another CURSOR_SECRET); pass an endCursor or an edge cursor from a previous page of the same list, or leave it out to start at the beginning.';

/** Opens a sealed cursor of this list, or refuses it as BAD_USER_INPUT on `after`. */
export function openCursor(list: string, sealed: string): string {
  if (sealed.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(sealed)) throw new BadUserInputError('after', NOT_OURS);
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) throw new BadUserInputError('after', NOT_OURS);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(list, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new BadUserInputError('after', NOT_OURS);
  }
}
