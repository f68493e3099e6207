/**
 * Work lists (issue 3): 待办 (the inbox, per role, with counts), 督办 (the supervision schedule,
 * R1.20, and the urges counted per unit, R1.7). The shell mounts `worklistRoutes` inside its layout
 * and adds `useWorklistNav()`'s entries (with their count badges) to the menu.
 */
import './i18n';

export { worklistRoutes } from './routes';
export { useWorklistNav, type FeatureNavItem } from './components/WorklistNav';
