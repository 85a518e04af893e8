import { describe, expect, it } from 'vitest';
import { dataDirFor, userDataDirFromArgs } from '../../../../electron/api/data-dir';
import { isAppUrl } from '../../../../electron/api/origins';

describe('where the data lives', () => {
  it('reads --user-data-dir in both spellings', () => {
    expect(userDataDirFromArgs(['electron', '.', '--user-data-dir=/tmp/a'])).toBe('/tmp/a');
    expect(userDataDirFromArgs(['electron', '.', '--user-data-dir', '/tmp/b'])).toBe('/tmp/b');
    expect(userDataDirFromArgs(['electron', '.'])).toBeNull();
    expect(userDataDirFromArgs(['--user-data-dir='])).toBeNull();
  });

  it('lets STUDYSHELF_DATA_DIR move the data, and ignores it when blank', () => {
    expect(dataDirFor('/home/u/.config/Studyshelf', { STUDYSHELF_DATA_DIR: '/sync/studyshelf' })).toBe('/sync/studyshelf');
    expect(dataDirFor('/home/u/.config/Studyshelf', { STUDYSHELF_DATA_DIR: '  ' })).toBe('/home/u/.config/Studyshelf');
    expect(dataDirFor('/home/u/.config/Studyshelf', {})).toBe('/home/u/.config/Studyshelf');
  });
});

describe('isAppUrl', () => {
  it('trusts only our own origin (and the dev server when one is given)', () => {
    expect(isAppUrl('app://studyshelf/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://studyshelf/')).toBe(false);
    expect(isAppUrl('file:///app/index.html')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
  });
});
