/**
 * A failure of the embedded stack that a developer can act on. The CLI prints `message` as one line
 * and exits non-zero; nothing else (no stack trace) is shown.
 */
export class StackError extends Error {
  override name = "StackError";
}
