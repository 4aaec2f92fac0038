import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { importableEntities, type ImportEntity } from '../../../../src/contract/import-fields.ts';
import type { ImportSummary } from '../../../../src/contract/imports.ts';
import { importPresets } from '../../../../src/contract/import-presets.ts';
import { upload } from '../../api.ts';
import { problemsOf } from '../../components/form-errors.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { sessionQuery } from '../../session.ts';
import { DealValueMappings } from './value-mapping.tsx';
import { defaultChoices, headOf, importQuery, sampleCells, type ImportChoices } from './import-choices.ts';
import { ImportJobView, RecentImports } from './import-job.tsx';
import { ColumnMapping, PreviewRows } from './import-mapping.tsx';
import { useSettled } from '../../components/use-settled.ts';
import { fieldProblemText } from '../../problem-text.ts';

const presetLabels: Record<string, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  pipedrive: 'Pipedrive',
  twenty: 'Twenty',
};
const duplicateLabels = {
  skip: 'Skip the row (listed with the record it duplicates)',
  update: 'Update the existing record',
  new: 'Import it as a new record',
} as const;
/** Entities whose rows name accounts, partners or products that --create-missing can create. */
const createsReferences = new Set<ImportEntity>(['accounts', 'contacts', 'deals', 'activities', 'partners']);

