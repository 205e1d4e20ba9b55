/**
 * hMailServer runs `EventHandlers.vbs` or, when its scripting language is JScript,
 * `EventHandlers.js` (reference §2.7): the file name says which language a script is in.
 */
export type ScriptLanguage = 'vbscript' | 'jscript';

export function languageOfPath(path: string): ScriptLanguage {
  return /\.js$/i.test(path) ? 'jscript' : 'vbscript';
}
