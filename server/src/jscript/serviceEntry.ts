/**
 * Entry of dist/jscriptService.js: the JScript language service (TypeScript and the ES3 parser)
 * with the ES3 library built in. The server requires it on the first JScript document only
 * (`loader.ts`), so VBScript users never load TypeScript.
 */
import es3Lib from 'hmailserver:es3-lib';
import { JScriptService } from '../../../simulator/src/analysis/jscript/service';
import type { JScriptHostData } from '../../../simulator/src/editor';

export function createJScriptService(host: JScriptHostData): JScriptService {
  return new JScriptService({ libText: es3Lib, host });
}
