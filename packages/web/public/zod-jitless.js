// Loaded by index.html before the app's modules. The Content-Security-Policy allows no eval
// (script-src 'self'), so zod must neither compile parsers with `new Function` nor probe whether it
// may: the probe runs when the first object schema is built, and the probe alone is a CSP violation.
// zod reads this object as its global configuration (z.config).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
