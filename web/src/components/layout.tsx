import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { organizationQuery } from '../queries.ts';
import { setDisplayTimeZone } from '../format.ts';
import { sessionQuery, signOut } from '../session.ts';
import { CommandPalette } from './command-palette.tsx';
import { importableEntities } from '../../../src/contract/import-fields.ts';
import {
  canOpenChannel,
  canReadAudit,
  canManageForms,
  canReadMarketingFigures,
  hasCallQueue,
  canManageCadences,
  hasRecordsOf,
} from '../../../src/contract/access.ts';
import {
  actorOf,
  canRead,
  seesApprovals,
  seesCalendar,
  seesCommissions,
  seesForecasts,
  seesOversightQueue,
} from '../permissions.ts';

const roleLabels: Record<string, string> = {
  admin: 'Admin',
  manager: 'Manager',
  rep: 'Sales rep',
  inside_sales: 'Inside sales',
  marketing: 'Marketing',
  partner: 'Partner',
  auditor: 'Auditor',
};

export function Layout() {
  const session = useQuery(sessionQuery).data;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  // Dates and times show in the organization's time zone.
  const organization = useQuery({ ...organizationQuery, enabled: Boolean(session) });
  const timeZone = organization.data?.timezone;
  setDisplayTimeZone(timeZone);
  useEffect(() => setDisplayTimeZone(timeZone), [timeZone]);

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut(queryClient);
    } finally {
      setSigningOut(false);
    }
    await navigate({ to: '/sign-in', search: {} });
  };

  return (
    <div className="app">
      <header className={`topbar${menuOpen ? ' menu-open' : ''}`}>
        <Link to="/" className="brand">
          Pipewright
        </Link>
        {session && (
          <>
            <button
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls="main-nav"
              onClick={() => setMenuOpen((o) => !o)}
            >
              Menu
            </button>
            {/* On a phone the links fold into the menu; choosing one closes it. */}
            <nav
              id="main-nav"
              aria-label="Main"
              onClick={(e) => (e.target as HTMLElement).closest('a') && setMenuOpen(false)}
            >
              {(['admin', 'manager', 'rep', 'inside_sales'] as const).some((r) => r === session.user.role) && (
                <Link to="/home" activeProps={{ className: 'active' }}>
                  My day
                </Link>
              )}
              {seesCalendar(actorOf(session)) && (
                <Link to="/calendar" search={{}} activeProps={{ className: 'active' }}>
                  Calendar
                </Link>
              )}
              {canOpenChannel(session.user) && (
                <Link to="/channel" activeProps={{ className: 'active' }}>
                  {session.user.role === 'partner' ? 'Partner portal' : 'Channel'}
                </Link>
              )}
              {canReadMarketingFigures(session.user) && (
                <Link to="/marketing" activeProps={{ className: 'active' }}>
                  Marketing
                </Link>
              )}
              {canRead(actorOf(session), 'campaign') && (
                <Link to="/campaigns" activeProps={{ className: 'active' }}>
                  Campaigns
                </Link>
              )}
              {canManageForms(session.user) && (
                <Link to="/forms" activeProps={{ className: 'active' }}>
                  Forms
                </Link>
              )}
              <Link to="/board" search={{}} activeProps={{ className: 'active' }}>
                Board
              </Link>
              <Link to="/deals" activeProps={{ className: 'active' }}>
                Deals
              </Link>
              {hasRecordsOf(actorOf(session), 'account') && (
                <Link to="/accounts" activeProps={{ className: 'active' }}>
                  Accounts
                </Link>
              )}
              {hasRecordsOf(actorOf(session), 'contact') && (
                <Link to="/contacts" activeProps={{ className: 'active' }}>
                  Contacts
                </Link>
              )}
              {hasRecordsOf(actorOf(session), 'lead') && (
                <Link to="/leads" activeProps={{ className: 'active' }}>
                  Leads
                </Link>
              )}
              {hasRecordsOf(actorOf(session), 'activity') && (
                <Link to="/activities" activeProps={{ className: 'active' }}>
                  Activities
                </Link>
              )}
              {session.user.role !== 'partner' && hasRecordsOf(actorOf(session), 'lead') && (
                <Link to="/inbox" activeProps={{ className: 'active' }}>
                  Lead inbox
                </Link>
              )}
              {hasCallQueue(actorOf(session)) && (
                <Link to="/queue" activeProps={{ className: 'active' }}>
                  Call queue
                </Link>
              )}
              {canManageCadences(actorOf(session)) && (
                <Link to="/cadences" activeProps={{ className: 'active' }}>
                  Cadences
                </Link>
              )}
              {session.user.role !== 'partner' && (
                <Link to="/analytics" activeProps={{ className: 'active' }}>
                  Analytics
                </Link>
              )}
              {seesForecasts(actorOf(session)) && (
                <Link to="/forecast" search={{}} activeProps={{ className: 'active' }}>
                  Forecast
                </Link>
              )}
              {seesCommissions(actorOf(session)) && (
                <Link to="/commissions" search={{}} activeProps={{ className: 'active' }}>
                  Commissions
                </Link>
              )}
              {importableEntities(session.user.role).length > 0 && (
                <Link to="/import" activeProps={{ className: 'active' }}>
                  Import
                </Link>
              )}
              {seesApprovals(actorOf(session)) && (
                <Link to="/approvals" activeProps={{ className: 'active' }}>
                  Approvals
                </Link>
              )}
              {seesOversightQueue(session.user) && (
                <Link to="/oversight" activeProps={{ className: 'active' }}>
                  Oversight
                </Link>
              )}
              {canReadAudit(session.user) && (
                <Link to="/audit" activeProps={{ className: 'active' }}>
                  Audit
                </Link>
              )}
              {session.user.role === 'admin' && (
                <Link to="/admin" activeProps={{ className: 'active' }}>
                  Admin
                </Link>
              )}
            </nav>
            <div className="who">
              <CommandPalette />
              <span data-testid="current-user">{session.user.name}</span>
              <span className="role">{roleLabels[session.user.role] ?? session.user.role}</span>
              <button type="button" onClick={() => void onSignOut()} disabled={signingOut}>
                Sign out
              </button>
            </div>
          </>
        )}
      </header>
      <main>
        <Outlet />
      </main>
    </div>
  );
}
