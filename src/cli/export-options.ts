import { exportEntities, exportables, type ExportEntity } from '../domain/record-export.ts';

/** A filter of the list queries as a command-line option: `ownerId` → `--owner`, `amountMin` → `--amount-min`. */
export interface FilterOption {
  /** The field of the list query (as in the HTTP API). */
  field: string;
  /** The option, e.g. `--owner`. */
  flag: string;
  /** The entities whose list takes this filter. */
  entities: ExportEntity[];
}

const PAGING = new Set(['limit', 'cursor']);
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every filter (and sort, order, q) of the exportable lists, once, with the entities that take it. */
export function filterOptions(): FilterOption[] {
  const byField = new Map<string, FilterOption>();
  for (const entity of exportEntities) {
    for (const field of Object.keys(exportables[entity].listQuery.shape)) {
      if (PAGING.has(field)) continue;
      const known = byField.get(field);
      if (known) known.entities.push(entity);
      else
        byField.set(field, {
          field,
          flag: `--${kebab(field.length > 2 && field.endsWith('Id') ? field.slice(0, -2) : field)}`,
          entities: [entity],
        });
    }
  }
  return [...byField.values()];
}

/** Commander's property for an option: `--amount-min` → `amountMin`. */
export function attributeOf(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
