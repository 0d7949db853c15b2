import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { assertJwksSettings } from '../config-readers';
import type { KeySource } from './tokens';

/**
 * Where token keys come from: JWT_SECRET, or JWKS_URL, or else a secret generated into the data
 * folder at first start (mode 600), which `npx chengxin token` then uses too.
 */
export function keySource(config: Pick<Config, 'jwtSecret' | 'jwksUrl' | 'jwksCacheSeconds' | 'jwtIssuer' | 'jwtAudience' | 'dataDir'>, log: (message: string) => void): KeySource {
  if (config.jwksUrl) {
    assertJwksSettings(config);
    return { jwksUrl: config.jwksUrl, cacheSeconds: config.jwksCacheSeconds };
  }
  if (config.jwtSecret) return { secret: new TextEncoder().encode(config.jwtSecret) };
  return { secret: generatedSecret(config.dataDir, 'jwt-secret', (file) => log(`No JWT_SECRET was set: generated one into ${file}. Mint tokens with \`npx chengxin token --role ROLE\`.`)) };
}

/**
 * The secret page cursors are sealed with: CURSOR_SECRET, else the JWT secret, else (tokens
 * checked against a JWKS) one generated into the data folder. Servers sharing it open each
 * other's cursors.
 */
export function cursorSecret(config: Pick<Config, 'cursorSecret' | 'dataDir'>, tokens: KeySource, log: (message: string) => void): Uint8Array {
  if (config.cursorSecret) return new TextEncoder().encode(config.cursorSecret);
  if ('secret' in tokens && tokens.secret) return tokens.secret;
  return generatedSecret(config.dataDir, 'cursor-secret', (file) => log(`No CURSOR_SECRET was set: generated one into ${file}; give every server process the same CURSOR_SECRET.`));
}

/** A random secret kept in the data folder (mode 600), made at first use. */
function generatedSecret(dataDir: string, name: string, announce: (file: string) => void): Uint8Array {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
    announce(file);
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
