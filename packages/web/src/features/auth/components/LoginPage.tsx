import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../../../lib/auth';
import { errorMessage } from '../../../lib/api';
import { homePath, mayOpen } from '../../../lib/policy';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { DemoBanner, useEnvironment } from '../../../components/DemoBanner';
import { Loading } from '../../../components/PageStatus';
import { useLogin } from '../api';

interface LoginValues {
  username: string;
  password: string;
}

/** Staff sign-in. Errors (wrong password, locked account…) are the server's translated message. */
export function LoginPage() {
  const { t } = useTranslation('auth');
  const { me } = useAuth();
  const location = useLocation();
  const login = useLogin();
  const from = (location.state as { from?: string } | null)?.from;
  // Shown once the environment is known, so the demo banner never moves the form under a click.
  const env = useEnvironment();

  // Back to where the session ran out, if this user may open it; else the user's start page.
  if (me)
    return (
      <Navigate to={from && from !== '/login' && from !== '/' && mayOpen(me, from) ? from : homePath(me)} replace />
    );

  if (env.isPending) return <Loading />;
  return (
    <>
      <DemoBanner />
      <div
        style={{
          minHeight: '100vh',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          background: 'linear-gradient(180deg, #e8eef7 0%, #f5f7fa 100%)',
          padding: 16,
        }}
      >
        <Card style={{ width: 380, boxShadow: '0 4px 24px rgba(0,0,0,0.08)' }}>
          <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <LanguageSwitch />
          </div>
          <div style={{ textAlign: 'center', margin: '8px 0 24px' }}>
            <Typography.Title level={3} style={{ marginBottom: 4, color: '#a8071a' }}>
              {t('login.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
          {login.error ? (
            <Alert
              type="error"
              showIcon
              title={errorMessage(login.error)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          ) : null}
          <Form<LoginValues>
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => login.mutate({ username: v.username.trim(), password: v.password })}
            autoComplete="on"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input autoFocus autoComplete="username" data-testid="login-username" maxLength={64} />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" data-testid="login-password" maxLength={200} />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </div>
    </>
  );
}
