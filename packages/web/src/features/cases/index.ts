/**
 * The case screens (issue 3, issue 9 §1): the matter's detail page with its status bar, records,
 * timeline and the one action dialog driven by the action registry (actions/), a matter's numbered
 * document page, 本单位案件 for unit staff, and the print page of a document by id (/documents/:id,
 * used by the accountability dossier). The registration side (the reception list, the reception record,
 * the decision, the notice) lives in features/reception; the app composes the two on the detail page.
 */
import './i18n';
import './case-i18n';

export { MatterDetailPage, type MatterRegistrationSlot } from './components/MatterDetailPage';
export { MatterDocumentPage } from './components/MatterDocumentPage';
export { UnitCasesPage } from './components/UnitCasesPage';
export { DocumentPage } from './components/DocumentPage';
