// The sailor seed API (./sailor-api.mjs) on a Node test server, with controls and fault injection.
import { api } from './sailor-api.mjs';
import { createSeedServer } from './seed-server.mjs';

export default () => createSeedServer(api);
