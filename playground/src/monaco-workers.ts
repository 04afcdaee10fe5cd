/**
 * Stand-in for monaco-editor's `esm/vs/internal/common/workers.js`, swapped in
 * by playground/vite.config.ts. The original, imported by the JSON language
 * (`languages/features/json/workerManager.js`) for its `createWebWorker`, also
 * imports every editor contribution as a side effect — which would bring back
 * everything monaco-env.ts leaves out. This is its `createWebWorker` alone
 * (the worker always comes from `MonacoEnvironment.getWorker`, set in
 * monaco-env.ts; the page uses no Trusted Types policy).
 */
import { editor } from 'monaco-editor/editor/editor.api';

interface WorkerOptions {
  label?: string;
  moduleId?: string;
  createWorker?: () => Worker;
  createData?: unknown;
  host?: Record<string, (...args: never[]) => unknown>;
  keepIdleModels?: boolean;
}

function getWorker(label: string, createWorker?: () => Worker): Worker | Promise<Worker> {
  const env = globalThis.MonacoEnvironment;
  if (env?.getWorker) return env.getWorker('workerMain.js', label);
  if (createWorker) return createWorker();
  throw new Error('MonacoEnvironment.getWorker is not defined');
}

export function createWebWorker<T extends object>(opts: WorkerOptions): editor.MonacoWebWorker<T> {
  const worker = Promise.resolve(getWorker(opts.label ?? 'monaco-editor-worker', opts.createWorker)).then((w) => {
    w.postMessage('ignore');
    w.postMessage(opts.createData);
    return w;
  });
  return editor.createWebWorker<T>({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
}
