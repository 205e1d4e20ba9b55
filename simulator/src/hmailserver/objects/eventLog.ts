/**
 * `EventLog` (the global every firing has; also `CreateObject("hMailServer.EventLog")`):
 * `Write(text)` appends a line to the run's hmailserver_events.log, stamped with the
 * simulated local time and the thread the pipeline says is running the script.
 */
import type { SimulationContext } from '../../sandbox/context';
import { toStr } from '../../runtime/values/coerce';
import { apiMemberTable, ApiObject, type Implementation } from '../apiObject';
import { eventLogEntry } from '../server/eventLog';
import type { SimulatedServer } from '../server/simulatedServer';
import { method } from './members';

const eventLogImplementation: Implementation<EventLogObject> = {
  Write: method(1, (self, [text]) => {
    self.write(toStr(text));
    return undefined;
  }),
};

export class EventLogObject extends ApiObject {
  constructor(
    private readonly ctx: SimulationContext,
    private readonly server: SimulatedServer,
  ) {
    super(apiMemberTable('EventLog', eventLogImplementation, ctx.version), 'EventLog');
  }

  write(text: string): void {
    const server = this.server;
    server.eventLog.write(eventLogEntry(text, server.threadId, this.ctx.now(), this.ctx.timeZone, server.currentEvent));
  }
}

export function makeEventLog(ctx: SimulationContext, server: SimulatedServer): EventLogObject {
  return new EventLogObject(ctx, server);
}

export { eventLogImplementation };
