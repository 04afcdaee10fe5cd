/** An answer that is not 2xx: `{"error":{"code","message","details"}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly unknown[] = [],
  ) {
    super(message);
  }

  body(): { error: { code: string; message: string; details: readonly unknown[] } } {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}
