import type { EntityManager } from '@mikro-orm/postgresql';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver receives: its own EntityManager and batch loaders, fresh per request. */
export interface GraphQLContext {
  em: EntityManager;
  loaders: Loaders;
}

export function createContext(rootEm: EntityManager): GraphQLContext {
  const em = rootEm.fork();
  return { em, loaders: createLoaders(em) };
}
