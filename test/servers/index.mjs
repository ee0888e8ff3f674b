// Starts every test server found next to this file (`*-server.mjs` but the shared
// seed-server.mjs; default export: a factory of a server
// made with createSeedServer) and tells the browser tests their base URLs.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('.', import.meta.url));

export async function startSeedServers() {
  const servers = [];
  const isServer = (name) => name.endsWith('-server.mjs') && name !== 'seed-server.mjs';
  for (const file of readdirSync(folder).filter(isServer).sort()) {
    const module = await import(new URL(file, import.meta.url).href);
    servers.push(module.default());
  }
  const urls = {};
  for (const server of servers) urls[server.name] = await server.start();
  return {
    urls,
    stop: () => Promise.all(servers.map((server) => server.stop())),
  };
}

/** A web-test-runner plugin: servers up for the whole run, URLs through a server command. */
export function seedServersPlugin() {
  let running;
  return {
    name: 'seed-servers',
    async serverStart() {
      running = await startSeedServers();
    },
    async serverStop() {
      await running?.stop();
    },
    executeCommand({ command }) {
      if (command === 'seed-servers') return running?.urls ?? {};
      return undefined;
    },
  };
}
