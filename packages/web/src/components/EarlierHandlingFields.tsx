import { AutoComplete, Button, DatePicker, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListErrors } from './ListErrors';
import type { Unit } from '@hall/contracts';

/** A dynamic list of earlier handling: unit, date, decision (R1.5; registration record). */
export function EarlierHandlingFields({
  name = 'earlierHandling',
  units,
  disabled,
}: {
  name?: string;
  units: readonly Unit[];
  disabled?: boolean;
}) {
  const { t } = useTranslation('common');
  const options = units.filter((u) => u.active).map((u) => ({ value: u.name }));
  return (
    <Form.List name={name}>
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="earlier-handling">
          {fields.length === 0 ? (
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
              {t('earlier.none')}
            </Typography.Text>
          ) : null}
          {fields.map((field) => (
            <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }}>
              <Form.Item
                name={[field.name, 'unitName']}
                label={field.name === 0 ? t('earlier.unit') : undefined}
                style={{ flex: '1 1 200px', marginBottom: 8 }}
              >
                <AutoComplete
                  options={options}
                  disabled={disabled}
                  showSearch={{
                    filterOption: (input, option) => String(option?.value ?? '').includes(input),
                  }}
                >
                  <Input
                    placeholder={t('earlier.unitPlaceholder')}
                    maxLength={100}
                    data-testid={`earlier-unit-${field.name}`}
                  />
                </AutoComplete>
              </Form.Item>
              <Form.Item
                name={[field.name, 'date']}
                label={field.name === 0 ? t('earlier.date') : undefined}
                style={{ flex: '0 0 150px', marginBottom: 8 }}
              >
                <DatePicker style={{ width: '100%' }} disabled={disabled} data-testid={`earlier-date-${field.name}`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'decision']}
                label={field.name === 0 ? t('earlier.decision') : undefined}
                rules={[{ required: true, whitespace: true }]}
                style={{ flex: '2 1 260px', marginBottom: 8 }}
              >
                <Input disabled={disabled} maxLength={500} data-testid={`earlier-decision-${field.name}`} />
              </Form.Item>
              {disabled ? null : (
                <Button
                  type="text"
                  danger
                  onClick={() => remove(field.name)}
                  style={{ marginTop: field.name === 0 ? 30 : 0 }}
                  aria-label={t('btn.remove')}
                >
                  {t('btn.remove')}
                </Button>
              )}
            </div>
          ))}
          <ListErrors errors={errors} testId="earlier-handling-error" />
          {disabled ? null : (
            <Button type="dashed" onClick={() => add({ unitName: '', date: null, decision: '' })} block>
              + {t('earlier.add')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
