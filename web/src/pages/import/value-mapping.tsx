import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { bestNameMatch, normalizeName } from '../../../../src/contract/name-match.ts';
import { CsvParser } from '../../../../src/contract/csv.ts';
import { formatNumber } from '../../format.ts';
import { pipelinesQuery, usersQuery } from '../../queries.ts';

type Counted = { value: string; rows: number }[];

/** The distinct values of some columns of the whole file, with how many rows hold each, most frequent first. */
export async function distinctValues(file: Blob, columns: readonly number[], delimiter: string): Promise<Counted[]> {
  const parser = new CsvParser(delimiter);
  const counts = columns.map(() => new Map<string, number>());
  let header = true;
  const take = (records: Iterable<{ fields: string[] }>) => {
    for (const r of records) {
      if (header) {
        header = false;
        continue;
      }
      columns.forEach((column, i) => {
        const v = (r.fields[column] ?? '').trim();
        const c = counts[i];
        if (v !== '' && c) c.set(v, (c.get(v) ?? 0) + 1);
      });
    }
  };
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    take(parser.push(value));
  }
  take(parser.end());
  return counts.map((c) =>
    [...c].map(([value, rows]) => ({ value, rows })).sort((a, b) => b.rows - a.rows || (a.value < b.value ? -1 : 1)),
  );
}

/** "Name in the file=Target" lines as a map (the last line for a name wins), and back. */
export function parseNameMap(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) out.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return out;
}
const formatNameMap = (m: ReadonlyMap<string, string>) => [...m].map(([from, to]) => `${from}=${to}`).join('\n');

interface Target {
  /** What the map line says (a stage name, a user's email). */
  key: string;
  label: string;
  /** The names a value of the file may match it by (the first is compared for suggestions). */
  names: readonly string[];
}

/**
 * The distinct values of a reference column of the whole file next to the records they should
 * name: a value that names one already needs nothing; for any other, the target with the most
 * similar name is proposed (saying why) and written into the map, where the person changes or
 * clears it.
 */
function ValueMapping({
  title,
  what,
  values,
  targets,
  map,
  onChange,
}: {
  title: string;
  /** "stage", "user": in labels and messages. */
  what: string;
  values: { value: string; rows: number }[];
  targets: readonly Target[];
  map: string;
  onChange: (map: string) => void;
}) {
  const rows = useMemo(() => {
    const known = new Set(targets.flatMap((t) => t.names.map(normalizeName)));
    return values.map((v) => ({
      ...v,
      known: known.has(normalizeName(v.value)),
      suggestion: bestNameMatch(v.value, targets, (t) => t.names[0] ?? t.key),
    }));
  }, [values, targets]);
  const mapped = parseNameMap(map);

  // Once the values are read, the suggestions for values that name nothing go into the map
  // (values the person mapped already keep their choice). Only then, not at each edit of the map.
  useEffect(() => {
    if (rows.length === 0) return;
    const current = parseNameMap(map);
    let changed = false;
    for (const r of rows)
      if (!r.known && !current.has(r.value) && r.suggestion) {
        current.set(r.value, r.suggestion.candidate.key);
        changed = true;
      }
    if (changed) onChange(formatNameMap(current));
  }, [rows]);

  const choose = (value: string, key: string) => {
    const next = parseNameMap(map);
    if (key === '') next.delete(value);
    else next.set(value, key);
    onChange(formatNameMap(next));
  };
  const unmapped = rows.filter((r) => !r.known && !mapped.get(r.value));
  return (
    <div className="value-mapping" data-testid={`${what}-mapping`}>
      <h3>{title}</h3>
      <div className="table-wrap">
        <table className="records">
          <thead>
            <tr>
              <th>In the file</th>
              <th>Rows</th>
              <th>In Pipewright</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const chosen = mapped.get(r.value) ?? '';
              const suggested = r.suggestion?.candidate.key;
              return (
                <tr key={r.value} data-testid={`${what}-row`}>
                  <td>{r.value}</td>
                  <td className="num">{formatNumber(r.rows)}</td>
                  <td>
                    {r.known ? (
                      <span className="muted">the same {what}</span>
                    ) : (
                      <select
                        aria-label={`${what.charAt(0).toUpperCase()}${what.slice(1)} for ${r.value}`}
                        value={chosen}
                        onChange={(e) => choose(r.value, e.target.value)}
                      >
                        <option value="">(choose a {what}: rows are rejected otherwise)</option>
                        {targets.map((t) => (
                          <option key={t.key} value={t.key}>
                            {t.label}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td className="muted small">
                    {r.known
                      ? ''
                      : chosen !== '' && chosen === suggested
                        ? `proposed: ${r.suggestion?.why ?? ''}`
                        : chosen !== ''
                          ? 'chosen by you'
                          : `no ${what} has a similar name`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {unmapped.length > 0 && (
        <p className="notice" role="note">
          {unmapped.length} {unmapped.length === 1 ? 'name has' : 'names have'} no {what} yet; their rows would be
          rejected.
        </p>
      )}
    </div>
  );
}

/**
 * The stage and owner names of the whole file (deals), read in the browser, each next to the
 * stages of the pipeline the file names (else the default one) and the organization's users.
 */
export function DealValueMappings({
  file,
  columns,
  delimiter,
  stageMap,
  userMap,
  onChange,
}: {
  file: File;
  /** Positions of the columns mapped to stage, owner and pipeline (-1: none). */
  columns: { stage: number; owner: number; pipeline: number };
  delimiter: string;
  stageMap: string;
  userMap: string;
  onChange: (patch: { stageMap?: string; userMap?: string }) => void;
}) {
  const pipelines = useQuery(pipelinesQuery).data;
  const users = useQuery(usersQuery).data;
  const order = [columns.stage, columns.owner, columns.pipeline];
  const values = useQuery({
    queryKey: ['imports', 'values', file.name, file.size, file.lastModified, order, delimiter],
    queryFn: () => distinctValues(file, order, delimiter),
    staleTime: Infinity,
  });
  const [stageValues, ownerValues, pipelineValues] = values.data ?? [];
  // The pipeline most rows name, else the default one.
  const named = pipelineValues?.[0]?.value;
  const pipeline =
    pipelines?.find((p) => named !== undefined && normalizeName(p.name) === normalizeName(named)) ??
    pipelines?.find((p) => p.isDefault) ??
    pipelines?.[0];
  const stages = useMemo(
    () => (pipeline?.stages ?? []).map((s) => ({ key: s.name, label: s.name, names: [s.name] })),
    [pipeline],
  );
  const people = useMemo(
    () =>
      (users ?? []).map((u) => ({
        key: u.email,
        label: `${u.name} (${u.email})`,
        names: [u.name, u.email, ...(u.externalId ? [u.externalId] : [])],
      })),
    [users],
  );
  if (values.isPending) return <p className="muted">Reading the stage and owner names of the file…</p>;
  if (values.error) return <p className="notice error">The file could not be read: {values.error.message}</p>;
  return (
    <>
      {pipeline && columns.stage >= 0 && stageValues && (
        <ValueMapping
          title={`Stages of the file → stages of ${pipeline.name}`}
          what="stage"
          values={stageValues}
          targets={stages}
          map={stageMap}
          onChange={(m) => onChange({ stageMap: m })}
        />
      )}
      {columns.owner >= 0 && ownerValues && users && (
        <ValueMapping
          title="Owners of the file → users"
          what="user"
          values={ownerValues}
          targets={people}
          map={userMap}
          onChange={(m) => onChange({ userMap: m })}
        />
      )}
    </>
  );
}
