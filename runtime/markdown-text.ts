/**
 * Text from rule files and data in Markdown (report and diff comments): no
 * line breaks that would end a table row, no HTML, no Markdown markup. The
 * escaped text renders as written.
 */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
}
