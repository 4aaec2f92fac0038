import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { callDispositions, createActivitySchema, followUpDispositions } from '../../../src/contract/activities.ts';
import type { ActivityDto } from '../types.ts';
import { api, type FieldProblem } from '../api.ts';
import { CallScript, type ShownScript } from './call-script.tsx';
import { BookMeetingCard } from './meetings.tsx';
import { formatDuration, parseDuration } from './durations.ts';
import { fieldLabel, problemsOf, zodProblems } from './form-errors.ts';
import { Modal } from './modal.tsx';
import { localInput, RecordFormDialog } from './record-form-dialog.tsx';
import { newObjectionDraft, ObjectionFields, toRaisedObjection, type ObjectionDraft } from './objection-fields.tsx';

type Disposition = (typeof callDispositions)[number];

const dispositionLabels: Record<Disposition, string> = {
  connected: 'Connected',
  no_answer: 'No answer',
  left_voicemail: 'Voicemail',
  busy: 'Busy',
  wrong_number: 'Wrong number',
  not_interested: 'Not interested',
  call_back_later: 'Call back later',
  meeting_booked: 'Meeting booked',
};

export interface CallTarget {
  dealId?: string | null;
  contactId?: string | null;
  leadId?: string | null;
  accountId?: string | null;
  /** Shown in the title: the deal's or the person's name. */
  name: string;
}

/**
 * Logging a call in a few seconds: direction and outcome are one click each, the duration counts
 * itself from the moment the dialog opens, Ctrl+Enter saves. Objections are written with the
 * library's responses at hand, and the deal's pitch script sits beside the form. "Meeting booked"
 * shows the field reps' free slots to book one from the call (for the roles that book meetings). A
 * call that ends with "call back later" or "meeting booked" is followed by the proposed follow-up task.
 */
