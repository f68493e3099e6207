/**
 * What each workflow action writes besides the state change, one file per stage of the case. The
 * compiler checks that every action of the workflow table has exactly one effect.
 */
import { assignmentEffects } from './assignment.ts';
import { closingEffects } from './closing.ts';
import { countyEffects } from './county.ts';
import type { EffectTable } from './env.ts';
import { handlingEffects } from './handling.ts';
import { mediationEffects } from './mediation.ts';
import { receptionEffects } from './reception.ts';
import { reviewEffects } from './review.ts';

export type { EffectEnv, EffectResult } from './env.ts';

export const EFFECTS = {
  ...receptionEffects,
  ...countyEffects,
  ...mediationEffects,
  ...assignmentEffects,
  ...handlingEffects,
  ...closingEffects,
  ...reviewEffects,
} satisfies EffectTable;
