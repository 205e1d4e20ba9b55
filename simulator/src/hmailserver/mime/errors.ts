/** A message file the simulator cannot take apart: names the file and what is wrong with it. */
export class MalformedMessageError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}: malformed message: ${reason}`);
    this.name = 'MalformedMessageError';
  }
}
