import { h } from '../dom.js';
import type { Strings } from '../i18n.js';

/**
 * The page skeleton: a toolbar, the editor column (rules / schema / diff
 * tabs, problems under them) and the results column. Labels are filled in
 * by `relabel`, so the language toggle needs no rebuild.
 */
export type Tab = 'rules' | 'schema' | 'diff';

export function buildLayout() {
  const tab = (id: Tab) =>
    h('button', {
      type: 'button',
      role: 'tab',
      id: `tab-${id}`,
      'aria-controls': `panel-${id}`,
      'data-testid': `tab-${id}`,
    });
  const tabs = { rules: tab('rules'), schema: tab('schema'), diff: tab('diff') };
  const asOfLabel = h('span');
  const asOf = h('input', { type: 'datetime-local', 'data-testid': 'as-of', step: 60 });
  const formatButton = h('button', { type: 'button', 'data-testid': 'format' });
  const shareButton = h('button', { type: 'button', 'data-testid': 'share' });
  const downloadButton = h('button', { type: 'button', 'data-testid': 'download' });
  const langButton = h('button', { type: 'button', 'data-testid': 'lang' });
  const resetButton = h('button', { type: 'button', 'data-testid': 'reset' });
  const title = h('h1');
  const toast = h('p', { class: 'toast', role: 'status', 'data-testid': 'toast' });
  const shareUrl = h('input', {
    type: 'text',
    readonly: true,
    class: 'share-url',
    'data-testid': 'share-url',
    hidden: true,
  });

  const rulesHost = h('div', { class: 'editor-host', 'data-testid': 'rules-editor' });
  const schemaHost = h('div', { class: 'editor-host', 'data-testid': 'schema-editor' });
  const baselineLabel = h('span');
  const baselineSelect = h('select', { 'data-testid': 'baseline' });
  const snapshotButton = h('button', { type: 'button', 'data-testid': 'snapshot' });
  const baselineFileLabel = h('label', { class: 'file-button' });
  const baselineFile = h('input', { type: 'file', accept: '.score,.txt', 'data-testid': 'baseline-file' });
  const diffHost = h('div', { class: 'editor-host diff-host', 'data-testid': 'diff-editor' });
  const impact = h('div', { class: 'impact', 'data-testid': 'impact-panel' });

  const panels = {
    rules: h('div', { role: 'tabpanel', id: 'panel-rules', 'aria-labelledby': 'tab-rules', class: 'panel' }, rulesHost),
    schema: h(
      'div',
      { role: 'tabpanel', id: 'panel-schema', 'aria-labelledby': 'tab-schema', class: 'panel', hidden: true },
      schemaHost,
    ),
    diff: h(
      'div',
      { role: 'tabpanel', id: 'panel-diff', 'aria-labelledby': 'tab-diff', class: 'panel diff-panel', hidden: true },
      h(
        'div',
        { class: 'baseline-row' },
        h('label', {}, baselineLabel, ' ', baselineSelect),
        snapshotButton,
        baselineFileLabel,
      ),
      diffHost,
      impact,
    ),
  };
  const editorColumn = h(
    'section',
    { class: 'editor-column' },
    h('div', { role: 'tablist', class: 'tabs' }, tabs.rules, tabs.schema, tabs.diff),
    panels.rules,
    panels.schema,
    panels.diff,
  );
  const resultsColumn = h('section', { class: 'results-column', 'data-testid': 'results-column' });
  const charts = h('div', { class: 'charts', 'data-testid': 'charts' });
  const errorsBlock = h('p', { class: 'errors-block', 'data-testid': 'errors-block', hidden: true });
  const root = h(
    'div',
    { class: 'app' },
    h(
      'header',
      { class: 'toolbar' },
      title,
      h('label', { class: 'as-of' }, asOfLabel, ' ', asOf),
      formatButton,
      shareButton,
      downloadButton,
      resetButton,
      langButton,
    ),
    h('div', { class: 'share-row' }, toast, shareUrl),
    h('main', { class: 'columns' }, editorColumn, resultsColumn),
  );

  const relabel = (s: Strings): void => {
    title.textContent = s.title;
    tabs.rules.textContent = s.tabRules;
    tabs.schema.textContent = s.tabSchema;
    tabs.diff.textContent = s.tabDiff;
    asOfLabel.textContent = s.asOf;
    formatButton.textContent = s.format;
    shareButton.textContent = s.share;
    downloadButton.textContent = s.download;
    langButton.textContent = s.language;
    langButton.title = s.languageHint;
    resetButton.textContent = s.reset;
    baselineLabel.textContent = s.baseline;
    snapshotButton.textContent = s.saveSnapshot;
    baselineFileLabel.replaceChildren(s.openBaseline, baselineFile);
  };

  return {
    root,
    tabs,
    panels,
    asOf,
    formatButton,
    shareButton,
    downloadButton,
    langButton,
    resetButton,
    toast,
    shareUrl,
    rulesHost,
    schemaHost,
    baselineSelect,
    snapshotButton,
    baselineFile,
    diffHost,
    impact,
    editorColumn,
    resultsColumn,
    charts,
    errorsBlock,
    relabel,
  };
}

export type Layout = ReturnType<typeof buildLayout>;
