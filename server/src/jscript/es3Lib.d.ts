/** The ES3 library text, generated at build time (simulator/src/analysis/jscript/buildPlugin.mjs). */
declare module 'hmailserver:es3-lib' {
  const text: string;
  export default text;
}
