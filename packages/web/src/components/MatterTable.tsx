import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { MatterSummary } from '@hall/contracts';
import { formatDateTime, formatShortDateTime } from '../lib/format';
import { StateTag, VisitKindTag } from './StateTag';

export interface MatterTableProps {
  rows: MatterSummary[];
  loading?: boolean;
  /** Open a matter (row click / Enter); without it rows are not clickable. */
  onOpen?: (id: number) => void;
  showWindow?: boolean;
  /** Small table inside a form or card. */
  compact?: boolean;
  /** Mark these rows as "same subject" (R1.5a). */
  relatedIds?: readonly number[];
  testId?: string;
  /** The rows are a server's pages (with a load-more button under the table): no paging in the table. */
  serverPaged?: boolean;
}

/** The matter list used by the reception list, the registration desk and the matter detail. */
export function MatterTable({ rows, loading, onOpen, showWindow, compact, relatedIds, testId, serverPaged }: MatterTableProps) {
  const { t } = useTranslation('common');
  const columns: ColumnsType<MatterSummary> = [
    {
      title: t('matter.petitionNo'),
      dataIndex: 'petitionNo',
      width: relatedIds?.length ? 220 : 150,
      render: (v: string, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {onOpen ? <Typography.Link onClick={() => onOpen(r.id)}>{v}</Typography.Link> : v}
          {relatedIds?.includes(r.id) ? (
            <Tag color="gold" style={{ marginInlineStart: 6 }}>
              {t('matter.related')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: t('matter.registeredAt'),
      dataIndex: 'registeredAt',
      width: compact ? 140 : 110,
      render: (v: string) => (
        <span title={formatDateTime(v)} style={{ whiteSpace: 'nowrap' }}>
          {compact ? formatDateTime(v) : formatShortDateTime(v)}
        </span>
      ),
    },
    { title: t('matter.petitioner'), dataIndex: 'petitionerName', width: 100, ellipsis: true },
    ...(compact
      ? []
      : [
          {
            title: t('matter.idNumber'),
            dataIndex: 'idNumberMasked',
            width: 180,
            render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
          },
        ]),
    { title: t('matter.category'), dataIndex: 'categoryName', width: 120, ellipsis: true },
    ...(compact ? [{ title: t('matter.summary'), dataIndex: 'summary', ellipsis: true }] : []),
    {
      title: t('matter.visitKind'),
      dataIndex: 'visitKind',
      width: 96,
      render: (_: unknown, r) => <VisitKindTag kind={r.visitKind} />,
    },
    ...(compact
      ? []
      : [{ title: t('matter.peopleCount'), dataIndex: 'peopleCount', width: 60, align: 'right' as const }]),
    {
      title: t('matter.state'),
      dataIndex: 'state',
      width: 100,
      render: (_: unknown, r) => <StateTag state={r.state} />,
    },
    ...(showWindow ? [{ title: t('matter.window'), dataIndex: 'windowName', width: 140, ellipsis: true }] : []),
    { title: t('matter.receptionist'), dataIndex: 'receptionistName', width: 100, ellipsis: true },
    ...(compact ? [] : [{ title: t('matter.summary'), dataIndex: 'summary', ellipsis: true }]),
  ];
  return (
    <Table<MatterSummary>
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={compact || serverPaged ? false : { defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
      locale={{ emptyText: t('empty') }}
      data-testid={testId}
      scroll={{ x: compact ? 720 : 1100 }}
      onRow={(r) =>
        onOpen
          ? {
              onClick: () => onOpen(r.id),
              onKeyDown: (e) => {
                if (e.key === 'Enter') onOpen(r.id);
              },
              tabIndex: 0,
              style: { cursor: 'pointer' },
              'data-testid': `matter-row-${r.id}`,
            }
          : {}
      }
    />
  );
}
