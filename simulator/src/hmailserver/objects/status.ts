/**
 * `Application.Status` (server admin): the run's counters (`server.state.status`, which the
 * pipeline advances), the open sessions the pipeline reports, and the running thread.
 */
import { toLong } from '../../runtime/values/coerce';
import { makeLong } from '../../runtime/values/variant';
import { ApiObject, apiMemberTable, type Implementation } from '../apiObject';
import { getter, expectArgs } from './members';
import type { Host } from './rows';

const statusImplementation: Implementation<StatusObject> = {
  StartTime: getter((self) => self.host.server.state.status.StartTime),
  ProcessedMessages: getter((self) => makeLong(self.host.server.state.status.ProcessedMessages)),
  RemovedViruses: getter((self) => makeLong(self.host.server.state.status.RemovedViruses)),
  RemovedSpamMessages: getter((self) => makeLong(self.host.server.state.status.RemovedSpamMessages)),
  // The queue listing: the simulated queue holds nothing between events.
  UndeliveredMessages: getter(() => ''),
  SessionCount: {
    get: (self, args) => {
      expectArgs(args, 1);
      return makeLong(self.host.server.sessionCounts?.[toLong(args[0])] ?? 0);
    },
  },
  ThreadID: getter((self) => makeLong(self.host.server.threadId)),
};

export class StatusObject extends ApiObject {
  constructor(readonly host: Host) {
    super(apiMemberTable('Status', statusImplementation, host.ctx.version), 'Status');
  }
}

export { statusImplementation };
