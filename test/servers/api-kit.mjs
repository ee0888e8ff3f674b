// The pure helpers the seed APIs share. No Node imports: the `*-api.mjs` files that use them
// run in Node (behind createSeedServer) and in the browser (stories/support/stand-in-fetch.ts).

/** The JSON body of a request that must be JSON, or the answer to give when it is not. */
export function requireJson(request) {
  const type = String(request.headers['content-type'] ?? '');
  if (!type.toLowerCase().startsWith('application/json')) {
    return { error: { status: 415, body: { error: 'Content-Type must be application/json' } } };
  }
  if (request.body && typeof request.body === 'object' && '__invalidJson' in request.body) {
    return { error: { status: 400, body: { error: 'Body is not valid JSON' } } };
  }
  return { body: request.body };
}

/** A counter-based id with a prefix, stable across resets (so tests can name ids). */
export function idMaker(prefix, width = 3) {
  let next = 1;
  return () => `${prefix}${String(next++).padStart(width, '0')}`;
}
