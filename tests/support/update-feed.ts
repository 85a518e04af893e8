import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import http, { type ClientRequest, type RequestOptions } from 'node:http';
import { join } from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import { DebUpdater } from 'electron-updater';
import type { Updater } from '../../electron/api/updates';
import { startServer, type TestServer } from './link-servers';

/**
 * A release feed as electron-builder publishes it to a generic server (`publish: generic` in
 * electron-builder.yml): latest-linux.yml (latest.yml on Windows) naming the installer, its size and
 * sha512, and the installer itself — served on loopback, so electron-updater's own code reads and
 * downloads it in a test. Nothing is ever installed: tests never call the real quitAndInstall.
 */
export interface Release {
  version: string;
  /** The installer's bytes; its sha512 goes into the feed unless `sha512` says otherwise. */
  installer?: Buffer;
  sha512?: string;
  /** The whole feed file, as served, instead of one made from the fields above. */
  feed?: string;
}

export const INSTALLER_NAME = (version: string) => `Studyshelf_${version}_amd64.deb`;

export function feedYaml(release: Release): string {
  const installer = release.installer ?? Buffer.from('not a real package');
  const sha512 = release.sha512 ?? createHash('sha512').update(installer).digest('base64');
  const name = INSTALLER_NAME(release.version);
  return [
    `version: ${release.version}`,
    'files:',
    `  - url: ${name}`,
    `    sha512: ${sha512}`,
    `    size: ${installer.length}`,
    `path: ${name}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-11-30T10:00:00.000Z'",
    '',
  ].join('\n');
}

/** Serves one release at /latest-linux.yml and /latest.yml, and its installer; `release.current` may be swapped. */
export async function serveFeed(release: Release): Promise<TestServer & { current: { release: Release } }> {
  const current = { release };
  const server = await startServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const now = current.release;
    if (path === '/latest-linux.yml' || path === '/latest.yml') {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(now.feed ?? feedYaml(now));
    } else if (path === `/${INSTALLER_NAME(now.version)}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(now.installer ?? Buffer.from('not a real package'));
    } else res.writeHead(404).end('Not found');
  });
  return Object.assign(server, { current });
}

/** Node's http for the updater: what Electron's net does in the app (the updater takes any HttpExecutor). */
class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  /** As electron-updater's ElectronHttpExecutor.download does it, over Node's http. */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(requestOptions, { destination, options, onCancel, callback: (error) => (error ? reject(error) : resolve(destination)), responseHandler: null }, 0);
    });
  }

  createRequest(options: RequestOptions, callback: (response: unknown) => void): ClientRequest {
    return http.request(options, callback);
  }
}

/**
 * electron-updater's real Linux (.deb) updater, without Electron: its AppAdapter (the 2nd constructor
 * argument) says "version 0.1.0, packaged, feed at `feedUrl`", with its cache in `dir`.
 */
export async function loopbackUpdater(feedUrl: string, dir: string, version = '0.1.0'): Promise<DebUpdater & Updater> {
  await mkdir(dir, { recursive: true });
  const appUpdateConfigPath = join(dir, 'app-update.yml');
  await writeFile(appUpdateConfigPath, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: studyshelf-updater\n`);
  const updater = new DebUpdater(null, {
    version,
    name: 'Studyshelf',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: dir,
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  });
  (updater as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = new NodeHttpExecutor();
  updater.logger = null;
  return updater as DebUpdater & Updater;
}
