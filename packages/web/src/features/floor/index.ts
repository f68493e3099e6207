/**
 * The hall floor around the queue (issue 4): 导访台 — the guide desk (R2.2) with the entry check
 * (R4.1) — and 扰序名单, the disorder list (R2.3). The shell mounts `floorRoutes` inside its layout,
 * adds `useFloorNav()`'s entries to the menu, and puts `FloorAlertsIndicator` in the header (the
 * windows' list alerts; it renders nothing for users without queue:serve).
 */
import './i18n';

export { floorRoutes } from './routes';
export { useFloorNav, type FloorNavItem } from './components/FloorNav';
export { FloorAlertsIndicator } from './components/FloorAlertsIndicator';
export { usesGuideDesk, readsDisorder } from './policy';
