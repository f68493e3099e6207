/**
 * Pieces shared by the admin sections: the message API, the edit modal that puts server field
 * errors on the form, the active/inactive tag and the section header.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { Button, Flex, Form, Modal, Tag, Typography, type FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';

export const MessageContext = createContext<MessageInstance | null>(null);

export function useMessage(): MessageInstance {
  const api = useContext(MessageContext);
  if (!api) throw new Error('useMessage outside AdminRoutes');
  return api;
}

/** The form's top-level field names: server paths like `roles.0` land on `roles`. */
function fieldNameOf(path: string): string {
  return path.split(/[.[\]]/)[0] ?? path;
}

/**
 * Show a failed save: the server's translated message, and each field message on its field.
 * Field paths the form does not show are appended to the message so nothing is lost.
 */
export function showSaveError(
  err: unknown,
  message: MessageInstance,
  t: (k: string) => string,
  form?: FormInstance,
  formFields: readonly string[] = [],
) {
  if (!(err instanceof ApiError)) {
    void message.error(err instanceof TypeError ? t('common.networkError') : String((err as Error)?.message ?? err));
    return;
  }
  // The server names a duplicate field by its code name ("number 已存在"): say it in words here.
  const duplicate = err.code === 'org.duplicate';
  const shown = new Set(formFields);
  const byField = new Map<string, string[]>();
  const elsewhere: string[] = [];
  for (const f of err.fields) {
    const name = fieldNameOf(f.path);
    const text = duplicate ? t('common.duplicate') : f.message;
    if (form && shown.has(name)) byField.set(name, [...(byField.get(name) ?? []), text]);
    else elsewhere.push(f.path ? `${f.path}: ${text}` : text);
  }
  if (form && byField.size) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  const head = duplicate ? t('common.duplicate') : err.message;
  void message.error([head, ...elsewhere.filter((m) => !head.includes(m))].join('；'));
}

/**
 * A modal with one antd Form. It is mounted only while editing, so each opening starts from
 * `initialValues`. `onSave` gets the validated values; it throws an ApiError to keep the modal open.
 */
export function FormModal<V extends object>(props: {
  title: ReactNode;
  initialValues: Partial<V>;
  onSave: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
  width?: number;
  testId?: string;
  okText?: ReactNode;
  /** Shown after a successful save; `false` for none (the caller shows its own). */
  successMessage?: string | false;
}) {
  const { t } = useTranslation('admin');
  const message = useMessage();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await props.onSave(values);
      if (props.successMessage !== false) void message.success(props.successMessage ?? t('common.saved'));
      props.onClose();
    } catch (err) {
      const names = Object.keys(form.getFieldsValue(true) ?? {});
      showSaveError(err, message, t, form, names.length ? names : Object.keys(props.initialValues));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={props.title}
      width={props.width ?? 560}
      onOk={submit}
      onCancel={props.onClose}
      confirmLoading={saving}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        data-testid={props.testId}
        onFinish={submit}
        // Typing in a field clears its server error.
        onValuesChange={(changed) =>
          form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })) as never)
        }
      >
        {props.children}
        {/* Enter in a field submits. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation('admin');
  return active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>;
}

export function SectionHeader(props: {
  title: ReactNode;
  extra?: ReactNode;
  onAdd?: () => void;
  addLabel?: ReactNode;
}) {
  const { t } = useTranslation('admin');
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {props.title}
      </Typography.Title>
      <Flex gap={8} wrap align="center">
        {props.extra}
        {props.onAdd && (
          <Button type="primary" onClick={props.onAdd} data-testid="admin-add">
            {props.addLabel ?? t('common.add')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

/** A load failure shown above the table (the table itself stays, empty). */
export function LoadError({ error }: { error: unknown }) {
  const { t } = useTranslation('admin');
  if (!error) return null;
  const msg = error instanceof ApiError ? error.message : t('common.networkError');
  return (
    <Typography.Paragraph type="danger" data-testid="admin-load-error">
      {t('common.loadFailed', { message: msg })}
    </Typography.Paragraph>
  );
}

/** Nullish form values become null, as the contracts expect (`.nullish()`), strings trimmed. */
export function orNull<T>(v: T | undefined | null | ''): T | null {
  return v === undefined || v === null || v === '' ? null : v;
}

export const tablePagination = { defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] };
