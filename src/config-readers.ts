import { isIP } from 'node:net';
import os from 'node:os';
import { FACTS_BATCH, publicShareOf } from './config-defaults';

/**
 * Each setting's reader for src/config.ts: the raw text of the environment it is given, validated,
 * typed, defaulted; a setting at fault throws ConfigError naming it and what it must be.
 */

/** A setting at fault: names it and what it must be, and points to .env.example. */
export class ConfigError extends Error {
  constructor(setting: string, problem: string) {
    super(`Setting ${setting} ${problem}. See .env.example for every setting and its meaning.`);
    this.name = 'ConfigError';
  }
}

/** The environment as given to loadConfig (process.env unless told). */
export type Env = Record<string, string | undefined>;

/** NODE_ENV: production hides stack traces and introspection. */
export type NodeEnv = 'development' | 'production' | 'test';

/** PORT (or another port setting): a whole number from 0 to 65535. */
export function readPort(env: Env, name = 'PORT', fallback = '4000'): number {
  const raw = env[name] ?? fallback;
  const port = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(name, `is "${raw}", but must be a whole number from 0 to 65535`);
  }
  return port;
}

/** `https://portal.ezhou.gov.cn,https://hr.ezhou.gov.cn`: exact origins, scheme and host (and port). */
export function readOrigins(env: Env): string[] {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw) return [];
  return raw.split(',').map((item) => {
    const origin = item.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError('CORS_ORIGINS', `has "${origin}", but each entry must be an origin like https://portal.example.gov.cn (scheme, host, optional port; no path, no trailing slash, no *)`);
    }
    return origin;
  });
}

/** NODE_ENV: development (the default), production or test. */
export function readNodeEnv(env: Env): NodeEnv {
  const raw = env.NODE_ENV ?? 'development';
  if (raw !== 'development' && raw !== 'production' && raw !== 'test') {
    throw new ConfigError('NODE_ENV', `is "${raw}", but must be development, production or test`);
  }
  return raw;
}

/** DATABASE_URL: a postgres:// URL, or unset for the embedded server. */
export function readDatabaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// (for example postgres://user:pass@host:5432/chengxin)');
  }
  return raw;
}

/** A true/false setting (1, true, yes / 0, false, no), or its default when unset. */
export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `is "${raw}", but must be true or false`);
}

/** JWT_SECRET (or CURSOR_SECRET): at least 32 characters, or unset. */
export function readSecret(env: Env, name = 'JWT_SECRET'): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  if (raw.length < 32) throw new ConfigError(name, 'is shorter than 32 characters; use a long random value (openssl rand -base64 48)');
  return raw;
}

/** A number of days above 0 and at most 3650, or its default when unset. */
export function readDays(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const days = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || days <= 0 || days > 3650) throw new ConfigError(name, `is "${raw}", but must be a number of days between 0 and 3650 (e.g. 30)`);
  return days;
}
/** WEB_CONCURRENCY: a whole number from 1 to 64; default one process per core in production, else one. */
export function readConcurrency(env: Env, nodeEnv: NodeEnv): number {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return nodeEnv === 'production' ? Math.max(1, os.availableParallelism()) : 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new ConfigError('WEB_CONCURRENCY', `is "${raw}", but must be a whole number of server processes from 1 to 64`);
  return n;
}

/** SWEEP_FACTS_BATCH: a whole number from 1 to 10,000, default FACTS_BATCH. */
export function readFactsBatch(env: Env): number {
  const raw = env.SWEEP_FACTS_BATCH?.trim();
  if (!raw) return FACTS_BATCH;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new ConfigError('SWEEP_FACTS_BATCH', `is "${raw}", but must be a whole number of subjects from 1 to 10000 (default ${FACTS_BATCH})`);
  return n;
}

/** A whole number setting from `min` to `max`, or its default when unset. */
export function readCount(env: Env, name: string, fallback: number, min: number, max: number, what: string): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new ConfigError(name, `is "${raw}", but must be a whole number of ${what} from ${min} to ${max}`);
  return n;
}

