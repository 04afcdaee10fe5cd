import type { MessageLang } from '../compiler/messages/diagnostic-messages.js';

/**
 * The language of diagnostic messages on the command line: `--lang ja|en`,
 * else the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the POSIX
 * order) when it names Japanese (`ja`, `ja_JP.UTF-8`, …), else English.
 */
let current: MessageLang = 'en';

export function localeLang(env: Readonly<Record<string, string | undefined>>): MessageLang {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^ja([_.@-]|$)/i.test(locale) ? 'ja' : 'en';
}

export function setMessageLang(lang: MessageLang): void {
  current = lang;
}

export function messageLang(): MessageLang {
  return current;
}
