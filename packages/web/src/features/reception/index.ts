/**
 * The registration side of a matter (issue 9 §1): the reception list (接谈), the matter's registration
 * panels on its detail page (the petitioner, registration, the reception record and the decision),
 * and the notice (告知单). The case screens (the detail page, its actions) live in features/cases.
 */
import './i18n';

export { ReceptionListPage } from './components/ReceptionListPage';
export { MatterRegistration, type MatterRegistrationProps } from './components/MatterRegistration';
export { NoticePage } from './components/NoticePage';
