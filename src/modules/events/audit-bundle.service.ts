import { canReadAudit, type Actor } from '../../contract/access.ts';
import { periodBoundInstant, type AuditBundleQuery } from '../../contract/audit.ts';
import { forbidden } from '../../contract/errors.ts';
import { bundleEventLine, bundleHeaderLine, bundleTrailerLine } from '../../domain/audit-bundle.ts';
import { GENESIS_HASH } from '../../domain/event-hash.ts';
import type { Deps } from '../context.ts';
import * as repo from './events.repository.ts';

const BUNDLE_PAGE = 2000;

export interface AuditBundle {
  fileName: string;
  /** Events in the bundle. */
  count: number;
  /** The bundle's lines, read page by page as the consumer asks for them. */
  chunks: AsyncIterable<string>;
}

/**
 * The audit bundle of a period (admins and auditors): the events written in it (system time, from
 * inclusive, to exclusive) as the unbroken run of the chain from the first of them to the last
 * (an event sealed inside that run belongs to it even if its clock read a moment earlier), anchored
 * at the hash of the last event before the run. Pending events are sealed first. The lines are read
 * lazily, one page at a time; `pipewright audit verify --bundle` checks them without a database.
 */
export async function prepareAuditBundle(deps: Deps, actor: Actor, query: AuditBundleQuery): Promise<AuditBundle> {
  if (!canReadAudit(actor)) throw forbidden('Only admins and auditors can export the audit trail');
  await deps.sealer.flush(actor.orgId);
  const from = periodBoundInstant(query.from);
  const to = periodBoundInstant(query.to);
  const range = await repo.seqRangeOfPeriod(deps.db, actor.orgId, from, to);
  const anchorSeq = range.first === null ? range.before : range.first - 1;
  const lastSeq = range.last ?? anchorSeq;
  const anchorHash = anchorSeq === 0 ? GENESIS_HASH : await repo.hashAtSeq(deps.db, actor.orgId, anchorSeq);
  const exportedAt = deps.clock.now().toISOString();
  const header = bundleHeaderLine({
    orgId: actor.orgId,
    from: from.toISOString(),
    to: to.toISOString(),
    exportedAt,
    // A missing anchor event is a break in the log itself; the verifier will name it at the first event.
    anchor: { seq: anchorSeq, hash: anchorHash ?? GENESIS_HASH },
  });
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    fileName: `pipewright-audit-${day(from)}-${day(to)}.jsonl`,
    count: lastSeq - anchorSeq,
    chunks: lines(deps, actor.orgId, header, anchorSeq, lastSeq),
  };
}

async function* lines(
  deps: Deps,
  orgId: string,
  header: string,
  anchorSeq: number,
  lastSeq: number,
): AsyncGenerator<string> {
  yield header;
  let after = anchorSeq;
  let count = 0;
  let lastHash: string | null = null;
  while (after < lastSeq) {
    const page = await repo.sealedEventsThrough(deps.db, orgId, after, lastSeq, BUNDLE_PAGE);
    if (page.length === 0) break;
    let text = '';
    for (const e of page) {
      text += bundleEventLine({
        ...e,
        seq: e.seq ?? 0,
        prevHash: e.prevHash ?? '',
        hash: e.hash ?? '',
      });
      after = e.seq ?? after;
      lastHash = e.hash;
      count += 1;
    }
    yield text;
  }
  const endHash = lastHash ?? (anchorSeq === 0 ? GENESIS_HASH : await repo.hashAtSeq(deps.db, orgId, anchorSeq));
  yield bundleTrailerLine({ count, lastSeq: count === 0 ? anchorSeq : after, lastHash: endHash ?? GENESIS_HASH });
}
