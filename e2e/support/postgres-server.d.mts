// Types for postgres-server.mjs.
export interface TestPostgres {
  /** A connection string for the `postgres` database as superuser `healthboard`. */
  url: string;
  socketDir: string;
  port: number;
  dir: string;
  log(): string;
  stop(): Promise<void>;
}
export function postgresBinDir(): string;
export function startPostgres(options?: { port?: number }): Promise<TestPostgres>;
