import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import type { KeySource } from './tokens';

/**
 * Where token keys come from: JWT_SECRET, or JWKS_URL, or else a secret generated into the data
 * folder at first start (mode 600), which `npx chengxin token` then uses too.
 */
export function keySource(config: Pick<Config, 'jwtSecret' | 'jwksUrl' | 'dataDir'>, log: (message: string) => void): KeySource {
  if (config.jwksUrl) return { jwksUrl: config.jwksUrl };
  if (config.jwtSecret) return { secret: new TextEncoder().encode(config.jwtSecret) };
  const file = path.join(config.dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
    log(`No JWT_SECRET was set: generated one into ${file}. Mint tokens with \`npx chengxin token --role ROLE\`.`);
  }
  return { secret: new TextEncoder().encode(readFileSync(file, 'utf8').trim()) };
}
