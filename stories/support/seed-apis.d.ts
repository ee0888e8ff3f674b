// Types for the seed APIs of the test servers (plain JS in test/servers/*-api.mjs, which the
// TypeScript build does not read: no allowJs), as the stories import them.

declare module '*/test/servers/outcome-types-api.mjs' {
  export const api: import('./stand-in-fetch.js').SeedApi;
  /** Bearer tokens and the role each gives. */
  export const TOKENS: Readonly<Record<string, 'editor' | 'viewer'>>;
}

declare module '*/test/servers/close-api.mjs' {
  export const api: import('./stand-in-fetch.js').SeedApi;
  /** The API key Close's Basic auth accepts (as the user name, empty password). */
  export const CLOSE_API_KEY: string;
}

declare module '*/test/servers/sailor-api.mjs' {
  export const api: import('./stand-in-fetch.js').SeedApi;
  /** The Bearer token the Sailor server accepts. */
  export const TOKEN: string;
  /** The workspace's Smart Lists: id → name. */
  export const SMART_LISTS: Readonly<Record<string, string>>;
}

declare module '*/test/servers/task-results-api.mjs' {
  export const api: import('./stand-in-fetch.js').SeedApi;
  /** `x-api-key` values and their permissions. */
  export const KEYS: Readonly<Record<string, readonly string[]>>;
}

declare module '*/test/servers/genesys-api.mjs' {
  export const api: import('./stand-in-fetch.js').SeedApi;
  /** The OAuth client the token endpoint accepts (client-credentials grant, Basic auth). */
  export const CLIENT_ID: string;
  export const CLIENT_SECRET: string;
  /** `count` wrap-up codes as the server stores them, in its list order. */
  export function generatedCodes(count: number): unknown[];
}
