import type * as Monaco from 'monaco-editor';
import { formatEdits } from '../../../compiler/language-service/formatting.js';

/** Format Document (Shift+Alt+F) runs `leadscore fmt`; a file with syntax errors is left as it is. */
export const formattingProvider: Monaco.languages.DocumentFormattingEditProvider = {
  provideDocumentFormattingEdits(model) {
    return formatEdits(model.getValue()).map((edit) => ({ range: model.getFullModelRange(), text: edit.newText }));
  },
};
