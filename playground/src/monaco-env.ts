/**
 * Monaco, trimmed to what the playground uses. Importing `monaco-editor`
 * itself pulls in every language (and the CSS, HTML and TypeScript workers)
 * and every editor feature, ~4.4 MB of JavaScript; instead we take the editor
 * core (`editor.api`) and add the contributions one by one. A feature that is
 * not imported here is silently absent (its action, keybinding or widget just
 * does not exist), so add its `register` module when the playground starts
 * using one.
 *
 * Workers, bundled by Vite (`?worker`): the generic editor worker, and the
 * JSON worker that validates the schema tab's syntax.
 */
import * as monaco from 'monaco-editor/editor/editor.api';

// Codicons: the icons of the find widget, suggest list, light bulb, folding…
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/editor/common/standaloneStrings';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/features/codeEditor/register';
// The diff editor (the diff tab).
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/readOnlyMessage/register';
// The features the playground relies on.
import 'monaco-editor/features/find/register'; // Ctrl+F (also used by the browser tests)
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'; // completions, Ctrl+Space
import 'monaco-editor/features/snippet/register'; // snippet completions
import 'monaco-editor/features/hover/register'; // hover, Ctrl+K Ctrl+I, marker hovers
import 'monaco-editor/features/codeAction/register'; // quick fixes, Ctrl+., light bulb
import 'monaco-editor/features/format/register'; // Format Document, Shift+Alt+F
import 'monaco-editor/features/gotoError/register'; // F8 / next problem
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/comment/register'; // Ctrl+/
// The everyday editing keybindings.
import 'monaco-editor/features/toggleTabFocusMode/register'; // Ctrl+M (docs/playground.md)
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/indentation/register';
// The JSON language of the schema tab: tokens, syntax validation, completions, formatting.
import 'monaco-editor/language/json/monaco.contribution';

import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

export { monaco };
