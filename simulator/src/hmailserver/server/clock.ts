/** The server's local time as text: the one implementation lives with the engine's clock. */
export { formatLocalTime } from '../../runtime/values/timeZone';
