import { ADMIN_URL_ENV, TEMPLATE_ENV } from './test-database';
import { dropTemplate } from './template-database';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[ADMIN_URL_ENV];
  const template = process.env[TEMPLATE_ENV];
  try {
    // Before the embedded PostgreSQL stops; a template left behind is dropped by a later run's setup.
    if (adminUrl && template) await dropTemplate(adminUrl, template);
  } finally {
    await (globalThis as { stopTestPostgres?: () => Promise<void> }).stopTestPostgres?.();
  }
}
