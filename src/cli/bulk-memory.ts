import v8 from 'node:v8';

/**
 * Bulk commands (import, seed synthetic, restore) read a batch, write it and drop it, thousands of
 * times over. V8 lets the old generation grow to up to four times what survived the last full
 * collection before it collects again, so a bulk run holds a few hundred MB of dead batches at its peak
 * for about 55 MB live (traced on a 300,000-row import). Growing by at most a factor of two keeps the
 * peak resident memory near twice the live size; the extra full collections are incremental and
 * concurrent, and `bench/import.bench.ts` reports both the peak memory and the throughput. The flag
 * is read by each collection, so setting it once the process runs takes effect from the next one.
 */
export function keepHeapNearLiveSize(): void {
  v8.setFlagsFromString('--heap-growing-percent=100');
}
