import { z } from 'zod';

// Zod compiles faster object parsers with `new Function`, probing for eval first. The web app's
// Content-Security-Policy forbids eval (see proxy.ts), so the probe would be reported as a
// violation on every page whose scripts build a schema. Imported first by those modules.
z.config({ jitless: true });
