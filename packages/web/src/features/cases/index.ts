/**
 * Case screens outside the matter detail (issue 3): 本单位案件 for unit staff, and the print page of a
 * numbered document by id (/documents/:id, used by the accountability dossier). The inbox, the
 * supervision schedule and the inquiries live in features/worklist and features/accountability.
 */
import './i18n';

export { UnitCasesPage } from './components/UnitCasesPage';
export { DocumentPage } from './components/DocumentPage';
