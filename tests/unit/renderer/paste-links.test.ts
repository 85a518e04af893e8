import { describe, expect, it } from 'vitest';
import { estimateText } from '../../../renderer/components/PageFillLine';
import { isTextField, linksInText, MAX_LINKS } from '../../../renderer/paste-links';

describe('linksInText: the addresses in pasted or dropped text', () => {
  it('one address, as copied from the address bar', () => {
    expect(linksInText('https://peps.python.org/pep-0008/')).toEqual(['https://peps.python.org/pep-0008/']);
  });

  it('a block of Markdown: link targets, bare addresses, no sentence punctuation or closing brackets, each once', () => {
    const text = [
      '## Reading',
      '- [PEP 8](https://peps.python.org/pep-0008/) — style',
      '- The trailer: https://www.youtube.com/watch?v=hwMkbaS_M_c.',
      '* Agency (https://map.simonsarris.com/p/the-most-precious-resource-is-agency)',
      '- [Wiki](https://en.wikipedia.org/wiki/Python_(programming_language))',
      '- **https://github.com/microlinkhq/mql**',
      '- again: https://peps.python.org/pep-0008/',
    ].join('\n');
    expect(linksInText(text)).toEqual([
      'https://peps.python.org/pep-0008/',
      'https://www.youtube.com/watch?v=hwMkbaS_M_c',
      'https://map.simonsarris.com/p/the-most-precious-resource-is-agency',
      'https://en.wikipedia.org/wiki/Python_(programming_language)',
      'https://github.com/microlinkhq/mql',
    ]);
  });

  it('no web address: nothing (a paste of plain text, javascript:, file:, credentials)', () => {
    expect(linksInText('just some words')).toEqual([]);
    expect(linksInText('javascript:alert(1) file:///etc/passwd ftp://x.org')).toEqual([]);
    expect(linksInText('https://user:secret@example.org/')).toEqual([]);
  });

  it('at most MAX_LINKS from a huge paste', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `https://example.org/${i}`).join(' ');
    expect(linksInText(text)).toHaveLength(MAX_LINKS);
  });
});

describe('where a paste is text, not links', () => {
  it('text fields, text areas and editable elements; not a checkbox or the page', () => {
    const input = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const area = document.createElement('textarea');
    const div = document.createElement('div');
    expect(isTextField(input)).toBe(true);
    expect(isTextField(area)).toBe(true);
    expect(isTextField(checkbox)).toBe(false);
    expect(isTextField(div)).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});

describe('estimateText', () => {
  it('minutes and hours in words', () => {
    expect(estimateText(1)).toBe('about 1 minute');
    expect(estimateText(30)).toBe('about 30 minutes');
    expect(estimateText(120)).toBe('about 2 hours');
    expect(estimateText(61)).toBe('about 1 hour 1 minute');
    expect(estimateText(95)).toBe('about 1 hour 35 minutes');
  });
});
