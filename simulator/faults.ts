import type { IncomingMessage, ServerResponse } from 'node:http';

/** A fault to inject into the next `times` Management API responses whose method and path match. */
export interface FaultSpec {
  /** HTTP method to match, any method but OPTIONS when absent. */
  method?: string;
  /** Regular expression tested against the request path, e.g. "/user/tasks$". The query is not part of it. */
  path: string;
  /** Status of the injected response. Without status, hang or destroy, the fault only delays. */
  status?: number;
  /** Response body: a string is sent as is (so it may be malformed JSON), an object as JSON. */
  body?: string | Record<string, unknown> | unknown[];
  headers?: Record<string, string>;
  /** Wait this many milliseconds before acting. */
  delayMs?: number;
  /** Never respond. The socket stays open until the client gives up or the simulator stops. */
  hang?: boolean;
  /** Drop the connection without any response. */
  destroy?: boolean;
  /** How many matching requests the fault applies to; default 1. */
  times?: number;
}

export interface Fault extends FaultSpec {
  id: number;
  remaining: number;
}

export class InvalidFaultError extends Error {}

function optionalNumber(value: unknown, field: string, minimum: number, maximum: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum) {
    throw new InvalidFaultError(`Invalid fault: "${field}" must be an integer from ${minimum} to ${maximum}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new InvalidFaultError(`Invalid fault: "${field}" must be true or false`);
  return value;
}

/** Validates a fault posted to the control hook; throws InvalidFaultError with the reason. */
export function parseFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidFaultError('Invalid fault: expected a JSON object');
  const input = value as Record<string, unknown>;

  if (typeof input.path !== 'string' || input.path === '') throw new InvalidFaultError('Invalid fault: "path" (a regular expression) is required');
  try {
    new RegExp(input.path);
  } catch (error) {
    throw new InvalidFaultError(`Invalid fault: "path" is not a valid regular expression: ${(error as Error).message}`);
  }
  if (input.method !== undefined && typeof input.method !== 'string') throw new InvalidFaultError('Invalid fault: "method" must be a string');
  if (input.body !== undefined && (typeof input.body !== 'string' && (typeof input.body !== 'object' || input.body === null))) {
    throw new InvalidFaultError('Invalid fault: "body" must be a string, an object or an array');
  }
  if (input.headers !== undefined) {
    const headers = input.headers;
    if (typeof headers !== 'object' || headers === null || Object.values(headers).some((header) => typeof header !== 'string')) {
      throw new InvalidFaultError('Invalid fault: "headers" must map names to string values');
    }
  }

  const spec: FaultSpec = {
    path: input.path,
    method: input.method?.toUpperCase(),
    status: optionalNumber(input.status, 'status', 100, 599),
    body: input.body as FaultSpec['body'],
    headers: input.headers as Record<string, string> | undefined,
    delayMs: optionalNumber(input.delayMs, 'delayMs', 0, 600_000),
    hang: optionalBoolean(input.hang, 'hang'),
    destroy: optionalBoolean(input.destroy, 'destroy'),
    times: optionalNumber(input.times, 'times', 1, 1_000_000),
  };
  if (spec.status === undefined && !spec.hang && !spec.destroy && spec.delayMs === undefined) {
    throw new InvalidFaultError('Invalid fault: give at least one of "status", "hang", "destroy" or "delayMs"');
  }
  return spec;
}

/** Queue of injected faults, consumed in the order they were added. */
export class FaultInjector {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: this.nextId++, remaining: spec.times ?? 1 };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Returns the first fault matching the request and counts one use of it. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((candidate) => {
      const methodMatches = candidate.method ? candidate.method === method : method !== 'OPTIONS';
      return methodMatches && new RegExp(candidate.path).test(path);
    });
    if (!fault) return undefined;

    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault;
  }
}

/**
 * Carries out a fault. Returns 'continue' when the request should then be served normally (a pure
 * delay), or 'done' when the fault sent a response, hung or dropped the connection.
 */
export async function performFault(fault: Fault, request: IncomingMessage, response: ServerResponse): Promise<'continue' | 'done'> {
  if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));

  if (fault.destroy) {
    request.socket.destroy();
    return 'done';
  }
  if (fault.hang) return 'done';
  if (fault.status === undefined) return 'continue';

  let body = '';
  if (typeof fault.body === 'string') body = fault.body;
  else if (fault.body !== undefined) body = JSON.stringify(fault.body);
  response.statusCode = fault.status;
  if (body !== '') response.setHeader('Content-Type', 'application/json');
  for (const [name, value] of Object.entries(fault.headers ?? {})) response.setHeader(name, value);
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
  return 'done';
}
