import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { renderWorkflowDoc } from './workflow-doc.ts';

it('docs/workflow.md matches the transition table (run `npm run docs:workflow` after changing it)', () => {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/workflow.md');
  expect(fs.readFileSync(file, 'utf8')).toBe(renderWorkflowDoc());
});
