/** Renders the matter workflow table as Markdown for docs/workflow.md (checked by a test so it cannot drift). */
import { ROLES, can } from './roles.ts';
import { MATTER_TRANSITIONS } from './workflow.ts';

export function renderWorkflowDoc(): string {
  const rows = MATTER_TRANSITIONS.map((t) => {
    const roles = ROLES.filter((r) => can([r], t.permission)).join(', ');
    const guard = t.accepts ? 'input checked' : '—';
    return `| ${t.from} | ${t.action} | ${t.to} | \`${t.permission}\` | ${roles} | ${t.rule} | ${guard} |`;
  });
  const edges = MATTER_TRANSITIONS.map((t) => `  ${t.from} --> ${t.to}: ${t.action}`);
  return [
    '# Matter workflow',
    '',
    'Generated from `MATTER_TRANSITIONS` in `packages/domain/src/workflow.ts` by `npm run docs:workflow`;',
    'a unit test fails when this file and the table disagree. The server allows only these rows, the API lists',
    'the allowed actions of each matter from them, and the web app shows only those buttons.',
    '',
    '| from | action | to | permission | roles | rule | guard |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '```mermaid',
    'stateDiagram-v2',
    ...edges,
    '```',
    '',
  ].join('\n');
}
