import { analyzeTables } from '../../db/analyze.ts';
import { deferForeignKeyChecks, verifyForeignKeys } from '../../db/foreign-keys.ts';
import { ManualClock } from '../../domain/deps.ts';
import { withClock, type Deps } from '../context.ts';
import { Random } from '../demo/random.ts';
import { lockChainHead, moveChainHead } from '../events/events.service.ts';
import { SyntheticAccelerator, setUpSyntheticCommissions } from './synthetic-accelerator.ts';
import { SyntheticAnomalies, outlierDiscount, type AnomalyTruth } from './synthetic-anomalies.ts';
import { setUpSyntheticBooking, SyntheticBookings, type BookingTruth } from './synthetic-booking.ts';
import { SyntheticHistory, type CampaignTruth, type SyntheticCounts } from './synthetic-history.ts';
import { CampaignEffects, connectShares, conversionGivenConnect, type SyntheticParams } from './synthetic-params.ts';
import { SyntheticAgents, setUpSyntheticAgents, type AgentTruth } from './synthetic-agents.ts';
import { SyntheticChannel, setUpSyntheticChannel, type ChannelTruth } from './synthetic-channel.ts';
import { setUpSyntheticWorld, slugOf } from './synthetic-setup.ts';
import { SyntheticWriter, WRITTEN_TABLES } from './synthetic-writer.ts';

const DAY = 86_400_000;
/** Rows and events buffered before a round of COPY (two rounds are in memory: one being copied, one being made): bounds memory whatever the size. */
const FLUSH_ROWS = 20_000;

export interface SyntheticOptions {
  name: string;
  seed: number;
  deals: number;
  months: number;
  password: string;
  params: SyntheticParams;
  /** The end of the history (default: today 00:00 UTC); with the seed it fixes the data. */
  end?: Date;
  onProgress?: (p: { deals: number; events: number; rows: number }) => void;
  /** Bound on events held back for time order (see MAX_PENDING_EVENTS); lower in tests. */
  maxPendingEvents?: number;
  /** Rows and events per round of COPY (default FLUSH_ROWS); lower in tests to exercise many rounds. */
  flushRows?: number;
}

export interface SyntheticResult {
  organizationId: string;
  organizationName: string;
  password: string;
  users: { email: string; name: string; role: string }[];
  counts: SyntheticCounts & { events: number; rows: number };
  /** What each campaign did by the generating process (the truth attribution is checked against). */
  campaigns: CampaignTruth[];
  /** What the channel and the agents did. */
  channel: ChannelTruth;
  agents: AgentTruth;
  /** Where the injected anomalies are, per detector (the truth detectors are scored against). */
  anomalies: AnomalyTruth;
  /** Territories, lead routing and booked meetings: the rates they imply and what was made. */
  booking: BookingTruth;
  start: string;
  end: string;
}

/** FNV-1a of the name, as an unsigned 32-bit integer. */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h;
}

/** What `--params-out` writes: the parameters, the rates they imply and where the anomalies are, to check analytics and detectors against. */
export function paramsReport(opts: SyntheticOptions, result: SyntheticResult): Record<string, unknown> {
  const p = opts.params;
  const survive = (key: keyof SyntheticParams['pipelines']) =>
    p.pipelines[key].stages.filter((s) => s.kind === 'open').reduce((w, s) => w * (1 - s.pLost), 1);
  return {
    generator: 'pipewright seed synthetic',
    seed: opts.seed,
    deals: opts.deals,
    months: opts.months,
    start: result.start,
    end: result.end,
    organizationId: result.organizationId,
    organizationName: result.organizationName,
    params: p,
    implied: {
      winRateOfClosedWithoutSkips: { b2b: survive('b2b'), b2c: survive('b2c'), partner: survive('partner') },
      leadConversionGivenConnect: conversionGivenConnect(p),
      outboundProspectingCallSuccess: p.calls.success,
      leadToDeal: p.leads.toDeal,
      marketing: {
        conversionIntercept: new CampaignEffects(p).intercept,
        campaigns: result.campaigns.map((c, i) => {
          const spec = p.marketing.campaigns[i];
          return {
            ...c,
            reach: spec?.reach,
            logOddsLift: spec?.logOddsLift,
            oddsRatio: spec ? Math.exp(spec.logOddsLift) : undefined,
          };
        }),
        /** Campaigns by the conversions they added, most first: the order attribution should find. */
        rankByIncrementalConversions: [...result.campaigns]
          .sort((a, b) => b.expectedIncrementalConversions - a.expectedIncrementalConversions)
          .map((c) => c.name),
      },
    },
    counts: result.counts,
    channel: result.channel,
    agents: result.agents,
    anomalies: result.anomalies,
    booking: result.booking,
  };
}

/**
 * Generates a realistic organization at scale: the reference data (teams, users, catalogue,
 * pipelines) through the services, then months of history (accounts, contacts, consumers, leads,
 * deals with their stage moves, calls, meetings, objections) through COPY in one transaction,
 * with the same rows, events, stage visits and hash chain the services and the sealer would have
 * written had the organization been run live on those days. Same seed and end, same data.
 */
