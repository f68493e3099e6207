/**
 * Reception (R1.5–R1.12): the decision on a registered matter, a direct reply, the transfers and the
 * legal-aid record. The decision dialogs keep their own test ids (action-reason, action-reply …).
 */
import { AutoComplete, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { TransferChannel, type ActionInputs } from '@hall/contracts';
import { CHANNEL_KEYS } from '../../../lib/notice-channel';
import { hallWindows, windowLabel } from '../../../lib/reference';
import type { FieldsProps, StageActions } from './descriptor';
import { EnumRadio, NoteField, TextField, UnitSelect, mustBeTicked, tid, useFieldKit } from './fields';
import { countyUnits, num, str } from './model';

/** The reason of a refusal (不予受理 / 不再受理): required. */
function RefusalReason({ action }: { action: 'notAccept' | 'noLongerAccept' }) {
  const { t, req } = useFieldKit();
  const label = t(`a.${action}.reason`);
  return (
    <Form.Item name="reason" label={label} rules={req(label)}>
      <Input.TextArea
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={1000}
        showCount
        data-testid="action-reason"
        autoFocus
      />
    </Form.Item>
  );
}

function ChannelField() {
  const { t, req } = useFieldKit();
  const label = t('a.notAccept.channel');
  return (
    <Form.Item name="channel" label={label} rules={req(label)} extra={t('a.notAccept.channelPlaceholder')}>
      <AutoComplete
        options={CHANNEL_KEYS.map((k) => ({ value: t(`a.notAccept.channels.${k}`) }))}
        showSearch={{
          // Suggest while the text is a start of a channel; once the body is typed the list closes.
          filterOption: (input, option) => {
            const v = String(option?.value ?? '');
            return v !== input && v.toLowerCase().startsWith(input.trim().toLowerCase());
          },
        }}
      >
        <Input maxLength={200} data-testid="action-channel" />
      </AutoComplete>
    </Form.Item>
  );
}

function DirectReplyFields({ matter }: FieldsProps) {
  const { t, ct, req } = useFieldKit();
  const form = Form.useFormInstance();
  const agrees = Form.useWatch('agrees', form);
  const ceases = Form.useWatch('ceases', form);
  const closes = !!agrees && !!ceases;
  return (
    <>
      <Form.Item name="reply" label={t('a.directReply.reply')} rules={req(t('a.directReply.reply'))}>
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 10 }}
          maxLength={4000}
          showCount
          data-testid="action-reply"
          autoFocus
        />
      </Form.Item>
      <Form.Item name="agrees" valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox data-testid="action-agrees">{t('a.directReply.agrees')}</Checkbox>
      </Form.Item>
      <Form.Item name="ceases" valuePropName="checked">
        <Checkbox data-testid="action-ceases">{t('a.directReply.ceases')}</Checkbox>
      </Form.Item>
      {closes ? (
        <Form.Item
          name="signedName"
          label={t('a.directReply.signedName')}
          extra={t('a.directReply.signedNameHint')}
          rules={req(t('a.directReply.signedName'))}
        >
          <Input maxLength={50} placeholder={matter.petitioner.name} data-testid="action-signedName" />
        </Form.Item>
      ) : null}
      <Typography.Text type={closes ? 'success' : 'secondary'} data-testid="action-outcome">
        {closes ? t('a.directReply.willClose') : t('a.directReply.staysOpen')}
        {' → '}
        {ct('state', closes ? 'closed' : 'accepted')}
      </Typography.Text>
    </>
  );
}

