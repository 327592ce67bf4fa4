import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const dir = path.join(__dirname, '..', '..', 'notebooks');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort() : [];
const ID_PATTERN = /^[a-zA-Z0-9-_]{1,64}$/;

interface Cell {
  cell_type: string;
  id?: string;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
  metadata?: Record<string, unknown>;
}

describe('committed notebooks', () => {
  it('exist, starting with 00-start-here.ipynb', () => {
    assert.ok(files.includes('00-start-here.ipynb'), `notebooks/ has: ${files.join(', ') || 'nothing'}`);
  });

  for (const file of files) {
    describe(file, () => {
      const nb = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
        nbformat: number;
        nbformat_minor: number;
        metadata: { kernelspec?: Record<string, string> };
        cells: Cell[];
      };

      it('is nbformat 4.5', () => {
        assert.equal(nb.nbformat, 4);
        assert.equal(nb.nbformat_minor, 5);
      });

      it('uses the tslab TypeScript kernel', () => {
        assert.deepEqual(nb.metadata.kernelspec, { display_name: 'TypeScript', language: 'typescript', name: 'tslab' });
      });

      it('has a valid, unique id on every cell', () => {
        const ids = nb.cells.map((c) => c.id);
        for (const [i, id] of ids.entries()) {
          assert.ok(typeof id === 'string' && ID_PATTERN.test(id), `cell ${i} has id ${JSON.stringify(id)}`);
        }
        assert.equal(new Set(ids).size, ids.length, 'cell ids must be unique');
      });

      it('is committed without outputs or execution counts (run `npm run clear-outputs`)', () => {
        for (const [i, cell] of nb.cells.entries()) {
          if (cell.cell_type !== 'code') continue;
          assert.deepEqual(cell.outputs, [], `cell ${i} has outputs`);
          assert.equal(cell.execution_count, null, `cell ${i} has an execution count`);
        }
      });

      it("imports the library only as '../dist'", () => {
        for (const [i, cell] of nb.cells.entries()) {
          if (cell.cell_type !== 'code') continue;
          const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
          for (const m of source.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
            if (m[1].startsWith('.')) assert.equal(m[1], '../dist', `cell ${i} imports ${m[1]}`);
          }
        }
      });

      it('never uses Math.random (all randomness goes through a seeded Random)', () => {
        for (const [i, cell] of nb.cells.entries()) {
          const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
          if (cell.cell_type === 'code') assert.ok(!source.includes('Math.random'), `cell ${i} uses Math.random`);
        }
      });
    });
  }
});
