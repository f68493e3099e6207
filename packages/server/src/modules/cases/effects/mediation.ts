/** Effects of mediation (R1.13–R1.15). */
import { daysBetween } from '@hall/domain';
import { deadlineOf } from '../deadlines.ts';
import { activeDeadlineOf } from '../case.bundle.ts';
import { type EffectTable, at, by, caseDocument, note, proposeAssignment, unitOrThrow } from './env.ts';

type Actions = 'startMediation' | 'recordMeeting' | 'notifyAcceptance';

/** The meeting levels whose decision is printed as minutes (R1.15). */
const LEVEL_DOC: Record<string, boolean> = { directorMeeting: true };

export const mediationEffects: Pick<EffectTable, Actions> = {
  async startMediation(env, i) {
    await note(env, 'mediationStarted', i.note || null);
    return { note: i.note || null };
  },
  async recordMeeting(env, i) {
    // The meeting's dates (not later than today; the promised date not before the meeting) are the
    // workflow row's input checks (workflow.ts meetingDates).
    const { r, m } = env;
    const unit = i.unitId ? await unitOrThrow(env, i.unitId) : null;
    const meeting = await r.cases.insertMeeting({
      matter_id: m.id,
      level: i.level,
      held_on: i.heldOn,
      chair: i.chair,
      participants: i.participants,
      outcome: i.outcome,
      summary: i.summary,
      unit_id: unit?.id ?? null,
      promised_date: i.promisedDate ?? null,
      document_id: null,
      at: at(env),
      by_id: by(env),
    });
    let minutesNo: string | null = null;
    if (LEVEL_DOC[i.level]) {
      // R1.15: the director's meeting's decision is printed as minutes.
      const doc = await caseDocument(env, 'minutes', {
        petitionNo: m.petition_no,
        heldOn: i.heldOn,
        chair: i.chair,
        participants: i.participants,
        summary: i.summary,
        outcome: i.outcome,
        unitName: unit?.name ?? null,
        promisedDate: i.promisedDate ?? null,
      });
      await r.cases.updateMeeting(meeting.id, { document_id: doc.id });
      minutesNo = doc.number;
    }
    const data: Record<string, unknown> = { level: i.level, outcome: i.outcome, minutesNo };
    if (env.to === 'assignmentProposed') {
      // R1.14, R1.17: the agreement is filed and assigned in the hall's name, with its deadline.
      const limitDays = i.promisedDate ? Math.max(1, daysBetween(env.today, i.promisedDate)) : null;
      const proposed = await proposeAssignment(env, {
        unitId: unit!.id,
        origin: i.level === 'group' || i.level === 'deputyDirector' ? 'mediation' : 'directorMeeting',
        limitDays,
        note: i.summary,
      });
      Object.assign(data, proposed.data);
    }
    return { note: i.summary, data };
  },
  async notifyAcceptance(env, i) {
    // R1.13: a matter not finished the same day: the petitioner is told the acceptance and the deadline.
    const dispose = activeDeadlineOf(env.b, 'dispose');
    const doc = await caseDocument(env, 'acceptanceNotice', {
      petitionNo: env.m.petition_no,
      queryCode: env.m.query_code,
      // Addressed to the petitioner: the full name, kept sealed in the frozen content (issue 8 §3).
      petitionerName: env.b.m.petitioner_name_enc,
      summary: env.m.summary,
      acceptedOn: env.m.decided_at,
      due: dispose?.due ?? null,
      dueComputation: dispose ? deadlineOf(dispose).computation : null,
      note: i.note || null,
    });
    return { note: i.note || null, data: { documentNo: doc.number, due: dispose?.due ?? null } };
  },
};
