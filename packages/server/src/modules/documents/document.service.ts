/**
 * Numbered documents (R1.13, R1.15, R1.18, R1.21, R1.24): one document for its print page, to
 * whoever may read its case or its inquiry. Reading it costs the document, its case or inquiry and
 * the issuer — never the whole case.
 */
import type { DocumentDetail } from '@hall/contracts';
import { forbidden, notFound } from '@hall/domain';
import { repositories } from '@hall/db';
import type { Ctx, Deps } from '../../context.ts';
import { audit } from '../../audit.ts';
import { transact } from '../../transact.ts';
import { mayViewInquiry } from '../accountability/accountability.service.ts';
import { mayReadMatter } from '../cases/matter-access.ts';
import { documentCarriesPii, presentDocumentDetail } from './document.presenter.ts';

export class DocumentService {
  constructor(private readonly deps: Deps) {}

  async get(ctx: Ctx, id: number): Promise<DocumentDetail> {
    const r = repositories(this.deps.database.db);
    const doc = await r.documents.get(id);
    if (!doc || doc.hall_id !== ctx.actor.hallId) throw notFound('document.notFound');
    const [matter, inquiry, issuer] = await Promise.all([
      doc.matter_id ? r.matters.findById(doc.matter_id) : undefined,
      doc.accountability_id ? r.accountability.get(doc.hall_id, doc.accountability_id) : undefined,
      doc.issued_by ? r.staff.findById(doc.issued_by) : undefined,
    ]);
    const allowed = (matter && mayReadMatter(ctx.actor, matter)) || (inquiry && mayViewInquiry(ctx.actor, inquiry));
    if (!allowed) throw forbidden();
    const names = new Map(issuer ? [[issuer.id, issuer.display_name]] : []);
    // The print page of a document addressed to the petitioner shows the full name: the view is audited (issue 8 §3).
    if (documentCarriesPii(doc)) {
      await transact(this.deps, (tr) =>
        audit(tr, ctx, { entity: 'document', entityId: doc.id, action: 'document.view', after: { number: doc.number, kind: doc.kind } }),
      );
    }
    return presentDocumentDetail(doc, names, matter?.petition_no ?? null, this.deps.cipher);
  }
}
