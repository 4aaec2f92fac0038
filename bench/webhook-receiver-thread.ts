import { Worker } from 'node:worker_threads';

/** One webhook as the receiver thread saw it. */
export interface ThreadReceived {
  headers: Record<string, string>;
  body: string;
  /** Receive time (wall clock, ms). */
  at: number;
}

export interface ThreadReceiver {
  url: string;
  received: ThreadReceived[];
  /** Resolves once `n` requests have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

// The receiver runs in a thread of its own: a receiver is another machine, and in the load
// generator's event loop its answers (and its receive times) would wait behind the writes it sends.
const SOURCE = `
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const at = Date.now();
    res.writeHead(204);
    res.end();
    parentPort.postMessage({ id: String(req.headers['webhook-id'] ?? ''), body: Buffer.concat(chunks).toString('utf8'), at });
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => { if (m === 'close') { server.closeAllConnections(); server.close(() => process.exit(0)); } });
`;

/** A webhook receiver on 127.0.0.1, in a worker thread, answering 204 at once and keeping every request. */
export async function startThreadReceiver(): Promise<ThreadReceiver> {
  const worker = new Worker(SOURCE, { eval: true });
  const received: ThreadReceived[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: { port?: number; id?: string; body?: string; at?: number }) => {
      if (m.port !== undefined) {
        resolve(m.port);
        return;
      }
      received.push({ headers: { 'webhook-id': m.id ?? '' }, body: m.body ?? '', at: m.at ?? 0 });
      for (const w of waiters.filter((x) => received.length >= x.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    async waitFor(n, timeoutMs = 20_000) {
      if (received.length >= n) return;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${received.length} of ${n} webhooks arrived within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: async () => {
      const exited = new Promise((r) => worker.once('exit', r));
      worker.postMessage('close');
      await exited;
    },
  };
}
