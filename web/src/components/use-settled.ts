import { useEffect, useState } from 'react';

/**
 * A value that follows `value` once it has stopped changing for `ms`: typing or dragging a slider
 * sends one request when the hand pauses, not one per key or step.
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
