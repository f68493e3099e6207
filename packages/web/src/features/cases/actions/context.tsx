/** What several actions' dialogs show above the form: the unit and its deadline, the assignment, the opinion. */
import { addDays } from '@hall/domain';
import type { MatterDetail } from '@hall/contracts';
import { formatDateTime } from '../../../lib/format';
import type { ContextItem, ContextKit } from './descriptor';
import { handleDeadline } from './model';

/** The unit in charge and the running handling deadline. */
export function unitAndDue(m: MatterDetail, { t, due }: ContextKit): ContextItem[] {
  return [
    ...(m.case.assignedUnit ? [{ key: 'unit', label: t('bar.unit'), children: m.case.assignedUnit.name }] : []),
    { key: 'due', label: t('dialog.currentDue'), children: due(handleDeadline(m)) },
  ];
}

/** The assignment waiting for approval. */
export function proposedAssignment(m: MatterDetail, { t, ct }: ContextKit): ContextItem[] {
  const a = m.case.assignments.at(-1);
  if (!a) return [];
  return [
    { key: 'unit', label: t('assignment.unit'), children: a.unitName },
    { key: 'origin', label: t('assignment.origin'), children: ct('assignmentOrigin', a.origin) },
    {
      key: 'limit',
      label: t('assignment.limit'),
      children: a.limitDays ? t('assignment.limitDays', { n: a.limitDays }) : t('assignment.limitDefault'),
    },
    {
      key: 'by',
      label: t('assignment.proposed'),
      children: `${formatDateTime(a.proposedAt)} · ${a.proposedByName ?? ''}`,
    },
    ...(a.proposalNote ? [{ key: 'note', label: t('assignment.note'), children: a.proposalNote }] : []),
  ];
}

/** The assigned unit, its handling deadline and, while it runs, the objection deadline (R1.18). */
export function assignedUnit(m: MatterDetail, { t, ct, due }: ContextKit): ContextItem[] {
  const a = m.case.assignments.at(-1);
  const objection = m.case.deadlines.filter((d) => d.kind === 'objection').at(-1);
  return [
    ...(a ? [{ key: 'unit', label: t('assignment.unit'), children: a.unitName }] : []),
    { key: 'due', label: ct('deadlineKind', 'handle'), children: due(handleDeadline(m)) },
    ...(objection ? [{ key: 'obj', label: t('a.object.objectionDue'), children: due(objection) }] : []),
  ];
}

/** The running deadline and the extension request waiting for a decision (R1.19). */
export function pendingExtension(m: MatterDetail, { t, due }: ContextKit): ContextItem[] {
  const handle = handleDeadline(m);
  const p = m.case.extensions.find((e) => e.status === 'pending');
  return [
    { key: 'due', label: t('dialog.currentDue'), children: due(handle) },
    ...(p
      ? [
          {
            key: 'req',
            label: t('a.approveExtension.request'),
            children: (
              <span data-testid="pending-extension">
                {t('deadline.extension', { days: p.days, reason: p.reason })}
                {p.requestedByName ? `（${p.requestedByName}）` : ''}
                {handle ? ` → ≈ ${addDays(handle.due, p.days)}` : ''}
              </span>
            ),
          },
        ]
      : []),
  ];
}

/** The latest handling opinion: its outcome and the petitioner's view; with `full`, its text and signature. */
export function latestOpinion(m: MatterDetail, { t, ct }: ContextKit, full = false): ContextItem[] {
  const o = m.case.opinions.at(-1);
  if (!o) return [];
  return [
    { key: 'outcome', label: t('opinion.outcome'), children: ct('opinionOutcome', o.outcome) },
    {
      key: 'view',
      label: t('opinion.view'),
      children: o.petitionerView ? ct('opinionView', o.petitionerView) : t('opinion.notDelivered'),
    },
    ...(full
      ? [
          { key: 'facts', label: t('opinion.facts'), children: o.facts },
          { key: 'reasons', label: t('opinion.reasons'), children: o.reasons },
          { key: 'basis', label: t('opinion.basis'), children: o.basis },
          {
            key: 'head',
            label: t('opinion.head'),
            children: o.headName
              ? `${o.headName}${o.sealed ? `（${t('opinion.sealed')}）` : ''}`
              : t('opinion.notSigned'),
          },
        ]
      : []),
  ];
}
