import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: labelled by its title, Escape closes it, Tab stays inside, and focus returns to
 * where it was when it closes. `initialFocus` names the element (a CSS selector) to focus first.
 */
export function Modal({
  title,
  onClose,
  children,
  className = '',
  initialFocus,
  testId,
  closeOnBackdrop = false,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  initialFocus?: string;
  testId?: string;
  /** Only for dialogs without input worth keeping: a stray click must not throw a half-logged call away. */
  closeOnBackdrop?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    const first =
      (initialFocus && root?.querySelector<HTMLElement>(initialFocus)) || root?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => before?.focus();
    // focus once, when the dialog opens
  }, [initialFocus]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close.current();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    const firstItem = items[0];
    const lastItem = items[items.length - 1];
    if (!firstItem || !lastItem) return;
    if (e.shiftKey && document.activeElement === firstItem) {
      e.preventDefault();
      lastItem.focus();
    } else if (!e.shiftKey && document.activeElement === lastItem) {
      e.preventDefault();
      firstItem.focus();
    }
  };

  // On document.body, so a dialog opened from the top bar does not inherit its colours.
  return createPortal(
    <div
      className="backdrop"
      role="presentation"
      onMouseDown={(e) => closeOnBackdrop && e.target === e.currentTarget && close.current()}
    >
      <div
        ref={ref}
        className={`card dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
