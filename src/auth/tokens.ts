import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import { PUBLIC_VIEWER, Role, type Viewer } from './role';

export class UnauthenticatedError extends GraphQLError {
  constructor(reason: string) {
    super(`${reason} Send "Authorization: Bearer <token>" with a valid token (npx chengxin token --role ROLE), or no header for public access.`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
}

export type KeySource = { secret: Uint8Array } | { jwksUrl: string };

/** Turns an Authorization header into a viewer: PUBLIC without one, the token's role with a valid one. */
export function createVerifier(source: KeySource): (authorization: string | undefined) => Promise<Viewer> {
  const key: Uint8Array | JWTVerifyGetKey = 'secret' in source ? source.secret : createRemoteJWKSet(new URL(source.jwksUrl));
  return async (authorization) => {
    if (!authorization) return PUBLIC_VIEWER;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('The Authorization header is not "Bearer <token>".');
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], key as Uint8Array, { algorithms: 'secret' in source ? ['HS256'] : undefined }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new UnauthenticatedError(code === 'ERR_JWT_EXPIRED' ? 'The token has expired.' : 'The token is not valid here (bad signature, algorithm or form).');
    }
    const role = payload.role;
    if (typeof role !== 'string' || !(role in Role) || role === Role.PUBLIC) {
      throw new UnauthenticatedError(`The token's "role" claim is ${JSON.stringify(role)}; it must be one of CLERK, OFFICER, INSPECTOR, ADMIN.`);
    }
    return { role: role as Role, subject: typeof payload.sub === 'string' ? payload.sub : null };
  };
}

/** Mints an HS256 token; `ttl` like "8h", "30m", "7d". */
export function mintToken(secret: Uint8Array, role: Role, subject: string, ttl: string): Promise<string> {
  return new SignJWT({ role }).setProtectedHeader({ alg: 'HS256' }).setSubject(subject).setIssuedAt().setExpirationTime(ttl).sign(secret);
}
