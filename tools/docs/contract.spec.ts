import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_BLOCKS } from './contract-lists';

const DOC = join(__dirname, '..', '..', 'docs', 'contract.md');

// Prettier pads markdown tables; compare with runs of spaces and dashes collapsed.
const norm = (text: string) => text.trim().replace(/ +/g, ' ').replace(/-{3,}/g, '---');

const blockPattern = (name: string) =>
  new RegExp(`(<!-- generated:${name} -->\\n)([\\s\\S]*?)(\\n<!-- /generated:${name} -->)`);

describe('docs/contract.md: the lists the code defines', () => {
  let doc = readFileSync(DOC, 'utf8');

  afterAll(() => {
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, doc);
  });

  it.each(Object.keys(CONTRACT_BLOCKS))('the generated block %s equals the code', (name) => {
    const expected = CONTRACT_BLOCKS[name]();
    const match = blockPattern(name).exec(doc);
    expect(match).not.toBeNull();
    if (process.env.UPDATE_DOCS === '1') {
      doc = doc.replace(blockPattern(name), `$1\n${expected}\n$3`);
      return;
    }
    expect(norm(match![2])).toBe(norm(expected));
  });
});
