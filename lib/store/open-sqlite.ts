import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Opens an embedded SQLite file in WAL mode (readers never block the writer)
 * and applies its numbered migrations, tracked in PRAGMA user_version: never
 * edit one that has shipped, add the next.
 */
export function openSqlite(
  file: string,
  migrations: readonly string[],
  options: { synchronousNormal?: boolean } = {},
): Database.Database {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  if (options.synchronousNormal) db.pragma("synchronous = NORMAL");
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
