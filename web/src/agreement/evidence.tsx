import { Field, type Errors } from './fields.js';

/** The evidence a change cites: what shows it (required) and where it can be read. */
export interface EvidenceValues {
  readonly evidence: string;
  readonly evidenceUrl: string;
}

export function EvidenceFields(p: {
  readonly prefix: string;
  readonly values: EvidenceValues;
  readonly errors: Errors;
  readonly set: (name: keyof EvidenceValues, value: string) => void;
}) {
  return (
    <>
      <Field
        id={`${p.prefix}-evidence`}
        name="evidence"
        label="Evidence"
        required
        hint="What shows it: a report, a bulletin, a statement or the monitors’ observation."
        value={p.values.evidence}
        error={p.errors.evidence}
        onInput={(v) => p.set('evidence', v)}
      />
      <Field
        id={`${p.prefix}-evidence-url`}
        name="evidenceUrl"
        label="Where it can be read (web address, optional)"
        type="url"
        value={p.values.evidenceUrl}
        error={p.errors.evidenceUrl}
        onInput={(v) => p.set('evidenceUrl', v)}
      />
    </>
  );
}

export const EVIDENCE_MISSING = 'Please say what shows it: a report, a bulletin or an observation.';

/** Errors in words for the evidence fields (none when they are right). */
export function evidenceErrors(v: EvidenceValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.evidence.trim()) errors.evidence = EVIDENCE_MISSING;
  if (v.evidenceUrl.trim() && !/^https?:\/\/\S+$/.test(v.evidenceUrl.trim()))
    errors.evidenceUrl = 'The address must start with http:// or https://.';
  return errors;
}

/** The evidence as the API takes it. */
export function evidenceOf(v: EvidenceValues): { kind: string; title: string; url: string | null }[] {
  const url = v.evidenceUrl.trim();
  return [{ kind: url ? 'source' : 'note', title: v.evidence.trim(), url: url || null }];
}
