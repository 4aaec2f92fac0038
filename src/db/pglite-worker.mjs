// Hosts the embedded PostgreSQL (PGlite) in a worker thread so that a long query never blocks the
// server's event loop. Plain JavaScript so that it loads without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const identity = (v) => v;
const db = await PGlite.create({
  dataDir: workerData.dataDir,
  extensions: { pg_trgm, btree_gist },
  parsers: {
    // 64-bit integers as numbers (ids and counts stay well below 2^53), dates as ISO strings,
    // numerics as exact strings: the same shapes the pg driver is configured to return.
    [types.INT8]: (v) => Number(v),
    [types.DATE]: identity,
    [types.NUMERIC]: identity,
  },
});

function serializeError(err) {
  const e = err ?? {};
  return {
    message: String(e.message ?? e),
    code: e.code,
    detail: e.detail,
    constraint: e.constraint,
    table: e.table,
    column: e.column,
    severity: e.severity,
    position: e.position,
  };
}

parentPort.on('message', async (msg) => {
  const { id, op } = msg;
  try {
    let result;
    switch (op) {
      case 'query': {
        const options = msg.blob ? { blob: new Blob([msg.blob]) } : undefined;
        const params = msg.params ?? [];
        let r;
        if (params.length === 0 && !options) {
          // Simple protocol, as the pg driver does without parameters: allows several statements.
          const all = await db.exec(msg.sql);
          r = all[all.length - 1] ?? { rows: [], affectedRows: 0, fields: [] };
        } else {
          r = await db.query(msg.sql, params, options);
        }
        let blob;
        if (r.blob) blob = new Uint8Array(await r.blob.arrayBuffer());
        result = { rows: r.rows, affectedRows: r.affectedRows ?? 0, fields: r.fields.map((f) => f.name), blob };
        break;
      }
      case 'exec': {
        await db.exec(msg.sql);
        result = null;
        break;
      }
      case 'dump': {
        const file = await db.dumpDataDir('gzip');
        result = new Uint8Array(await file.arrayBuffer());
        break;
      }
      case 'close': {
        await db.close();
        result = null;
        break;
      }
      default:
        throw new Error(`unknown operation ${op}`);
    }
    parentPort.postMessage({ id, ok: true, result });
    if (op === 'close') process.exit(0);
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: serializeError(err) });
  }
});
parentPort.postMessage({ ready: true });
