import { useNavigate, useParams } from 'react-router';
import { LoadFailed, Loading, NotFound } from '../../../components/PageStatus';
import { OfficialDocumentPage } from '../../../components/OfficialDocument';
import { useMatter } from '../../../lib/matters';

/**
 * A numbered document of a matter, print-ready (issue 3): /matters/:id/documents/:docId. The document
 * comes from the matter's detail (case.documents, frozen content), so whoever may read the matter may
 * print its documents.
 */
export function MatterDocumentPage() {
  const { id, docId } = useParams();
  const matterId = Number(id);
  const documentId = Number(docId);
  const valid = Number.isInteger(matterId) && matterId > 0 && Number.isInteger(documentId) && documentId > 0;
  const matter = useMatter(valid ? matterId : 0);
  const navigate = useNavigate();
  if (!valid) return <NotFound />;
  if (matter.isPending) return <Loading />;
  if (!matter.data) return <LoadFailed error={matter.error} onRetry={() => void matter.refetch()} />;
  const doc = matter.data.case.documents.find((d) => d.id === documentId);
  if (!doc) return <NotFound />;
  return <OfficialDocumentPage doc={doc} onBack={() => navigate(`/matters/${matterId}`)} />;
}
