/**
 * 工作人员: accounts of the hall's staff with their roles (R1.0), window and state. The
 * administrator sets an initial password, resets it (which also unlocks) or unlocks the account.
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ROLES } from '@hall/domain';
import type { HallWindow, Staff, StaffCreate, StaffUpdate } from '@hall/contracts';
import {
  ActiveTag,
  FormModal,
  LoadError,
  SectionHeader,
  orNull,
  showSaveError,
  tablePagination,
  useMessage,
} from './common';
import { useHalls, useSaveStaff, useStaff, useUnits, useWindows } from './queries';

type StaffForm = Omit<StaffCreate, 'windowId' | 'unitId'> & { windowId?: number | null; unitId?: number | null };

/** Roles of a responsible unit's staff: they must name their unit. */
const UNIT_ROLES: readonly string[] = ['unitHandler', 'unitHead'];
const needsUnit = (roles: readonly string[] | undefined) => !!roles?.some((r) => UNIT_ROLES.includes(r));
type ResetForm = { password: string; confirm: string };

/** The password policy the server states in `auth.weakPassword`. */
const STRONG_PASSWORD = /^(?=.*[A-Za-z])(?=.*\d).{8,200}$/;

const isLocked = (s: Staff) => !!s.lockedUntil && dayjs(s.lockedUntil).isAfter(dayjs());

const updateOf = (s: Staff): StaffUpdate => ({
  displayName: s.displayName,
  hallId: s.hallId,
  windowId: s.windowId,
  // Sent back as it is: a save without it would clear the unit.
  unitId: s.unitId ?? null,
  roles: s.roles,
  active: s.active,
});

