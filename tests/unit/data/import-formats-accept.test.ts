import { describe, expect, it } from 'vitest';
import { FILE_INPUT_ACCEPT, LIST_FILE_INPUT_ACCEPT } from '../../../data/model/import-formats';

describe('"Import into this list": what its file chooser offers', () => {
  const offered = LIST_FILE_INPUT_ACCEPT.split(',');
  it('offers every list format read, a .tsv table too', () => {
    for (const ext of ['.md', '.markdown', '.txt', '.html', '.htm', '.opml', '.xml', '.csv', '.tsv', 'text/tab-separated-values']) expect(offered).toContain(ext);
  });
  it('does not offer a backup, which is not a list (the sidebar’s import does)', () => {
    expect(offered).not.toContain('.json');
    expect(offered).not.toContain('application/json');
    expect(FILE_INPUT_ACCEPT.split(',')).toContain('.json');
  });
});
