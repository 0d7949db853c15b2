import { singleLineProblem } from '../domain/plain-text';
import { JWKS_CACHE_DEFAULT_SECONDS } from '../config-defaults';
import { createRemoteJWKSet, decodeJwt, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import { duplicateJsonKey } from './duplicate-keys';
import { ALL_ROLES, PUBLIC_VIEWER, Role, type Viewer } from './role';

export class UnauthenticatedError extends GraphQLError {
  constructor(reason: string) {
    super(`${reason} Send "Authorization: Bearer <token>" with a valid token (npx chengxin token --role ROLE), or no header for public access.`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
}

/** Where a token's key comes from; a key set fetched from jwksUrl is trusted for cacheSeconds (JWKS_CACHE_SECONDS). */
export type KeySource = { secret: Uint8Array } | { jwksUrl: string; cacheSeconds?: number };

/**
 * The algorithms a token checked against JWKS_URL may be signed with: what identity providers sign
 * with and jose verifies (RSA PKCS#1 and PSS, P-256 ECDSA, Ed25519). Named, not left to the keys:
 * a key set offering something else (a symmetric "oct" key, an outdated algorithm) signs no token
 * here. HS256 is JWT_SECRET's alone.
 */
export const JWKS_ALGORITHMS = ['RS256', 'ES256', 'PS256', 'EdDSA'];


/** The roles a token may carry: own values of Role, never an inherited name such as `toString`. */
const TOKEN_ROLES: ReadonlySet<string> = new Set(ALL_ROLES.filter((role) => role !== Role.PUBLIC));

/** The longest `sub` accepted: it is stored as the actor of every audit event the caller causes. */
export const MAX_SUBJECT_LENGTH = 128;

/**
 * The characters a `sub` may hold: ASCII letters and digits, Chinese characters (Han script, for
 * names such as 王芳), and `.`, `_`, `@`, `-`, `:` and single spaces inside. It is written as the
 * actor of audit events and shown in the console, so markup (`<img …>`), quotes and the like have no
 * place in it; and letters of other scripts are refused because Cyrillic or Greek look-alikes
 * (`ѕуѕtеm`, `рublic`, `сli:x`) would pass for the reserved actors below, which NFKC does not fold.
 */
const SUBJECT_PATTERN = /^[A-Za-z0-9\p{Script=Han}._@:-]+(?: [A-Za-z0-9\p{Script=Han}._@:-]+)*$/u;

/**
 * Whether a `sub` reads as one of the actors Chengxin writes itself — `system`, `public`, `cli:<user>` —
 * to someone scanning the audit trail. Compared after NFKC normalisation (full-width ｓｙｓｔｅｍ),
 * case folding (System, ſystem) and with everything but letters and digits taken out, so that a
 * dot, a space or a dash cannot make a look-alike (`system.`, `sys-tem`, `cli :root`, `c.l.i:root`).
 * `cli` counts as the command line's prefix when it ends a word (`cli`, `cli-x`, `c.l.i:x`), not
 * inside one (`client`, `clive`).
 */
export function imitatesReservedActor(subject: string): boolean {
  const words = subject.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const letters = words.join('');
  if (letters === 'system' || letters === 'public') return true;
  if (!letters.startsWith('cli')) return false;
  // Does a word end right after the third letter?
  let length = 0;
  for (const word of words) {
    length += word.length;
    if (length >= 3) return length === 3;
  }
  return false;
}

/**
 * Why a token subject cannot be used, or null. At most MAX_SUBJECT_LENGTH characters of
 * SUBJECT_PATTERN, and none of the actors Chengxin writes itself: `system` (facts queries),
 * `public` (callers without a token) and `cli:…` (the command line), nor a look-alike of them
 * (imitatesReservedActor).
 */
export function subjectProblem(subject: unknown): string | null {
  if (typeof subject !== 'string' || subject === '') return 'The token has no "sub" claim (who it was issued to); every token must name its holder.';
  if (subject.length > MAX_SUBJECT_LENGTH) return `The token's "sub" claim is ${subject.length} characters long; at most ${MAX_SUBJECT_LENGTH} are accepted.`;
  if (imitatesReservedActor(subject)) return `The token's "sub" claim ${JSON.stringify(subject)} is reserved for Chengxin itself (system, public, cli:…); use the holder's own name.`;
  if (!SUBJECT_PATTERN.test(subject)) {
    return 'The token\'s "sub" claim may hold only letters (ASCII a-z, A-Z, or Chinese characters), ASCII digits, ". _ @ - :" and single spaces inside — no look-alike letters of other scripts (Cyrillic, Greek, full-width); use a plain name such as wang.fang or 王芳.';
  }
  // The check registry names pass: no control or invisible characters, no look-alike ideographs
  // (王⼀ with the Kangxi radical ⼀ would pass for 王一 in the audit trail, and not be found by it).
  const plain = singleLineProblem(subject);
  if (plain) return `The token's "sub" claim: ${plain}`;
  return null;
}

/** A compact JWS: three unpadded base64url parts joined by dots (RFC 7515 §7.1), nothing else. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const NOT_COMPACT = 'The token is not in the compact JWS form: three base64url parts (A-Z, a-z, 0-9, "-" and "_") joined by dots, with no "=" padding or other characters; send it exactly as it was issued.';

/**
 * Why a compact token's header or claims cannot be read one way only, or null: a key given twice
 * (duplicateJsonKey). Parts that are not JSON are left to jose, which refuses them.
 */
function duplicateKeyProblem(token: string): string | null {
  const [header, claims] = token.split('.');
  for (const [part, name] of [[header, 'header'], [claims, 'claims (payload)']] as const) {
    const text = Buffer.from(part, 'base64url').toString('utf8');
    try {
      JSON.parse(text);
    } catch {
      continue;
    }
    const key = duplicateJsonKey(text);
    if (key !== null) return `The token's ${name} give the key ${JSON.stringify(key).slice(0, 40)} more than once, so it could be read two ways; a token must give each key once. Issue a new token.`;
  }
  return null;
}

/**
 * Why a compact token's header cannot be honoured, or null: it names critical extensions (`crit`,
 * RFC 7515 §4.1.11), which a recipient that does not implement them must refuse. Chengxin implements
 * none, so any `crit` — even an empty or malformed one — is refused here, saying so, rather than
 * left to jose, whose refusal reads as an unsupported algorithm (hostile14 F4).
 */
function criticalHeaderProblem(token: string): string | null {
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (header === null || typeof header !== 'object' || !Object.hasOwn(header, 'crit')) return null;
  const named = JSON.stringify((header as { crit: unknown }).crit)?.slice(0, 60) ?? 'null';
  return `The token's header lists critical extensions ("crit": ${named}), which this server does not support (RFC 7515 §4.1.11); issue tokens without a "crit" header.`;
}

/** What the server checks in a token beyond its signature, role and subject (src/config.ts). */
export interface TokenPolicy {
  /** The longest lifetime a token may have left, in seconds: a later `exp` is refused. */
  maxLifetimeSeconds: number;
  /** When set, the `iss` claim must equal it (JWT_ISSUER). */
  issuer?: string;
  /** When set, the `aud` claim must hold it (JWT_AUDIENCE). */
  audience?: string;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = { maxLifetimeSeconds: 30 * 24 * 3600 };

/**
 * Clock skew tolerated between the issuer and this server, in seconds, for `iat` (not more than this
 * in the future) and `nbf` — jose's own `clockTolerance`. Not for `exp`: a token is refused from the
 * second it expires, as an expired token always was here.
 */
export const CLOCK_TOLERANCE = 60;

const days = (seconds: number) => `${Math.round((seconds / 86400) * 10) / 10} days`;

/** How far ahead of this server's clock a token's claim lies, in whole seconds, or null when it is no number. */
function secondsAhead(payload: unknown, claim: string): number | null {
  const value = (payload as Record<string, unknown> | undefined)?.[claim];
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value - Date.now() / 1000) : null;
}

function verifyProblem(error: unknown, policy: TokenPolicy): string {
  const { code, claim, reason, payload } = error as { code?: string; claim?: string; reason?: string; payload?: unknown };
  if (code === 'ERR_JWT_EXPIRED' && claim === 'iat') {
    return `The token's "iat" (issued at) lies more than ${days(policy.maxLifetimeSeconds)} in the past (JWT_MAX_TTL_DAYS), or is not a real time; no token lives that long. Issue a new one.`;
  }
  if (code === 'ERR_JWT_EXPIRED') return 'The token has expired.';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    if (claim === 'iat' && reason === 'missing') return 'The token has no "iat" claim (when it was issued); every token must say when it was issued.';
    if (claim === 'iat' && reason === 'invalid') return 'The token\'s "iat" (issued at) is not a number of seconds.';
    if (claim === 'iat') return `The token's "iat" (issued at) lies in the future (more than ${CLOCK_TOLERANCE} s ahead); check the issuer's clock.`;
    if (claim === 'nbf' && reason === 'invalid') return 'The token\'s "nbf" (not before) is not a number of seconds.';
    if (claim === 'nbf') {
      const ahead = secondsAhead(payload, 'nbf');
      return `The token is not valid yet: its "nbf" (not before) lies ${ahead === null ? 'in the future' : `${ahead} s ahead`}, more than the ${CLOCK_TOLERANCE} s of clock skew tolerated; use it from then on, or check the issuer's clock.`;
    }
    if (claim === 'iss') return `The token's "iss" claim is not ${JSON.stringify(policy.issuer)}, the issuer this server accepts (JWT_ISSUER).`;
    if (claim === 'aud') return `The token's "aud" claim does not name ${JSON.stringify(policy.audience)}, the audience this server accepts (JWT_AUDIENCE).`;
    if (claim === 'exp') return 'The token has no valid "exp" claim (when it expires); every token must expire.';
    return `The token's "${claim ?? '?'}" claim is not valid.`;
  }
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return 'The token\'s signature does not match this server\'s key (JWT_SECRET or JWKS_URL); it was signed by someone else, or changed.';
  if (code === 'ERR_JOSE_ALG_NOT_ALLOWED' || code === 'ERR_JOSE_NOT_SUPPORTED') return `The token is signed with an algorithm this server does not accept (HS256 with JWT_SECRET; with JWKS_URL one of ${JWKS_ALGORITHMS.join(', ')}).`;
  if (code === 'ERR_JWKS_TIMEOUT' || code === 'ERR_JWKS_INVALID' || code === 'ERR_JOSE_GENERIC' || (error as { syscall?: string }).syscall) {
    return 'The keys at JWKS_URL could not be fetched or read just now, so no token can be checked; try again in a moment, and tell the operators if it lasts.';
  }
  if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') return 'No key of JWKS_URL matches the token\'s "kid"; it was signed with a key this server does not know.';
  return 'The token is not a well-formed signed JWT (three base64url parts with a JSON header and claims).';
}

/**
 * Turns an Authorization header into a viewer: PUBLIC without one, the token's role with a valid one;
 * an empty or malformed header is refused (UNAUTHENTICATED), never taken for none.
 * A valid token is signed with the key, names a role and a holder (`sub`), says when it was issued
 * (`iat`: not in the future, not longer ago than the longest lifetime) and when it expires (`exp`:
 * not past, and at most the longest lifetime after `iat`). The time checks are jose's own options
 * (`requiredClaims`, `maxTokenAge`, `clockTolerance`), but two jose has no option for: the
 * lifetime from `iat` to `exp`, and an `exp` exact to the second despite the tolerance.
 * The viewer carries the expiry, so that a WebSocket held open outlives no token.
 */
export function createVerifier(source: KeySource, policy: TokenPolicy = DEFAULT_TOKEN_POLICY): (authorization: string | undefined) => Promise<Viewer> {
  const key: Uint8Array | JWTVerifyGetKey = 'secret' in source ? source.secret : createRemoteJWKSet(new URL(source.jwksUrl), { cacheMaxAge: (source.cacheSeconds ?? JWKS_CACHE_DEFAULT_SECONDS) * 1000 });
  return async (authorization) => {
    if (authorization === undefined) return PUBLIC_VIEWER;
    // A header (or connection_init key) sent empty is a client whose token went missing, not one
    // that chose public access: taken as public, the mistake would hide behind a lesser answer (hostile10 N2).
    if (authorization.trim() === '') throw new UnauthenticatedError('The Authorization header is empty; send "Bearer <token>", or leave the header out for public access.');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('The Authorization header is not "Bearer <token>".');
    // jose decodes base64url leniently (a signature with "=" appended verifies), so one token could
    // be written as several strings; only the compact form as issued is accepted.
    if (!COMPACT_JWS.test(match[1])) throw new UnauthenticatedError(NOT_COMPACT);
    const duplicated = duplicateKeyProblem(match[1]);
    if (duplicated) throw new UnauthenticatedError(duplicated);
    const critical = criticalHeaderProblem(match[1]);
    if (critical) throw new UnauthenticatedError(critical);
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], key as Uint8Array, {
        algorithms: 'secret' in source ? ['HS256'] : JWKS_ALGORITHMS,
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: policy.maxLifetimeSeconds,
        clockTolerance: CLOCK_TOLERANCE,
        issuer: policy.issuer,
        audience: policy.audience,
      }));
    } catch (error) {
      throw new UnauthenticatedError(verifyProblem(error, policy));
    }
    const { iat, exp } = payload as { iat: number; exp: number };
    // jose's tolerance would let a token live a minute past its `exp`.
    if (exp <= Date.now() / 1000) throw new UnauthenticatedError(verifyProblem({ code: 'ERR_JWT_EXPIRED', claim: 'exp' }, policy));
    if (exp - iat > policy.maxLifetimeSeconds) {
      throw new UnauthenticatedError(`The token lives ${days(exp - iat)} from its "iat" to its "exp"; tokens may live at most ${days(policy.maxLifetimeSeconds)} (JWT_MAX_TTL_DAYS). Issue tokens that expire sooner.`);
    }
    const role = payload.role;
    if (typeof role !== 'string' || !TOKEN_ROLES.has(role)) {
      throw new UnauthenticatedError(`The token's "role" claim is ${JSON.stringify(role)?.slice(0, 40)}; it must be one of ${[...TOKEN_ROLES].join(', ')}.`);
    }
    const problem = subjectProblem(payload.sub);
    if (problem) throw new UnauthenticatedError(problem);
    return { role: role as Role, subject: payload.sub as string, expiresAt: new Date(exp * 1000) };
  };
}