export function StaffSection() {
  const { t } = useTranslation('admin');
  const message = useMessage();
  const staff = useStaff();
  const halls = useHalls();
  const windows = useWindows();
  const units = useUnits();
  const save = useSaveStaff();
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const [hallFilter, setHallFilter] = useState<number | undefined>();
  const [q, setQ] = useState('');

  const hallName = useMemo(() => new Map((halls.data ?? []).map((h) => [h.id, h.name])), [halls.data]);
  const windowById = useMemo(() => new Map((windows.data ?? []).map((w) => [w.id, w])), [windows.data]);
  const hallOptions = (halls.data ?? []).map((h) => ({ value: h.id, label: h.name, disabled: !h.active }));
  const roleLabel = (r: string) => t(`staff.roleNames.${r}`, { defaultValue: r });
  const roleOptions = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));
  const unitName = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (staff.data ?? []).filter(
      (s) =>
        (hallFilter === undefined || s.hallId === hallFilter) &&
        (!needle || s.username.toLowerCase().includes(needle) || s.displayName.toLowerCase().includes(needle)),
    );
  }, [staff.data, hallFilter, q]);

  const unlock = async (s: Staff) => {
    try {
      await save.mutateAsync({ key: s.id, input: { ...updateOf(s), unlock: true } });
      void message.success(t('staff.unlocked'));
    } catch (err) {
      showSaveError(err, message, t);
    }
  };

  const windowLabel = (w: HallWindow) => `${w.number} ${w.name}`;

  return (
    <>
      <SectionHeader
        title={t('staff.title')}
        onAdd={() => setEditing('new')}
        extra={
          <>
            <Select
              allowClear
              placeholder={t('staff.hall')}
              style={{ minWidth: 180 }}
              value={hallFilter}
              onChange={setHallFilter}
              options={hallOptions}
            />
            <Input.Search
              allowClear
              placeholder={t('common.search')}
              style={{ width: 200 }}
              onSearch={setQ}
              onChange={(e) => !e.target.value && setQ('')}
            />
          </>
        }
      />
      <LoadError error={staff.error} />
      <Table<Staff>
        data-testid="admin-staff"
        rowKey="id"
        size="middle"
        loading={staff.isLoading}
        dataSource={rows}
        pagination={tablePagination}
        columns={[
          { title: t('staff.username'), dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
          { title: t('staff.displayName'), dataIndex: 'displayName' },
          { title: t('staff.hall'), dataIndex: 'hallId', render: (id: number) => hallName.get(id) ?? id },
          {
            title: t('staff.window'),
            dataIndex: 'windowId',
            render: (id: number | null) => {
              const w = id === null ? undefined : windowById.get(id);
              return id === null ? '—' : w ? windowLabel(w) : id;
            },
          },
          {
            title: t('staff.unit'),
            dataIndex: 'unitId',
            render: (id: number | null | undefined) => (id == null ? '—' : (unitName.get(id) ?? id)),
          },
          {
            title: t('staff.roles'),
            dataIndex: 'roles',
            render: (roles: Staff['roles']) => (
              <Space size={[0, 4]} wrap>
                {roles.map((r) => (
                  <Tag key={r} color={r === 'admin' ? 'purple' : undefined}>
                    {roleLabel(r)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('common.status'),
            key: 'status',
            width: 150,
            render: (_, s) => (
              <Space size={[0, 4]} wrap>
                <ActiveTag active={s.active} />
                {isLocked(s) && (
                  <Tooltip title={t('staff.lockedUntil', { until: dayjs(s.lockedUntil).format('YYYY-MM-DD HH:mm') })}>
                    <Tag color="red" data-testid={`locked-${s.id}`}>
                      {t('staff.locked')}
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 230,
            render: (_, s) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(s)} data-testid={`edit-staff-${s.id}`}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => setResetting(s)} data-testid={`reset-staff-${s.id}`}>
                  {t('staff.resetPassword')}
                </Button>
                {isLocked(s) && (
                  <Popconfirm
                    title={t('staff.unlockConfirm', { name: s.displayName })}
                    okText={t('staff.unlock')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => unlock(s)}
                  >
                    <Button type="link" size="small" danger data-testid={`unlock-staff-${s.id}`}>
                      {t('staff.unlock')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <FormModal<StaffForm>
          title={editing === 'new' ? t('staff.add') : t('staff.edit')}
          testId="admin-staff-form"
          initialValues={
            editing === 'new'
              ? {
                  username: '',
                  displayName: '',
                  hallId: hallFilter ?? halls.data?.find((h) => h.active)?.id,
                  windowId: null,
                  unitId: null,
                  roles: [],
                  password: '',
                  active: true,
                }
              : { ...updateOf(editing), username: editing.username }
          }
          onClose={() => setEditing(null)}
          onSave={(v) => {
            const base = {
              displayName: v.displayName.trim(),
              hallId: v.hallId,
              windowId: orNull(v.windowId),
              unitId: needsUnit(v.roles) ? orNull(v.unitId) : null,
              roles: v.roles,
              active: v.active,
            };
            return editing === 'new'
              ? save.mutateAsync({
                  input: { ...base, username: v.username.trim(), password: v.password } satisfies StaffCreate,
                })
              : save.mutateAsync({ key: editing.id, input: base satisfies StaffUpdate });
          }}
        >
          <Form.Item
            name="username"
            label={t('staff.username')}
            extra={editing === 'new' ? t('staff.usernameHelp') : undefined}
            rules={
              editing === 'new'
                ? [
                    { required: true, message: t('common.required') },
                    { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: t('staff.usernameInvalid') },
                  ]
                : []
            }
          >
            <Input disabled={editing !== 'new'} maxLength={32} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('staff.displayName')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="hallId" label={t('staff.hall')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={hallOptions} placeholder={t('common.select')} />
          </Form.Item>
          <WindowField windows={windows.data ?? []} label={windowLabel} />
          <Form.Item
            name="roles"
            label={t('staff.roles')}
            rules={[{ required: true, type: 'array', min: 1, message: t('staff.rolesRequired') }]}
          >
            <Select mode="multiple" options={roleOptions} placeholder={t('common.select')} />
          </Form.Item>
          <UnitField units={(units.data ?? []).map((u) => ({ value: u.id, label: u.name, disabled: !u.active }))} />
          {editing === 'new' && (
            <Form.Item
              name="password"
              label={t('staff.password')}
              extra={t('staff.passwordHelp')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: STRONG_PASSWORD, message: t('staff.passwordWeak') },
              ]}
            >
              <Input.Password autoComplete="new-password" maxLength={200} />
            </Form.Item>
          )}
          <Form.Item name="active" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormModal>
      )}
      {resetting && (
        <FormModal<ResetForm>
          title={t('staff.resetTitle', { name: `${resetting.displayName}（${resetting.username}）` })}
          testId="admin-reset-form"
          okText={t('staff.resetPassword')}
          successMessage={t('staff.resetDone')}
          initialValues={{ password: '', confirm: '' }}
          onClose={() => setResetting(null)}
          onSave={(v) =>
            save.mutateAsync({ key: resetting.id, input: { ...updateOf(resetting), password: v.password } })
          }
        >
          <Form.Item
            name="password"
            label={t('staff.newPassword')}
            extra={t('staff.passwordHelp')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: STRONG_PASSWORD, message: t('staff.passwordWeak') },
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('staff.confirmPassword')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('password')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('staff.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** The staff member's window, chosen among the windows of the selected hall. */
function WindowField({ windows, label }: { windows: HallWindow[]; label: (w: HallWindow) => string }) {
  const { t } = useTranslation('admin');
  const form = Form.useFormInstance<StaffForm>();
  const hallId = Form.useWatch<number | undefined>('hallId');
  const windowId = Form.useWatch<number | null | undefined>('windowId');
  const inHall = windows.filter((w) => w.hallId === hallId);

  useEffect(() => {
    if (windowId != null && windows.length && !inHall.some((w) => w.id === windowId))
      form.setFieldValue('windowId', null);
  }, [hallId, windowId, windows, inHall, form]);

  return (
    <Form.Item name="windowId" label={t('staff.window')}>
      <Select
        allowClear
        placeholder={t('staff.noWindow')}
        options={inHall.map((w) => ({ value: w.id, label: label(w), disabled: !w.active && w.id !== windowId }))}
      />
    </Form.Item>
  );
}

/** The responsible unit: asked, and required, only for a unit's handler or head. */
function UnitField({ units }: { units: { value: number; label: string; disabled: boolean }[] }) {
  const { t } = useTranslation('admin');
  const roles = Form.useWatch<string[] | undefined>('roles');
  if (!needsUnit(roles)) return null;
  return (
    <Form.Item
      name="unitId"
      label={t('staff.unit')}
      extra={t('staff.unitHelp')}
      rules={[{ required: true, message: t('staff.unitRequired') }]}
    >
      <Select showSearch={{ optionFilterProp: 'label' }} allowClear options={units} placeholder={t('common.select')} />
    </Form.Item>
  );
}
