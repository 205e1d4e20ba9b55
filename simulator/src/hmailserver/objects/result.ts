/**
 * `Result`: the handler's decision. Fresh for every firing, with Value preset as the event
 * declares (2 in OnClientValidatePassword, else 0), Message "" and Parameter 0. Writes coerce
 * as the COM property types do (Value and Parameter are Long: `Result.Value = "1"` is 1, a
 * non-numeric text is a type mismatch). The pipeline reads `value`/`message`/`parameter`.
 */
import { getEvent, RULE_FUNCTION_EVENT } from '../../api';
import type { SimulationContext } from '../../sandbox/context';
import { apiMemberTable, ApiObject, type Implementation } from '../apiObject';
import type { Scalar } from '../server/types';
import { fieldMembers, type FieldHost } from './members';

const resultImplementation: Implementation<ResultObject> = fieldMembers<ResultObject>({
  Value: 'long',
  Message: 'string',
  Parameter: 'long',
});

export class ResultObject extends ApiObject implements FieldHost {
  private readonly fields: Record<string, Scalar>;

  constructor(ctx: SimulationContext, presetValue = 0) {
    super(apiMemberTable('Result', resultImplementation, ctx.version), 'Result');
    this.fields = { Value: presetValue, Message: '', Parameter: 0 };
  }

  readField(name: string): Scalar {
    return this.fields[name];
  }

  writeField(name: string, value: Scalar): void {
    this.fields[name] = value;
  }

  get value(): number {
    return this.fields.Value as number;
  }

  get message(): string {
    return this.fields.Message as string;
  }

  get parameter(): number {
    return this.fields.Parameter as number;
  }
}

/**
 * The Result for one firing of `eventName` (a rule function: `RULE_FUNCTION_NAME`); undefined
 * for events that have no Result object (OnClientLogon, OnDeliveryFailed, OnError …).
 */
export function makeResult(ctx: SimulationContext, eventName: string): ResultObject | undefined {
  const event = getEvent(eventName) ?? (eventName.toLowerCase() === RULE_FUNCTION_EVENT.name.toLowerCase() ? RULE_FUNCTION_EVENT : undefined);
  if (!event?.hasResult) return undefined;
  return new ResultObject(ctx, event.result?.defaultValue ?? 0);
}

export { resultImplementation };
