import { useState } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../../lib/auth';
import { useCommonT } from '../../lib/labels';
import { ChangePasswordDialog } from '../../features/auth';

/** The signed-in user's name, roles, hall and window; change password; sign out. */
export function UserBar() {
  const { t } = useTranslation('app');
  const ct = useCommonT();
  const me = useMe();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [pwOpen, setPwOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const light = { color: 'rgba(255,255,255,0.92)' };
  const roles = me.roles.map((r) => ct('role', r)).join('、');

  return (
    <Space size={4} style={{ whiteSpace: 'nowrap' }}>
      <Tooltip title={roles}>
        <Typography.Text style={{ ...light, fontWeight: 600 }} data-testid="user-name">
          {me.displayName}
        </Typography.Text>
      </Tooltip>
      <Typography.Text style={{ ...light, fontSize: 12 }} data-testid="user-hall">
        {me.hallName}
        {me.windowName ? ` · ${t('header.window')}：${me.windowName}` : ''}
      </Typography.Text>
      <Button type="link" size="small" style={light} onClick={() => setPwOpen(true)} data-testid="change-password">
        {t('header.changePassword')}
      </Button>
      <Button
        type="link"
        size="small"
        style={light}
        loading={busy}
        data-testid="sign-out"
        onClick={async () => {
          setBusy(true);
          try {
            await signOut();
          } catch {
            // the session is forgotten locally either way
          } finally {
            setBusy(false);
            navigate('/login', { replace: true });
          }
        }}
      >
        {t('header.signOut')}
      </Button>
      <ChangePasswordDialog open={pwOpen} onClose={() => setPwOpen(false)} />
    </Space>
  );
}
