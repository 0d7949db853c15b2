import type { Config } from '../config';
import { startEmbeddedPostgres } from './embedded-postgres';

/** Where the data lives for this process, and how to let go of it. */
export interface DatabaseHandle {
  clientUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The configured PostgreSQL (DATABASE_URL), or else the embedded one in DATA_DIR. */
export async function openDatabase(config: Config, log: (message: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { clientUrl: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir, log);
  return { clientUrl: embedded.clientUrl, embedded: true, stop: embedded.stop };
}
