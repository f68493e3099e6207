/**
 * Shipped migrations are frozen (house rule 7): a database that already ran one never runs it
 * again, so an edit would make fresh databases differ from upgraded ones. Each file's SHA-256 is
 * pinned here; add a new migration (and its hash) instead of changing one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from './index.ts';

const SHIPPED: Record<string, string> = {
  '20261129000000_initial.ts': '7191602ff728e9fe3107df17f665cb4e1a34233fe31fd8d4d3ed3f57e59a3b63',
  '20261129010000_case_lifecycle.ts': '492e67e93ba65ffdbe1dea9f8c5374ef04b279ccc5276904a85e3703134d4505',
  '20261129020000_hall_floor.ts': 'c200238ae29708efb58224bf39880d32d298a4a04ed2cafdf556a9aea4ea626e',
  '20261204000000_audit_chain.ts': '35514604b3ade7e1e70393bf213cf37f553f3533a423e222abd00b6a382fad1a',
  '20261204010000_personal_data.ts': '6bc10276c1655b4cb42c136effbc75479676045be70767c85cfedd4c972eac81',
  '20261204020000_web_security.ts': 'aeccdaa33e2a7ffad74d51f1f84f3a5f1003c029db001fb903ac9476275b7e88',
  '20261205000000_case_indexes.ts': '4c15bc71ef57a1bec50c93caf62485cfc06d6873a571c4b4541c367d39c7a586',
};

const dir = path.dirname(fileURLToPath(import.meta.url));
const migrationFiles = () =>
  fs
    .readdirSync(dir)
    .filter((f) => /^\d{14}_.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
    .sort();
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex');

describe('frozen migrations', () => {
  it.each(Object.keys(SHIPPED))('%s is unchanged since it shipped', (file) => {
    expect(fs.existsSync(path.join(dir, file)), `${file} was shipped and must not be removed or renamed`).toBe(true);
    expect(
      sha256(file),
      `${file} has shipped and is frozen: databases that already ran it will never run it again. ` +
        'Undo the edit and add a new migration (a later timestamp) that makes the change instead.',
    ).toBe(SHIPPED[file]);
  });

  it('every migration file has its hash pinned here and is registered in migrations/index.ts', () => {
    const files = migrationFiles();
    expect(
      files.filter((f) => !(f in SHIPPED)),
      'a new migration: add its SHA-256 (sha256sum) to SHIPPED in migrations-frozen.test.ts',
    ).toEqual([]);
    expect(Object.keys(migrations).map((name) => `${name}.ts`)).toEqual(files);
  });
});
