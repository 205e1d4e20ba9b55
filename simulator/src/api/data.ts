/**
 * The one copy of the hMailServer COM API data in the project.
 * `hmailserver-com-api.json` is a verbatim copy of `../shared/reference/hmailserver-com-api.json`;
 * replace the file to update it (the tests check its counts). Consumers never import the JSON
 * directly: they use the typed accessors exported by `index.ts`.
 */
import json from './hmailserver-com-api.json';
import type { RawApiJson } from './types';

export const RAW_API: RawApiJson = json as unknown as RawApiJson;
