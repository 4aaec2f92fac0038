import type pg from 'pg';

/**
 * Work that needs the driver's own connection (COPY streams its data outside the query protocol
 * Kysely speaks) but must run on the connection a Kysely executor holds, so that it joins the
 * caller's transaction. The work is registered under a token and the executor runs a statement
 * made of this mark and the token; the pools recognise it and hand their connection to the task.
 */
export const CONNECTION_TASK_MARK = '/* pipewright:connection-task */';

/** The connection a task receives: a pg client, or the embedded engine's single session. */
export type TaskConnection =
  | { engine: 'postgres'; client: pg.PoolClient | pg.Client }
  | {
      engine: 'pglite';
      query(sql: string, params: readonly unknown[], blob?: Uint8Array): Promise<{ affectedRows: number }>;
    };

type Task = (conn: TaskConnection) => Promise<number>;

const tasks = new Map<string, Task>();
let nextToken = 1;

/** Registers a task; run it by executing `CONNECTION_TASK_MARK` with the token as its one parameter. */
export function registerTask(task: Task): { token: string; forget(): void } {
  const token = `task-${process.pid}-${nextToken++}`;
  tasks.set(token, task);
  return { token, forget: () => tasks.delete(token) };
}

/** Whether a statement is a connection task (checked by the pools before sending SQL). */
export function isTask(sqlText: string): boolean {
  return sqlText === CONNECTION_TASK_MARK;
}

/** Runs the task named by the statement's parameter on `conn`; resolves to the rows it handled. */
export async function runTask(
  params: readonly unknown[] | undefined,
  conn: TaskConnection,
): Promise<{ command: 'COPY'; rowCount: number; rows: { rows: number }[] }> {
  const token = params?.[0];
  const task = typeof token === 'string' ? tasks.get(token) : undefined;
  if (!task) throw new Error(`no connection task registered under ${String(token)}`);
  tasks.delete(token as string);
  const n = await task(conn);
  return { command: 'COPY', rowCount: n, rows: [{ rows: n }] };
}
