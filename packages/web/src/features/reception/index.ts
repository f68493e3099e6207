import './i18n';
import './case-i18n';

export { ReceptionListPage } from './components/ReceptionListPage';
export { MatterDetailPage } from './components/MatterDetailPage';
export { NoticePage } from './components/NoticePage';
export { MatterDocumentPage } from './components/MatterDocumentPage';
