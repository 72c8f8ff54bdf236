import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RuntimeOptions, SimulatorContext } from './context.ts';
import type { FaultSpec, Fault } from './faults.ts';
import type { RequestLogEntry } from './request-log.ts';
import type { StoreData } from './model.ts';
import { Authenticator } from './auth.ts';
import { handleConsoleRequest } from './console-server.ts';
import { handleControlRequest, resetSimulator, subscriptionRecord } from './control.ts';
import { CsrfProtection } from './csrf.ts';
import { FaultInjector, parseFaultSpec } from './faults.ts';
import { handleManagementRequest, managementRoutes } from './management.ts';
import { GRAVITEE_4_13, type GraviteeProfile } from './profile.ts';
import { RequestLog } from './request-log.ts';
import { SEED, SEED_CREDENTIALS } from './seed.ts';
import { Store } from './store.ts';
import { createPendingSubscription, type NewSubscriptionInput } from './subscriptions.ts';

const LOOPBACK = '127.0.0.1';

export interface SimulatorOptions {
  /** Always loopback: the simulator never listens on another address. */
  host?: '127.0.0.1';
  /** Management API port; 0 picks a free one. Default 0. */
  apiPort?: number;
  /** Console stand-in port; 0 picks a free one. Default 0. */
  consolePort?: number;
  /** Organization setting console.scheduler.tasks in seconds. Default 10. */
  schedulerTasksSeconds?: number;
  /** CORS allow-origin: '*' (default) echoes any Origin with credentials; a list narrows it. */
  corsAllowOrigins?: string[] | '*';
  /** Clock for seeding and every server-side "now". */
  now?: () => Date;
  /** Gravitee version behaviour. Default: 4.13. */
  profile?: GraviteeProfile;
  /**
   * Where the console stand-in lives relative to the Management API, which decides what the
   * browser's cookie rules allow:
   * 'same-site' (default): its own port on 127.0.0.1, like the API;
   * 'same-origin': under /console/ on the API's own origin, with a relative baseURL;
   * 'cross-site': its own port on `localhost`, which browsers treat as another site than 127.0.0.1.
   * Both servers listen on 127.0.0.1 in every case.
   */
  site?: ConsoleSite;
}

export type ConsoleSite = 'same-site' | 'same-origin' | 'cross-site';

export interface RunningSimulator {
  apiOrigin: string;
  /** `${apiOrigin}/management`. */
  managementUrl: string;
  /** The console stand-in, with a trailing slash. */
  consoleUrl: string;
  consoleOrigin: string;
  organizationId: string;
  /** Personal access token of the seeded API owner (Kari Nordmann). */
  ownerToken: string;
  /** Personal access token of the environment admin. */
  adminToken: string;
  /** Personal access token of a user with read-only subscription rights. */
  viewerToken: string;
  /** Login names and passwords: admin/admin, kari/kari, ola/ola. */
  credentials: typeof SEED_CREDENTIALS;
  /** Every seeded id and token. */
  seed: typeof SEED;
  profile: GraviteeProfile;
  /** Settings that may change while running. */
  options: RuntimeOptions;
  /** Live in-memory data; mutate with care. */
  data(): StoreData;
  /** The stored record of a subscription, as GET /_simulator/subscriptions/{id} returns it. */
  subscriptionRecord(id: string): Record<string, unknown> | undefined;
  /** Creates a PENDING subscription, as a consumer's new request would. */
  createPendingSubscription(input?: NewSubscriptionInput): Record<string, unknown>;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Injects a fault; the spec is validated as the control hook does. */
  addFault(spec: FaultSpec): Fault;
  clearFaults(): void;
  /** Reseeds the data relative to the clock, restores the start options, and clears faults and the request log. */
  reset(): void;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    // Hanging fault responses and keep-alive connections would keep close() waiting forever.
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });
}

function reportFailure(response: ServerResponse, error: unknown, where: string): void {
  console.error(`[simulator] ${where} failed:`, error);
  if (!response.headersSent) {
    response.statusCode = 500;
    response.end();
  }
}

