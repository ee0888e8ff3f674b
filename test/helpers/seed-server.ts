import { executeServerCommand } from '@web/test-runner-commands';

/** A fault the test server injects into the next matching request (test/servers/seed-server.mjs). */
export interface Fault {
  method?: string;
  path?: string;
  /** Only requests with these query parameters (e.g. one page: `{ _skip: '4' }`). */
  query?: Record<string, string>;
  times?: number;
  kind: 'reset' | 'stall' | 'status' | 'raw' | 'lose-answer' | 'delay' | 'redirect';
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  ms?: number;
  location?: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** Requests not yet answered when this one arrived, itself included: more than 1 means concurrent. */
  inFlight: number;
}

let urls: Record<string, string> | undefined;

/** One of the test servers started by the test run, with its controls. */
export async function seedServer<State = unknown>(name: string) {
  urls ??= await executeServerCommand<Record<string, string>, undefined>('seed-servers');
  const url = urls?.[name];
  if (!url) throw new Error(`No test server named "${name}" is running.`);
  const control = async (path: string, body?: unknown) => {
    const response = await fetch(`${url}/__control/${path}`, {
      method: body === undefined && path !== 'reset' ? 'GET' : 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json();
  };
  return {
    url,
    reset: () => control('reset'),
    faults: (...faults: Fault[]) => control('faults', faults),
    state: () => control('state') as Promise<State>,
    log: () => control('log') as Promise<LoggedRequest[]>,
    /** A control of this server's own API (GET without a body, POST with one). */
    control,
  };
}
