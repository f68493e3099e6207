/**
 * The county's records of a matter the hall transferred to it directly (R1.8): its receipt, then
 * the answer it gave the petitioner (the date not later than today). Only that county's staff see
 * these buttons (the server lists them).
 */
import type { StageActions } from './descriptor';
import { DateField, NoteField, TextField, useFieldKit } from './fields';
import { day, str, todayValue } from './model';

export const COUNTY = {
  countyReceive: {
    group: 'main',
    order: 22,
    fields: NoteField,
    toBody: (v, m) => ({ note: str(v.note), version: m.version }),
  },
  countyAnswer: {
    group: 'main',
    order: 24,
    fields: function CountyAnswerFields() {
      const { t } = useFieldKit();
      return (
        <>
          <TextField name="answer" label={t('a.countyAnswer.answer')} required rows={4} max={4000} />
          <DateField name="answeredOn" label={t('a.countyAnswer.answeredOn')} />
        </>
      );
    },
    initial: () => ({ answeredOn: todayValue() }),
    toBody: (v, m) => ({ answer: str(v.answer), answeredOn: day(v.answeredOn) ?? '', version: m.version }),
  },
} satisfies StageActions;
