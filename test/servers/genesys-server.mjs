// The Genesys Cloud wrap-up codes API (./genesys-api.mjs) on a Node test server, with controls and
// fault injection. The token endpoint and the API share its origin (the platform splits them
// between login.<region> and api.<region>).
import { api } from './genesys-api.mjs';
import { createSeedServer } from './seed-server.mjs';

export default () => createSeedServer(api);
