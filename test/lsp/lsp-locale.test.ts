import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, SCHEMA } from './fixtures.js';
import { startServer } from './lsp-client.js';

/** The language server speaks the client's language: `initialize` `locale` ja → Japanese messages, else English. */
describe('leadscore lsp: messages in the client locale', () => {
  it.each([
    ['ja', /^不明な項目 「役書」: lead\.schema\.json にこの項目はありません — もしかして 「役職」 ですか\?$/],
    ['ja-JP', /^不明な項目 「役書」/],
    ['en', /^unknown field "役書": .*did you mean "役職"\?$/],
    [undefined, /^unknown field "役書"/],
  ])('locale %s', async (locale, expected) => {
    const lsp = await startServer(locale === undefined ? {} : { locale });
    try {
      writeFileSync(join(lsp.dir, 'lead.schema.json'), JSON.stringify(SCHEMA, null, 2));
      const published = lsp.diagnostics('typo.score');
      await lsp.open('typo.score', RULES.replace('and 役職 in', 'and 役書 in'));
      const diagnostics = await published;
      expect(diagnostics.map((d) => d.code)).toEqual(['unknown-field']);
      expect(diagnostics[0]!.message).toMatch(expected);
    } finally {
      await lsp.close();
    }
  });
});
