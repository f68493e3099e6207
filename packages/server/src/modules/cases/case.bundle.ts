/**
 * One read model per case (issue 9 §2): `loadCaseBundle` reads the matter and everything the case
 * screen, the workflow's facts and the effects need in one query (the case with its records, the
 * names they show, the person's earlier matters and the calendar). Facts (case-facts.ts) and the presenter (case.presenter.ts)
 * are pure functions of the bundle.
 */
import type { CaseBundleRow, Repositories } from '@hall/db';

/** How many of the person's earlier matters the case shows and weighs (newest first). */
export const EARLIER_LIMIT = 200;

export interface CaseBundle {
  /** The matter (every column of `matter`), its petitioner (`petitioner_*`), names and records. */
  m: CaseBundleRow;
  /** The same petitioner's matters registered before this one in the hall, newest first. */
  earlier: CaseBundleRow['earlier'];
}

/** Loads a case in one query: undefined if there is no such matter. */
export async function loadCaseBundle(r: Repositories, id: number): Promise<CaseBundle | undefined> {
  const m = await r.caseBundles.load(id, EARLIER_LIMIT);
  return m ? { m, earlier: m.earlier } : undefined;
}

export type BundleDeadline = CaseBundleRow['deadlines'][number];

/** The latest active deadline of a kind, if one runs. */
export const activeDeadlineOf = (b: CaseBundle, kind: string): BundleDeadline | undefined =>
  b.m.deadlines.filter((d) => d.kind === kind && d.status === 'active').pop();
