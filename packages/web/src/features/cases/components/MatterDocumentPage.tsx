import { useNavigate, useParams } from 'react-router';
import { LoadFailed, Loading, NotFound } from '../../../components/PageStatus';
import { OfficialDocumentPage } from '../../../components/OfficialDocument';
import { useDocument } from '../api';

/**
 * A numbered document of a matter, print-ready (issue 3): /matters/:id/documents/:docId. It loads the
 * one document (GET /api/documents/:id, frozen content), not the whole case; a document of another
 * matter is not shown under this matter's address.
 */
export function MatterDocumentPage() {
  const { id, docId } = useParams();
  const matterId = Number(id);
  const documentId = Number(docId);
  const valid = Number.isInteger(matterId) && matterId > 0 && Number.isInteger(documentId) && documentId > 0;
  const doc = useDocument(valid ? documentId : 0);
  const navigate = useNavigate();
  if (!valid) return <NotFound />;
  if (doc.isPending) return <Loading />;
  if (!doc.data) return <LoadFailed error={doc.error} onRetry={() => void doc.refetch()} />;
  if (doc.data.matterId !== matterId) return <NotFound />;
  return <OfficialDocumentPage doc={doc.data} onBack={() => navigate(`/matters/${matterId}`)} />;
}
