/** `--listen HOST:PORT` (IPv6 as `[::1]:8080`); port 0 takes a free one. */
export function parseListen(text: string): { ok: true; host: string; port: number } | { ok: false; message: string } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text);
  const port = match ? Number(match[3]) : NaN;
  if (!match || port > 65535)
    return {
      ok: false,
      message: `--listen must be HOST:PORT, such as 127.0.0.1:8080 or [::1]:0 (got ${JSON.stringify(text)})`,
    };
  return { ok: true, host: (match[1] ?? match[2])!, port };
}
