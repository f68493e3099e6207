/**
 * 节假日: the working-day calendar (R1.19). Every year from 2004 to two years ahead with its
 * status — 官方 (the built-in official data), 管理员录入 (a notice entered here), 暂定 (no notice:
 * the statutory holidays computed, no make-up working days) — what a year assumes, and an editor
 * for a year's State Council notice: two lists of dates (one date or range per line) and the source.
 * Saving or deleting recomputes the running deadlines on the server; the result says how many.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type {
  CalendarDay,
  CalendarSaveResult,
  CalendarYear,
  CalendarYearDetail,
  CalendarYearInput,
  CalendarYearOrigin,
} from '@hall/contracts';
import { api, get, put } from '../../lib/api';
import { FormModal, LoadError, SectionHeader, showSaveError, useMessage } from './common';

// ---- queries ------------------------------------------------------------------------------------

export const calendarKeys = {
  years: ['admin', 'calendar', 'years'] as const,
  year: (y: number) => ['admin', 'calendar', 'year', y] as const,
  day: (d: string, lang: string) => ['admin', 'calendar', 'day', d, lang] as const,
};

const useCalendarYears = () =>
  useQuery({ queryKey: calendarKeys.years, queryFn: () => get<CalendarYear[]>('/calendar/years') });
const useCalendarYear = (year: number | null) =>
  useQuery({
    queryKey: calendarKeys.year(year ?? 0),
    queryFn: () => get<CalendarYearDetail>(`/calendar/years/${year}`),
    enabled: year !== null,
  });
/** The answer's `why` is in the UI language: the language is part of the key. */
const useCalendarDay = (date: string | null, lang: string) =>
  useQuery({
    queryKey: calendarKeys.day(date ?? '', lang),
    queryFn: () => get<CalendarDay>(`/calendar/day/${date}`),
    enabled: date !== null,
  });

/** After a change: the years, the year, any day looked up, the alerts and the audit log. */
function useInvalidateCalendar() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['admin', 'calendar'] });
    void qc.invalidateQueries({ queryKey: ['alerts'] });
    void qc.invalidateQueries({ queryKey: ['admin', 'audit'] });
  };
}

function useSaveYear() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ year, input }: { year: number; input: CalendarYearInput }) =>
      put<CalendarSaveResult>(`/calendar/years/${year}`, input),
    onSuccess: invalidate,
  });
}

function useDeleteYear() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (year: number) => api<CalendarSaveResult>('DELETE', `/calendar/years/${year}`),
    onSuccess: invalidate,
  });
}

// ---- date lists as text ---------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of a year, month, day, or null if that day does not exist. */
function isoOf(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
    ? `${y}-${pad(m)}-${pad(d)}`
    : null;
}

/** A full date: 2027-02-05, 2027/2/5, 2027.2.5 or 2027年2月5日. */
function parseFull(s: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? isoOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The end of a range: a full date, or month-day / day in the start's year (and month). */
function parseEnd(s: string, start: string): string | null {
  const full = parseFull(s);
  if (full) return full;
  const y = Number(start.slice(0, 4));
  const md = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (md) return isoOf(y, Number(md[1]), Number(md[2]));
  const d = /^(\d{1,2})日?$/.exec(s);
  return d ? isoOf(y, Number(start.slice(5, 7)), Number(d[1])) : null;
}

const addDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The dates of a text: one date or range per line (also separated by commas or 、), ranges written
 * with ~, 至, 到 or a dash between spaces. Returns the sorted dates and the tokens not understood.
 */
export function parseDateList(text: string): { dates: string[]; bad: string[] } {
  const dates = new Set<string>();
  const bad: string[] = [];
  const normalised = (text ?? '').replace(/\s*(?:~|～|至|到|\.\.|\s[-–—]\s)\s*/g, '~');
  for (const token of normalised.split(/[\s,，、;；]+/).filter(Boolean)) {
    const [a, b, ...rest] = token.split('~');
    const start = parseFull(a);
    if (!start || rest.length) {
      bad.push(token);
      continue;
    }
    if (b === undefined) {
      dates.add(start);
      continue;
    }
    const end = parseEnd(b, start);
    if (!end || end < start || Date.parse(end) - Date.parse(start) > 366 * 86_400_000) {
      bad.push(token);
      continue;
    }
    for (let d = start; d <= end; d = addDay(d)) dates.add(d);
  }
  return { dates: [...dates].sort(), bad };
}

/** Dates as text: runs of consecutive days become one range per line. */
export function formatDateList(dates: readonly string[]): string {
  const sorted = [...new Set(dates)].sort();
  const lines: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && addDay(sorted[j]) === sorted[j + 1]) j++;
    lines.push(i === j ? sorted[i] : `${sorted[i]}~${sorted[j]}`);
    i = j + 1;
  }
  return lines.join('\n');
}

