import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toggleToDurable, startupRead } from './durable-bench';
for (const n of [100, 1000, 10000]) console.log(JSON.stringify(await toggleToDurable(join(tmpdir(), `bt-${n}`), n, 40)));
console.log(JSON.stringify(await startupRead(join(tmpdir(), 'bs'), 10000)));
