import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, WINDOW_COMMAND_IDS, isWindowCommand, shortcutRows, type CommandSpec } from '../../../electron/api/command-table';
import { commandHandlers, type CommandDeps } from '../../../renderer/command-handlers';
import { paletteItemsFor } from '../../../renderer/palette-items';
import type { StudyList } from '../../../data/model/schema';

const table = COMMANDS as readonly CommandSpec[];

/** Every dependency a recorded mock, the focused card at `ref`. */
function recordingDeps(ref: string | null) {
  const names: Array<keyof CommandDeps> = ['newList', 'importList', 'exportList', 'addResource', 'showBackups', 'showSync', 'undo', 'redo', 'editNote', 'startTimer', 'openLink', 'onCard', 'toggleProgress', 'showReview', 'move', 'search', 'palette', 'showShortcuts', 'setTheme'];
  const deps = Object.fromEntries(names.map((n) => [n, vi.fn()])) as unknown as Record<string, ReturnType<typeof vi.fn>>;
  return { deps: { ...deps, target: () => ref } as unknown as CommandDeps, calls: () => names.flatMap((n) => deps[n]!.mock.calls.map((args) => [n, ...args])) };
}

describe('the command table', () => {
  it('gives every command a unique id and a label, and an accelerator wherever it has a key', () => {
    expect(new Set(table.map((c) => c.id)).size).toBe(table.length);
    for (const command of table) {
      expect(command.label.trim(), command.id).not.toBe('');
      if (command.shortcut) expect(command.accelerator, `${command.id} has a key but no accelerator`).toMatch(/\S/);
      if (command.accelerator) expect(command.shortcut, `${command.id} shows an accelerator no key handles`).toMatch(/\S/);
      if (command.context) expect(command.resource, `${command.id} is on a resource's menu`).toBe(true);
    }
  });

  it('has a handler for every command the window runs, and each one does something (once)', () => {
    for (const id of WINDOW_COMMAND_IDS) {
      const { deps, calls } = recordingDeps('list/res');
      const handlers = commandHandlers(deps);
      expect(typeof handlers[id], id).toBe('function');
      handlers[id]();
      expect(calls(), id).toHaveLength(1);
    }
    // And no handler for a command that is not in the table.
    expect(Object.keys(commandHandlers(recordingDeps(null).deps)).sort()).toEqual([...WINDOW_COMMAND_IDS].sort());
  });

  it('runs a resource command on the focused card only, and none without one', () => {
    for (const command of table.filter((c) => c.resource)) {
      const none = recordingDeps(null);
      commandHandlers(none.deps)[command.id as (typeof WINDOW_COMMAND_IDS)[number]]();
      expect(none.calls(), command.id).toEqual([]);
      const some = recordingDeps('list/res');
      commandHandlers(some.deps)[command.id as (typeof WINDOW_COMMAND_IDS)[number]]();
      expect(some.calls()[0], command.id).toContain('list/res');
    }
  });

  it('tells a window command from anything else a menu event might carry', () => {
    expect(isWindowCommand('undo')).toBe(true);
    for (const bad of ['about', 'reportProblem', 'deleteEverything', '', null, undefined, 42, { id: 'undo' }, '__proto__', 'toString']) expect(isWindowCommand(bad), String(bad)).toBe(false);
  });

  it('the shortcut sheet lists every command with a key, with the same words', () => {
    const rows = shortcutRows();
    for (const command of table.filter((c) => c.shortcut)) expect(rows).toContainEqual([command.shortcut, command.label]);
    expect(rows.map(([keys]) => keys)).toContain('Ctrl+K / ⌘K');
  });
});

describe('the palette’s items', () => {
  const lists = [
    { id: 'a', title: 'Alpha', resources: [{ id: 'r1', title: 'One' }] },
    { id: 'b', title: 'Beta', resources: [{ id: 'r2', title: 'Two' }] },
  ] as unknown as StudyList[];

  it('offers the commands, every list and every resource, with unique keys', () => {
    const items = paletteItemsFor(lists, { readOnly: false, hasTarget: true });
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    expect(items.filter((i) => i.key.startsWith('list:')).map((i) => i.label)).toEqual(['Alpha', 'Beta']);
    expect(items.filter((i) => i.key.startsWith('resource:'))).toEqual([
      { key: 'resource:a/r1', label: 'One', hint: 'in Alpha' },
      { key: 'resource:b/r2', label: 'Two', hint: 'in Beta' },
    ]);
    expect(items.map((i) => i.key)).toContain('command:deleteResource');
    expect(items.map((i) => i.key)).not.toContain('command:palette');
  });

  it('leaves out resource commands without a card, and changes when the data is read-only', () => {
    const keys = paletteItemsFor(lists, { readOnly: true, hasTarget: false }).map((i) => i.key);
    expect(keys).not.toContain('command:toggleDone');
    expect(keys).not.toContain('command:openLink');
    expect(keys).not.toContain('command:newList');
    expect(keys).toContain('command:showBackups');
  });
});