export const RECEPTION = {
  accept: {
    group: 'main',
    order: 10,
    done: 'detail.decided',
    fields: function AcceptFields({ matter }: FieldsProps) {
      const { t, req } = useFieldKit();
      // R1.9: the same matter was closed for good before: it is accepted only as a new matter, with the reason why.
      const again = matter.facts.sameMatterClosedForGood;
      const label = t('a.accept.newMatterReason');
      return (
        <>
          {again ? (
            <Form.Item name="newMatterReason" label={label} extra={t('a.accept.newMatterHint')} rules={req(label)}>
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 8 }}
                maxLength={1000}
                showCount
                data-testid={tid('newMatterReason')}
                autoFocus
              />
            </Form.Item>
          ) : null}
          <Form.Item name="reason" label={t('a.accept.reason')}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={1000}
              data-testid="action-reason"
              autoFocus={!again}
            />
          </Form.Item>
        </>
      );
    },
    toBody: (v, m) => ({ reason: str(v.reason), newMatterReason: str(v.newMatterReason), version: m.version }),
    // R1.9, R1.5a: the earlier matters of the same person on the same subject that were closed for good.
    context: (m, { t, ct }) =>
      m.facts.sameMatterClosedForGood
        ? [
            {
              key: 'closedForGood',
              label: t('a.accept.closedForGood'),
              children: (
                <span data-testid="accept-closed-for-good">
                  {t('a.accept.closedForGoodWarning', {
                    matters: m.closedForGoodMatters.map((x) => `${x.petitionNo}（${ct('state', x.state)}）`).join('、'),
                  })}
                </span>
              ),
            },
          ]
        : [],
  },
  notAccept: {
    group: 'refuse',
    order: 10,
    done: 'detail.decided',
    fields: () => (
      <>
        <RefusalReason action="notAccept" />
        <ChannelField />
      </>
    ),
    toBody: (v, m) => ({ reason: str(v.reason), channel: str(v.channel), version: m.version }),
  },
  noLongerAccept: {
    group: 'refuse',
    order: 20,
    done: 'detail.decided',
    fields: () => <RefusalReason action="noLongerAccept" />,
    toBody: (v, m) => ({ reason: str(v.reason), version: m.version }),
  },
  directReply: {
    group: 'main',
    order: 20,
    done: 'detail.decided',
    fields: DirectReplyFields,
    initial: () => ({ agrees: false, ceases: false }),
    toBody: (v, m) => {
      const closes = !!v.agrees && !!v.ceases;
      return {
        reply: str(v.reply),
        agrees: !!v.agrees,
        ceases: !!v.ceases,
        signedName: closes ? str(v.signedName) : null,
        version: m.version,
      };
    },
  },
  transferToCounty: {
    group: 'side',
    order: 50,
    fields: function TransferToCountyFields({ matter, refs }: FieldsProps) {
      const { t } = useFieldKit();
      return (
        <>
          <UnitSelect
            label={t('a.transferToCounty.unitId')}
            units={countyUnits(refs, matter)}
            extra={t('a.transferToCounty.unitHint', { locality: matter.localityName ?? matter.localityCode ?? '—' })}
          />
          <NoteField />
        </>
      );
    },
    initial: (m, _me, refs) => {
      const units = countyUnits(refs, m);
      const government = units.find((u) => u.kind === 'county');
      return { unitId: units.length === 1 ? units[0].id : government?.id };
    },
    toBody: (v, m) => ({ unitId: num(v.unitId) ?? 0, note: str(v.note), version: m.version }),
  },
  transferToChannel: {
    group: 'side',
    order: 60,
    fields: function TransferToChannelFields({ refs }: FieldsProps) {
      const { t } = useFieldKit();
      return (
        <>
          <EnumRadio
            name="channel"
            label={t('a.transferToChannel.channel')}
            group="transferKind"
            values={TransferChannel.options}
          />
          <Form.Item name="windowId" label={t('a.transferToChannel.windowId')}>
            <Select
              allowClear
              data-testid={tid('windowId')}
              options={hallWindows(refs).map((w) => ({ value: w.id, label: windowLabel(w) }))}
            />
          </Form.Item>
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={mustBeTicked(t('a.transferToChannel.consentRequired'))}
          >
            <Checkbox data-testid={tid('consent')}>{t('a.transferToChannel.consent')}</Checkbox>
          </Form.Item>
          <NoteField />
        </>
      );
    },
    initial: () => ({ consent: false }),
    toBody: (v, m) => ({
      channel: (v.channel as ActionInputs['transferToChannel']['channel']) ?? null,
      windowId: num(v.windowId),
      consent: v.consent === true,
      note: str(v.note),
      version: m.version,
    }),
  },
  recordLegalAid: {
    group: 'side',
    order: 70,
    fields: function RecordLegalAidFields() {
      const { t, choose } = useFieldKit();
      return (
        <>
          <Form.Item
            name="qualifies"
            label={t('a.recordLegalAid.qualifies')}
            rules={choose(t('a.recordLegalAid.qualifies'))}
          >
            <Radio.Group
              data-testid={tid('qualifies')}
              options={[
                { value: true, label: t('a.recordLegalAid.yes') },
                { value: false, label: t('a.recordLegalAid.no') },
              ]}
            />
          </Form.Item>
          <TextField name="note" label={t('a.recordLegalAid.note')} required rows={3} />
        </>
      );
    },
    toBody: (v, m) => ({ qualifies: v.qualifies === true, note: str(v.note), version: m.version }),
  },
} satisfies StageActions;
