import { migrate, pendingMigrations } from '../../db/migrate.ts';
import { migrations } from '../../db/migrations/index.ts';
import { describeDatabase, withDatabase } from '../context.ts';
import type { Io } from '../io.ts';

export async function migrateCommand(io: Io): Promise<void> {
  await withDatabase(async (database) => {
    io.err(`database: ${describeDatabase(database)}`);
    const pending = await pendingMigrations(database);
    const result = await migrate(database);
    const names = new Map(migrations.map((m) => [m.version, m.name]));
    for (const v of result.applied) io.out(`applied ${v} ${names.get(v) ?? ''}`.trimEnd());
    if (pending.length === 0) io.out(`nothing to apply; the schema is at version ${result.current}`);
    else io.out(`the schema is at version ${result.current}`);
  });
}
