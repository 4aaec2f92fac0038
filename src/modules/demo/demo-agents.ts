import type { Actor } from '../../contract/access.ts';
import { listDealsQuery } from '../../contract/deals.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { assignAgent, recordConsent, recordDisclosure } from '../agents/deal-agents.service.ts';
import { createAgreement, createParty } from '../agents/parties.service.ts';
import type { Deps } from '../context.ts';
import { listDeals } from '../deals/deals.service.ts';

const DAY = 86_400_000;

/** What the demo's agents did, to check the agents-by-side analysis against. */
export interface DemoAgentCounts {
  /** Deals with a buyer's agent. */
  buyerSide: number;
  /** Deals with a seller's agent. */
  sellerSide: number;
  /** Deals where one firm works both sides, with both parties' written consent. */
  dualAgency: number;
  disclosures: number;
}

/**
 * Agents at the end of the demo's year: a procurement advisory firm representing buyers (its broker
 * Dana Broker on the deals of the accounts it advises), and a sales agency representing the
 * organisation as seller's agent (Eli Vance, who signs in as an agent user, and Fay Moreno). Each
 * agent discloses whom it represents to the other side's contact. On one deal the agency also
 * advises the buyer: dual agency, allowed because both parties' written consent is recorded first.
 */
export async function seedDemoAgents(
  deps: Deps,
  opts: {
    admin: Actor;
    organizationName: string;
    b2bPipelineId: string;
    startsOn: string;
    /** The B2B accounts' names by id. */
    accountNames: ReadonlyMap<string, string>;
    /** Creates the user an agent party signs in as. */
    agentUser: (agentPartyId: string) => Promise<Actor>;
  },
): Promise<DemoAgentCounts> {
  const { admin } = opts;
  const counts: DemoAgentCounts = { buyerSide: 0, sellerSide: 0, dualAgency: 0, disclosures: 0 };
  const keystone = await createParty(deps, admin, {
    kind: 'firm',
    name: 'Keystone Procurement Advisors',
    jurisdiction: 'US-IL',
  });
  const dana = await createParty(deps, admin, {
    kind: 'person',
    name: 'Dana Broker',
    firmId: keystone.id,
    licenceNumber: 'IL-BRK-20417',
    jurisdiction: 'US-IL',
    email: 'dana@keystone-advisors.example',
  });
  const northline = await createParty(deps, admin, {
    kind: 'firm',
    name: 'Northline Sales Agency',
    jurisdiction: 'US-NY',
  });
  const eli = await createParty(deps, admin, {
    kind: 'person',
    name: 'Eli Vance',
    firmId: northline.id,
    licenceNumber: 'NY-SA-88120',
    jurisdiction: 'US-NY',
    email: 'eli@northline-agency.example',
  });
  const fay = await createParty(deps, admin, {
    kind: 'person',
    name: 'Fay Moreno',
    firmId: northline.id,
    jurisdiction: 'US-NY',
  });
  await opts.agentUser(eli.id);
  // The seller's agency represents the organisation itself, kept as an account of its own.
  const self = await createAccount(deps, admin, { name: `${opts.organizationName} (own company)`, type: 'other' });
  const sellerAgreement = await createAgreement(deps, admin, {
    agentPartyId: northline.id,
    side: 'seller',
    representedAccountId: self.id,
    effectiveFrom: opts.startsOn,
    exclusive: true,
    compensationKind: 'percent',
    compensationPercent: '5',
  });

  const open = await listDeals(
    deps,
    admin,
    listDealsQuery.parse({ status: 'open', pipelineId: opts.b2bPipelineId, sort: 'amount', order: 'desc', limit: 40 }),
  );
  const withAccount = open.items.filter((d) => d.accountId !== null && d.primaryContactId !== null).slice(0, 8);
  const now = deps.clock.now().getTime();
  const advised = new Map<string, string>();
  for (const [i, deal] of withAccount.entries()) {
    const accountId = deal.accountId ?? '';
    const contactId = deal.primaryContactId;
    const buyer = opts.accountNames.get(accountId) ?? 'the buyer';
    const disclosedAt = new Date(now - (20 - i) * DAY).toISOString();
    const last = i === withAccount.length - 1 && i > 0;
    // Keystone advises the buyer on up to six; Northline sells on every other one, and on the last
    // deal advises the buyer as well.
    if (i < 6 && !last) {
      let agreementId = advised.get(accountId);
      if (!agreementId) {
        agreementId = (
          await createAgreement(deps, admin, {
            agentPartyId: keystone.id,
            side: 'buyer',
            representedAccountId: accountId,
            effectiveFrom: opts.startsOn,
            compensationKind: 'amount',
            compensationAmount: '1500.00',
            currency: 'USD',
          })
        ).id;
        advised.set(accountId, agreementId);
      }
      await assignAgent(deps, admin, deal.id, { agentPartyId: dana.id, agreementId, role: 'buyer_agent' });
      await recordDisclosure(deps, admin, deal.id, {
        agentPartyId: dana.id,
        disclosedTo: `${opts.organizationName} sales`,
        disclosedAt,
        documentRef: `Keystone engagement letter KPA-${2400 + i}`,
      });
      counts.buyerSide++;
      counts.disclosures++;
    }
    if (i % 2 === 1 || last) {
      await assignAgent(deps, admin, deal.id, {
        agentPartyId: eli.id,
        agreementId: sellerAgreement.id,
        role: 'seller_agent',
      });
      await recordDisclosure(deps, admin, deal.id, {
        agentPartyId: eli.id,
        disclosedTo: buyer,
        disclosedToContactId: contactId,
        disclosedAt,
        documentRef: `Northline representation notice NSA-${700 + i}`,
      });
      counts.sellerSide++;
      counts.disclosures++;
    }
    if (last) {
      // Northline advises this buyer too: both parties consent in writing before Fay joins.
      const buyerAgreement = await createAgreement(deps, admin, {
        agentPartyId: northline.id,
        side: 'buyer',
        representedAccountId: accountId,
        effectiveFrom: opts.startsOn,
        compensationKind: 'percent',
        compensationPercent: '1.5',
      });
      for (const side of ['buyer', 'seller'] as const)
        await recordConsent(deps, admin, deal.id, {
          side,
          givenBy: side === 'buyer' ? buyer : opts.organizationName,
          givenByContactId: side === 'buyer' ? contactId : null,
          consentedAt: disclosedAt,
          documentRef: `Dual agency consent DAC-${side}-${900 + i}`,
        });
      await assignAgent(deps, admin, deal.id, {
        agentPartyId: fay.id,
        agreementId: buyerAgreement.id,
        role: 'buyer_agent',
      });
      counts.buyerSide++;
      counts.dualAgency++;
    }
  }
  return counts;
}
