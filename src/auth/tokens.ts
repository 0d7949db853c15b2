import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import { ALL_ROLES, PUBLIC_VIEWER, Role, type Viewer } from './role';

export class UnauthenticatedError extends GraphQLError {
  constructor(reason: string) {
    super(`${reason} Send "Authorization: Bearer <token>" with a valid token (npx chengxin token --role ROLE), or no header for public access.`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
}

export type KeySource = { secret: Uint8Array } | { jwksUrl: string };

/** The roles a token may carry: own values of Role, never an inherited name such as `toString`. */
const TOKEN_ROLES: ReadonlySet<string> = new Set(ALL_ROLES.filter((role) => role !== Role.PUBLIC));

/** The longest `sub` accepted: it is stored as the actor of every audit event the caller causes. */
export const MAX_SUBJECT_LENGTH = 128;

/**
 * Why a token subject cannot be used, or null. Printable characters only (no control, format or
 * unassigned code points, no surrogate halves), no space at either end, at most MAX_SUBJECT_LENGTH,
 * and none of the actors Chengxin writes itself: `system` (facts queries), `public` (callers
 * without a token) and `cli:…` (the command line).
 */
export function subjectProblem(subject: unknown): string | null {
  if (typeof subject !== 'string' || subject === '') return 'The token has no "sub" claim (who it was issued to); every token must name its holder.';
  if (subject.length > MAX_SUBJECT_LENGTH) return `The token's "sub" claim is ${subject.length} characters long; at most ${MAX_SUBJECT_LENGTH} are accepted.`;
  if (/[\p{C}]/u.test(subject) || subject.trim() !== subject) return 'The token\'s "sub" claim contains control, invisible or surrounding space characters; use a plain name such as wang.fang.';
  if (/^(system|public)$/i.test(subject) || /^cli:/i.test(subject)) return `The token's "sub" claim ${JSON.stringify(subject)} is reserved for Chengxin itself (system, public, cli:…); use the holder's own name.`;
  return null;
}

/** Turns an Authorization header into a viewer: PUBLIC without one, the token's role with a valid one. */
export function createVerifier(source: KeySource): (authorization: string | undefined) => Promise<Viewer> {
  const key: Uint8Array | JWTVerifyGetKey = 'secret' in source ? source.secret : createRemoteJWKSet(new URL(source.jwksUrl));
  return async (authorization) => {
    if (!authorization) return PUBLIC_VIEWER;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('The Authorization header is not "Bearer <token>".');
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], key as Uint8Array, { algorithms: 'secret' in source ? ['HS256'] : undefined, requiredClaims: ['exp'] }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new UnauthenticatedError(
        code === 'ERR_JWT_EXPIRED'
          ? 'The token has expired.'
          : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
            ? 'The token has no valid "exp" claim (when it expires); every token must expire.'
            : 'The token is not valid here (bad signature, algorithm or form).',
      );
    }
    const role = payload.role;
    if (typeof role !== 'string' || !TOKEN_ROLES.has(role)) {
      throw new UnauthenticatedError(`The token's "role" claim is ${JSON.stringify(role)?.slice(0, 40)}; it must be one of ${[...TOKEN_ROLES].join(', ')}.`);
    }
    const problem = subjectProblem(payload.sub);
    if (problem) throw new UnauthenticatedError(problem);
    return { role: role as Role, subject: payload.sub as string };
  };
}

/** Mints an HS256 token; `ttl` like "8h", "30m", "7d". Refuses a subject that the server would refuse. */
export async function mintToken(secret: Uint8Array, role: Role, subject: string, ttl: string): Promise<string> {
  const problem = subjectProblem(subject);
  if (problem) throw new Error(problem.replace("The token's", 'The'));
  return new SignJWT({ role }).setProtectedHeader({ alg: 'HS256' }).setSubject(subject).setIssuedAt().setExpirationTime(ttl).sign(secret);
}
