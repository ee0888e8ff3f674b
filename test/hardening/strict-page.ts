// The strict-CSP page's bundle: jitless first, then everything else.
import { strictCspInTime } from './strict-first.js';
import { install } from './page.js';

install({ strictCspInTime });
