import type { ReactNode } from 'react';
import { ApiError } from '../api.ts';
import { refusalText } from '../problem-text.ts';

/** What went wrong and what the user can do about it, from an API refusal or a network failure. */
export function explain(err: unknown, what = 'this record'): { title: string; hint: string; retry: boolean } {
  if (!(err instanceof ApiError))
    return { title: 'Could not reach the server', hint: 'Check your connection, then try again.', retry: true };
  switch (err.status) {
    case 401:
      return { title: 'You are signed out', hint: 'Sign in again to continue.', retry: false };
    case 403:
      return {
        title: `You have no access to ${what}`,
        hint: `${err.detail}. Ask an admin or your manager if you need it.`,
        retry: false,
      };
    case 404:
      return {
        title: 'Not found or no access',
        hint: `${what.charAt(0).toUpperCase() + what.slice(1)} does not exist, was deleted, or belongs to someone whose records you cannot see. Ask its owner or your manager, or go back to the board.`,
        retry: false,
      };
    default:
      return err.status >= 500
        ? {
            title: 'The server had a problem',
            hint: `${err.detail}. Try again in a moment; if it persists, tell your administrator.`,
            retry: true,
          }
        : { title: 'The request was refused', hint: refusalText(err.detail, err.errors), retry: false };
  }
}

/** The error state of a page or card: what happened and what to do, with a retry when it may help. */
export function ErrorState({ error, what, onRetry }: { error: unknown; what?: string; onRetry?: () => void }) {
  const e = explain(error, what);
  return (
    <div className="state error-state" role="alert" data-testid="error-state">
      <strong>{e.title}</strong>
      <p>{e.hint}</p>
      {e.retry && onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A loading placeholder announced to screen readers. */
export function Loading({ children = 'Loading…' }: { children?: ReactNode }) {
  return (
    <p className="muted state" role="status" aria-live="polite">
      {children}
    </p>
  );
}

/** Nothing to show yet, and what to do to change that. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state empty-state" data-testid="empty-state">
      <strong>{title}</strong>
      {children && <p className="muted">{children}</p>}
    </div>
  );
}
