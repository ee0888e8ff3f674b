/**
 * The Spanish catalogue, for hosts that import single elements instead of `define`:
 * `import { registerLocale } from 'outcome-elements'; import { es } from 'outcome-elements/locales/es'; registerLocale('es', es);`
 */
export { es } from '../localization/es.js';
