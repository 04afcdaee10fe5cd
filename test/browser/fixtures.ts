/**
 * Test data for the browser tests: a larger data set made from the example
 * (copies with new ids), and a share link whose every string is hostile.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compressToEncodedURIComponent } from 'lz-string';

/** `n` leads as JSON Lines, with their events: the example leads repeated under new ids. */
export function bigDataset(n: number): { leads: string; events: string } {
  const leads = readFileSync(resolve('examples/leads.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const events = readFileSync(resolve('examples/events.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const byLead = new Map<string, Record<string, unknown>[]>();
  for (const e of events) {
    const list = byLead.get(e.lead_id as string) ?? [];
    list.push(e);
    byLead.set(e.lead_id as string, list);
  }
  const outLeads: string[] = [];
  const outEvents: string[] = [];
  for (let i = 0; i < n; i++) {
    const source = leads[i % leads.length]!;
    const id = i < leads.length ? (source.id as string) : `X${String(i).padStart(5, '0')}`;
    outLeads.push(JSON.stringify({ ...source, id }));
    for (const e of byLead.get(source.id as string) ?? []) outEvents.push(JSON.stringify({ ...e, lead_id: id }));
  }
  return { leads: outLeads.join('\n') + '\n', events: outEvents.join('\n') + '\n' };
}

/** A link whose rules, labels, tier names, schema and data-set name all try to run script or inject markup. */
export function hostileShareUrl(): string {
  const rules = [
    'schema "./lead.schema.json"',
    '# </script><script>window.__pwned=4</script>',
    'let 怪しい = ["<img src=x onerror=window.__pwned=5>", "</script>"]',
    'group 属性 {',
    '  when employees >= 0 +20 "\\"); window.__pwned=2; //"',
    '  when name not in 怪しい +25 "<img src=x onerror=window.__pwned=6>"',
    '  when email contains "</script><script>window.__pwned=7</script>" +5 "${window.__pwned=8}"',
    '}',
    'tier "<img src=x onerror=window.__pwned=1>" >= 60',
    'tier "`${window.__pwned=9}`" otherwise',
    '',
  ].join('\n');
  const schema = readFileSync(resolve('rules/lead.schema.json'), 'utf8').replace(
    '"リードID (MA の ID)"',
    '"<img src=x onerror=window.__pwned=10>"',
  );
  const state = {
    v: 1,
    rules,
    schema,
    data: { kind: 'files', names: ['<img src=x onerror=window.__pwned=3>'] },
    asOf: '2026-11-01T00:00',
  };
  return '#s=' + compressToEncodedURIComponent(JSON.stringify(state));
}
