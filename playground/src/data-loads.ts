import type { RawDataset } from './engine/raw-data.js';
import type { DataRef } from './state.js';
import type { DataPanel } from './ui/data-panel.js';
import { EXAMPLE_DATA_FILES } from './data/examples.js';
import { parseInWorker, parseUserFiles } from './data/load-files.js';

/**
 * Loading the example or the user's files, parsed off the page's thread. A
 * load that finishes after a later one was applied is dropped: files
 * dropped while the example was still loading win.
 */
export class DataLoads {
  /** Loads started, and the latest one applied. */
  private started = 0;
  private applied = 0;

  constructor(
    private readonly panel: DataPanel,
    /** Takes a finished load; `ref` is what a share link or the saved work names it by (undefined: keep the current one). */
    private readonly apply: (raw: RawDataset, ref: DataRef | undefined) => void,
    /** A failed load shows the data in use again: its summary, if there is one. */
    private readonly showCurrent: () => void,
  ) {}

  async example(keepNotice = false): Promise<void> {
    const load = ++this.started;
    this.panel.loading();
    if (!keepNotice) this.panel.setNotice('');
    const files = await parseInWorker(
      EXAMPLE_DATA_FILES.map((f) => ({ name: f.name, url: new URL(f.url, document.baseURI).href })),
    );
    if (load < this.applied) return;
    this.applied = load;
    this.apply({ source: 'example', files }, keepNotice ? undefined : { kind: 'example' });
  }

  async files(files: File[]): Promise<void> {
    const load = ++this.started;
    this.panel.loading();
    try {
      const parsed = await parseUserFiles(files);
      if (load < this.applied) return;
      this.applied = load;
      this.panel.setNotice(parsed.notes.join(' '));
      this.apply({ source: 'files', files: parsed.files }, { kind: 'files', names: files.map((f) => f.name) });
    } catch (e) {
      if (load < this.applied) return;
      this.panel.setNotice(e instanceof Error ? e.message : String(e));
      // The data in use is unchanged: show its summary again instead of "loading" (unless another load is under way).
      if (load === this.started) this.showCurrent();
    }
  }
}
