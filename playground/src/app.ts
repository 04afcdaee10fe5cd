import type { Diagnostic } from '../../grammar/diagnostic.js';
import { format as formatSource } from '../../grammar/format.js';
import { parseInstant } from '../../core/time.js';
import { DataLoads } from './data-loads.js';
import { replaceChildren } from './dom.js';
import { createEditors, revealRange, scrollToFirstStatement, type Editors } from './editors.js';
import { BaselineCountsCache, tierThresholds } from './engine/baseline-counts.js';
import { checkRules } from './engine/check.js';
import { compareVersions } from './engine/impact.js';
import type { RawDataset } from './engine/raw-data.js';
import { TIME_ZONE } from './engine/score-all.js';
import { lang, setLang, t } from './i18n.js';
import { setDiagnostics } from './language/markers.js';
import { session } from './language/session.js';
import { monaco } from './monaco-env.js';
import { checkStage, prepareStage, scoreStage, type PipelineState } from './pipeline.js';
import { decodeShareHash } from './share/hash.js';
import { loadLocal, saveLocal } from './share/persist.js';
import { downloadRules, rulesToKeep, shareWork } from './work-actions.js';
import { DEFAULT_STATE, type DataRef, type SavedState } from './state.js';
import { chartsLoading, histogram, tierChart } from './ui/charts.js';
import { DataPanel } from './ui/data-panel.js';
import { DiagnosticsList } from './ui/diagnostics-list.js';
import { EditorHelp } from './ui/editor-help.js';
import { renderImpact } from './ui/impact-view.js';
import { buildLayout, type Layout, type Tab } from './ui/layout.js';
import { ReasonsDrawer } from './ui/reasons-drawer.js';
import { ReviewBaseline } from './ui/review-baseline.js';
import { ResultsTable } from './ui/results-table.js';

/**
 * The controller: edits → check (debounced) → markers and problems →
 * score the prepared sample → table, charts, reasons, diff impact. Data is
 * re-prepared only when the data or the schema text changes.
 */
const DEBOUNCE_MS = 150;

export class App {
  private readonly layout: Layout = buildLayout();
  private readonly editors: Editors;
  private readonly table = new ResultsTable((lead) => this.reasons.open(lead));
  private readonly problems = new DiagnosticsList((d) => this.revealDiagnostic(d));
  private readonly editorHelp = new EditorHelp();
  private readonly dataPanel = new DataPanel(
    (files) => void this.loads.files(files),
    () => void this.loads.example(),
    (data) => this.setData(data),
  );
  private readonly loads = new DataLoads(
    this.dataPanel,
    (raw, ref) => {
      if (ref) this.dataRef = ref;
      this.setData(raw);
    },
    () => {
      if (this.pipeline.raw && this.pipeline.prepared) this.dataPanel.update(this.pipeline.raw, this.pipeline.prepared);
    },
  );
  private dataRef: DataRef;
  /** The data, the latest check and the latest scoring (pipeline.ts). */
  private readonly pipeline: PipelineState = {};
  private readonly reasons = new ReasonsDrawer(
    (line) => this.revealLine(line),
    this.pipeline,
    () => this.now(),
  );
  private readonly baselineCounts = new BaselineCountsCache();
  private readonly baseline = new ReviewBaseline(this.layout.baselineSelect);
  private tab: Tab = 'rules';
  private timer?: number;
  private runCount = 0;

  constructor(host: HTMLElement) {
    const initial = this.initialState();
    this.dataRef = initial.data;
    host.append(this.layout.root);
    this.layout.resultsColumn.append(
      this.dataPanel.element,
      this.layout.errorsBlock,
      this.layout.charts,
      this.table.element,
    );
    this.layout.resultsColumn.after(this.reasons.element);
    this.layout.charts.append(chartsLoading());
    this.layout.editorColumn.append(this.problems.element);
    this.layout.tabs.rules.parentElement!.after(this.editorHelp.element);
    this.editors = createEditors(this.layout.rulesHost, this.layout.schemaHost, initial.rules, initial.schema);
    this.layout.asOf.value = initial.asOf;
    this.wire();
    this.showTab('rules');
    scrollToFirstStatement(this.editors.rulesEditor);
    this.relabel(); // also runs the first check
    if (initial.data.kind === 'files') this.dataPanel.setNotice(t().sharedData(initial.data.names.join(', ')));
    void this.loads.example(initial.data.kind === 'files');
  }

