import { useMemo, useState } from 'react';

/** Which of the window's dialogs are open, and the card the command palette acts on. */
export function useDialogs() {
  const [backupsOpen, setBackupsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [listDialog, setListDialog] = useState<'new' | 'edit' | null>(null);
  const [linkDialogOpen, setLinkDialogOpen] = useState(false);
  const [syncOpen, setSyncOpen] = useState(false);
  const [webListOpen, setWebListOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  /** The card focused when the palette opened: what its resource commands act on. */
  const [paletteTarget, setPaletteTarget] = useState<string | null>(null);
  return useMemo(
    () => ({
      backupsOpen, setBackupsOpen, helpOpen, setHelpOpen, listDialog, setListDialog, linkDialogOpen, setLinkDialogOpen,
      syncOpen, setSyncOpen, webListOpen, setWebListOpen, paletteOpen, setPaletteOpen, paletteTarget, setPaletteTarget,
    }),
    [backupsOpen, helpOpen, listDialog, linkDialogOpen, syncOpen, webListOpen, paletteOpen, paletteTarget],
  );
}

export type Dialogs = ReturnType<typeof useDialogs>;