/** Entities a role may import (as the API decides: admins all, managers their people's records). */
/** Upload a CSV → check the column mapping on a preview → dry run → import with live progress. */
export function ImportPage() {
  const session = useQuery(sessionQuery).data;
  const entities = importableEntities(session?.user.role);
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<ImportChoices>(() => defaultChoices('deals'));
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  /** What the last dry run found, once it finished. */
  const [dryRunSummary, setDryRunSummary] = useState<ImportSummary | null>(null);
  /** The import was asked for although the dry run found nothing to write: ask before running it. */
  const [confirming, setConfirming] = useState(false);
  const [importId, setImportId] = useState<string | null>(null);
  const [startError, setStartError] = useState<{
    summary: string;
    fields: { field: string; message: string }[];
  } | null>(null);
  const [starting, setStarting] = useState(false);
  const [importRunning, setImportRunning] = useState(false);

  const head = useQuery({
    queryKey: ['imports', 'head', file?.name, file?.size, file?.lastModified],
    queryFn: () => (file ? headOf(file) : null),
    enabled: file !== null,
    staleTime: Infinity,
  });
  const settled = useSettled(choices, 300);
  const previewQuery = { ...importQuery(settled, file?.name ?? '', false), limit: '20' };
  const preview = useQuery({
    queryKey: ['imports', 'preview', file?.name, file?.size, file?.lastModified, previewQuery],
    queryFn: () => (head.data ? upload('/imports/preview', head.data.blob, 'text/csv', previewQuery) : null),
    enabled: head.data !== undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });

  /** Any change of the choices makes an earlier dry run stale. */
  const change = (patch: Partial<ImportChoices>) => {
    setChoices((c) => ({ ...c, ...patch }));
    setDryRunId(null);
    setDryRunSummary(null);
    setConfirming(false);
    setStartError(null);
  };
  const setMapping = (header: string, field: string | null) => {
    const overrides = { ...choices.overrides };
    if (field === null) delete overrides[header];
    else overrides[header] = field;
    change({ overrides });
  };

  const start = async (dryRun: boolean) => {
    if (!file) return;
    setStarting(true);
    setStartError(null);
    setConfirming(false);
    if (dryRun) setDryRunSummary(null);
    try {
      const job = await upload('/imports', file, 'text/csv', importQuery(choices, file.name, dryRun));
      if (dryRun) setDryRunId(job.id);
      else {
        setImportId(job.id);
        setImportRunning(true);
      }
    } catch (err) {
      setStartError(problemsOf(err));
    } finally {
      setStarting(false);
    }
  };

  if (entities.length === 0)
    return (
      <p className="state error-state" role="alert">
        Only admins and managers import data.
      </p>
    );
  const p = preview.data;
  const nothingToWrite = dryRunSummary !== null && dryRunSummary.inserted + dryRunSummary.updated === 0;
  const mappingProblems = p?.problems ?? [];
  const samples = head.data ? sampleCells(head.data.text, choices.delimiter) : [];
  /** Position of the column the preview maps to the field, -1 when none is. */
  const columnOf = (field: string) => {
    const header = p?.mapping.find((m) => m.field === field)?.column;
    return header === undefined || !p ? -1 : p.headers.indexOf(header);
  };
  const ready =
    file !== null &&
    p !== undefined &&
    p !== null &&
    mappingProblems.length === 0 &&
    !preview.isFetching &&
    settled === choices;

  return (
    <section className="import-page">
      <h1>Import</h1>
      <p className="muted">
        Bring records from a spreadsheet or another CRM: upload a CSV file, check how its columns are read, try it with
        a dry run, then import.
      </p>

      <div className="card import-step">
        <h2>1. File</h2>
        <div className="form-grid">
          <label>
            <span>What to import</span>
            <select
              value={choices.entity}
              onChange={(e) => {
                setChoices(defaultChoices(e.target.value as ImportEntity));
                setDryRunId(null);
                setStartError(null);
              }}
            >
              {entities.map((e) => (
                <option key={e} value={e}>
                  {e.charAt(0).toUpperCase() + e.slice(1)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>CSV file</span>
            <input
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                change({ overrides: {} });
                setImportId(null);
              }}
            />
          </label>
          <label>
            <span>Exported from</span>
            <select
              value={choices.preset}
              onChange={(e) => change({ preset: e.target.value as ImportChoices['preset'] })}
            >
              <option value="">A spreadsheet (columns named as fields)</option>
              {importPresets.map((p) => (
                <option key={p} value={p}>
                  {presetLabels[p] ?? p}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Dates like 03/04/2025 are</span>
            <select
              value={choices.dateOrder}
              onChange={(e) => change({ dateOrder: e.target.value === 'dmy' ? 'dmy' : 'mdy' })}
            >
              <option value="mdy">Month first (4 March… is 03/04)</option>
              <option value="dmy">Day first (3 April… is 03/04)</option>
            </select>
          </label>
          <label>
            <span>Separator</span>
            <select value={choices.delimiter} onChange={(e) => change({ delimiter: e.target.value })}>
              <option value=",">Comma ,</option>
              <option value=";">Semicolon ;</option>
              <option value={'\t'}>Tab</option>
              <option value="|">Bar |</option>
            </select>
          </label>
          <label>
            <span>A row that duplicates a stored record</span>
            <select
              value={choices.onDuplicate}
              onChange={(e) => change({ onDuplicate: e.target.value as ImportChoices['onDuplicate'] })}
            >
              {Object.entries(duplicateLabels).map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {createsReferences.has(choices.entity) && (
            <label className="check">
              <input
                type="checkbox"
                checked={choices.createMissing}
                onChange={(e) => change({ createMissing: e.target.checked })}
              />
              Create accounts and products the file names but Pipewright lacks
            </label>
          )}
          {choices.entity === 'users' && (
            <label>
              <span>People without an email address</span>
              <select
                value={choices.missingEmail}
                onChange={(e) => change({ missingEmail: e.target.value === 'placeholder' ? 'placeholder' : 'reject' })}
              >
                <option value="reject">Reject them (the file must give every address)</option>
                <option value="placeholder">Give them a placeholder address to replace when inviting</option>
              </select>
            </label>
          )}
          {choices.entity === 'deals' && (
            <label className="wide">
              <span>Stage names that differ</span>
              <textarea
                rows={2}
                value={choices.stageMap}
                placeholder={'Closed Won=Won\nNegotiation/Review=Proposal'}
                onChange={(e) => change({ stageMap: e.target.value })}
              />
              <span className="muted small">One per line: the name in the file = the stage in Pipewright.</span>
            </label>
          )}
          {choices.entity === 'deals' && (
            <label className="wide">
              <span>People named differently</span>
              <textarea
                rows={2}
                value={choices.userMap}
                placeholder={'J. Smith=jane.smith@example.com'}
                onChange={(e) => change({ userMap: e.target.value })}
              />
              <span className="muted small">One per line: the owner in the file = the user&apos;s email.</span>
            </label>
          )}
        </div>
      </div>

      {file && (
        <div className="card import-step">
          <h2>2. Columns and preview</h2>
          {head.error && <ErrorState error={head.error} what="the file" />}
          {preview.error && <ErrorList {...problemsOf(preview.error)} />}
          {!p && !preview.error && <Loading>Reading the first rows…</Loading>}
          {p && (
            <>
              {mappingProblems.length > 0 && (
                <div className="notice error" role="alert" data-testid="mapping-problems">
                  <strong>The columns cannot be imported as they are:</strong>
                  <ul className="plain">
                    {mappingProblems.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </div>
              )}
              <ColumnMapping preview={p} samples={samples} overrides={choices.overrides} onChange={setMapping} />
              {choices.entity === 'deals' && (columnOf('stage') >= 0 || columnOf('owner') >= 0) && (
                <DealValueMappings
                  file={file}
                  columns={{ stage: columnOf('stage'), owner: columnOf('owner'), pipeline: columnOf('pipeline') }}
                  delimiter={choices.delimiter}
                  stageMap={choices.stageMap}
                  userMap={choices.userMap}
                  onChange={change}
                />
              )}
              <h3>
                First rows as they would be taken{' '}
                {preview.isFetching && <span className="muted small">(updating…)</span>}
              </h3>
              <PreviewRows preview={p} />
            </>
          )}
        </div>
      )}

      {file && (
        <div className="card import-step">
          <h2>3. Dry run and import</h2>
          <p className="muted small">
            A dry run reads and checks the whole file, looks up references and duplicates, and writes nothing.
          </p>
          <div className="actions start">
            <button type="button" disabled={!ready || starting || importRunning} onClick={() => void start(true)}>
              Dry run
            </button>
            <button
              type="button"
              className="primary"
              disabled={!ready || starting || importRunning}
              onClick={() => (nothingToWrite && !confirming ? setConfirming(true) : void start(false))}
            >
              Import {file.name}
            </button>
          </div>
          {startError && <ErrorList {...startError} />}
          {dryRunSummary && nothingToWrite && (
            <div className="state error-state" role="alert" data-testid="dry-run-nothing">
              <p>
                The dry run found no row to insert or update ({dryRunSummary.rejected} rejected,{' '}
                {dryRunSummary.unchanged + dryRunSummary.duplicates} already there or skipped): check the mapping before
                importing.
              </p>
              {confirming && (
                <div className="actions start">
                  <button type="button" onClick={() => void start(false)}>
                    Import anyway
                  </button>
                  <button type="button" className="link" onClick={() => setConfirming(false)}>
                    Cancel
                  </button>
                </div>
              )}
            </div>
          )}
          {dryRunId && (
            <>
              <h3>Dry run</h3>
              <ImportJobView
                key={dryRunId}
                id={dryRunId}
                onFinished={(job) => setDryRunSummary(job.status === 'succeeded' ? job.summary : null)}
              />
            </>
          )}
        </div>
      )}

      {importId && (
        <div className="card import-step">
          <h2>Import</h2>
          <ImportJobView key={importId} id={importId} onFinished={() => setImportRunning(false)} />
        </div>
      )}

      <RecentImports onOpen={(id) => setImportId(id)} />
    </section>
  );
}

function ErrorList({ summary, fields }: { summary: string; fields: { field: string; message: string }[] }) {
  return (
    <div className="notice error" role="alert">
      {summary}
      {fields.length > 0 && (
        <ul className="plain">
          {fields.map((f) => (
            <li key={`${f.field}:${f.message}`}>{fieldProblemText(f)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