export function LogCallDialog({
  target,
  onClose,
  onLogged,
}: {
  target: CallTarget;
  onClose: () => void;
  onLogged?: (a: ActivityDto) => void;
}) {
  const queryClient = useQueryClient();
  const [opened] = useState(() => Date.now());
  const [elapsed, setElapsed] = useState(0);
  const [direction, setDirection] = useState<'outbound' | 'inbound'>('outbound');
  const [disposition, setDisposition] = useState<Disposition>('connected');
  const [duration, setDuration] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [objections, setObjections] = useState<ObjectionDraft[]>([]);
  const [problems, setProblems] = useState<{ summary: string; fields: FieldProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [followUp, setFollowUp] = useState<Disposition | null>(null);
  // The script version on screen goes with the call, for the script experiment analysis.
  const [script, setScript] = useState<ShownScript | null>(null);

  useEffect(() => {
    const t = setInterval(() => setElapsed(Math.floor((Date.now() - opened) / 1000)), 1000);
    return () => clearInterval(t);
  }, [opened]);

  // "Meeting booked": the field rep's slot is picked right here, about the deal or the lead called.
  const bookingLink = target.dealId ? { dealId: target.dealId } : target.leadId ? { leadId: target.leadId } : null;
  const durationText = duration ?? formatDuration(elapsed);
  const errorOf = (field: string) => problems?.fields.find((p) => p.field === field)?.message;

  const submit = async () => {
    if (busy) return;
    const seconds = parseDuration(durationText);
    if (seconds === undefined) {
      setProblems({
        summary: 'Please correct the marked fields.',
        fields: [{ field: 'durationSeconds', message: 'must be minutes, or minutes:seconds such as 4:30' }],
      });
      return;
    }
    const parsed = createActivitySchema.safeParse({
      type: 'call',
      dealId: target.dealId ?? null,
      contactId: target.contactId ?? null,
      leadId: target.leadId ?? null,
      accountId: target.accountId ?? null,
      direction,
      disposition,
      durationSeconds: seconds,
      ...(script ?? {}),
      body: notes.trim() || null,
      objections: objections.map(toRaisedObjection),
    });
    if (!parsed.success) {
      setProblems({ summary: 'Please correct the marked fields.', fields: zodProblems(parsed.error) });
      return;
    }
    setBusy(true);
    setProblems(null);
    try {
      const created = await api.post('/activities', { body: parsed.data });
      if (target.dealId) void queryClient.invalidateQueries({ queryKey: ['deal', target.dealId] });
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      onLogged?.(created);
      if (followUpDispositions.includes(disposition)) setFollowUp(disposition);
      else onClose();
    } catch (err) {
      setProblems(problemsOf(err));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  if (followUp) {
    const links = Object.fromEntries(
      (['dealId', 'contactId', 'leadId', 'accountId'] as const).flatMap((k) => {
        const id = target[k];
        return id ? [[k, id]] : [];
      }),
    );
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setHours(10, 0, 0, 0);
    return (
      <RecordFormDialog
        kind="task"
        links={links}
        initial={{
          subject:
            followUp === 'meeting_booked' ? `Prepare the meeting with ${target.name}` : `Call ${target.name} back`,
          dueAt: localInput(tomorrow),
        }}
        intro={
          followUp === 'meeting_booked'
            ? 'Call saved. A meeting was booked: plan the follow-up.'
            : 'Call saved. You promised to call back: when?'
        }
        onClose={onClose}
      />
    );
  }

  return (
    <Modal
      title={`Log a call · ${target.name}`}
      onClose={onClose}
      className="call-dialog"
      initialFocus="input[name=disposition]:checked"
      testId="call-dialog"
    >
      <div className="call-layout">
        <details className="call-script-panel" open>
          <summary>Pitch script</summary>
          <CallScript dealId={target.dealId ?? null} onShown={setScript} />
        </details>
        <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
          <fieldset className="chips">
            <legend>Direction</legend>
            {(['outbound', 'inbound'] as const).map((d) => (
              <label key={d} className="chip">
                <input
                  type="radio"
                  name="direction"
                  value={d}
                  checked={direction === d}
                  onChange={() => setDirection(d)}
                />
                {d === 'outbound' ? 'Outbound' : 'Inbound'}
              </label>
            ))}
          </fieldset>
          <fieldset className="chips">
            <legend>Disposition</legend>
            {callDispositions.map((d) => (
              <label key={d} className="chip">
                <input
                  type="radio"
                  name="disposition"
                  value={d}
                  checked={disposition === d}
                  onChange={() => setDisposition(d)}
                />
                {dispositionLabels[d]}
              </label>
            ))}
          </fieldset>
          <label>
            Duration (min:sec)
            <input
              name="duration"
              inputMode="numeric"
              value={durationText}
              onChange={(e) => setDuration(e.target.value)}
              aria-describedby="duration-hint"
              aria-invalid={errorOf('durationSeconds') ? true : undefined}
            />
            <span id="duration-hint" className="small muted">
              {duration === null
                ? 'Counting since you opened this dialog; type to set it yourself.'
                : 'As typed: minutes, or minutes:seconds.'}
            </span>
            {errorOf('durationSeconds') && <span className="field-error">{errorOf('durationSeconds')}</span>}
          </label>
          <label>
            Notes
            <textarea name="notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </label>
          {objections.map((o, i) => (
            <ObjectionFields
              key={o.key}
              draft={o}
              index={i}
              errorOf={errorOf}
              onChange={(d) => setObjections((all) => all.map((x) => (x.key === d.key ? d : x)))}
              onRemove={() => setObjections((all) => all.filter((x) => x.key !== o.key))}
            />
          ))}
          <button type="button" onClick={() => setObjections((all) => [...all, newObjectionDraft()])}>
            + Objection raised
          </button>
          {disposition === 'meeting_booked' && bookingLink && <BookMeetingCard link={bookingLink} />}
          {problems && (
            <div className="error" role="alert" data-testid="call-errors">
              <p>{problems.summary}</p>
              {problems.fields.length > 0 && (
                <ul className="small">
                  {problems.fields.map((p) => (
                    <li key={p.field}>
                      {fieldLabel(p.field)} {p.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div className="actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy} title="Ctrl+Enter">
              {busy ? 'Saving…' : 'Save call'}
            </button>
          </div>
        </form>
      </div>
    </Modal>
  );
}
