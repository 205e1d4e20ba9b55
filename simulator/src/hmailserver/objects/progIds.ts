/**
 * The hMailServer ProgIDs real scripts create (`CreateObject` / `new ActiveXObject`), for the
 * pipeline to register in the engine's CreateObject registry. `hMailServer.Message` belongs to
 * the message layer and is registered by the pipeline from there.
 */
import type { VbsObject } from '../../runtime/objects/comObject';
import type { SimulationContext } from '../../sandbox/context';
import type { SimulatedServer } from '../server/simulatedServer';
import { makeApplication } from './application';
import { makeEventLog } from './eventLog';
import { makeUtilities } from './utilities';

export type HMailServerFactory = (ctx: SimulationContext, server: SimulatedServer) => VbsObject;

export const hmailserverProgIds: Readonly<Record<string, HMailServerFactory>> = {
  'hMailServer.Application': makeApplication,
  'hMailServer.Utilities': makeUtilities,
  'hMailServer.EventLog': makeEventLog,
};
