// The close seed API (./close-api.mjs) on a Node test server, with controls and fault injection.
import { api } from './close-api.mjs';
import { createSeedServer } from './seed-server.mjs';

export default () => createSeedServer(api);
