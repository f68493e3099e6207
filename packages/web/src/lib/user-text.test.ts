import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import i18n from './i18n';

/*
 * Rule ids from DOMAIN.md (R1.5, R2.4b …) belong in tests, code comments and commit messages,
 * never in what users read. Two checks: every translation the web app registers (all namespaces,
 * both languages), and every string literal and JSX text in the web sources, so a rule id cannot
 * slip into a label written inline in a component either. Comments are not literals, so a
 * `// R4.5` next to a string stays allowed.
 */
const RULE_ID = /(?<![A-Za-z0-9])R\d+\.\d+[a-z]?/;

// Registering modules: every feature's i18n, the app shell's and the shared labels.
import.meta.glob(['../**/i18n.ts', '../**/*-i18n.ts', './labels.ts'], { eager: true });

const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function strings(value: unknown, path: string, out: [string, string][] = []) {
  if (typeof value === 'string') out.push([path, value]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

/** String literals, template pieces and JSX text of one source file that contain a rule id. */
function literalsWithRuleIds(file: string, text: string) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    if (
      (ts.isStringLiteral(n) ||
        ts.isNoSubstitutionTemplateLiteral(n) ||
        ts.isTemplateHead(n) ||
        ts.isTemplateMiddle(n) ||
        ts.isTemplateTail(n) ||
        ts.isJsxText(n)) &&
      RULE_ID.test(n.text)
    ) {
      found.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${n.text.trim()}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('no rule id in what the web app shows', () => {
  it('the pattern finds R1.5 and R2.4b but not ordinary text', () => {
    for (const t of ['（R1.5）', '(R2.4b)', 'R1.16–R1.18']) expect(RULE_ID.test(t)).toBe(true);
    for (const t of ['2026-01-31', 'HR1.5', 'R 1.5']) expect(RULE_ID.test(t)).toBe(false);
  });

  it('no translation in any namespace or language cites a rule id', () => {
    const data = i18n.store.data;
    expect(Object.keys(data).sort()).toEqual(['en', 'zh-CN']);
    for (const lang of ['zh-CN', 'en']) {
      // the feature namespaces and the shared ones (common, app) are all registered
      expect(Object.keys(data[lang]!)).toEqual(expect.arrayContaining(['common', 'case', 'reception', 'floor', 'worklist', 'admin']));
    }
    const all = strings(data, 'i18n');
    expect(all.length).toBeGreaterThan(1000);
    expect(all.filter(([, t]) => RULE_ID.test(t))).toEqual([]);
  });

  it('no string literal or JSX text in the web sources cites a rule id', () => {
    const files = Object.entries(sources);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(([file, text]) => literalsWithRuleIds(file, text))).toEqual([]);
  });

  it('the source check sees literals and JSX text but not comments', () => {
    const probe = "// R1.5\nconst a = '须说明理由（R1.19）'; /* R2.3 */\nconst b = <p>见 R4.5</p>;\nconst c = `x ${a} (R2.4b)`;\n";
    expect(literalsWithRuleIds('probe.tsx', probe)).toEqual([
      'probe.tsx:2: 须说明理由（R1.19）',
      'probe.tsx:3: 见 R4.5',
      'probe.tsx:4: (R2.4b)',
    ]);
  });
});
