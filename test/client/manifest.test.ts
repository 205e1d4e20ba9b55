// The manifest (package.json contributes) against the code: commands declared = commands
// registered, settings declared = settings read (by the server and the client), versions and rule
// codes from the API data, every file the manifest names exists, language configuration works.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../simulator/src/analysis/index';
import { JS_RULES } from '../../simulator/src/analysis/jscript/index';
import { DEFAULT_SERVER_VERSION, SERVER_VERSIONS, events } from '../../simulator/src/api/index';
import { DEFAULT_TIMEOUT_SECONDS } from '../../simulator/src/scenario/load';
import { COMMANDS, JSCRIPT, LANGUAGES, SECTION, TEST_CONTROLLER_ID, VBSCRIPT } from '../../client/src/constants';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;
const settings: Record<string, { type?: string; enum?: string[]; default?: unknown; properties?: Record<string, unknown> }> =
  contributes.configuration.properties;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}
const clientSource = sources(path.join(root, 'client', 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
const json = (rel: string) => JSON.parse(read(rel));
const fileOf = (ref: string) => path.join(root, ref);

/** A language-configuration regular expression (string or { pattern, flags }). */
function regex(rule: string | { pattern: string; flags?: string }): RegExp {
  return typeof rule === 'string' ? new RegExp(rule) : new RegExp(rule.pattern, rule.flags);
}

describe('manifest: commands', () => {
  const declared: string[] = contributes.commands.map((c: { command: string }) => c.command);

  it('declares exactly the commands in client/src/constants.ts, titled "hMailServer: …"', () => {
    assert.deepEqual([...declared].sort(), Object.values(COMMANDS).sort());
    for (const c of contributes.commands) assert.equal(c.category, 'hMailServer', c.command);
  });

  it('registers every declared command in client/src', () => {
    for (const [key, id] of Object.entries(COMMANDS)) {
      const registered = new RegExp(`register(?:TextEditor)?Command\\(\\s*(?:COMMANDS\\.${key}\\b|'${id.replace(/\./g, '\\.')}')`).test(clientSource);
      assert.ok(registered, `${id} is declared but never registered`);
    }
  });

  it('menus name only declared commands', () => {
    for (const [menu, items] of Object.entries(contributes.menus as Record<string, { command: string }[]>)) {
      for (const item of items) assert.ok(declared.includes(item.command), `${menu}: ${item.command}`);
    }
  });
});

describe('manifest: settings', () => {
  it('declares every setting the language server reads', () => {
    const serverSettings = read('server/src/settings.ts');
    const keys = [...serverSettings.matchAll(/\bat\(raw, '([\w.]+)'\)/g)].map((m) => m[1]);
    assert.ok(keys.length >= 6, `found only ${keys.join(', ')} in server/src/settings.ts`);
    for (const key of keys) assert.ok(settings[`${SECTION}.${key}`], `${SECTION}.${key} is read by the server but not declared`);
  });

  it('declares every setting the client reads, and every declared setting is read by someone', () => {
    const clientKeys = new Set([
      ...[...clientSource.matchAll(/(?<!\bfiles)\.(?:get|inspect)<[^>]*>\('([\w.]+)'\)/g)].map((m) => m[1]),
      ...[...clientSource.matchAll(/\$\{SECTION\}\.([\w.]+)/g)].map((m) => m[1]),
    ]);
    for (const key of clientKeys) assert.ok(settings[`${SECTION}.${key}`], `${SECTION}.${key} is read by the client but not declared`);
    const serverKeys = [...read('server/src/settings.ts').matchAll(/\bat\(raw, '([\w.]+)'\)/g)].map((m) => m[1]);
    const readSomewhere = new Set([...clientKeys, ...serverKeys, 'trace.server' /* vscode-languageclient reads it */]);
    for (const name of Object.keys(settings)) {
      assert.ok(name.startsWith(`${SECTION}.`), name);
      assert.ok(readSomewhere.has(name.slice(SECTION.length + 1)), `${name} is declared but nothing reads it`);
    }
  });

  it('offers the server versions of the API data, defaulting as the server does', () => {
    const version = settings[`${SECTION}.version`];
    assert.deepEqual(version.enum, [...SERVER_VERSIONS]);
    assert.equal(version.default, DEFAULT_SERVER_VERSION);
  });

  it('lists exactly the diagnostic rules the analysis has (VBScript and JScript)', () => {
    const declaredRules = Object.keys(settings[`${SECTION}.diagnostics.rules`].properties ?? {}).sort();
    assert.deepEqual(declaredRules, [...new Set([...RULES, ...JS_RULES].map((r) => r.code))].sort());
  });

  it('defaults the script time limit to the simulator default; associateAllVbs is off', () => {
    assert.equal(settings[`${SECTION}.scriptTimeLimit`].default, DEFAULT_TIMEOUT_SECONDS);
    assert.equal(settings[`${SECTION}.associateAllVbs`].type, 'boolean');
    assert.equal(settings[`${SECTION}.associateAllVbs`].default, false);
  });
});

describe('manifest: languages, files, activation, trust', () => {
  it('claims EventHandlers.vbs and EventHandlers.js for the two languages of client/src/constants.ts', () => {
    const languages = contributes.languages as { id: string; filenames: string[]; configuration: string }[];
    assert.deepEqual(languages.map((l) => l.id), [...LANGUAGES]);
    assert.deepEqual(languages.find((l) => l.id === VBSCRIPT)!.filenames, ['EventHandlers.vbs']);
    assert.deepEqual(languages.find((l) => l.id === JSCRIPT)!.filenames, ['EventHandlers.js']);
    for (const l of languages) assert.ok(existsSync(fileOf(l.configuration)), l.configuration);
  });

  it('names grammars, snippets, schema, icon and main that exist', () => {
    const vbs = contributes.grammars.find((g: { language: string }) => g.language === VBSCRIPT);
    assert.equal(vbs.path, './syntaxes/hmailserver-vbscript.tmLanguage.json');
    for (const g of contributes.grammars) {
      assert.ok(existsSync(fileOf(g.path)), g.path);
      assert.equal(json(g.path).scopeName, g.scopeName, g.path);
    }
    assert.equal(json(vbs.path).scopeName, 'source.vbscript.hmailserver');
    for (const s of contributes.snippets) assert.ok(existsSync(fileOf(s.path)), s.path);
    const [binding] = contributes.jsonValidation;
    assert.equal(binding.fileMatch, '*.scenario.json');
    assert.equal(path.normalize(binding.url), path.normalize('./simulator/src/scenario/scenario.schema.json'));
    assert.equal(json(binding.url).title, 'hMailServer scripting scenario');
    assert.ok(readFileSync(fileOf(pkg.icon)).subarray(1, 4).toString('latin1') === 'PNG', 'the icon is a PNG');
    assert.equal(pkg.main, './dist/extension.js');
    assert.ok(existsSync(path.join(root, 'client', 'src', 'extension.ts')));
    assert.ok(existsSync(path.join(root, 'LICENSE')) && existsSync(path.join(root, 'CHANGELOG.md')));
    assert.ok(pkg.repository?.url, 'vsce needs repository to package without asking');
  });

  it('lets breakpoints be set, and the hmailserver debugger be offered, in both languages', () => {
    const breakpoints = (contributes.breakpoints as { language: string }[]).map((b) => b.language);
    const debuggerLanguages = (contributes.debuggers as { type: string; languages: string[] }[]).find((d) => d.type === 'hmailserver')!.languages;
    for (const language of LANGUAGES) {
      assert.ok(breakpoints.includes(language), `no breakpoints in ${language}`);
      assert.ok(debuggerLanguages.includes(language), `debugger not offered for ${language}`);
    }
  });

  it('activates on both languages and on scenario files; pins the engine and @types/vscode', () => {
    for (const e of [`onLanguage:${VBSCRIPT}`, `onLanguage:${JSCRIPT}`, 'workspaceContains:**/*.scenario.json']) {
      assert.ok(pkg.activationEvents.includes(e), e);
    }
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.equal(pkg.devDependencies['@types/vscode'], '1.100.0');
  });

  it('supports untrusted workspaces in a limited way, and running asks for trust', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(clientSource, /workspace\.isTrusted/);
    assert.match(read('client/src/scenarios/commands.ts'), /requireTrust\(/);
  });
});

describe('language configuration and snippets', () => {
  const config = json('client/language-configuration.json');
  const increase = regex(config.indentationRules.increaseIndentPattern);
  const decrease = regex(config.indentationRules.decreaseIndentPattern);

  it('indents after block openers, not after one-line blocks', () => {
    const opens = [
      'Sub OnAcceptMessage(oClient, oMessage)', 'Private Function Score(text)', 'Public Property Get Name()', 'Class SpamScorer',
      'If x > 1 Then', '  ElseIf y Then', 'Else', 'For i = 0 To 10', 'For Each r In list', 'Do While n < 3', 'Do', 'While x',
      'Select Case n', 'Case 1', 'With oMessage', "if a then ' comment",
    ];
    const flat = ['If x Then y = 1', 'Sub A() : End Sub', 'Dim x', 'x = 1', "' If x Then", 'Do : n = n + 1 : Loop', 'For i = 1 To 2 : Next', 'End If', 'EndOfLine = 1'];
    for (const line of opens) assert.ok(increase.test(line), `should indent after: ${line}`);
    for (const line of flat) assert.ok(!increase.test(line), `should not indent after: ${line}`);
  });

  it('dedents block closers and middles', () => {
    for (const line of ['End Sub', '  end function', 'End If', 'Next', 'Loop Until x', 'Wend', 'Else', 'ElseIf x Then', 'Case Else', 'End Select', 'End With', 'End Class', 'End Property']) {
      assert.ok(decrease.test(line), `should dedent: ${line}`);
    }
    for (const line of ['Ending = 1', 'NextOne = 2', 'Loops = 3', "x = 1 ' End If"]) assert.ok(!decrease.test(line), `should not dedent: ${line}`);
  });

  it('has valid on-enter rules, comments and auto-closing pairs', () => {
    for (const rule of config.onEnterRules) {
      for (const key of ['beforeText', 'afterText', 'previousLineText']) if (rule[key]) regex(rule[key]);
    }
    assert.equal(config.comments.lineComment, "'");
    assert.deepEqual(config.autoClosingPairs.map((p: { open: string }) => p.open).sort(), ['"', '(']);
  });

  it('offers the block snippets and no event handlers (the language server offers those)', () => {
    const snippets = json('snippets/hmailserver-vbscript.code-snippets') as Record<string, { prefix: string; body: string[] }>;
    for (const name of ['If', 'For', 'For Each', 'Do While', 'Select Case', 'With', 'Sub', 'Function', 'Class', 'Property Get', 'Property Let', 'On Error Resume Next']) {
      assert.ok(snippets[name], `snippet ${name}`);
    }
    const eventNames = events().map((e) => e.name.toLowerCase());
    for (const [name, s] of Object.entries(snippets)) {
      const text = s.body.join('\n').toLowerCase();
      for (const e of eventNames) assert.ok(!text.includes(e), `snippet ${name} names the event ${e}`);
    }
  });
});

describe('manifest: walkthrough, CodeLens and the Testing view', () => {
  const [walkthrough] = contributes.walkthroughs as {
    id: string;
    steps: { id: string; title: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }[];
  }[];
  const declared: string[] = contributes.commands.map((c: { command: string }) => c.command);
  /** Built-in commands the walkthrough may link to. */
  const builtIn = ['workbench.action.quickOpen', 'workbench.action.debug.start', 'workbench.view.testing.focus'];
  /** The allow-list of .vscodeignore (`!pattern` lines) as regular expressions. */
  const shipped = read('.vscodeignore')
    .split(/\r?\n/)
    .filter((l) => l.startsWith('!'))
    .map((l) => new RegExp('^' + l.slice(1).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*') + '$'));

  it('walks from opening the handlers to writing one, running a scenario and debugging it', () => {
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openHandlers', 'writeHandler', 'runScenario', 'debugScenario']);
    assert.match(walkthrough.steps[3].description, /F5/);
  });

  it('names media that exist and ship in the .vsix, and links only to commands that exist', () => {
    for (const step of walkthrough.steps) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && existsSync(fileOf(media)), `${step.id}: ${media}`);
      assert.ok(shipped.some((r) => r.test(media!.replace(/^\.\//, ''))), `${media} is not in the .vscodeignore allow-list`);
      const linked = [...step.description.matchAll(/\(command:([\w.]+)/g), ...(step.completionEvents ?? []).join(' ').matchAll(/onCommand:([\w.]+)/g)].map((m) => m[1]);
      for (const command of linked) assert.ok(declared.includes(command) || builtIn.includes(command), `${step.id} links to ${command}`);
    }
  });

  it('contributes the after-run views, and the client registers a CodeLens provider, a test controller and a Run profile', () => {
    assert.ok(declared.includes(COMMANDS.showTranscript) && declared.includes(COMMANDS.showMessageDiff));
    assert.match(clientSource, /registerCodeLensProvider\(/);
    assert.match(clientSource, /tests\.createTestController\(/);
    assert.match(clientSource, /TestRunProfileKind\.Run/);
    assert.match(clientSource, /registerTextDocumentContentProvider\(/);
    for (const item of contributes.menus['testing/item/context']) assert.equal(item.when, `controllerId == ${TEST_CONTROLLER_ID}`);
    // The debugger plugs in through these two lists in extension.ts.
    const extension = read('client/src/extension.ts');
    assert.match(extension, /handlerLenses: HandlerLensProvider\[\] = \[/);
    assert.match(extension, /testProfiles: ScenarioTestProfile\[\] = \[/);
  });
});