  /** A share link wins over the local copy; it is then removed from the address bar so a reload keeps later edits. */
  private initialState(): SavedState {
    const local = loadLocal();
    if (local) {
      setLang(local.lang);
      this.baseline.snapshot = local.snapshot;
    }
    const shared = decodeShareHash(location.hash);
    if (location.hash.startsWith('#s=')) history.replaceState(null, '', location.pathname + location.search);
    if (shared && local) this.keepAsSnapshot(local.rules, shared.rules);
    return shared ?? local ?? DEFAULT_STATE;
  }

  /** A share link replacing different local rules: the local rules become the diff snapshot, and the toast says so. */
  private keepAsSnapshot(localRules: string, incoming: string): void {
    const kept = rulesToKeep(localRules, incoming);
    if (kept === undefined) return;
    this.baseline.snapshot = kept;
    this.layout.toast.textContent = t().keptAsSnapshot;
  }

  private wire(): void {
    const l = this.layout;
    const { rulesModel, schemaModel } = this.editors;
    rulesModel.onDidChangeContent(() => this.schedule());
    schemaModel.onDidChangeContent(() => this.schedule());
    l.asOf.addEventListener('change', () => this.runCheck());
    for (const tab of ['rules', 'schema', 'diff'] as const) {
      l.tabs[tab].addEventListener('click', () => this.showTab(tab));
      l.tabs[tab].addEventListener('keydown', (e) => this.tabKeys(e, tab));
    }
    l.formatButton.addEventListener('click', () => this.format());
    // Shift+Alt+F everywhere (Monaco binds it to Ctrl+Shift+I on Linux).
    this.editors.rulesEditor.addCommand(monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF, () =>
      this.format(),
    );
    l.shareButton.addEventListener('click', () => shareWork(this.state(), this.layout));
    l.resetButton.addEventListener('click', () => this.resetToExample());
    l.downloadButton.addEventListener('click', () => downloadRules(this.editors.rulesModel.getValue()));
    l.langButton.addEventListener('click', () => {
      setLang(lang() === 'ja' ? 'en' : 'ja');
      this.relabel();
      this.persist();
    });
    l.baselineSelect.addEventListener('change', () => {
      this.updateBaseline();
      this.renderCharts();
    });
    l.snapshotButton.addEventListener('click', () => {
      this.baseline.snapshot = rulesModel.getValue();
      this.persist();
      this.fillBaselineOptions('snapshot');
    });
    l.baselineFile.addEventListener('change', () => {
      const file = l.baselineFile.files?.[0];
      l.baselineFile.value = '';
      if (!file) return;
      void file.text().then((text) => {
        this.baseline.fileText = text;
        this.fillBaselineOptions('file');
      });
    });
    window.addEventListener('hashchange', () => {
      const shared = decodeShareHash(location.hash);
      if (!shared) return;
      history.replaceState(null, '', location.pathname + location.search);
      this.keepAsSnapshot(this.editors.rulesModel.getValue(), shared.rules);
      this.fillBaselineOptions();
      this.applyState(shared);
    });
  }

  private applyState(state: SavedState): void {
    this.editors.rulesModel.setValue(state.rules);
    this.editors.schemaModel.setValue(state.schema);
    this.layout.asOf.value = state.asOf;
    this.dataRef = state.data;
    this.dataPanel.setNotice(state.data.kind === 'files' ? t().sharedData(state.data.names.join(', ')) : '');
    if (state.data.kind === 'files' || this.pipeline.raw?.source !== 'example')
      void this.loads.example(state.data.kind === 'files');
    this.runCheck();
  }

