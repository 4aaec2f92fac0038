import type { Deps } from '../modules/context.ts';
import { registerAnalyticsRoutes } from '../modules/analytics/analytics.routes.ts';
import { registerAccountRoutes } from '../modules/accounts/accounts.routes.ts';
import { registerActivityRoutes } from '../modules/activities/activities.routes.ts';
import { registerAuditRoutes } from '../modules/audit/audit.routes.ts';
import { registerAuthRoutes } from '../modules/auth/auth.routes.ts';
import { registerBulkRoutes } from '../modules/bulk/bulk.routes.ts';
import { registerContactRoutes } from '../modules/contacts/contacts.routes.ts';
import { registerLeadRoutes } from '../modules/leads/leads.routes.ts';
import { registerSearchRoutes } from '../modules/search/search.routes.ts';
import { registerObjectionRoutes } from '../modules/objections/objections.routes.ts';
import { registerScriptRoutes } from '../modules/scripts/scripts.routes.ts';
import { registerDealRoutes } from '../modules/deals/deals.routes.ts';
import { registerEventExportRoutes } from '../modules/events/export.routes.ts';
import { registerPipelineRoutes } from '../modules/pipelines/pipelines.routes.ts';
import { registerProductRoutes } from '../modules/products/products.routes.ts';
import { registerUserRoutes } from '../modules/users/users.routes.ts';
import { registerViewRoutes } from '../modules/views/views.routes.ts';
import { getTeam, getUser } from '../modules/users/users.service.ts';
import { registerTimeline } from './timeline.ts';
import type { App } from './types.ts';

/** Every module's routes; one line per module. */
export function registerRoutes(app: App, deps: Deps, opts: { secureCookies: boolean }): void {
  registerAuthRoutes(app, deps, opts);
  registerUserRoutes(app, deps);
  registerTimeline(app, deps, '/api/v1/users', 'user', (actor, id) => getUser(deps, actor, id));
  registerTimeline(app, deps, '/api/v1/teams', 'team', (actor, id) => getTeam(deps, actor, id));
  registerAuditRoutes(app, deps);
  registerEventExportRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerContactRoutes(app, deps);
  registerLeadRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerActivityRoutes(app, deps);
  registerObjectionRoutes(app, deps);
  registerScriptRoutes(app, deps);
  registerProductRoutes(app, deps);
  registerPipelineRoutes(app, deps);
  registerDealRoutes(app, deps);
  registerAnalyticsRoutes(app, deps);
  registerViewRoutes(app, deps);
  registerBulkRoutes(app, deps);
}
