import { useState } from 'react';
import { App, Button, Card, Descriptions, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatterDetail } from '@hall/contracts';
import { errorMessage } from '../../../lib/api';
import { useCommonT } from '../../../lib/labels';
import { useReveal } from '../api';

type PiiField = 'idNumber' | 'phone' | 'address' | 'birthDate';

/** A masked value with a 查看 button: the full value is fetched (and audited) on demand, shown in place. */
function Revealable({
  petitionerId,
  field,
  masked,
  canReveal,
  mono,
  value,
  setValue,
}: {
  petitionerId: number;
  field: PiiField;
  masked: string | null;
  canReveal: boolean;
  mono?: boolean;
  /** Kept by the card: a layout change (responsive columns) must not hide a value again. */
  value: string | null | undefined;
  setValue: (v: string | null | undefined) => void;
}) {
  const { t } = useTranslation('reception');
  const { message } = App.useApp();
  const reveal = useReveal();
  const shown = value !== undefined ? value : masked;
  const style = mono ? { fontFamily: 'monospace' } : undefined;
  if (!masked && value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      <Typography.Text style={style} data-testid={`petitioner-${field}`} copyable={value ? { text: value } : false}>
        {shown ?? '—'}
      </Typography.Text>
      {canReveal ? (
        value === undefined ? (
          <Tooltip title={t('petitioner.revealHint')}>
            <Button
              size="small"
              type="link"
              loading={reveal.isPending}
              data-testid={`reveal-${field}`}
              onClick={() =>
                reveal.mutate(
                  { petitionerId, field },
                  { onSuccess: (r) => setValue(r.value), onError: (e) => void message.error(errorMessage(e)) },
                )
              }
            >
              {t('common:btn.reveal')}
            </Button>
          </Tooltip>
        ) : (
          <Button size="small" type="link" onClick={() => setValue(undefined)}>
            {t('common:btn.hide')}
          </Button>
        )
      ) : null}
    </span>
  );
}

export function PetitionerCard({ detail, canReveal }: { detail: MatterDetail; canReveal: boolean }) {
  const { t } = useTranslation('reception');
  const ct = useCommonT();
  const p = detail.petitioner;
  const [revealed, setRevealed] = useState<Partial<Record<PiiField, string | null>>>({});
  const pii = (field: PiiField) => ({
    value: field in revealed ? revealed[field] : undefined,
    setValue: (v: string | null | undefined) =>
      setRevealed((r) => {
        const next = { ...r };
        if (v === undefined) delete next[field];
        else next[field] = v;
        return next;
      }),
  });
  return (
    <Card size="small" title={t('petitioner.title')} data-testid="petitioner-card">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'name', label: t('petitioner.name'), children: <Typography.Text strong>{p.name}</Typography.Text> },
          { key: 'idType', label: t('petitioner.idType'), children: ct('idType', p.idType) },
          {
            key: 'idNumber',
            label: t('petitioner.idNumber'),
            children: (
              <Revealable
                petitionerId={p.id}
                field="idNumber"
                {...pii('idNumber')}
                masked={p.idNumberMasked}
                canReveal={canReveal}
                mono
              />
            ),
          },
          { key: 'sex', label: t('petitioner.sex'), children: p.sex ? ct('sex', p.sex) : '—' },
          {
            // The masked card shows the birth year and age, never the date: with the masked ID it
            // would leave only a handful of candidate numbers. The date itself through the audited reveal.
            key: 'birth',
            label: t('petitioner.birthDate'),
            children: (
              <Revealable
                petitionerId={p.id}
                field="birthDate"
                {...pii('birthDate')}
                masked={p.birthYear !== null ? t('petitioner.birthYearAge', { year: p.birthYear, age: p.age ?? '—' }) : null}
                canReveal={canReveal}
              />
            ),
          },
          { key: 'ethnicity', label: t('petitioner.ethnicity'), children: p.ethnicity || '—' },
          {
            key: 'phone',
            label: t('petitioner.phone'),
            children: (
              <Revealable
                petitionerId={p.id}
                field="phone"
                {...pii('phone')}
                masked={p.phoneMasked}
                canReveal={canReveal}
                mono
              />
            ),
          },
          { key: 'occupation', label: t('petitioner.occupation'), children: p.occupation || '—' },
          { key: 'workplace', label: t('petitioner.workplace'), children: p.workplace || '—' },
          {
            key: 'address',
            label: t('petitioner.address'),
            span: 'filled',
            children: (
              <Revealable
                petitionerId={p.id}
                field="address"
                {...pii('address')}
                masked={p.addressMasked}
                canReveal={canReveal}
              />
            ),
          },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '8px 0 4px' }}>
        {t('petitioner.representatives')}
      </Typography.Text>
      {detail.representatives.length === 0 ? (
        <Typography.Text type="secondary">{t('petitioner.noRepresentatives')}</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={detail.representatives}
          data-testid="representatives"
          columns={[
            { title: '#', width: 40, render: (_v, _r, i) => i + 1 },
            { title: t('petitioner.repName'), dataIndex: 'name' },
            {
              title: t('petitioner.repIdNumber'),
              dataIndex: 'idNumberMasked',
              render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span>,
            },
            { title: t('petitioner.repPhone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
