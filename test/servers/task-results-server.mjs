// The task-results seed API (./task-results-api.mjs) on a Node test server, with controls and fault injection.
import { api } from './task-results-api.mjs';
import { createSeedServer } from './seed-server.mjs';

export default () => createSeedServer(api);
