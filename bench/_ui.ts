import { uiBench } from './ui-bench';
const r = await uiBench(10000);
console.log(JSON.stringify({ paint: r.reloadToFirstListPaintMs, scroll: r.scrollFrameMs, search: r.searchKeystrokeMs }));
