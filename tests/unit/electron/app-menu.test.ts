import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, ISSUES_URL, type MenuItemTemplate } from '../../../electron/api/app-menu';
import { channelOf } from '../../../electron/api/channels';
import { COMMANDS, type CommandSpec } from '../../../electron/api/command-table';
import { startMain } from './start-main';

const table = COMMANDS as readonly CommandSpec[];

function items(template: readonly MenuItemTemplate[]): MenuItemTemplate[] {
  return template.flatMap((item) => [item, ...items(item.submenu ?? [])]);
}

/** How a command is labelled in the menu: inside its submenu, without the submenu's name. */
const menuLabel = (command: CommandSpec) => (command.submenu ? command.label.slice(`${command.submenu}: `.length) : command.label);

function build(platform: NodeJS.Platform) {
  const send = vi.fn();
  const run = { about: vi.fn(), reportProblem: vi.fn() };
  return { template: appMenuTemplate({ platform, appName: 'Studyshelf', send, run }), send, run };
}

describe('the application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`has every command of the table once, and each click runs it (${platform})`, () => {
      const { template, send, run } = build(platform);
      const all = items(template);
      for (const command of table) {
        const found = all.filter((item) => item.label === menuLabel(command) && item.click);
        expect(found, command.id).toHaveLength(1);
        found[0]!.click!();
        if (command.main) expect(run[command.id as keyof typeof run], command.id).toHaveBeenCalledOnce();
        else expect(send, command.id).toHaveBeenLastCalledWith(command.id);
      }
      expect(send).toHaveBeenCalledTimes(table.filter((c) => !c.main).length);
      // Electron's own: quit, the clipboard, zoom and full screen.
      const roles = all.map((item) => item.role).filter(Boolean);
      expect(roles).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
      expect(template.map((m) => m.label)).toEqual([...(platform === 'darwin' ? ['Studyshelf'] : []), 'File', 'Edit', 'View', 'Go', 'Help']);
    });
  }

  it('View → Theme: Follow the system, Light and Dark, each sent to the window; the palette says “Theme: Dark”', () => {
    const { template, send } = build('linux');
    const view = template.find((m) => m.label === 'View')!;
    const theme = view.submenu!.find((item) => item.label === 'Theme')!;
    expect(theme.submenu!.map((item) => item.label)).toEqual(['Follow the system', 'Light', 'Dark']);
    theme.submenu![2]!.click!();
    expect(send).toHaveBeenLastCalledWith('themeDark');
    for (const command of table.filter((c) => c.submenu)) expect(command.label.startsWith(`${command.submenu}: `), command.id).toBe(true);
  });

  it('shows the window’s keys on Linux and Windows without taking them from text fields', () => {
    const all = items(build('linux').template);
    for (const command of table.filter((c) => c.accelerator)) {
      expect(all.find((item) => item.label === command.label), command.id).toMatchObject({ accelerator: command.accelerator, registerAccelerator: false });
    }
  });

  it('on macOS keeps only keys with ⌘ (a plain key would be taken from every text field), and has the app menu with About', () => {
    const { template } = build('darwin');
    const all = items(template);
    expect(all.find((item) => item.label === 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z' });
    expect(all.find((item) => item.label === 'Command palette')).toMatchObject({ accelerator: 'CmdOrCtrl+K' });
    expect(all.find((item) => item.label === 'Next resource')!.accelerator).toBeUndefined();
    expect(all.filter((item) => item.accelerator).every((item) => /CmdOrCtrl\+/.test(item.accelerator!))).toBe(true);
    expect(template[0]!.submenu!.map((item) => item.label ?? item.role)).toContain('About Studyshelf');
  });
});

/** The project's issue page as package.json (`bugs.url`) and the README give it, read as a user would. */
const issuesPage: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')).bugs?.url;

describe('Help → Report a problem', () => {
  it('opens the issue page package.json names, the one the README links', async () => {
    expect(issuesPage).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/issues$/);
    const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
    expect(readme).toContain(`[Report a problem](${issuesPage as string})`);
    const { menu, module } = await startMain();
    items(menu.template!).find((item) => item.label === 'Report a problem')!.click!();
    expect(module.shell.openExternal).toHaveBeenCalledExactlyOnceWith(issuesPage);
  });
});

describe('main’s application menu', () => {
  it('is set at start; a window command reaches the window as the menuCommand event; Help runs in main', async () => {
    const { menu, window, module } = await startMain();
    expect(module.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const all = items(menu.template!);
    all.find((item) => item.label === 'Keyboard shortcuts')!.click!();
    expect(window!.webContents.send).toHaveBeenCalledWith(channelOf('menuCommand'), { id: 'showShortcuts' });
    all.find((item) => item.label === 'Move to list…')!.click!();
    expect(window!.webContents.send).toHaveBeenLastCalledWith(channelOf('menuCommand'), { id: 'moveResource' });

    all.find((item) => item.label === 'Report a problem')!.click!();
    expect(module.shell.openExternal).toHaveBeenCalledWith(ISSUES_URL);
    expect(ISSUES_URL).toBe(issuesPage);
    all.find((item) => item.label === 'About Studyshelf')!.click!();
    expect(module.dialog.showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ message: 'Studyshelf 0.1.0', detail: expect.stringMatching(/^Your data is in \S/) }));
  });
});

describe('main and studyshelf:// links', () => {
  const ADD = `studyshelf://add?url=${encodeURIComponent('https://example.com/page')}&title=Page`;
  const ours = { senderFrame: { url: 'app://studyshelf/index.html' } };

  it('registers the scheme; a link at start waits for the window, which asks (it was not focused yet)', async () => {
    const { app, handlers, window } = await startMain([ADD]);
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('studyshelf');
    expect(window!.webContents.send).toHaveBeenCalledWith(channelOf('deepLinkArrived'), null);
    const take = handlers.get(channelOf('takeDeepLinks'))!;
    expect(await take(ours)).toEqual({ ok: true, value: [{ ok: true, url: 'https://example.com/page', title: 'Page', ask: true }] });
    expect(await take(ours)).toEqual({ ok: true, value: [] });
  });

  it('a second instance’s link reaches the window (asking when it was not focused); macOS’s open-url too; a bad link is a refusal', async () => {
    const { app, handlers, window } = await startMain();
    const take = handlers.get(channelOf('takeDeepLinks'))!;
    window!.focused = false;
    app.emit('second-instance', {}, ['studyshelf', ADD], '/');
    expect(window!.focus).toHaveBeenCalled();
    app.emit('open-url', { preventDefault: () => undefined }, `studyshelf://add?url=${encodeURIComponent('javascript:alert(1)')}`);
    app.emit('second-instance', {}, ['studyshelf'], '/');
    expect(await take(ours)).toEqual({
      ok: true,
      value: [
        { ok: true, url: 'https://example.com/page', title: 'Page', ask: true },
        { ok: false, message: expect.stringContaining('http or https') },
      ],
    });
    // Only our own window may take them.
    expect(await take({ senderFrame: { url: 'https://evil.example/' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
