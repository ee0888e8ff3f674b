import * as z from 'zod/mini';
import { OutcomeAdapterError } from '../errors.js';
import { HttpClient, type HttpAdapterOptions, type IssuedToken } from '../http.js';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** The login host's token endpoint, e.g. `https://login.mypurecloud.com/oauth/token`. */
  tokenUrl: string;
}

// test/servers/genesys-wrapup-codes.txt, "OAuth client credentials grant".
const TokenAnswerSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1, 'must not be empty')),
  token_type: z.optional(z.string()),
  expires_in: z.number().check(z.nonnegative('must not be negative')),
});

/**
 * A token provider for the OAuth client-credentials grant: POST to the token endpoint with the
 * client id and secret as Basic auth, through the adapters' one HttpClient. The adapter's client
 * keeps the token until shortly before `expires_in` and asks again after a 401; there is no
 * refresh token, so asking again means a new grant. Failed grants (400 `invalid_client`, …) are
 * `unauthorized`; an endpoint out of reach stays `network`/`timeout`, retryable.
 */
export function clientCredentialsToken(
  credentials: ClientCredentials,
  options: Pick<HttpAdapterOptions, 'fetch' | 'timeoutMs' | 'retries' | 'retryDelayMs' | 'maxRetryDelayMs' | 'maxRetryAfterMs'>,
): () => Promise<IssuedToken> {
  const { clientId, clientSecret, tokenUrl } = credentials;
  if (!clientId || !clientSecret) throw new TypeError('Client credentials need a clientId and a clientSecret.');
  let url: URL;
  try {
    url = new URL(tokenUrl);
  } catch {
    throw new TypeError('tokenUrl must be an absolute http(s) URL, e.g. https://login.mypurecloud.com/oauth/token.');
  }
  if (url.username || url.password) throw new TypeError('tokenUrl must not carry credentials (user:password@): give them as clientId and clientSecret.');
  const client = new HttpClient(
    { ...options, baseUrl: url.origin },
    { type: 'basic', username: clientId, password: clientSecret },
    {
      name: 'Genesys Cloud login',
      codes: { invalid_client: 'unauthorized', unauthorized_client: 'unauthorized', unsupported_grant_type: 'unauthorized', invalid_request: 'unauthorized' },
    },
  );
  const path = url.pathname;
  return async () => {
    try {
      const answer = await client.send({ method: 'POST', path, form: { grant_type: 'client_credentials' } }, TokenAnswerSchema);
      return { token: answer.access_token, expiresInMs: answer.expires_in * 1000 };
    } catch (thrown) {
      const error = OutcomeAdapterError.from(thrown, 'network');
      // The grant's answer is not the API's: a 400 here is about the credentials, not a field.
      const code = error.code === 'validation' ? 'unauthorized' : error.code;
      throw new OutcomeAdapterError(code, `No token from ${url.origin}${path}: ${error.message}`, {
        status: error.status,
        retryable: error.retryable,
        cause: error,
      });
    }
  };
}
