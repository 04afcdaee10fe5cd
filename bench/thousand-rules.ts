/** A generated rule file of `count` rules over the example schema, for checker and compiler timing. */
export function thousandRuleFile(count = 1000): string {
  const lines = ['schema "./lead.schema.json"', 'let 決裁者 = [役員, 部長]'];
  const roles = ['役員', '部長', '課長', '主任', '担当者'];
  const events = ['page_view', 'email_open', 'email_click', 'whitepaper_download', 'form_reach', 'webinar_attend'];
  const perGroup = Math.ceil(count / 10);
  let written = 0;
  for (let g = 0; written < count; g++) {
    lines.push(`group グループ${g} max ${200 + g} {`);
    for (let i = 0; i < perGroup && written < count; i++, written++) {
      const n = written;
      switch (n % 5) {
        case 0:
          lines.push(`  when employees >= ${n} and role in 決裁者 +${(n % 30) + 1} "規模${n}"`);
          break;
        case 1:
          lines.push(`  when industry in [製造業, 情報通信業] or role = ${roles[n % roles.length]} +${(n % 20) + 1}`);
          break;
        case 2:
          lines.push(
            `  on page_view where url contains "/p${n}" +${(n % 10) + 1} each max ${(n % 50) + 10} within ${(n % 90) + 1}d`,
          );
          break;
        case 3:
          lines.push(`  on ${events[n % events.length]} +${(n % 15) + 1} each within ${(n % 12) + 1}w "行動${n}"`);
          break;
        default:
          lines.push(`  when not (email contains "@example${n}.jp") and employees is set -${(n % 5) + 1}`);
      }
    }
    lines.push('}');
  }
  lines.push('tier MQL >= 600', 'tier 中関心 >= 300', 'tier 低関心 otherwise');
  return `${lines.join('\n')}\n`;
}
