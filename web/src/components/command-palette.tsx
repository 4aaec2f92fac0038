import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouter } from '@tanstack/react-router';
import { useEffect, useId, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { SearchResult } from '../types.ts';
import { api } from '../api.ts';
import { actorOf, canCreate, useActor } from '../permissions.ts';
import { sessionQuery, signOut } from '../session.ts';
import {
  canReadAudit,
  hasCommissionsScreen,
  hasForecastScreen,
  type ScopedEntity,
} from '../../../src/contract/access.ts';
import { isTyping } from './keys.ts';
import { fuzzyScore } from './fuzzy.ts';
import { LogCallDialog, type CallTarget } from './log-call-dialog.tsx';
import { Modal } from './modal.tsx';
import { NewDealDialog } from './new-deal-dialog.tsx';
import { RecordFormDialog, type NewRecordKind } from './record-form-dialog.tsx';
import { ShortcutsDialog } from './shortcuts-dialog.tsx';
import { useSettled } from './use-settled.ts';

interface Command {
  id: string;
  label: string;
  hint: string;
  group: string;
  run: () => void;
}

const typeLabels: Record<SearchResult['type'], string> = {
  deal: 'Deal',
  account: 'Account',
  contact: 'Contact',
  lead: 'Lead',
};

/**
 * Ctrl/Cmd+K: one box to reach any record you can see (the search API, fuzzy) and any screen or
 * action; `?` lists the keyboard shortcuts; `g b` / `g i` go to the board / the lead inbox.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [call, setCall] = useState<CallTarget | null>(null);
  const [newDeal, setNewDeal] = useState(false);
  const [newRecord, setNewRecord] = useState<NewRecordKind | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    let pendingG = 0;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => !o);
        return;
      }
      if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey || document.querySelector('[role=dialog]')) return;
      if (e.key === '?') {
        e.preventDefault();
        setShortcuts(true);
      } else if (e.key === 'g') {
        pendingG = Date.now();
      } else if (Date.now() - pendingG < 1000 && (e.key === 'b' || e.key === 'i')) {
        pendingG = 0;
        void navigate(e.key === 'b' ? { to: '/board', search: {} } : { to: '/inbox' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    <>
      <button
        type="button"
        className="palette-trigger"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
      >
        Search <kbd>Ctrl K</kbd>
      </button>
      {open && (
        <Palette
          onClose={() => setOpen(false)}
          onShortcuts={() => setShortcuts(true)}
          onCall={setCall}
          onNewDeal={() => setNewDeal(true)}
          onNew={setNewRecord}
        />
      )}
      {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
      {call && <LogCallDialog target={call} onClose={() => setCall(null)} />}
      {newDeal && <NewDealDialog onClose={() => setNewDeal(false)} />}
      {newRecord && <RecordFormDialog kind={newRecord} onClose={() => setNewRecord(null)} />}
    </>
  );
}

function Palette({
  onClose,
  onShortcuts,
  onCall,
  onNewDeal,
  onNew,
}: {
  onClose: () => void;
  onShortcuts: () => void;
  onCall: (t: CallTarget) => void;
  onNewDeal: () => void;
  onNew: (kind: NewRecordKind) => void;
}) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const navigate = useNavigate();
  const router = useRouter();
  const queryClient = useQueryClient();
  const listId = useId();
  const mayCreateDeal = canCreate(useActor(), 'deal');
  const q = useSettled(text.trim(), 150);
  const results = useQuery({
    queryKey: ['search', q],
    queryFn: () => api.get('/search', { params: { query: { q, limit: 10 } } }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

  const done = (f: () => void) => () => {
    onClose();
    f();
  };
  /** A record page when the app has one for the type (a route `/<type>s/$<type>Id`). */
  const open = (r: SearchResult) => {
    if (r.type === 'deal') return void navigate({ to: '/deals/$dealId', params: { dealId: r.id } });
    const path = `/${r.type}s/$${r.type}Id`;
    if (path in router.routesByPath) return router.history.push(`/${r.type}s/${r.id}`);
    if (r.type === 'lead') return void navigate({ to: '/inbox' });
    return undefined;
  };

  const session = useQuery(sessionQuery).data;
  const role = session?.user.role;
  const pages: [string, string, string][] = [
    ['home', 'Go to my day (home)', '/home'],
    ['deals', 'Go to deals', '/deals'],
    ['accounts', 'Go to accounts', '/accounts'],
    ['contacts', 'Go to contacts', '/contacts'],
    ['leads', 'Go to leads', '/leads'],
    ['activities', 'Go to activities', '/activities'],
    ...(role !== 'partner' ? ([['analytics', 'Go to analytics', '/analytics']] as [string, string, string][]) : []),
    ...(session && canReadAudit(session.user)
      ? ([['audit', 'Go to the audit log', '/audit']] as [string, string, string][])
      : []),
    ...(session && hasForecastScreen(actorOf(session))
      ? ([['forecast', 'Go to forecast', '/forecast']] as [string, string, string][])
      : []),
    ...(session && hasCommissionsScreen(actorOf(session))
      ? ([['commissions', 'Go to commissions', '/commissions']] as [string, string, string][])
      : []),
    ...(role === 'admin' ? ([['admin', 'Go to administration', '/admin']] as [string, string, string][]) : []),
  ];
  const creatable: [NewRecordKind, string, ScopedEntity][] = [
    ['account', 'New account', 'account'],
    ['contact', 'New contact (B2C when without an account)', 'contact'],
    ['lead', 'New lead', 'lead'],
  ];
  const commands: Command[] = [
    ...pages
      .filter(([, , to]) => to in router.routesByPath)
      .map(([id, label, to]) => ({
        id: `go-${id}`,
        label,
        hint: '',
        group: 'Go to',
        run: done(() => router.history.push(to)),
      })),
    ...creatable
      .filter(([, , entity]) => session && canCreate(session.user, entity))
      .map(([kind, label]) => ({ id: `new-${kind}`, label, hint: '', group: 'Actions', run: done(() => onNew(kind)) })),
    {
      id: 'go-board',
      label: 'Go to the pipeline board',
      hint: 'g b',
      group: 'Go to',
      run: done(() => void navigate({ to: '/board', search: {} })),
    },
    {
      id: 'go-inbox',
      label: 'Go to the lead inbox',
      hint: 'g i',
      group: 'Go to',
      run: done(() => void navigate({ to: '/inbox' })),
    },
    ...(mayCreateDeal ? [{ id: 'new-deal', label: 'New deal', hint: '', group: 'Actions', run: done(onNewDeal) }] : []),
    { id: 'shortcuts', label: 'Keyboard shortcuts', hint: '?', group: 'Actions', run: done(onShortcuts) },
    {
      id: 'sign-out',
      label: 'Sign out',
      hint: '',
      group: 'Actions',
      run: done(() => void signOut(queryClient).then(() => navigate({ to: '/sign-in', search: {} }))),
    },
  ];
  const matched = commands
    .map((c) => ({ c, s: fuzzyScore(text, c.label) }))
    .filter((x): x is { c: Command; s: number } => x.s !== null)
    .sort((a, b) => b.s - a.s)
    .map((x) => x.c);
  const records: Command[] = q
    ? (results.data?.items ?? []).flatMap((r): Command[] => {
        const canOpen = r.type === 'deal' || r.type === 'lead' || `/${r.type}s/$${r.type}Id` in router.routesByPath;
        const items: Command[] = canOpen
          ? [
              {
                id: `${r.type}-${r.id}`,
                label: r.title,
                hint: [typeLabels[r.type], r.subtitle].filter(Boolean).join(' · '),
                group: 'Records',
                run: done(() => open(r)),
              },
            ]
          : [];
        if (r.type === 'deal' || r.type === 'contact') {
          const target: CallTarget =
            r.type === 'deal' ? { dealId: r.id, name: r.title } : { contactId: r.id, name: r.title };
          items.push({
            id: `call-${r.id}`,
            label: `Log a call: ${r.title}`,
            hint: typeLabels[r.type],
            group: 'Records',
            run: done(() => onCall(target)),
          });
        }
        return items;
      })
    : [];
  // A query that names a command ("new", "go to", "log") lists the commands first, else records lead.
  const typed = text.trim().toLowerCase();
  const firstWord = typed.split(/\s+/)[0] ?? '';
  const namesCommand = firstWord.length >= 2 && matched.some((c) => c.label.toLowerCase().startsWith(firstWord));
  const all = typed ? (namesCommand ? [...matched, ...records] : [...records, ...matched]) : matched;
  const current = Math.min(active, Math.max(0, all.length - 1));

  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + all.length) % Math.max(1, all.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      all[current]?.run();
    }
  };

  return (
    <Modal title="Search and commands" onClose={onClose} closeOnBackdrop className="palette" testId="command-palette">
      <input
        type="text"
        role="combobox"
        aria-label="Search records and commands"
        aria-expanded={all.length > 0}
        aria-controls={listId}
        aria-activedescendant={all[current] ? `${listId}-${all[current].id}` : undefined}
        aria-autocomplete="list"
        placeholder="Type a name, a company, or a command…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <ul id={listId} role="listbox" aria-label="Results" className="palette-list">
        {all.map((c, i) => (
          <li
            key={c.id}
            id={`${listId}-${c.id}`}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'active' : ''}
            onMouseMove={() => setActive(i)}
            onClick={c.run}
            data-testid="palette-option"
          >
            <span>{c.label}</span>
            <span className="small muted">{c.hint}</span>
          </li>
        ))}
      </ul>
      <p className="small muted" role="status" aria-live="polite">
        {results.isFetching
          ? 'Searching…'
          : results.isError
            ? 'Search failed; check your connection and try again.'
            : q && records.length === 0 && text.trim() === q
              ? `No records match “${q}” among those you can see.`
              : '↑ ↓ to choose, Enter to open, Esc to close'}
      </p>
    </Modal>
  );
}