export async function seedSynthetic(base: Deps, opts: SyntheticOptions): Promise<SyntheticResult> {
  const rng = new Random(opts.seed);
  // Ids come from their own stream seeded by the seed and the name, so that another organization
  // generated with the same seed into the same database gets the same data under other ids.
  const idRng = new Random(opts.seed ^ nameHash(opts.name));
  const now = base.clock.now();
  const end = (opts.end ?? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))).getTime();
  const start = end - opts.months * 30 * DAY;
  const clock = new ManualClock(new Date(start));
  const deps: Deps = { ...withClock(base, clock), ids: { id: () => idRng.uuid() } };
  const world = await setUpSyntheticWorld(deps, {
    name: opts.name,
    password: opts.password,
    deals: opts.deals,
    params: opts.params,
  });
  const email = (local: string) => `${local}@${slugOf(opts.name)}.example`;
  const partners = await setUpSyntheticChannel(deps, world, opts.params.channel, email, opts.password);
  // Partner deals a channel rep opens go to the partners of the programme, when there are any.
  if (partners.length) world.partnerAccounts = partners.map((x) => ({ id: x.id, name: x.name }));
  const startsOn = new Date(start).toISOString().slice(0, 10);
  const firms = await setUpSyntheticAgents(deps, world, opts.params.agents, opts.name, startsOn);
  const bookingWorld = await setUpSyntheticBooking(deps, world.admin, world, opts.params.booking);
  await setUpSyntheticCommissions(deps, world, opts.params.commissions, startsOn);
  // The set-up's events are sealed first; the generated events continue their chain.
  await base.sealer.flush(world.orgId);

  const flushRows = opts.flushRows ?? FLUSH_ROWS;
  const p = opts.params;
  // Anomalies draw from streams of their own, so their rates change nothing else of the data.
  const anomalyDiscounts = new Random((opts.seed ^ 0xd15c_0a7e) >>> 0);
  const anomalies = new SyntheticAnomalies(
    new Random((opts.seed ^ 0x5eed_a0a1) >>> 0),
    new Random((opts.seed ^ nameHash(opts.name) ^ 0xa0a1_5eed) >>> 0),
    new Random((opts.seed ^ 0xc105_e0a7) >>> 0),
    p.anomalies,
    p.discounts,
    world,
    start,
    end,
    new SyntheticAccelerator(
      new Random((opts.seed ^ 0xacce_1e7a) >>> 0),
      new Random((opts.seed ^ nameHash(opts.name) ^ 0x1e7a_acce) >>> 0),
      p.commissions,
      world,
      end,
      () => outlierDiscount(anomalyDiscounts, p.discounts),
    ),
  );
  const channel = new SyntheticChannel(
    rng,
    idRng,
    p.channel,
    world,
    partners,
    end,
    { median: p.amounts.partnerMedian, sigma: p.amounts.partnerSigma },
    new Random((opts.seed ^ 0x2713_d157) >>> 0),
  );
  const agents = new SyntheticAgents(rng, idRng, p.agents, world, firms, end, channel.anomalies, opts.name);
  // Routing and bookings draw from streams of their own too: they decide the leads' owners, which
  // connects book a meeting, and when (and to which field rep) a converting lead becomes a deal.
  const bookings = new SyntheticBookings(
    new Random((opts.seed ^ 0xb00c_1a6e) >>> 0),
    new Random((opts.seed ^ nameHash(opts.name) ^ 0x1a6e_b00c) >>> 0),
    p.booking,
    bookingWorld,
    world.orgId,
    end,
    connectShares(p),
  );
  const history = new SyntheticHistory(rng, idRng, p, world, start, end, opts.deals, {
    channel,
    agents,
    anomalies,
    bookings,
  });
  const written = await base.db.transaction().execute(async (trx) => {
    // Held to commit: the sealer cannot seal anything of this organization in between.
    const head = await lockChainHead(trx, world.orgId);
    await deferForeignKeyChecks(trx);
    const writer = new SyntheticWriter(trx, world.orgId, head, opts.maxPendingEvents);
    const sink = bookings.sink(channel.tap(writer));
    while (!history.done) {
      await writer.release(history.nextTime);
      history.step(sink);
      if (writer.pendingRows >= flushRows) {
        await writer.flush(2 * flushRows);
        opts.onProgress?.({ deals: history.counts.deals, ...writer.written });
      }
    }
    history.finish(sink);
    channel.finish();
    agents.finish();
    await writer.release(Infinity);
    await writer.finish();
    opts.onProgress?.({ deals: history.counts.deals, ...writer.written });
    await verifyForeignKeys(trx, WRITTEN_TABLES, world.orgId);
    await moveChainHead(trx, world.orgId, writer.chainHead, base.clock.now());
    return writer.written;
  });
  // Months of history in one go: the planner must know of it before anyone analyses it.
  await analyzeTables(base.db, [...WRITTEN_TABLES, 'users', 'teams', 'pipelines', 'stages']);
  return {
    organizationId: world.orgId,
    organizationName: opts.name,
    password: opts.password,
    users: world.users,
    counts: { ...history.counts, ...written },
    campaigns: history.campaignTruth,
    channel: channel.truth,
    agents: agents.truth,
    anomalies: { ...anomalies.truth(), ...channel.anomalies },
    booking: bookings.truth(history.counts.prospectingSuccesses),
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
  };
}
