import type { MatterDetail, Reference } from '@hall/contracts';
import { useMe } from '../../../lib/auth';
import { can, Permission } from '../../../lib/policy';
import { DecisionPanel } from './DecisionPanel';
import { PetitionerCard } from './PetitionerCard';
import { ReceptionPanel } from './ReceptionPanel';
import { RegistrationInfo } from './RegistrationInfo';

export interface MatterRegistrationProps {
  detail: MatterDetail;
  reference: Reference;
  /** The reception record has unsaved changes (the detail page warns next to the action buttons). */
  onDirtyChange: (dirty: boolean) => void;
  /** Someone else changed the matter: the page reloads it. */
  onStale: () => void;
}

/**
 * The registration side of a matter's detail page (features/cases renders it through a slot the app
 * fills, so neither feature imports the other): the petitioner, what the desk registered, the
 * reception record (R1.5, R1.5a) and the decision taken (R1.5, R1.6).
 */
export function MatterRegistration({ detail, reference, onDirtyChange, onStale }: MatterRegistrationProps) {
  const me = useMe();
  // The server accepts the reception record only before the matter moves past acceptance.
  const editable = can(me, Permission.matterDecide) && (detail.state === 'registered' || detail.state === 'accepted');
  return (
    <>
      <PetitionerCard detail={detail} canReveal={can(me, Permission.piiReveal)} />
      <RegistrationInfo detail={detail} />
      <ReceptionPanel
        detail={detail}
        reference={reference}
        editable={editable}
        onDirtyChange={onDirtyChange}
        onStale={onStale}
      />
      <DecisionPanel detail={detail} />
    </>
  );
}
