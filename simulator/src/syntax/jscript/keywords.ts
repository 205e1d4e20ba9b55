/** ES3 JScript's keywords and literals: what the parser reserves and what completion offers. */
export const JSCRIPT_KEYWORDS: readonly string[] = (
  'break case catch continue debugger default delete do else false finally for function if in instanceof new null return ' +
  'switch this throw true try typeof var void while with'
).split(' ');
