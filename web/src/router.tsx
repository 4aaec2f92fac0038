import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { parseBoardFilters, type BoardFilters } from './board-data.ts';
import { Layout } from './components/layout.tsx';
import { BoardPage } from './pages/board.tsx';
import { DealPage } from './pages/deal.tsx';
import { LeadInboxPage } from './pages/lead-inbox.tsx';
import { QueuePage } from './pages/queue.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { SetupPage, setupStatusQuery } from './pages/setup.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { AccountPage } from './pages/account.tsx';
import { ContactPage } from './pages/contact.tsx';
import { LeadPage } from './pages/lead.tsx';
import {
  AccountsTablePage,
  ActivitiesTablePage,
  ContactsTablePage,
  DealsTablePage,
  LeadsTablePage,
} from './pages/tables.tsx';
import { AdminLayout } from './pages/admin/admin-layout.tsx';
import { AdminObjectionsPage } from './pages/admin/objections.tsx';
import { AdminPartnersPage } from './pages/admin/partners.tsx';
import { AdminAgentsPage } from './pages/admin/agents.tsx';
import { AdminRoutingPage } from './pages/admin/routing.tsx';
import { AdminHolidaysPage } from './pages/admin/holidays.tsx';
import { AdminPipelinesPage } from './pages/admin/pipelines.tsx';
import { AdminProductsPage } from './pages/admin/products.tsx';
import { AdminScriptsPage } from './pages/admin/scripts.tsx';
import { AdminCadencesPage } from './pages/admin/cadences.tsx';
import { AdminTeamsPage } from './pages/admin/teams.tsx';
import { AdminTokensPage } from './pages/admin/tokens.tsx';
import { AdminUsersPage } from './pages/admin/users.tsx';
import { AdminWebhooksPage } from './pages/admin/webhooks.tsx';
import { sessionQuery } from './session.ts';
import { HomePage } from './pages/home.tsx';
import { CampaignPage, CampaignsPage, MarketingHomePage } from './pages/marketing.tsx';
import { FormPage, FormsPage } from './pages/forms.tsx';
import { AuditPage } from './pages/audit.tsx';
import { ApprovalsPage } from './pages/approvals.tsx';
import { OversightPage } from './pages/oversight.tsx';
import {
  actorOf,
  seesApprovals,
  seesCalendar,
  seesCommissions,
  seesForecasts,
  seesOversightQueue,
  seesWorkingHours,
} from './permissions.ts';
import { validateCalendarSearch } from './pages/calendar/search.ts';
import { validateForecastSearch } from './pages/forecast/search.ts';
import { validateCommissionsSearch } from './pages/commissions/search.ts';
import { ChannelPage } from './pages/channel.tsx';
import { canOpenChannel, canReadAudit } from '../../src/contract/access.ts';
import type { Role } from '../../src/contract/access.ts';
import { validateAnalyticsSearch } from './pages/analytics/search.ts';
import { importableEntities } from '../../src/contract/import-fields.ts';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Layout });

/** Pages behind sign-in send a signed-out visitor to /sign-in and back afterwards. */
async function requireSession({
  context,
  location,
}: {
  context: RouterContext;
  location: { href: string };
}): Promise<void> {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' && search.redirect.startsWith('/') ? { redirect: search.redirect } : {},
  // A server without any organization asks for the first-run set-up instead.
  beforeLoad: async ({ context }) => {
    if ((await context.queryClient.ensureQueryData(setupStatusQuery)).needed) throw redirect({ to: '/setup' });
  },
  component: SignInPage,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  beforeLoad: async ({ context }) => {
    if (!(await context.queryClient.fetchQuery({ ...setupStatusQuery, staleTime: 0 })).needed)
      throw redirect({ to: '/sign-in', search: {} });
  },
  component: SetupPage,
});

export const inboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inbox',
  beforeLoad: requireSession,
  component: LeadInboxPage,
});

export const queueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/queue',
  beforeLoad: requireSession,
  component: QueuePage,
});

/** Cadence definitions: admins and managers (the page tells others it is not theirs). */
export const cadencesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cadences',
  beforeLoad: requireSession,
  component: AdminCadencesPage,
});

/** Each role lands on the screen it works in: its home, or the list it lives in. */
export function landingOf(role: Role): '/home' | '/marketing' | '/channel' | '/audit' | '/deals' {
  switch (role) {
    case 'auditor':
      return '/audit';
    case 'marketing':
      return '/marketing';
    case 'partner':
      return '/channel';
    case 'admin':
    case 'agent':
    case 'manager':
    case 'rep':
    case 'inside_sales':
      return '/home';
  }
}

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    throw redirect({ to: landingOf(session.user.role) });
  },
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/home',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    const landing = landingOf(session.user.role);
    if (landing !== '/home') throw redirect({ to: landing });
  },
  component: HomePage,
});

export const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/board',
  validateSearch: (search: Record<string, unknown>): { pipelineId?: string } & BoardFilters => ({
    ...(typeof search.pipelineId === 'string' ? { pipelineId: search.pipelineId } : {}),
    ...parseBoardFilters(search),
  }),
  beforeLoad: requireSession,
  component: BoardPage,
});

export const dealRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/deals/$dealId',
  beforeLoad: requireSession,
  component: DealPage,
});

