import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { COMMANDS, WINDOW_COMMAND_IDS, type CommandSpec, type WindowCommandId } from '../../../electron/api/command-table';
import { useShortcuts } from '../../../renderer/hooks/useShortcuts';
import { KEY_BINDINGS, keyName, shownAs } from '../../../renderer/key-bindings';

const table = COMMANDS as readonly CommandSpec[];

afterEach(() => document.body.replaceChildren());

describe('the window’s keys come from the command table', () => {
  it('every command the table shows a shortcut for has keys, and every key is shown in its shortcut', () => {
    for (const command of table) {
      if (command.shortcut) expect(command.keys?.length, `${command.id} shows “${command.shortcut}” but no key runs it`).toBeGreaterThan(0);
      if (command.keys?.length) expect(command.shortcut, `${command.id} has keys the sheet does not show`).toBeDefined();
      for (const key of command.keys ?? []) expect(command.shortcut, `${command.id}: ${key}`).toContain(shownAs(key));
      if (command.keys?.length) expect(command.main, `${command.id} runs in main; the window has no handler for it`).toBeUndefined();
    }
    expect([...KEY_BINDINGS.keys()].sort()).toEqual(table.flatMap((c) => c.keys ?? []).sort());
  });

  it('each key of the table, pressed on a focused card, runs its command’s handler — the one the menu and the palette run', () => {
    const card = document.createElement('li');
    card.dataset.resource = 'list/res';
    card.tabIndex = 0;
    document.body.append(card);
    const commands = Object.fromEntries(WINDOW_COMMAND_IDS.map((id) => [id, vi.fn<() => void>()])) as Record<WindowCommandId, Mock<() => void>>;
    renderHook(() => useShortcuts({ commands, setStatus: vi.fn() }));
    for (const [key, id] of KEY_BINDINGS) {
      card.focus();
      const mod = key.startsWith('Mod+');
      const event = new KeyboardEvent('keydown', { key: mod ? key.split('+').at(-1)! : key, ctrlKey: mod, shiftKey: key.includes('Shift+'), bubbles: true, cancelable: true });
      card.dispatchEvent(event);
      expect(commands[id], `${key} → ${id}`).toHaveBeenCalledTimes(1);
      expect(event.defaultPrevented, key).toBe(true);
      commands[id].mockClear();
      for (const other of WINDOW_COMMAND_IDS) expect(commands[other], `${key} ran ${other} too`).not.toHaveBeenCalled();
    }
  });

  it('a key not in the table runs nothing; a key typed in a text field stays the field’s (but Ctrl+K opens the palette)', () => {
    const field = document.createElement('input');
    document.body.append(field);
    const commands = Object.fromEntries(WINDOW_COMMAND_IDS.map((id) => [id, vi.fn<() => void>()])) as Record<WindowCommandId, Mock<() => void>>;
    renderHook(() => useShortcuts({ commands, setStatus: vi.fn() }));
    field.focus();
    for (const key of ['x', 'j', '?', 'a', 'z']) field.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }));
    for (const id of WINDOW_COMMAND_IDS) expect(commands[id], id).not.toHaveBeenCalled();
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true }));
    expect(commands.palette).toHaveBeenCalledTimes(1);
    expect(keyName({ key: 'q', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false })).toBe('q');
    expect(KEY_BINDINGS.get('q')).toBeUndefined();
    expect(keyName({ key: 'Z', ctrlKey: false, metaKey: true, shiftKey: true, altKey: false })).toBe('Mod+Shift+z');
  });
});
