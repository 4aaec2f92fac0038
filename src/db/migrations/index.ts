import { foundation } from './0001-foundation.ts';
import { search } from './0002-search.ts';
import { stageVisits } from './0003-stage-visits.ts';
import { savedViews } from './0004-saved-views.ts';
import { imports } from './0005-imports.ts';
import { importHeartbeat } from './0006-import-heartbeat.ts';
import { dealTraces } from './0007-deal-traces.ts';
import { eventVersions } from './0009-event-versions.ts';
import { webhooks } from './0010-webhooks.ts';
import { jobs } from './0012-jobs.ts';
import { boardIndex } from './0014-board-index.ts';
import { moveIn } from './0015-move-in.ts';
import { marketing } from './0016-marketing.ts';
import { booking } from './0017-booking.ts';
import { channel } from './0018-channel.ts';
import { oversight } from './0019-oversight.ts';
import { unknownPaths } from './0020-unknown-paths.ts';
import { handoffs } from './0021-handoffs.ts';
import { forms } from './0023-forms.ts';
import { scoring } from './0024-scoring.ts';
import { forecasting } from './0025-forecasting.ts';
import { commissions } from './0026-commissions.ts';
import { agents } from './0027-agents.ts';
import { territories } from './0028-territories.ts';
import { heldMeetingDeals } from './0029-held-meeting-deals.ts';
import { callScripts } from './0030-call-scripts.ts';
import { approvalEscalation } from './0031-approval-escalation.ts';
import { partnerLeadsFunds } from './0032-partner-leads-funds.ts';
import { cadences } from './0033-cadences.ts';
import { twoTierChannel } from './0034-two-tier-channel.ts';
import { importEntities } from './0035-import-entities.ts';
import { holidayCalendars } from './0036-holiday-calendars.ts';
import { busyFeeds } from './0037-busy-feeds.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** All migrations in order. Append only; never edit one that has landed. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'search', sql: search },
  { version: 3, name: 'stage-visits', sql: stageVisits },
  { version: 4, name: 'saved-views', sql: savedViews },
  { version: 5, name: 'imports', sql: imports },
  { version: 6, name: 'import-heartbeat', sql: importHeartbeat },
  { version: 7, name: 'deal-traces', sql: dealTraces },
  { version: 9, name: 'event-versions', sql: eventVersions },
  { version: 10, name: 'webhooks', sql: webhooks },
  { version: 12, name: 'jobs', sql: jobs },
  { version: 14, name: 'board-index', sql: boardIndex },
  { version: 15, name: 'move-in', sql: moveIn },
  { version: 16, name: 'marketing', sql: marketing },
  { version: 17, name: 'booking', sql: booking },
  { version: 18, name: 'channel', sql: channel },
  { version: 19, name: 'oversight', sql: oversight },
  { version: 20, name: 'unknown-paths', sql: unknownPaths },
  { version: 21, name: 'handoffs', sql: handoffs },
  { version: 23, name: 'forms', sql: forms },
  { version: 24, name: 'scoring', sql: scoring },
  { version: 25, name: 'forecasting', sql: forecasting },
  { version: 26, name: 'commissions', sql: commissions },
  { version: 27, name: 'agents', sql: agents },
  { version: 28, name: 'territories', sql: territories },
  { version: 29, name: 'held-meeting-deals', sql: heldMeetingDeals },
  { version: 30, name: 'call-scripts', sql: callScripts },
  { version: 31, name: 'approval-escalation', sql: approvalEscalation },
  { version: 32, name: 'partner-leads-funds', sql: partnerLeadsFunds },
  { version: 33, name: 'cadences', sql: cadences },
  { version: 34, name: 'two-tier-channel', sql: twoTierChannel },
  { version: 35, name: 'import-entities', sql: importEntities },
  { version: 36, name: 'holiday-calendars', sql: holidayCalendars },
  { version: 37, name: 'busy-feeds', sql: busyFeeds },
];