/** Mints an HS256 token; `ttl` like "8h", "30m", "7d". Refuses a subject that the server would refuse; carries `iss`/`aud` when the server checks them. */
export async function mintToken(secret: Uint8Array, role: Role, subject: string, ttl: string, policy: Partial<TokenPolicy> = {}): Promise<string> {
  const problem = subjectProblem(subject);
  if (problem) throw new Error(problem.replace("The token's", 'The'));
  const issuedAt = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ role }).setProtectedHeader({ alg: 'HS256' }).setSubject(subject).setIssuedAt(issuedAt).setExpirationTime(ttl);
  if (policy.issuer) jwt = jwt.setIssuer(policy.issuer);
  if (policy.audience) jwt = jwt.setAudience(policy.audience);
  const token = await jwt.sign(secret);
  // A token the server would refuse for its lifetime is not minted: say so instead of handing it out.
  const lifetime = (decodeJwt(token).exp ?? issuedAt) - issuedAt;
  if (policy.maxLifetimeSeconds !== undefined && lifetime > policy.maxLifetimeSeconds) {
    const days = (seconds: number) => Number((seconds / 86400).toFixed(2));
    throw new Error(
      `令牌有效期 ${ttl}（${days(lifetime)} 天）超过上限 JWT_MAX_TTL_DAYS=${days(policy.maxLifetimeSeconds)} 天，服务器会拒绝该令牌；请缩短 --ttl 或调整 JWT_MAX_TTL_DAYS。 `
        + `--ttl ${ttl} (${days(lifetime)} days) exceeds JWT_MAX_TTL_DAYS=${days(policy.maxLifetimeSeconds)} days, the longest lifetime the server accepts; give a shorter --ttl or raise JWT_MAX_TTL_DAYS.`,
    );
  }
  return token;
}