export const analyticsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/analytics',
  validateSearch: validateAnalyticsSearch,
  beforeLoad: requireSession,
  // ECharts and the analytics pages load on first visit, not with the rest of the app.
  component: lazyRouteComponent(() => import('./pages/analytics/analytics-page.tsx'), 'AnalyticsPage'),
});

// Record tables and record pages.
function page<P extends string>(path: P, component: () => React.JSX.Element) {
  return createRoute({ getParentRoute: () => rootRoute, path, beforeLoad: requireSession, component });
}
const tableRoutes = [
  page('/deals', DealsTablePage),
  page('/accounts', AccountsTablePage),
  page('/accounts/$accountId', AccountPage),
  page('/contacts', ContactsTablePage),
  page('/contacts/$contactId', ContactPage),
  page('/leads', LeadsTablePage),
  page('/leads/$leadId', LeadPage),
  page('/activities', ActivitiesTablePage),
  page('/marketing', MarketingHomePage),
  page('/campaigns', CampaignsPage),
  page('/campaigns/$campaignId', CampaignPage),
  page('/forms', FormsPage),
  page('/forms/$formId', FormPage),
];

/** Admin screens: other roles are sent to the board (and the API refuses them anyway). */
async function requireAdmin({
  context,
  location,
}: {
  context: RouterContext;
  location: { href: string };
}): Promise<void> {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  if (session.user.role !== 'admin') throw redirect({ to: '/board', search: {} });
}

/** The import screen: admins and managers, as the import API allows. */
async function requireImporter({
  context,
  location,
}: {
  context: RouterContext;
  location: { href: string };
}): Promise<void> {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  if (importableEntities(session.user.role).length === 0) throw redirect({ to: '/board', search: {} });
}
/** The audit view: admins and auditors, as the audit API allows. */
const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    if (!canReadAudit(session.user)) throw redirect({ to: '/' });
  },
  component: AuditPage,
});

/** The approvals inbox: everyone who may see approvals (their own requests at least). */
const approvalsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/approvals',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    if (!seesApprovals(actorOf(session))) throw redirect({ to: '/' });
  },
  component: ApprovalsPage,
});

/** The oversight queue: managers, auditors and admins. */
const oversightRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/oversight',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    if (!seesOversightQueue(session.user)) throw redirect({ to: '/' });
  },
  component: OversightPage,
});

/** The partner portal for partners; the channel manager's queue for admins, managers and auditors. */
const channelRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/channel',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    if (!canOpenChannel(session.user)) throw redirect({ to: '/' });
  },
  component: ChannelPage,
});

/** Forecasts and quotas: the roles whose rules let them read someone's forecasts (reps, managers, admins, auditors). */
const forecastRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forecast',
  validateSearch: validateForecastSearch,
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    if (!seesForecasts(actorOf(session))) throw redirect({ to: '/' });
  },
  // ECharts loads with the page, not with the rest of the app.
  component: lazyRouteComponent(() => import('./pages/forecast/forecast-page.tsx'), 'ForecastPage'),
});

/** Commission statements: everyone with a statement of their own or others' to read. */
const commissionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/commissions',
  validateSearch: validateCommissionsSearch,
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    if (!seesCommissions(actorOf(session))) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./pages/commissions/commissions-page.tsx'), 'CommissionsPage'),
});

/** A rep's week of meetings: everyone whose booking scope holds someone (reps, inside sales, managers, admins, auditors). */
const calendarRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/calendar',
  validateSearch: validateCalendarSearch,
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    if (!seesCalendar(actorOf(session))) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./pages/calendar/calendar-page.tsx'), 'CalendarPage'),
});

/** Working hours and time off: reps (their own), managers (their team's), admins (anyone's). */
const workingHoursRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/working-hours',
  validateSearch: validateCalendarSearch,
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    if (!seesWorkingHours(actorOf(session))) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./pages/calendar/working-hours-page.tsx'), 'WorkingHoursPage'),
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  beforeLoad: requireImporter,
  component: lazyRouteComponent(() => import('./pages/import/import-page.tsx'), 'ImportPage'),
});

const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  beforeLoad: requireAdmin,
  component: AdminLayout,
});
const adminPages = [
  ['users', AdminUsersPage],
  ['teams', AdminTeamsPage],
  ['pipelines', AdminPipelinesPage],
  ['products', AdminProductsPage],
  ['objections', AdminObjectionsPage],
  ['scripts', AdminScriptsPage],
  ['tokens', AdminTokensPage],
  ['webhooks', AdminWebhooksPage],
  ['partners', AdminPartnersPage],
  ['agents', AdminAgentsPage],
  ['routing', AdminRoutingPage],
  ['holidays', AdminHolidaysPage],
] as const;
const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/users' });
  },
});
const adminChildren = adminPages.map(([path, component]) =>
  createRoute({ getParentRoute: () => adminRoute, path, component }),
);

const routeTree = rootRoute.addChildren([
  signInRoute,
  indexRoute,
  homeRoute,
  boardRoute,
  dealRoute,
  setupRoute,
  inboxRoute,
  queueRoute,
  cadencesRoute,
  analyticsRoute,
  importRoute,
  auditRoute,
  approvalsRoute,
  oversightRoute,
  channelRoute,
  forecastRoute,
  commissionsRoute,
  calendarRoute,
  workingHoursRoute,
  ...tableRoutes,
  adminRoute.addChildren([adminIndexRoute, ...adminChildren]),
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
    defaultNotFoundComponent: NotFoundPage,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
