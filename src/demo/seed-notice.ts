import type { Logger } from 'pino';
import type { Config } from '../config';

/**
 * Says that the demo data set was loaded: a warning in production, where it is off unless
 * SEED_DEMO_DATA=true asks for it (hostile19 F5). It holds 300 fictional civil servants with names and
 * ID-card numbers and D grades for realistic enterprise names, all served to the public portal, and
 * the least-privilege database role cannot delete them afterwards.
 */
export function reportSeeded(logger: Logger, config: Pick<Config, 'nodeEnv'>, seeded: Record<string, number> | null): void {
  if (!seeded) return;
  if (config.nodeEnv === 'production') {
    logger.warn(seeded, 'Loaded the Ezhou demo data set into the empty database IN PRODUCTION (SEED_DEMO_DATA=true): its fictional people and enterprises are served to the public portal and cannot be deleted by the app role. Unset SEED_DEMO_DATA and start over an empty database unless this is a demonstration.');
  } else {
    logger.info(seeded, 'Loaded the Ezhou demo data set into the empty database.');
  }
}
