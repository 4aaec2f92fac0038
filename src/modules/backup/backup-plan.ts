/**
 * How a value is read from a column so that the backup is exact and engine-independent:
 * `timestamptz`/`timestamp`/`date` as ISO strings, `json` as JSON, `native` as the driver returns
 * it (booleans, 16/32-bit integers, text, uuids), anything else as its text form.
 */
export type ValueKind = 'timestamptz' | 'timestamp' | 'date' | 'json' | 'native' | 'text';

export interface ColumnInfo {
  name: string;
  /** The SQL type as format_type() spells it, e.g. `character(3)`, `numeric(20,2)`. */
  type: string;
  kind: ValueKind;
  notNull: boolean;
  /** Part of a CHECK constraint: setting it to NULL for a while could break the check. */
  inCheck: boolean;
  /** GENERATED ALWAYS AS IDENTITY: inserts need OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
  /** The sequence feeding the column's default, reset after a restore. */
  sequence: string | null;
}

export interface ForeignKey {
  name: string;
  columns: string[];
  parent: string;
}

export interface TableInfo {
  name: string;
  /** Stored columns in table order (generated columns are left out: they are recomputed). */
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

const NATIVE = new Set(['bool', 'int2', 'int4', 'text', 'varchar', 'bpchar', 'uuid', 'name']);

export function valueKind(typname: string): ValueKind {
  if (typname === 'timestamptz' || typname === 'timestamp' || typname === 'date') return typname;
  if (typname === 'json' || typname === 'jsonb') return 'json';
  return NATIVE.has(typname) ? 'native' : 'text';
}

/** Columns of a foreign key that may be NULL for a while (MATCH SIMPLE skips the check then). */
export function deferrableColumns(table: TableInfo, fk: ForeignKey): string[] | null {
  const cols = fk.columns.map((c) => table.columns.find((x) => x.name === c));
  const nullable = cols.filter((c): c is ColumnInfo => c !== undefined && !c.notNull && !c.inCheck);
  return nullable.length > 0 ? nullable.map((c) => c.name) : null;
}

/**
 * An order of the tables in which every foreign key points to a table already loaded. Where the
 * keys form a cycle (users ↔ teams, users ↔ accounts) or point into their own table, the cycle is
 * broken at a key whose columns may be NULL for a while; restore loads those columns afterwards.
 * Among the tables that could break a cycle, the one needing the fewest such keys goes first
 * (then by name), so the order is deterministic.
 */
export function loadOrder(tables: readonly TableInfo[]): string[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const placed = new Set<string>();
  const order: string[] = [];
  const blockers = (t: TableInfo) =>
    t.foreignKeys.filter((fk) => fk.parent !== t.name && byName.has(fk.parent) && !placed.has(fk.parent));
  // Only a table on a cycle needs to break one; the others just wait for their parents.
  const onCycle = (start: TableInfo): boolean => {
    const seen = new Set<string>();
    const stack = blockers(start).map((fk) => fk.parent);
    while (stack.length > 0) {
      const name = stack.pop();
      if (name === undefined || seen.has(name)) continue;
      if (name === start.name) return true;
      seen.add(name);
      const t = byName.get(name);
      if (t) stack.push(...blockers(t).map((fk) => fk.parent));
    }
    return false;
  };
  const remaining = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  while (remaining.length > 0) {
    let pick = remaining.findIndex((t) => blockers(t).length === 0);
    if (pick < 0) {
      let best = Infinity;
      remaining.forEach((t, i) => {
        const open = blockers(t);
        if (!onCycle(t)) return;
        if (open.every((fk) => deferrableColumns(t, fk) !== null) && open.length < best) {
          best = open.length;
          pick = i;
        }
      });
    }
    if (pick < 0) {
      throw new Error(
        `the foreign keys between ${remaining.map((t) => t.name).join(', ')} form a cycle that no nullable column breaks`,
      );
    }
    const [table] = remaining.splice(pick, 1);
    if (!table) break;
    placed.add(table.name);
    order.push(table.name);
  }
  return order;
}
