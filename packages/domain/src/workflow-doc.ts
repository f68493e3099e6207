/** Renders the matter workflow table as Markdown for docs/workflow.md (checked by a test so it cannot drift). */
import { ROLES, can } from './roles.ts';
import { DISORDER_TRANSITIONS } from './floor.ts';
import { TICKET_TRANSITIONS } from './queue.ts';
import { MATTER_TRANSITIONS } from './workflow.ts';

export function renderWorkflowDoc(): string {
  const rows = MATTER_TRANSITIONS.map((t) => {
    const roles = ROLES.filter((r) => can([r], t.permission)).join(', ');
    const checks = [t.guard && `facts: ${t.guard.label}`, t.accepts && `input: ${t.accepts.label}`].filter(Boolean);
    const guard = checks.length ? checks.join(' · ') : '—';
    return `| ${t.from} | ${t.action} | ${t.to} | \`${t.permission}\` | ${roles} | ${t.rule} | ${guard} |`;
  });
  const edges = MATTER_TRANSITIONS.map((t) => `  ${t.from} --> ${t.to}: ${t.action}`);
  return [
    '# Matter workflow',
    '',
    'Generated from `MATTER_TRANSITIONS` in `packages/domain/src/workflow.ts` by `npm run docs:workflow`;',
    'a unit test fails when this file and the table disagree. The server allows only these rows, the API lists',
    'the allowed actions of each matter from them, and the web app shows only those buttons.',
    'In the guard column, `facts:` is what must hold of the matter for the action to be offered at all (its',
    'refusal is a conflict), `input:` what the input must satisfy (its refusal names the field to fix).',
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
    '# Queue ticket (R2.1)',
    '',
    'From `TICKET_TRANSITIONS` in `packages/domain/src/queue.ts`. Permission `queue:serve` at the window that',
    'holds the ticket (call gives it to the calling window). Recall is allowed while the recall count is below the',
    "service's setting; no-show only once it is reached. Transfer keeps the arrival time.",
    '',
    '| from | action | to | note |',
    '|---|---|---|---|',
    ...TICKET_TRANSITIONS.map((t) => `| ${t.from} | ${t.action} | ${t.to} | ${t.note} |`),
    '',
    '# Disorder list entry (R2.3)',
    '',
    'From `DISORDER_TRANSITIONS` in `packages/domain/src/floor.ts`. Permission `disorder:approve`. A listed entry',
    'past its expiry date shows as expired and no longer alerts.',
    '',
    '| from | action | to |',
    '|---|---|---|',
    ...DISORDER_TRANSITIONS.map((t) => `| ${t.from} | ${t.action} | ${t.to} |`),
    '',
  ].join('\n');
}
