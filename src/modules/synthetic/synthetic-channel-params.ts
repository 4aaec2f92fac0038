import { z } from 'zod';
import { partnerTypeSchema, partnerTypes } from '../../contract/channel.ts';

/**
 * The generating parameters of the channel (partner programme, deal registrations, conflicts,
 * leads offered to partners) and of agents on deals, with the anomalies the oversight detectors
 * look for injected at known rates. Part of the synthetic parameters (`channel`, `agents`).
 */

const probability = z.number().min(0).max(1);

const tierSchema = z.strictObject({
  name: z.string().min(1).max(100),
  rank: z.number().int().min(0).max(1000),
  /** Days an approved registration of a partner of the tier is protected. */
  protectionDays: z.number().int().min(1).max(730),
  /** Leads a partner of the tier holds at once (null: no limit). */
  leadCapacity: z.number().int().min(0).max(100_000).nullable(),
  /** Days from registration to the channel manager's decision: log-normal with this median and sigma. */
  approvalMedianDays: z.number().min(0).max(60),
  approvalSigma: z.number().min(0).max(3),
});

const partnerGroupSchema = z.strictObject({
  type: partnerTypeSchema,
  /** A tier of `tiers`, by name. */
  tier: z.string().min(1),
  count: z.number().int().min(0).max(50),
});

export const channelParamsSchema = z
  .strictObject({
    tiers: z.array(tierSchema).max(10),
    /** Partners in the programme, by type and tier; none switches the channel off. */
    partners: z.array(partnerGroupSchema).max(50),
    /** Share of partner deals that come through a registration (the rest a channel rep opens directly). */
    registered: probability,
    /** A decided registration is approved with this chance, else rejected. */
    approve: probability,
    /** When the protection window ends with the deal still open, the manager extends it once (by half the tier's days) with this chance, else it expires. */
    extend: probability,
    /** Share of registrations for a customer a direct deal is already open for (same web domain, under another name): a channel conflict. */
    conflict: probability,
    /**
     * Two-tier: each reseller and value-added reseller is served by a distributor (in turn), and
     * of its registrations this share names that distributor (a two-tier deal once approved); 0
     * links no reseller. Drawn from a stream of its own: it changes nothing else of the data.
     */
    twoTier: probability.default(0.5),
    /** Median days between a partner's own activities on an approved registration's open deal. */
    partnerActivityDays: z.number().min(0.5).max(60),
    leadOffers: z.strictObject({
      /** Share of the leads inside sales leaves open (not converted or disqualified) that are offered to a partner. */
      share: probability,
      /** The partner accepts with this chance, declines with `decline`; the rest lapse at the time limit. */
      accept: probability,
      decline: probability,
      hoursToAnswer: z.number().int().min(1).max(720),
    }),
    anomalies: z.strictObject({
      /**
       * registration_hoarding: of the approved registrations that could hoard (approved at least 30
       * days before the end, still inside their window then), this share is left untouched by the
       * partner and its deal left open.
       */
      registrationHoarding: probability,
      /** duplicate_registration: share of registrations that register again a customer a live registration covers. */
      duplicateRegistration: probability,
    }),
  })
  // Refinements run even where a field failed its own check: they read defensively and never throw.
  .superRefine(
    (c, ctx) => {
      const tiers: unknown[] = Array.isArray(c.tiers) ? c.tiers : [];
      const names = new Set(
        tiers.map((t) => (t && typeof t === 'object' ? (t as { name?: unknown }).name : undefined)),
      );
      const partners: unknown[] = Array.isArray(c.partners) ? c.partners : [];
      partners.forEach((p, i) => {
        const tier = p && typeof p === 'object' ? (p as { tier?: unknown }).tier : undefined;
        if (typeof tier === 'string' && !names.has(tier))
          ctx.addIssue({ code: 'custom', path: ['partners', i, 'tier'], message: 'is not a tier of `tiers`' });
      });
      const o: unknown = c.leadOffers;
      const accept = o && typeof o === 'object' ? (o as { accept?: unknown }).accept : undefined;
      const decline = o && typeof o === 'object' ? (o as { decline?: unknown }).decline : undefined;
      if (typeof accept === 'number' && typeof decline === 'number' && accept + decline > 1)
        ctx.addIssue({
          code: 'custom',
          path: ['leadOffers', 'decline'],
          message: 'accept + decline must not exceed 1',
        });
    },
    { when: () => true },
  );
