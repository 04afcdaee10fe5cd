import type * as Monaco from 'monaco-editor';
import { KEYWORDS } from '../../../grammar/tokens.js';

/**
 * Syntax colouring for rule files. Mirrors the lexer (grammar/tokens.ts) in
 * spirit, not exactly: colouring must never fail, so anything the lexer
 * would reject is simply shown as plain text or `invalid`.
 */
export const LANGUAGE_ID = 'leadscore';

export const monarch: Monaco.languages.IMonarchLanguage = {
  unicode: true,
  defaultToken: '',
  keywords: [...KEYWORDS],
  tokenizer: {
    root: [
      [/#.*$/, 'comment'],
      // The version-2 words are keywords only in their place (as the parser reads them);
      // elsewhere `month`, `last` or `day` are names and stay identifiers.
      [/(decay)(\s+)(\d+%)(\s+)(every)(?![\p{L}\p{N}\p{M}_])/u, ['keyword', '', 'number.percent', '', 'keyword']],
      [/(per)(\s+)(day|week|month)(?![\p{L}\p{N}\p{M}_])/u, ['keyword', '', 'keyword']],
      [/(since)(\s+)(last)(?=\s)/u, ['keyword', '', 'keyword']],
      [/"(?:[^"\\\r\n]|\\.)*"/, 'string'],
      [/"(?:[^"\\\r\n]|\\.)*$/, 'string.invalid'],
      // Durations before numbers (`30d` is one token), as in the lexer.
      [/\d+[hdw](?![\p{L}\p{N}_])/u, 'number.duration'],
      [/\d+[A-Za-z]+/, 'invalid'],
      // (Monarch reads only each pattern's source and recompiles it with the `unicode` flag above.)
      // A sign glued to an integer: the points a rule gives or takes.
      [/[+-]\d+(?!\.\d)/, 'points'],
      [/-?\d+(?:\.\d+)?/, 'number'],
      [/!=|<=|>=|<|>|=/, 'operator'],
      [/[{}[\]()]/, '@brackets'],
      [/[,.]/, 'delimiter'],
      [/[\p{L}_][\p{L}\p{N}\p{M}_]*/u, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
    ],
  },
};

export const languageConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
  ],
  // Japanese names are words too, so double-click and completions see them whole.
  wordPattern: /[\p{L}_][\p{L}\p{N}\p{M}_]*|-?\d+(?:\.\d+)?[hdw]?/u,
};

export const themeRules: Monaco.editor.ITokenThemeRule[] = [
  { token: 'points', foreground: '0B7A3E', fontStyle: 'bold' },
  { token: 'number.duration', foreground: '8A4B00' },
  { token: 'number.percent', foreground: '8A4B00' },
  { token: 'keyword', foreground: '0033B3', fontStyle: 'bold' },
  { token: 'string', foreground: 'A31515' },
  { token: 'comment', foreground: '6A737D', fontStyle: 'italic' },
  { token: 'operator', foreground: '6F42C1' },
];
