import { parseArgs } from 'node:util';
import { findProfile, PROFILES } from './profile.ts';
import { startSimulator } from './server.ts';

// Starts the simulator for manual testing and demos:
//   node simulator/cli.ts [--api-port 8083] [--console-port 8084] [--scheduler-tasks 10] [--profile 4.13]

const USAGE = `Usage: node simulator/cli.ts [options]

  --api-port N          Management API port on 127.0.0.1 (default 8083, Gravitee's default)
  --console-port N      Console stand-in port on 127.0.0.1 (default 8084)
  --scheduler-tasks N   Organization setting console.scheduler.tasks, in seconds (default 10)
  --cors-allow-origin O Allowed CORS origin; repeat for several (default: any origin)
  --profile V           Gravitee version profile: ${Object.keys(PROFILES).join(', ')} (default 4.13)
  --help                Show this text`;

function readPort(value: string | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid ${option} "${value}": expected a port number from 0 to 65535`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'api-port': { type: 'string' },
      'console-port': { type: 'string' },
      'scheduler-tasks': { type: 'string' },
      'cors-allow-origin': { type: 'string', multiple: true },
      profile: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const schedulerTasks = Number(values['scheduler-tasks'] ?? '10');
  if (!Number.isInteger(schedulerTasks) || schedulerTasks < 1) throw new Error(`Invalid --scheduler-tasks "${values['scheduler-tasks']}": expected a positive number of seconds`);

  const simulator = await startSimulator({
    apiPort: readPort(values['api-port'], 8083, '--api-port'),
    consolePort: readPort(values['console-port'], 8084, '--console-port'),
    schedulerTasksSeconds: schedulerTasks,
    corsAllowOrigins: values['cors-allow-origin'] ?? '*',
    profile: findProfile(values.profile ?? '4.13'),
  });

  const { credentials } = simulator;
  console.log(`Gravitee ${simulator.profile.version} simulator started
  Console:         ${simulator.consoleUrl}  (log in as ${credentials.admin.username} / ${credentials.admin.password})
  Management API:  ${simulator.managementUrl}
  Organization:    ${simulator.organizationId}
  Owner's PAT:     ${simulator.ownerToken}  (Kari Nordmann; login ${credentials.owner.username} / ${credentials.owner.password})
  Admin's PAT:     ${simulator.adminToken}
  Viewer's PAT:    ${simulator.viewerToken}  (no subscription update rights; login ${credentials.viewer.username} / ${credentials.viewer.password})
  Control hooks:   ${simulator.apiOrigin}/_simulator/info
Press Ctrl+C to stop.`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}, stopping the simulator.`);
    simulator.close().then(() => process.exit(0), (error: unknown) => {
      console.error('Failed to stop the simulator cleanly:', error);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
