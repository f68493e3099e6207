/** The registration form's values and how they become a RegistrationRequest. */
import type { Category, HallWindow, Markers, Reference, RegistrationRequest } from '@hall/contracts';
import { detectIdType, type IdType, type Purpose, type SecurityCheck } from '@hall/domain';
import { earlierHandlingPath, toEarlierHandling, type EarlierHandlingFormItem } from '../../lib/earlier-handling';
import { hallWindows } from '../../lib/reference';

export interface RepresentativeFormItem {
  name?: string;
  idNumber?: string;
  phone?: string;
}

export interface RegistrationFormValues {
  petitioner: {
    idType: IdType;
    idNumber: string;
    name?: string;
    otherDocReason?: string;
    phone?: string;
    address?: string;
    ethnicity?: string;
    workplace?: string;
    occupation?: string;
  };
  peopleCount: number;
  representatives: RepresentativeFormItem[];
  categoryId?: number;
  purpose?: Purpose;
  summary?: string;
  demands?: string;
  localityCode?: string;
  unitIds: number[];
  earlierHandling: EarlierHandlingFormItem[];
  markers: Markers;
  securityCheck: SecurityCheck;
  securityNote?: string;
  rulesAcknowledged: boolean;
  windowId?: number;
  receptionistId?: number | null;
  /** Issue a queue ticket for the routed window in the same step (issue 4, R2.1). */
  issueTicket?: boolean;
}

export const MARKER_KEYS = ['collective', 'longStanding', 'litigationRelated', 'urgent', 'threat', 'foreign'] as const;

export const initialValues: RegistrationFormValues = {
  petitioner: { idType: 'resident', idNumber: '' },
  peopleCount: 1,
  representatives: [],
  unitIds: [],
  earlierHandling: [],
  markers: {
    collective: false,
    longStanding: false,
    litigationRelated: false,
    urgent: false,
    threat: false,
    foreign: false,
  },
  securityCheck: 'passed',
  rulesAcknowledged: false,
  issueTicket: false,
};

/** A collective visit is five or more people (national petition record practice). */
export const COLLECTIVE_THRESHOLD = 5;

export const normalizeIdNumber = (v: string) => v.replace(/\s+/g, '').toUpperCase();

const blankToNull = (v: string | undefined | null) => {
  const s = (v ?? '').trim();
  return s ? s : null;
};

export function toRequest(v: RegistrationFormValues, ref: Reference): RegistrationRequest {
  const p = v.petitioner;
  return {
    petitioner: {
      name: (p.name ?? '').trim(),
      idType: p.idType,
      idNumber: normalizeIdNumber(p.idNumber),
      otherDocReason: p.idType === 'resident' ? null : blankToNull(p.otherDocReason),
      phone: blankToNull(p.phone),
      address: blankToNull(p.address),
      ethnicity: blankToNull(p.ethnicity),
      workplace: blankToNull(p.workplace),
      occupation: blankToNull(p.occupation),
    },
    peopleCount: v.peopleCount,
    representatives: (v.representatives ?? []).map((r) => {
      const idNumber = r.idNumber ? normalizeIdNumber(r.idNumber) : '';
      return {
        name: (r.name ?? '').trim(),
        idType: idNumber ? (detectIdType(idNumber) ?? 'other') : null,
        idNumber: idNumber || null,
        phone: blankToNull(r.phone),
      };
    }),
    rulesAcknowledged: v.rulesAcknowledged === true,
    securityCheck: v.securityCheck,
    securityNote: blankToNull(v.securityNote),
    categoryId: v.categoryId as number,
    purpose: v.purpose as Purpose,
    summary: (v.summary ?? '').trim(),
    demands: (v.demands ?? '').trim(),
    localityCode: v.localityCode ?? '',
    unitIds: v.unitIds ?? [],
    earlierHandling: toEarlierHandling(v.earlierHandling, ref.units),
    markers: v.markers,
    windowId: v.windowId as number,
    receptionistId: v.receptionistId ?? null,
    issueTicket: v.issueTicket === true,
  };
}

/** A server error path, as the form names the field. */
export const formPath = (path: string) => earlierHandlingPath(path);

/**
 * R1.1: the window owning the category (walking up to the nearest ancestor with a route), else
 * the first active general window of the hall.
 */
export function proposeWindow(
  ref: Reference,
  categoryId: number | undefined,
): { window: HallWindow; general: boolean } | undefined {
  const windows = hallWindows(ref);
  const byId = new Map<number, Category>(ref.categories.map((c) => [c.id, c]));
  let c = categoryId != null ? byId.get(categoryId) : undefined;
  const seen = new Set<number>();
  while (c && !seen.has(c.id)) {
    seen.add(c.id);
    if (c.windowId != null) {
      const w = windows.find((x) => x.id === c?.windowId);
      if (w) return { window: w, general: false };
    }
    c = c.parentId != null ? byId.get(c.parentId) : undefined;
  }
  const general = windows.find((w) => w.kind === 'general');
  return general ? { window: general, general: true } : undefined;
}
