// The entry file of each worker thread, in plain JavaScript on purpose: a worker does not inherit
// the TypeScript loader that `node bin/start.js` (tsx's register API) or vitest installed in the
// main thread, so a .ts entry fails with ERR_UNKNOWN_FILE_EXTENSION. Registering tsx here works
// under npx tsx, node --import tsx, bin/start.js and vitest alike.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./article-worker.ts');
export default worker.default;
