/**
 * The queue (issue 4, R2.1): the window's calling panel, the statistics and the services'
 * administration inside the app (`queueRoutes`, `useQueueNav()`), and the hall's public kiosk and
 * display board outside it (`queuePublicRoutes`: no sign-in, no app chrome).
 */
import './i18n';

export { queueRoutes, queuePublicRoutes } from './routes';
export { useQueueNav, type QueueNavItem } from './components/QueueNav';
