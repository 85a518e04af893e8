import type { WindowCommandId } from '../electron/api/command-table';
import type { CardCommandId } from './card-commands';
import type { ThemeChoice } from './theme';

/** What the window's commands need from App: its dialogs, its views and the resource they act on. */
export interface CommandDeps {
  /** The ref of the resource a resource command acts on (the focused card), if any. */
  target(): string | null;
  newList(): void;
  importList(): void;
  exportList(): void;
  addResource(): void;
  showBackups(): void;
  showSync(): void;
  undo(): void;
  redo(): void;
  editNote(ref: string): void;
  startTimer(ref: string): void;
  openLink(ref: string): void;
  /** The commands a card runs itself (its editor, its menu). */
  onCard(ref: string, id: CardCommandId): void;
  toggleProgress(): void;
  /** The Review view (a click on the daily reminder, the View menu, the palette). */
  showReview(): void;
  move(step: 1 | -1): void;
  search(): void;
  palette(): void;
  showShortcuts(): void;
  setTheme(choice: ThemeChoice): void;
}

/**
 * One handler for every command the window runs, whether a menu click (the menuCommand event), the
 * palette or a key chose it. A resource command with no resource focused does nothing.
 */
export function commandHandlers(deps: CommandDeps): Record<WindowCommandId, () => void> {
  const onTarget = (run: (ref: string) => void) => () => {
    const ref = deps.target();
    if (ref) run(ref);
  };
  const card = (id: CardCommandId) => onTarget((ref) => deps.onCard(ref, id));
  return {
    newList: deps.newList,
    importList: deps.importList,
    exportList: deps.exportList,
    addResource: deps.addResource,
    showBackups: deps.showBackups,
    showSync: deps.showSync,
    undo: deps.undo,
    redo: deps.redo,
    toggleDone: card('toggleDone'),
    editNote: onTarget(deps.editNote),
    startTimer: onTarget(deps.startTimer),
    openLink: onTarget(deps.openLink),
    copyLink: card('copyLink'),
    editResource: card('editResource'),
    moveResource: card('moveResource'),
    deleteResource: card('deleteResource'),
    toggleProgress: deps.toggleProgress,
    showReview: deps.showReview,
    nextResource: () => deps.move(1),
    previousResource: () => deps.move(-1),
    search: deps.search,
    palette: deps.palette,
    showShortcuts: deps.showShortcuts,
    themeSystem: () => deps.setTheme('system'),
    themeLight: () => deps.setTheme('light'),
    themeDark: () => deps.setTheme('dark'),
  };
}

/** The handlers for App's render: its callbacks read refs when a command runs, never while rendering. */
export function useCommandHandlers(deps: CommandDeps): Record<WindowCommandId, () => void> {
  return commandHandlers(deps);
}
