import { EXAMPLE_RULES } from '../data/examples.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

/**
 * What the diff tab and the charts compare the working rules with: the
 * bundled example, the snapshot the user took (or that a share link's
 * arrival kept), or a rule file they opened.
 */
export class ReviewBaseline {
  snapshot: string | undefined;
  fileText: string | undefined;

  constructor(private readonly select: HTMLSelectElement) {}

  /** Lists the baselines there are, keeping `selected` (or the current choice) while it is one of them. */
  fill(selected?: string): void {
    const current = selected ?? this.select.value ?? 'bundled';
    const options = [h('option', { value: 'bundled' }, t().baselineBundled)];
    if (this.snapshot !== undefined) options.push(h('option', { value: 'snapshot' }, t().baselineSnapshot));
    if (this.fileText !== undefined) options.push(h('option', { value: 'file' }, t().baselineFile));
    this.select.replaceChildren(...options);
    this.select.value = options.some((o) => o.value === current) ? current : 'bundled';
  }

  /** The chosen baseline's rules. */
  text(): string {
    const v = this.select.value;
    return v === 'snapshot' ? (this.snapshot ?? '') : v === 'file' ? (this.fileText ?? '') : EXAMPLE_RULES;
  }
}
