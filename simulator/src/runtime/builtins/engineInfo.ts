/** Locale and engine-identity functions: GetLocale, SetLocale, ScriptEngine*, RGB. */
import { raise, RuntimeError } from '../errors';
import { deref } from '../values/coerce';
import { DEFAULT_LCID, findLocale, setCurrentLocale } from '../values/locale';
import { makeLong, type Value } from '../values/variant';
import { intArg } from './args';
import { given, table, type BuiltinContext, type BuiltinFunction } from './context';

/** The engine version we stand in for: VBScript 5.8 as shipped with Windows 7 and later. */
export const ENGINE_VERSION = { major: 5, minor: 8, build: 16384 } as const;

function setLocale(ctx: BuiltinContext, args: Value[]): Value {
  const previous = ctx.locale;
  if (!given(args, 0)) return makeLong(previous);
  const v = deref(args[0]);
  let lcid: number;
  if (typeof v === 'string') {
    const info = findLocale(v);
    if (!info) raise(RuntimeError.InvalidProcedureCall);
    lcid = info.lcid;
  } else {
    lcid = intArg(v);
    if (lcid === 0) lcid = DEFAULT_LCID;
    if (!findLocale(lcid)) raise(RuntimeError.InvalidProcedureCall);
  }
  ctx.locale = lcid;
  setCurrentLocale(lcid);
  return makeLong(previous);
}

function rgb(_ctx: BuiltinContext, args: Value[]): Value {
  const part = (v: Value): number => {
    const n = intArg(deref(v));
    if (n < 0) raise(RuntimeError.InvalidProcedureCall);
    return Math.min(n, 255);
  };
  return makeLong(part(args[0]) | (part(args[1]) << 8) | (part(args[2]) << 16));
}

export const engineInfoFunctions: Map<string, BuiltinFunction> = table([
  ['GetLocale', 0, 0, (ctx) => makeLong(ctx.locale)],
  ['SetLocale', 0, 1, setLocale, false],
  ['ScriptEngine', 0, 0, () => 'VBScript'],
  ['ScriptEngineMajorVersion', 0, 0, () => makeLong(ENGINE_VERSION.major)],
  ['ScriptEngineMinorVersion', 0, 0, () => makeLong(ENGINE_VERSION.minor)],
  ['ScriptEngineBuildVersion', 0, 0, () => makeLong(ENGINE_VERSION.build)],
  ['RGB', 3, 3, rgb],
]);