/**
 * TRUST_PROXY, Express's `trust proxy`: unset or false — the TCP peer is the client; a whole number
 * — that many proxies in front (the client is that many addresses from the end of
 * X-Forwarded-For); otherwise a comma-separated list of proxy addresses or subnets, or Express's
 * names `loopback`, `linklocal`, `uniquelocal`. `true` (trust every hop) is refused: any caller
 * could then name any address and escape the rate limit.
 */
export function readTrustProxy(env: Env): boolean | number | string {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || /^(0|false|no)$/i.test(raw)) return false;
  if (/^(true|yes)$/i.test(raw)) throw new ConfigError('TRUST_PROXY', `is "${raw}", which would let any caller name its own address in X-Forwarded-For; give the number of proxies in front (1) or their addresses (loopback, 10.0.0.0/8)`);
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError('TRUST_PROXY', `is "${raw}", but must be a number of proxies from 0 to 10, or their addresses`);
    return hops;
  }
  if (!/^[0-9A-Za-z.:/, -]+$/.test(raw)) throw new ConfigError('TRUST_PROXY', `is "${raw}", but must be a number of proxies or a comma-separated list of addresses, subnets or loopback, linklocal, uniquelocal`);
  return raw;
}

/** SUBSCRIPTIONS_PUBLIC_PER_PROCESS: fewer than the process's limit, so signed-in roles always keep room. */
export function readPublicShare(env: Env, perProcess: number): number {
  return readCount(env, 'SUBSCRIPTIONS_PUBLIC_PER_PROCESS', publicShareOf(perProcess), 0, perProcess - 1, 'public subscriptions per server process (fewer than SUBSCRIPTIONS_PER_PROCESS, which signed-in roles share with them)');
}

/**
 * Whether a URL's host is this machine (127.0.0.0/8, ::1, localhost): no one on the way can answer for it.
 * `localhost` exactly: a name under it (idp.localhost) is not in the hosts file and goes to DNS through
 * getaddrinfo, whoever answers there serving the keys (hostile29 F8).
 */
function loopbackHost(url: URL): boolean {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return isIP(host) === 6 && (host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host));
}

/**
 * JWKS_URL and what it cannot go without (hostile21 F2, N3). An identity provider's keys sign
 * tokens for many applications: without JWT_AUDIENCE and JWT_ISSUER, a token the IdP issued for
 * another application, with a `role` claim its owner could have put there, would be accepted here
 * as that role. And whoever answers the JWKS address serves the keys, so mints any token: it must be
 * https://, or http:// on this machine only (a sidecar, a test). Checked when the configuration is
 * read (loadConfig) and again before the keys are used (src/auth/secret.ts), for a hand-built Config.
 */
export function assertJwksSettings(settings: { jwksUrl?: string; jwtIssuer?: string; jwtAudience?: string }): void {
  const { jwksUrl, jwtIssuer, jwtAudience } = settings;
  if (!jwksUrl) return;
  let url: URL;
  try {
    url = new URL(jwksUrl);
  } catch {
    throw new ConfigError('JWKS_URL', `is "${jwksUrl}", which is not a URL; give the identity provider's key set address, e.g. https://sso.example.gov.cn/.well-known/jwks.json`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHost(url))) {
    throw new ConfigError('JWKS_URL', `is "${jwksUrl}", but must be an https:// address (http:// only on loopback: 127.0.0.1, ::1, localhost): whoever answers a plain-HTTP address on the way (DNS, a proxy) would serve the keys and so could sign ADMIN tokens`);
  }
  if (url.username || url.password) throw new ConfigError('JWKS_URL', 'carries a user name or password; a key set is public, give its address without credentials');
  if (!jwtIssuer) {
    throw new ConfigError('JWT_ISSUER', `is not set, but JWKS_URL is: set it to the identity provider's issuer (the "iss" of its tokens, e.g. https://sso.example.gov.cn), so that only tokens this IdP issued are accepted`);
  }
  if (!jwtAudience) {
    throw new ConfigError('JWT_AUDIENCE', `is not set, but JWKS_URL is: set it to the audience the identity provider puts in "aud" for Chengxin (its client id, e.g. chengxin); without it a token the IdP issued for any other application, with a "role" claim, would be accepted here`);
  }
}