  /** Formats the rules; a file with syntax errors is left as it is, and the toast says why instead of nothing happening. */
  private format(): void {
    // The current text, not the last check: a check may still be waiting for typing to pause.
    const result = formatSource(this.editors.rulesModel.getValue());
    if (!result.ok) {
      const first = result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0];
      this.layout.toast.textContent = t().formatBlocked(first?.range.start.line ?? 1);
      return;
    }
    this.layout.toast.textContent = '';
    void this.editors.rulesEditor.getAction('editor.action.formatDocument')?.run();
  }

  /** 「サンプルに戻す」: the example rules, schema, as-of date and data, after a confirmation when there is work to lose. */
  private resetToExample(): void {
    const s = this.state();
    const changed =
      s.rules !== DEFAULT_STATE.rules ||
      s.schema !== DEFAULT_STATE.schema ||
      s.asOf !== DEFAULT_STATE.asOf ||
      s.data.kind !== 'example';
    if (changed && !window.confirm(t().resetConfirm)) return;
    this.applyState(DEFAULT_STATE);
    scrollToFirstStatement(this.editors.rulesEditor);
  }

  private relabel(): void {
    this.layout.relabel(t());
    this.table.relabel();
    this.reasons.relabel();
    this.editorHelp.relabel();
    this.problems.render();
    this.dataPanel.relabel();
    this.fillBaselineOptions();
    if (this.pipeline.raw && this.pipeline.prepared) this.dataPanel.update(this.pipeline.raw, this.pipeline.prepared);
    this.runCheck();
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.runCheck(), DEBOUNCE_MS);
  }

  /**
   * One pass of the pipeline: the stages of pipeline.ts over `this.pipeline`,
   * each followed by what it changes on the page. The figure the browser test
   * measures is `data-update-ms`: check finished → results on screen.
   */
  private runCheck(): void {
    window.clearTimeout(this.timer);
    const t0 = performance.now();
    const schemaText = this.editors.schemaModel.getValue();
    const check = checkStage(this.pipeline, this.editors.rulesModel.getValue(), schemaText);
    this.publish();
    setDiagnostics(this.editors.schemaModel, check.loaded.diagnostics);
    setDiagnostics(this.editors.rulesModel, check.ruleDiagnostics);
    this.problems.update([...check.ruleDiagnostics, ...check.loaded.diagnostics]);
    const checkDone = performance.now();

    if (prepareStage(this.pipeline, schemaText, check.loaded))
      this.dataPanel.update(this.pipeline.raw!, this.pipeline.prepared!);
    this.layout.errorsBlock.hidden = !check.blocked;
    this.layout.errorsBlock.textContent = check.blocked
      ? check.schemaBroken
        ? t().schemaInvalid
        : t().errorsBlock(Math.max(check.ruleErrors, 1))
      : '';
    this.layout.resultsColumn.classList.toggle('stale', check.blocked);

    const run = scoreStage(this.pipeline, this.now());
    this.publish();
    if (run) {
      const scored = performance.now();
      this.table.update(run);
      this.renderCharts();
      this.reasons.rescored();
      if (this.tab === 'diff') this.updateImpact();
      // Force style and layout, so the figure includes what the browser must do before it can paint.
      void this.layout.resultsColumn.offsetHeight;
      const done = performance.now();
      document.body.dataset.checkMs = (checkDone - t0).toFixed(1);
      document.body.dataset.updateMs = (done - checkDone).toFixed(1);
      document.body.dataset.scoreMs = (scored - checkDone).toFixed(1);
      document.body.dataset.leads = String(run.results.length);
      document.body.dataset.scoreTotal = String(run.results.reduce((n, r) => n + r.score, 0));
    } else if (this.tab === 'diff') this.updateImpact();
    document.body.dataset.run = String(++this.runCount);
    this.persist();
  }

  /** The language features (hover, completions, quick fixes) read the latest pass through their session. */
  private publish(): void {
    const { schema, checked, run } = this.pipeline;
    if (schema) session.schema = schema;
    if (checked) session.checked = checked;
    if (run) session.run = run;
  }

  private now(): number {
    return parseInstant(`${this.layout.asOf.value}:00`, TIME_ZONE) ?? Date.now();
  }

  private setData(raw: RawDataset): void {
    this.pipeline.raw = this.dataPanel.withMappings(raw);
    this.runCheck();
  }

  private showTab(tab: Tab): void {
    this.tab = tab;
    for (const name of ['rules', 'schema', 'diff'] as const) {
      this.layout.tabs[name].setAttribute('aria-selected', String(name === tab));
      this.layout.tabs[name].tabIndex = name === tab ? 0 : -1;
      this.layout.panels[name].hidden = name !== tab;
    }
    // Lay the shown editor out now rather than on the next resize callback, so
    // it is clickable (and measured) as soon as its tab is.
    if (tab === 'rules') this.editors.rulesEditor.layout();
    if (tab === 'schema') this.editors.schemaEditor.layout();
    if (tab === 'diff') {
      this.editors.getDiffEditor(this.layout.diffHost);
      this.updateBaseline();
      requestAnimationFrame(() => this.editors.revealFirstChange());
    }
  }

  /** Arrow keys move between tabs (the WAI-ARIA tabs pattern). */
  private tabKeys(e: KeyboardEvent, tab: Tab): void {
    const order: Tab[] = ['rules', 'schema', 'diff'];
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = order[(order.indexOf(tab) + step + order.length) % order.length]!;
    this.showTab(next);
    this.layout.tabs[next].focus();
  }

  private fillBaselineOptions(select?: string): void {
    this.baseline.fill(select);
    if (this.tab === 'diff') this.updateBaseline();
    this.renderCharts();
  }

  /** The tier chart and the histogram of the latest run, with the counts and thresholds of the diff baseline beside them. */
  private renderCharts(): void {
    const { run, prepared, checked } = this.pipeline;
    if (!run || !prepared || !checked?.program) return;
    const baseline = this.baselineCounts.get(
      this.baseline.text(),
      this.editors.schemaModel.getValue(),
      prepared,
      this.now(),
    );
    replaceChildren(
      this.layout.charts,
      tierChart(run, baseline),
      histogram(run, tierThresholds(checked.program.tiers), baseline),
    );
  }

  private updateBaseline(): void {
    const text = this.baseline.text();
    if (this.editors.baselineModel.getValue() !== text) {
      this.editors.baselineModel.setValue(text);
      requestAnimationFrame(() => this.editors.revealFirstChange());
    }
    this.updateImpact();
  }

  private updateImpact(): void {
    const working = this.pipeline.checked;
    const prepared = this.pipeline.prepared;
    if (!working || !prepared) return;
    const baseline = checkRules(this.editors.baselineModel.getValue(), this.editors.schemaModel.getValue());
    renderImpact(
      this.layout.impact,
      baseline.program && working.program ? compareVersions(baseline, working, prepared.leads, this.now()) : undefined,
    );
  }

  private state(): SavedState {
    return {
      rules: this.editors.rulesModel.getValue(),
      schema: this.editors.schemaModel.getValue(),
      data: this.dataRef,
      asOf: this.layout.asOf.value || DEFAULT_STATE.asOf,
    };
  }

  private persist(): void {
    saveLocal({
      ...this.state(),
      lang: lang(),
      ...(this.baseline.snapshot !== undefined && { snapshot: this.baseline.snapshot }),
    });
  }

  private revealLine(line: number): void {
    this.showTab('rules');
    revealRange(this.editors.rulesEditor, { line, column: 1 });
  }

  private revealDiagnostic(d: Diagnostic): void {
    const inSchema = d.file !== undefined;
    this.showTab(inSchema ? 'schema' : 'rules');
    revealRange(inSchema ? this.editors.schemaEditor : this.editors.rulesEditor, d.range.start, d.range.end);
  }

  /** For automation (the browser tests) and for people scripting the page from the console. */
  api() {
    return {
      getRules: () => this.editors.rulesModel.getValue(),
      setRules: (text: string) => this.editors.rulesModel.setValue(text),
      getSchema: () => this.editors.schemaModel.getValue(),
      rulesEditor: this.editors.rulesEditor,
    };
  }
}
