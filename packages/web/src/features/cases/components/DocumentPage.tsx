import { useNavigate, useParams } from 'react-router';
import { LoadFailed, Loading, NotFound } from '../../../components/PageStatus';
import { OfficialDocumentPage } from '../../../components/OfficialDocument';
import { useDocument } from '../api';

/**
 * A numbered document by its id (GET /api/documents/:id): /documents/:id, print-ready, no app chrome.
 * Used for the accountability dossier's documents; back goes to the inquiry or the matter it belongs to.
 */
export function DocumentPage() {
  const { id } = useParams();
  const documentId = Number(id);
  const valid = Number.isInteger(documentId) && documentId > 0;
  const doc = useDocument(valid ? documentId : 0);
  const navigate = useNavigate();
  if (!valid) return <NotFound />;
  if (doc.isPending) return <Loading />;
  if (!doc.data) return <LoadFailed error={doc.error} onRetry={() => void doc.refetch()} />;
  const d = doc.data;
  const back = () => {
    if (window.history.length > 1) navigate(-1);
    else navigate(d.accountabilityId ? `/accountability/${d.accountabilityId}` : d.matterId ? `/matters/${d.matterId}` : '/');
  };
  return <OfficialDocumentPage doc={d} onBack={back} />;
}
