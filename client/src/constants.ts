/** Identifiers shared by the manifest (package.json `contributes`) and the code. */
export const SECTION = 'hmailserver';
export const VBSCRIPT = 'hmailserver-vbscript';
export const JSCRIPT = 'hmailserver-jscript';
export const LANGUAGES = [VBSCRIPT, JSCRIPT] as const;

/** Languages whose documents go to the language server (it routes each by its language id). */
export const SERVER_LANGUAGES = [VBSCRIPT, JSCRIPT] as const;

/** Delay between an edit and its diagnostics, passed to the server as `debounceMs`. */
export const DEBOUNCE_MS = 150;

export const COMMANDS = {
  runScenario: 'hmailserver.runScenario',
  newScenarioFromEml: 'hmailserver.newScenarioFromEml',
  insertEventHandler: 'hmailserver.insertEventHandler',
  selectVersion: 'hmailserver.selectVersion',
  showTranscript: 'hmailserver.showTranscript',
  showMessageDiff: 'hmailserver.showMessageDiff',
  debugScenario: 'hmailserver.debugScenario',
} as const;

/** The Testing view's controller for scenario tests. */
export const TEST_CONTROLLER_ID = 'hmailserver.scenarios';

export const SCENARIO_GLOB = '**/*.scenario.json';
export const SCRIPT_GLOB = '**/EventHandlers.{vbs,js}';
export const EXCLUDE_GLOB = '**/{node_modules,.git}/**';
