// The outcome-types seed API (./outcome-types-api.mjs) on a Node test server, with controls and fault injection.
import { api } from './outcome-types-api.mjs';
import { createSeedServer } from './seed-server.mjs';

export default () => createSeedServer(api);