// ---- the section ----------------------------------------------------------------------------------

const ORIGIN_COLORS: Record<CalendarYearOrigin, string> = { package: 'green', admin: 'blue', statutory: 'orange' };

export function OriginTag({ origin }: { origin: CalendarYearOrigin }) {
  const { t } = useTranslation('admin');
  return (
    <Tag color={ORIGIN_COLORS[origin]} data-testid={`calendar-origin-${origin}`}>
      {t(`calendar.origins.${origin}`)}
    </Tag>
  );
}

export function CalendarSection() {
  const { t } = useTranslation('admin');
  const message = useMessage();
  const years = useCalendarYears();
  const remove = useDeleteYear();
  const [viewing, setViewing] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [otherYear, setOtherYear] = useState<number | null>(null);
  const [params, setParams] = useSearchParams();

  // The alerts tab links here with ?edit=2027.
  useEffect(() => {
    const y = Number(params.get('edit'));
    if (Number.isInteger(y) && y > 0) {
      setEditing(y);
      setParams(new URLSearchParams(), { replace: true });
    }
  }, [params, setParams]);

  const del = async (year: number) => {
    try {
      const res = await remove.mutateAsync(year);
      void message.success(
        [
          t('calendar.deleted', { year }),
          res.recomputed.length ? t('calendar.recomputed', { count: res.recomputed.length }) : '',
        ]
          .filter(Boolean)
          .join('；'),
      );
    } catch (err) {
      showSaveError(err, message, t);
    }
  };

  return (
    <>
      <SectionHeader
        title={t('calendar.title')}
        extra={
          <>
            <DayLookup />
            <Space.Compact>
              <InputNumber<number>
                min={2004}
                max={2099}
                precision={0}
                placeholder={t('calendar.otherYear')}
                value={otherYear}
                onChange={(v) => setOtherYear(v)}
                style={{ width: 120 }}
                data-testid="calendar-other-year"
              />
              <Button disabled={!otherYear} onClick={() => otherYear && setEditing(otherYear)}>
                {t('calendar.enter')}
              </Button>
            </Space.Compact>
          </>
        }
      />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 960 }}>
        {t('calendar.intro')}
      </Typography.Paragraph>
      <LoadError error={years.error} />
      <Table<CalendarYear>
        data-testid="admin-calendar"
        rowKey="year"
        size="middle"
        loading={years.isLoading}
        dataSource={years.data ?? []}
        pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 30] }}
        rowClassName={(y) => (y.status === 'provisional' ? 'calendar-provisional' : '')}
        columns={[
          { title: t('calendar.year'), dataIndex: 'year', width: 90 },
          {
            title: t('calendar.status'),
            dataIndex: 'origin',
            width: 200,
            render: (o: CalendarYearOrigin) => <OriginTag origin={o} />,
          },
          {
            title: t('calendar.source'),
            dataIndex: 'source',
            ellipsis: true,
            render: (s: string) => <span title={s}>{s}</span>,
          },
          {
            title: t('calendar.days'),
            key: 'days',
            width: 150,
            render: (_, y) => t('calendar.dayCounts', { holidays: y.holidayCount, workdays: y.workdayCount }),
          },
          {
            title: t('calendar.provisionalDeadlines'),
            dataIndex: 'provisionalDeadlines',
            width: 120,
            render: (n: number) =>
              n ? <Tag color="red">{n}</Tag> : <Typography.Text type="secondary">0</Typography.Text>,
          },
          {
            title: t('calendar.updated'),
            key: 'updated',
            width: 170,
            render: (_, y) =>
              y.updatedAt ? (
                <span title={y.updatedByName ?? ''}>
                  {dayjs(y.updatedAt).format('YYYY-MM-DD HH:mm')}
                  {y.updatedByName ? ` · ${y.updatedByName}` : ''}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            render: (_, y) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setViewing(y.year)}
                  data-testid={`calendar-view-${y.year}`}
                >
                  {t('calendar.view')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEditing(y.year)}
                  data-testid={`calendar-edit-${y.year}`}
                >
                  {y.origin === 'statutory' ? t('calendar.enter') : t('calendar.edit')}
                </Button>
                {y.origin === 'admin' && (
                  <Popconfirm
                    title={t('calendar.deleteConfirm', { year: y.year })}
                    okText={t('calendar.delete')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => del(y.year)}
                  >
                    <Button type="link" size="small" danger data-testid={`calendar-delete-${y.year}`}>
                      {t('calendar.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {viewing !== null && (
        <YearDetailModal
          year={viewing}
          onClose={() => setViewing(null)}
          onEdit={() => {
            setEditing(viewing);
            setViewing(null);
          }}
        />
      )}
      {editing !== null && <YearEditor year={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

/** Any day: working or not, and why (any signed-in user may ask the server; shown here for the administrator). */
function DayLookup() {
  const { t, i18n } = useTranslation('admin');
  const [date, setDate] = useState<string | null>(null);
  const day = useCalendarDay(date, i18n.language);
  return (
    <Flex gap={8} align="center" wrap data-testid="calendar-lookup">
      <DatePicker
        placeholder={t('calendar.lookup')}
        value={date ? dayjs(date) : null}
        onChange={(d: Dayjs | null) => setDate(d ? d.format('YYYY-MM-DD') : null)}
        style={{ width: 150 }}
      />
      {day.data && (
        <span data-testid="calendar-lookup-result">
          <Tag color={day.data.work ? 'green' : 'default'}>
            {day.data.work ? t('calendar.work') : t('calendar.off')}
          </Tag>
          <Typography.Text type={day.data.provisional ? 'warning' : undefined}>{day.data.why}</Typography.Text>
        </span>
      )}
      {day.error ? <Typography.Text type="danger">{(day.error as Error).message}</Typography.Text> : null}
    </Flex>
  );
}

function DaysTable({ days }: { days: CalendarYearDetail['days'] }) {
  const { t, i18n } = useTranslation('admin');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Table
      size="small"
      rowKey="date"
      pagination={false}
      scroll={{ y: 360 }}
      dataSource={days}
      data-testid="calendar-days"
      columns={[
        { title: t('calendar.date'), dataIndex: 'date', width: 120 },
        {
          title: t('calendar.weekday'),
          dataIndex: 'weekday',
          width: 80,
          render: (w: number) => t(`calendar.weekdays.${w}`),
        },
        {
          title: t('calendar.kind'),
          dataIndex: 'kind',
          width: 180,
          render: (k: 'holiday' | 'makeUpWorkday') => (
            <Tag color={k === 'holiday' ? 'volcano' : 'geekblue'}>{t(`calendar.kinds.${k}`)}</Tag>
          ),
        },
        {
          title: t('calendar.name'),
          dataIndex: 'name',
          render: (n: CalendarYearDetail['days'][number]['name']) => n?.[lang] ?? '—',
        },
      ]}
    />
  );
}

function YearDetailModal(props: { year: number; onClose: () => void; onEdit: () => void }) {
  const { t } = useTranslation('admin');
  const detail = useCalendarYear(props.year);
  const d = detail.data;
  return (
    <Modal
      open
      width={720}
      title={t('calendar.detailTitle', { year: props.year })}
      onCancel={props.onClose}
      footer={
        <Flex justify="space-between">
          <Button onClick={props.onEdit} type="primary" data-testid="calendar-detail-edit">
            {d?.origin === 'statutory' ? t('calendar.enter') : t('calendar.edit')}
          </Button>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        </Flex>
      }
      destroyOnHidden
    >
      <LoadError error={detail.error} />
      {d && (
        <div data-testid="calendar-detail">
          <Space style={{ marginBottom: 8 }} wrap>
            <OriginTag origin={d.origin} />
            <Typography.Text type="secondary">{d.source}</Typography.Text>
          </Space>
          {d.status === 'provisional' && (
            <Alert
              type="warning"
              showIcon
              title={t('calendar.provisionalNote', { year: d.year })}
              style={{ marginBottom: 12 }}
            />
          )}
          <DaysTable days={d.days} />
        </div>
      )}
    </Modal>
  );
}

interface EditorValues {
  holidays: string;
  workdays: string;
  source: string;
}

/** Shows how many days a list field holds as typed. */
function ParsedCount({ name }: { name: keyof EditorValues }) {
  const { t } = useTranslation('admin');
  const form = Form.useFormInstance<EditorValues>();
  const text = Form.useWatch(name, form) ?? '';
  const { dates } = parseDateList(text);
  return <Typography.Text type="secondary">{t('calendar.parsed', { count: dates.length })}</Typography.Text>;
}

/** The editor of a year's notice; it starts from the year's current notice (none for a provisional year). */
function YearEditor({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const message = useMessage();
  const detail = useCalendarYear(year);
  const save = useSaveYear();
  const d = detail.data;
  const assumed = useMemo(
    () =>
      d?.status === 'provisional'
        ? formatDateList(d.days.filter((x) => x.kind === 'holiday').map((x) => x.date))
            .split('\n')
            .join('，')
        : '',
    [d],
  );

  if (detail.isLoading) return null;
  // A year the server cannot describe (e.g. outside the statutory rules) is still enterable from empty.
  const initial: EditorValues = {
    holidays: d && d.status === 'official' ? formatDateList(d.holidays) : '',
    workdays: d && d.status === 'official' ? formatDateList(d.workdays) : '',
    source: d?.origin === 'admin' ? d.source : '',
  };
  const listRule = (required: boolean) => ({
    validator: async (_: unknown, value: string | undefined) => {
      const { dates, bad } = parseDateList(value ?? '');
      if (bad.length) throw new Error(t('calendar.badTokens', { tokens: bad.join('、') }));
      if (required && dates.length === 0) throw new Error(t('calendar.holidaysRequired'));
    },
  });

  return (
    <FormModal<EditorValues>
      title={d?.origin === 'statutory' || !d ? t('calendar.editorTitle', { year }) : t('calendar.editTitle', { year })}
      testId="calendar-year-form"
      width={640}
      initialValues={initial}
      successMessage={false}
      onClose={onClose}
      onSave={async (v) => {
        const res = await save.mutateAsync({
          year,
          input: {
            holidays: parseDateList(v.holidays).dates,
            workdays: parseDateList(v.workdays).dates,
            source: v.source.trim(),
          },
        });
        void message.success(
          [
            t('calendar.saved', { year }),
            res.recomputed.length ? t('calendar.recomputed', { count: res.recomputed.length }) : '',
          ]
            .filter(Boolean)
            .join('；'),
        );
      }}
    >
      {assumed && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('calendar.assumed', { days: assumed })} />
      )}
      <Form.Item
        name="holidays"
        label={t('calendar.holidays')}
        extra={
          <Flex justify="space-between" gap={8}>
            <span>{t('calendar.holidaysHelp')}</span>
            <ParsedCount name="holidays" />
          </Flex>
        }
        rules={[listRule(true)]}
      >
        <Input.TextArea
          rows={8}
          placeholder={`${year}-01-01\n${year}-02-05~${year}-02-13`}
          data-testid="calendar-holidays"
        />
      </Form.Item>
      <Form.Item
        name="workdays"
        label={t('calendar.workdays')}
        extra={
          <Flex justify="space-between" gap={8}>
            <span>{t('calendar.workdaysHelp')}</span>
            <ParsedCount name="workdays" />
          </Flex>
        }
        rules={[listRule(false)]}
      >
        <Input.TextArea rows={4} placeholder={`${year}-01-31\n${year}-02-20`} data-testid="calendar-workdays" />
      </Form.Item>
      <Form.Item
        name="source"
        label={t('calendar.sourceLabel')}
        rules={[{ required: true, whitespace: true, message: t('calendar.sourceRequired') }]}
      >
        <Input maxLength={200} placeholder={t('calendar.sourcePlaceholder')} data-testid="calendar-source" />
      </Form.Item>
    </FormModal>
  );
}
