/**
 * Accountability inquiries (责任查究, R1.23–R1.25): the list, the detail with its dossier, its
 * documents (printed by the shell's /documents/:id page) and the step dialogs, and the 提请责任查究
 * button for the case page. The shell mounts `accountabilityRoutes` inside its layout and adds
 * `useAccountabilityNav()`'s entry (with the number waiting on the user) to the menu.
 */
import './i18n';

export { accountabilityRoutes } from './routes';
export { useAccountabilityNav, type AccountabilityNavItem } from './components/AccountabilityNav';
export { ProposeAccountabilityButton, MatterAccountabilityLinks } from './components/ProposeAccountabilityButton';
