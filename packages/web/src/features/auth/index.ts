import './i18n';

export { LoginPage } from './components/LoginPage';
export { ChangePasswordDialog } from './components/ChangePasswordDialog';
