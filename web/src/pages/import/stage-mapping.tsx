import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { bestNameMatch, normalizeName } from '../../../../src/contract/name-match.ts';
import { CsvParser } from '../../../../src/contract/csv.ts';
import { formatNumber } from '../../format.ts';
import { pipelinesQuery } from '../../queries.ts';

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

/** "Name in the file=Stage" lines as a map (the last line for a name wins), and back. */
export function parseStageMap(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) out.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return out;
}
const formatStageMap = (m: ReadonlyMap<string, string>) => [...m].map(([from, to]) => `${from}=${to}`).join('\n');

/**
 * The stage names of the file next to the pipeline's stages: names that are stages already need
 * nothing; for the others a stage is proposed by name similarity (and says why) and written into
 * the stage map, where the person changes or clears it.
 */
export function StageMapping({
  file,
  column,
  pipelineColumn,
  delimiter,
  stageMap,
  onChange,
}: {
  file: File;
  /** Position of the column mapped to `stage`. */
  column: number;
  /** Position of the column mapped to `pipeline`, -1 without one (the default pipeline). */
  pipelineColumn: number;
  delimiter: string;
  stageMap: string;
  onChange: (stageMap: string) => void;
}) {
  const pipelines = useQuery(pipelinesQuery).data;
  const values = useQuery({
    queryKey: ['imports', 'stage-values', file.name, file.size, file.lastModified, column, pipelineColumn, delimiter],
    queryFn: () => distinctValues(file, pipelineColumn >= 0 ? [column, pipelineColumn] : [column], delimiter),
    staleTime: Infinity,
  });
  // The pipeline most rows name, else the default one.
  const named = values.data?.[1]?.[0]?.value;
  const pipeline =
    pipelines?.find((p) => named !== undefined && normalizeName(p.name) === normalizeName(named)) ??
    pipelines?.find((p) => p.isDefault) ??
    pipelines?.[0];
  const stages = useMemo(() => pipeline?.stages ?? [], [pipeline]);
  const rows = useMemo(() => {
    const known = new Set(stages.map((s) => normalizeName(s.name)));
    return (values.data?.[0] ?? []).map((v) => ({
      ...v,
      isStage: known.has(normalizeName(v.value)),
      suggestion: bestNameMatch(v.value, stages, (s) => s.name),
    }));
  }, [values.data, stages]);
  const mapped = parseStageMap(stageMap);

  // Once the values are read, the suggestions for names that are not stages go into the map
  // (names the person mapped already keep their choice).
  useEffect(() => {
    if (rows.length === 0) return;
    const current = parseStageMap(stageMap);
    let changed = false;
    for (const r of rows)
      if (!r.isStage && !current.has(r.value) && r.suggestion) {
        current.set(r.value, r.suggestion.candidate.name);
        changed = true;
      }
    if (changed) onChange(formatStageMap(current));
    // Only when the values of the file are read, not at each edit of the map.
  }, [rows]);

  const choose = (value: string, stage: string) => {
    const next = parseStageMap(stageMap);
    if (stage === '') next.delete(value);
    else next.set(value, stage);
    onChange(formatStageMap(next));
  };

  if (values.isPending) return <p className="muted">Reading the stage names of the file…</p>;
  if (values.error) return <p className="notice error">The stage column could not be read: {values.error.message}</p>;
  if (!pipeline) return null;
  const unmapped = rows.filter((r) => !r.isStage && !mapped.get(r.value));
  return (
    <div className="stage-mapping" data-testid="stage-mapping">
      <h3>Stages of the file → stages of {pipeline.name}</h3>
      <div className="table-wrap">
        <table className="records">
          <thead>
            <tr>
              <th>In the file</th>
              <th>Rows</th>
              <th>Stage in Pipewright</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const chosen = mapped.get(r.value) ?? '';
              const suggested = r.suggestion?.candidate.name;
              return (
                <tr key={r.value} data-testid="stage-row">
                  <td>{r.value}</td>
                  <td className="num">{formatNumber(r.rows)}</td>
                  <td>
                    {r.isStage ? (
                      <span className="muted">the same stage</span>
                    ) : (
                      <select
                        aria-label={`Stage for ${r.value}`}
                        value={chosen}
                        onChange={(e) => choose(r.value, e.target.value)}
                      >
                        <option value="">(choose a stage: rows are rejected otherwise)</option>
                        {stages.map((s) => (
                          <option key={s.id} value={s.name}>
                            {s.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td className="muted small">
                    {r.isStage
                      ? ''
                      : chosen !== '' && chosen === suggested
                        ? `proposed: ${r.suggestion?.why ?? ''}`
                        : chosen !== ''
                          ? 'chosen by you'
                          : 'no stage has a similar name'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {unmapped.length > 0 && (
        <p className="notice" role="note">
          {unmapped.length} stage {unmapped.length === 1 ? 'name has' : 'names have'} no stage yet; their rows would be
          rejected.
        </p>
      )}
    </div>
  );
}
