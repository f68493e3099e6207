import './i18n';

export { RegisterPage } from './components/RegisterPage';
