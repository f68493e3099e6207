/**
 * R1.5a: the visit kind is proposed from the records, not only typed in.
 * repeat — the same person has an earlier matter on the same subject (same category and place,
 *          or the same unit involved);
 * skipLevel — the matter's locality is a county-level division and the petitioner has no record
 *          of having gone to that county first (no earlier handling by the county, R1.8, R4.3);
 * first — otherwise.
 * Repeat wins over skip-level: a person who came before is a repeat visitor whatever the level.
 */
import type { VisitKind } from './registration.ts';

export interface EarlierMatter {
  id: number;
  petitionNo: string;
  categoryId: number | null;
  localityCode: string | null;
  unitIds: readonly number[];
}

export interface VisitKindFacts {
  categoryId: number | null;
  localityCode: string | null;
  unitIds: readonly number[];
  /** Whether the locality is a county-level division. */
  localityIsCounty: boolean;
  /** Unit ids of the county (its government and petition office) for the locality, if any. */
  countyUnitIds: readonly number[];
  /** Unit ids named in the earlier handling the petitioner reported. */
  earlierHandlingUnitIds: readonly number[];
  earlierMatters: readonly EarlierMatter[];
}

export interface VisitKindProposal {
  kind: VisitKind;
  /** Earlier matters on the same subject (shown to the receptionist). */
  related: EarlierMatter[];
}

export function proposeVisitKind(f: VisitKindFacts): VisitKindProposal {
  const related = f.earlierMatters.filter(
    (m) =>
      (f.categoryId != null && f.localityCode != null && m.categoryId === f.categoryId && m.localityCode === f.localityCode) ||
      m.unitIds.some((u) => f.unitIds.includes(u)),
  );
  if (related.length > 0) return { kind: 'repeat', related };
  if (f.localityIsCounty) {
    const beenToCounty =
      f.earlierHandlingUnitIds.some((u) => f.countyUnitIds.includes(u)) ||
      f.earlierMatters.some((m) => m.unitIds.some((u) => f.countyUnitIds.includes(u)));
    if (!beenToCounty) return { kind: 'skipLevel', related };
  }
  return { kind: 'first', related };
}
