import { describe, expect, it } from 'vitest';
import { VisitInput } from '@hall/contracts';
import { definedPerson, personBody, visitBody, visitHasContent } from './model';

describe('the guide desk form → POST /api/floor/visits', () => {
  it('R4.1: security staff send the check and the visitor only, never guidance', () => {
    const body = visitBody(
      { securityCheck: 'itemsHeld', securityNote: ' 打火机 ', purpose: '咨询', outcome: 'directed', serviceId: 3 },
      false,
    );
    expect(body).toEqual({
      personName: null,
      idType: null,
      idNumber: null,
      securityCheck: 'itemsHeld',
      securityNote: '打火机',
    });
    expect(VisitInput.safeParse(body).success).toBe(true);
  });

  it('R2.2: directing sends the service and the priority group; other outcomes drop them', () => {
    const directed = visitBody({ outcome: 'directed', serviceId: 3, priority: 'elderly', purpose: '  ' }, true);
    expect(directed).toMatchObject({ outcome: 'directed', serviceId: 3, priority: 'elderly', purpose: null });
    const elsewhere = visitBody({ outcome: 'pointedElsewhere', serviceId: 3, note: '诉讼服务中心' }, true);
    expect(elsewhere).toMatchObject({ serviceId: null, priority: null, note: '诉讼服务中心', securityInformed: false });
    expect(VisitInput.safeParse(directed).success).toBe(true);
  });

  it('R2.2: "security informed" and the legal question travel only with their own outcome', () => {
    expect(visitBody({ outcome: 'outOfScope', securityInformed: true }, true).securityInformed).toBe(true);
    expect(visitBody({ outcome: 'directed', serviceId: 1, securityInformed: true }, true).securityInformed).toBe(false);
    const legal = visitBody({ outcome: 'legalAnswered', legalQuestion: '怎么立案？', legalAnswer: '到立案窗口' }, true);
    expect(legal).toMatchObject({ legalQuestion: '怎么立案？', legalAnswer: '到立案窗口' });
    expect(visitBody({ outcome: 'outOfScope', legalQuestion: 'x' }, true).legalQuestion).toBeNull();
  });

  it('the document type is sent only with a number (R2.3 matches on the document)', () => {
    expect(personBody({ personName: ' 张三 ', idType: 'passport', idNumber: ' ' })).toEqual({
      personName: '张三',
      idType: null,
      idNumber: null,
    });
    expect(personBody({ idNumber: '320506198001011235' })).toMatchObject({ idType: 'resident' });
  });

  it('an empty form records nothing; a prefill never wipes the defaults', () => {
    expect(visitHasContent({ purpose: '咨询' }, true)).toBe(false);
    expect(visitHasContent({ outcome: 'directed' }, false)).toBe(false);
    expect(visitHasContent({ securityCheck: 'passed' }, false)).toBe(true);
    expect(definedPerson({ personName: '张三', idType: undefined, idNumber: '' })).toEqual({ personName: '张三' });
  });
});
