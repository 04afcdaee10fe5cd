import type * as Monaco from 'monaco-editor';
import { format } from '../../../grammar/format.js';

/** Format Document (Shift+Alt+F) runs `leadscore fmt`; a file with syntax errors is left as it is. */
export const formattingProvider: Monaco.languages.DocumentFormattingEditProvider = {
  provideDocumentFormattingEdits(model) {
    const result = format(model.getValue());
    if (!result.ok || result.text === model.getValue()) return [];
    return [{ range: model.getFullModelRange(), text: result.text }];
  },
};