/** Starts the Management API simulator and the console stand-in on loopback. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  if (options.host !== undefined && options.host !== LOOPBACK) throw new Error(`The simulator listens on ${LOOPBACK} only, not ${String(options.host)}`);

  const clock = options.now ?? (() => new Date());
  const profile = options.profile ?? GRAVITEE_4_13;
  const store = new Store(clock());
  const initialOptions: RuntimeOptions = {
    schedulerTasksSeconds: options.schedulerTasksSeconds ?? 10,
    corsAllowOrigins: options.corsAllowOrigins ?? '*',
    omitApplicationMetadata: false,
  };
  const sim: SimulatorContext = {
    store,
    profile,
    clock,
    options: { ...initialOptions },
    initialOptions,
    authenticator: new Authenticator(store, randomBytes(32)),
    csrf: new CsrfProtection(randomBytes(32)),
    faults: new FaultInjector(),
    requestLog: new RequestLog(),
    apiOrigin: '',
    consoleOrigin: '',
    consoleBasePath: '/',
    consoleBaseUrlRelative: false,
  };
  const routes = managementRoutes(sim);
  const site = options.site ?? 'same-site';

  const apiServer = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', sim.apiOrigin);
    const handled = url.pathname === '/management' || url.pathname.startsWith('/management/')
      ? handleManagementRequest(sim, routes, request, response, url)
      : url.pathname.startsWith('/_simulator/')
        ? handleControlRequest(sim, request, response, url)
        : site === 'same-origin' && (url.pathname === '/console' || url.pathname.startsWith('/console/'))
          ? handleConsoleRequest(sim, request, response)
          : Promise.resolve(void response.writeHead(404, { 'Content-Length': 0 }).end());
    handled.catch((error: unknown) => reportFailure(response, error, `${request.method} ${url.pathname}`));
  });
  const consoleServer = createServer((request, response) => {
    handleConsoleRequest(sim, request, response).catch((error: unknown) => reportFailure(response, error, `console ${request.url}`));
  });
  const apiSockets = trackSockets(apiServer);
  const consoleSockets = trackSockets(consoleServer);

  const apiPort = await listen(apiServer, options.apiPort ?? 0);
  let consolePort: number;
  try {
    consolePort = await listen(consoleServer, options.consolePort ?? 0);
  } catch (error) {
    await closeServer(apiServer, apiSockets);
    throw error;
  }
  sim.apiOrigin = `http://${LOOPBACK}:${apiPort}`;
  if (site === 'same-origin') {
    sim.consoleOrigin = sim.apiOrigin;
    sim.consoleBasePath = '/console/';
    sim.consoleBaseUrlRelative = true;
  } else {
    // localhost resolves to this same loopback server, but is another site than 127.0.0.1.
    sim.consoleOrigin = `http://${site === 'cross-site' ? 'localhost' : LOOPBACK}:${consolePort}`;
  }

  return {
    apiOrigin: sim.apiOrigin,
    managementUrl: `${sim.apiOrigin}/management`,
    consoleUrl: `${sim.consoleOrigin}${sim.consoleBasePath}`,
    consoleOrigin: sim.consoleOrigin,
    organizationId: SEED.organizationId,
    ownerToken: SEED.tokens.owner,
    adminToken: SEED.tokens.admin,
    viewerToken: SEED.tokens.viewer,
    credentials: SEED_CREDENTIALS,
    seed: SEED,
    profile,
    options: sim.options,
    data: () => store.data,
    subscriptionRecord(id) {
      const subscription = store.findSubscription(id);
      return subscription ? subscriptionRecord(sim, subscription) : undefined;
    },
    createPendingSubscription(input = {}) {
      const outcome = createPendingSubscription({ store, profile, now: clock() }, input);
      if (!outcome.ok) throw new Error(outcome.error.message);
      return subscriptionRecord(sim, outcome.subscription);
    },
    requests: () => sim.requestLog.list(),
    clearRequests: () => sim.requestLog.clear(),
    addFault: (spec) => sim.faults.add(parseFaultSpec(spec)),
    clearFaults: () => sim.faults.clear(),
    reset: () => resetSimulator(sim),
    async close() {
      await Promise.all([closeServer(apiServer, apiSockets), closeServer(consoleServer, consoleSockets)]);
    },
  };
}
