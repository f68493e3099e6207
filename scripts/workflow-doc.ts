import fs from 'node:fs';
import { renderWorkflowDoc } from '../packages/domain/src/workflow-doc.ts';

fs.writeFileSync(new URL('../docs/workflow.md', import.meta.url), renderWorkflowDoc());
console.log('docs/workflow.md written');