export type ChannelParams = z.infer<typeof channelParamsSchema>;

const sidesSchema = z
  .strictObject({
    /** Shares of the pipeline's deals with an agent on the buyer side only, the seller side only, and both. */
    buyerOnly: probability,
    sellerOnly: probability,
    both: probability,
  })
  .refine(
    (s: Record<string, unknown>) => {
      const shares = [s.buyerOnly, s.sellerOnly, s.both];
      return !shares.every((x) => typeof x === 'number') || shares.reduce((a, b) => a + b, 0) <= 1;
    },
    { message: 'buyerOnly + sellerOnly + both must not exceed 1', path: ['both'] },
  );

export const agentParamsSchema = z.strictObject({
  /** Agencies (firms), each with this many agents (persons); the first half represent sellers, the rest buyers. Fewer than two switch agents off. */
  firms: z.number().int().min(0).max(50),
  agentsPerFirm: z.number().int().min(2).max(20),
  b2b: sidesSchema,
  b2c: sidesSchema,
  /** A side with an agent gets a co-agent of the same firm with this chance. */
  coAgent: probability,
  /** Of the deals with agents on both sides, this share has one firm on both (dual agency, with both parties' written consent first). */
  dualAgency: probability,
  anomalies: z.strictObject({
    /** dual_agency_unconsented: of the deals with agents on both sides, this share has the same agent on both without both consents. */
    dualAgencyUnconsented: probability,
  }),
});
export type AgentParams = z.infer<typeof agentParamsSchema>;

/**
 * Three tiers and one partner of each type in each (fifteen partners). At 5,000 deals about 450
 * registrations: most approved after one to three business days, some conflicting with a direct
 * deal, a few dozen duplicates and hoarded registrations. The three distributors serve two
 * resellers each (a reseller and a value-added reseller), half of whose registrations go through them.
 */
export const defaultChannelParams: ChannelParams = {
  tiers: [
    { name: 'Gold', rank: 3, protectionDays: 90, leadCapacity: 40, approvalMedianDays: 1, approvalSigma: 0.5 },
    { name: 'Silver', rank: 2, protectionDays: 60, leadCapacity: 20, approvalMedianDays: 2, approvalSigma: 0.5 },
    { name: 'Bronze', rank: 1, protectionDays: 30, leadCapacity: 10, approvalMedianDays: 3, approvalSigma: 0.5 },
  ],
  partners: partnerTypes.flatMap((type) => ['Gold', 'Silver', 'Bronze'].map((tier) => ({ type, tier, count: 1 }))),
  registered: 0.6,
  approve: 0.8,
  extend: 0.3,
  conflict: 0.1,
  twoTier: 0.5,
  partnerActivityDays: 10,
  leadOffers: { share: 0.1, accept: 0.6, decline: 0.25, hoursToAnswer: 48 },
  anomalies: { registrationHoarding: 0.5, duplicateRegistration: 0.06 },
};

/** Six agencies of four agents; about one B2B deal in ten and one B2C deal in six has agents. */
export const defaultAgentParams: AgentParams = {
  firms: 6,
  agentsPerFirm: 4,
  b2b: { buyerOnly: 0.05, sellerOnly: 0.03, both: 0.03 },
  b2c: { buyerOnly: 0.08, sellerOnly: 0.04, both: 0.05 },
  coAgent: 0.15,
  dualAgency: 0.15,
  anomalies: { dualAgencyUnconsented: 0.15 },
};
