import * as acorn from 'acorn';
import { parse } from '../simulator/src/syntax/parser';
import { generateHandlerFile, generateJavaScriptFile } from './generate';
import { fmt, measure } from './measure';

// Parser throughput on a generated 10,000-line handler file, next to acorn parsing a
// JavaScript file of the same shape and line count in the same run. Target: < 50 ms per parse.
const LINES = 10_000;
const vbs = generateHandlerFile(LINES);
const js = generateJavaScriptFile(LINES);
const vbsLines = vbs.split('\n').length - 1;

const check = parse(vbs);
if (check.diagnostics.length > 0) throw new Error(`generated file has diagnostics: ${check.diagnostics[0].message}`);

const ours = measure(() => parse(vbs));
const baseline = measure(() => acorn.parse(js, { ecmaVersion: 2022, locations: true }));

console.log(`parser: ${vbsLines.toLocaleString('en-US')} lines, ${fmt(vbs.length / 1024)} KiB VBScript vs ${fmt(js.length / 1024)} KiB JavaScript`);
console.log(`  ours (VBScript)   ${fmt(ours.medianMs)} ms/parse (min ${fmt(ours.minMs)})  ${fmt((vbsLines / ours.medianMs) * 1000, 0)} lines/s`);
console.log(`  acorn (baseline)  ${fmt(baseline.medianMs)} ms/parse (min ${fmt(baseline.minMs)})  ${fmt((LINES / baseline.medianMs) * 1000, 0)} lines/s`);
console.log(`  ratio ours/acorn  ${fmt(ours.medianMs / baseline.medianMs, 2)}x   target: < 50 ms/parse -> ${ours.medianMs < 50 ? 'met' : 'NOT met'}`);
