import { useQuery } from '@tanstack/react-query';
import {
  objectionCategories,
  type ObjectionCategory,
  type RaisedObjectionInput,
} from '../../../src/contract/objections.ts';
import { getAll } from '../api.ts';

/** One objection being written down during a call. */
export interface ObjectionDraft {
  key: number;
  category: ObjectionCategory;
  objectionId: string;
  buyerWords: string;
  responseUsed: string;
  outcome: 'resolved' | 'unresolved';
}

export const categoryLabels: Record<ObjectionCategory, string> = {
  price: 'Price',
  budget: 'Budget',
  timing: 'Timing',
  authority: 'Authority',
  need: 'Need',
  competitor: 'Competitor',
  trust: 'Trust',
  other: 'Other',
};

let nextKey = 1;
export function newObjectionDraft(): ObjectionDraft {
  return { key: nextKey++, category: 'price', objectionId: '', buyerWords: '', responseUsed: '', outcome: 'resolved' };
}

/** The draft as the API takes it (`objections[]` of POST /activities). */
export function toRaisedObjection(d: ObjectionDraft): RaisedObjectionInput {
  return {
    category: d.category,
    objectionId: d.objectionId || null,
    buyerWords: d.buyerWords,
    responseUsed: d.responseUsed.trim() || null,
    outcome: d.outcome,
  };
}

export const objectionLibraryQuery = {
  queryKey: ['objections', 'active'],
  queryFn: () => getAll('/objections', { query: { active: 'true' } }, 5),
  staleTime: 5 * 60_000,
};

/**
 * The fields of one raised objection, with the library's recommended responses for the chosen
 * objection (or for every library entry of the category while none is chosen) one click away.
 */
export function ObjectionFields({
  draft,
  index,
  onChange,
  onRemove,
  errorOf,
}: {
  draft: ObjectionDraft;
  index: number;
  onChange: (d: ObjectionDraft) => void;
  onRemove: () => void;
  errorOf: (field: string) => string | undefined;
}) {
  const library = useQuery(objectionLibraryQuery);
  const inCategory = (library.data ?? []).filter((o) => o.category === draft.category);
  const chosen = inCategory.find((o) => o.id === draft.objectionId);
  const suggestions = (chosen ? [chosen] : inCategory).flatMap((o) =>
    o.recommendedResponses.map((text) => ({ title: o.title, text })),
  );
  const id = `objection-${draft.key}`;
  const err = (f: string) => errorOf(`objections.${index}.${f}`);

  return (
    <fieldset className="objection" data-testid="objection-row">
      <legend>Objection {index + 1}</legend>
      <div className="row2">
        <label>
          Category
          <select
            value={draft.category}
            onChange={(e) => onChange({ ...draft, category: e.target.value as ObjectionCategory, objectionId: '' })}
          >
            {objectionCategories.map((c) => (
              <option key={c} value={c}>
                {categoryLabels[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Library objection
          <select
            value={draft.objectionId}
            onChange={(e) => onChange({ ...draft, objectionId: e.target.value })}
            disabled={inCategory.length === 0}
          >
            <option value="">
              {library.isPending ? 'Loading…' : inCategory.length ? 'None (own words only)' : 'None in this category'}
            </option>
            {inCategory.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label htmlFor={`${id}-words`}>
        Buyer&apos;s words
        <textarea
          id={`${id}-words`}
          rows={2}
          value={draft.buyerWords}
          onChange={(e) => onChange({ ...draft, buyerWords: e.target.value })}
          aria-invalid={err('buyerWords') ? true : undefined}
          placeholder="What the buyer said"
        />
        {err('buyerWords') && <span className="field-error">{err('buyerWords')}</span>}
      </label>
      {suggestions.length > 0 && (
        <div className="suggestions" data-testid="recommended-responses">
          <div className="small muted">
            Recommended responses{chosen ? '' : ` for ${categoryLabels[draft.category].toLowerCase()} objections`}:
          </div>
          <ul>
            {suggestions.map((s, i) => (
              <li key={`${s.title}-${i}`}>
                <span className="small">
                  {!chosen && <em>{s.title}: </em>}
                  {s.text}
                </span>{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => onChange({ ...draft, responseUsed: s.text })}
                  aria-label={`Use response: ${s.text}`}
                >
                  Use
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <label htmlFor={`${id}-response`}>
        Response used
        <textarea
          id={`${id}-response`}
          rows={2}
          value={draft.responseUsed}
          onChange={(e) => onChange({ ...draft, responseUsed: e.target.value })}
        />
        {err('responseUsed') && <span className="field-error">{err('responseUsed')}</span>}
      </label>
      <div className="row2 end">
        <label>
          Outcome
          <select
            value={draft.outcome}
            onChange={(e) =>
              onChange({ ...draft, outcome: e.target.value === 'unresolved' ? 'unresolved' : 'resolved' })
            }
          >
            <option value="resolved">Resolved</option>
            <option value="unresolved">Unresolved</option>
          </select>
        </label>
        <button type="button" onClick={onRemove} aria-label={`Remove objection ${index + 1}`}>
          Remove
        </button>
      </div>
    </fieldset>
  );
}
