import { useMemo } from 'react';
import type { StudyDocument, StudyList } from '../../data/model/schema';
import { addressesOf } from '../../data/model/addresses';
import type { AppNav } from '../hooks/useAppNav';
import type { Dialogs } from '../hooks/useDialogs';
import type { useImport } from '../hooks/useImport';
import type { useLinkChecks } from '../hooks/useLinkChecks';
import type { usePasteLinks } from '../hooks/usePasteLinks';
import type { useStudyData } from '../hooks/useStudyData';
import type { useSync } from '../hooks/useSync';
import type { PaletteItem } from './CommandPalette';
import { BackupsDialog } from './BackupsDialog';
import { CommandPalette } from './CommandPalette';
import { DeepLinkDialog, type useDeepLinks } from './DeepLinkDialog';
import { ImportDialog } from './ImportDialog';
import { JobDialog } from './JobDialog';
import { LinkCheckDialog } from './LinkCheckDialog';
import { AppListDialog } from './AppListDialog';
import { PasteLinksDialog } from './PasteLinksDialog';
import { ShortcutSheet } from './ShortcutSheet';
import { SyncDialog } from './SyncDialog';
import { WebListDialog } from './WebListDialog';

interface Props {
  data: ReturnType<typeof useStudyData>;
  document: StudyDocument;
  lists: StudyList[];
  list: StudyList | undefined;
  nav: AppNav;
  dialogs: Dialogs;
  importer: ReturnType<typeof useImport>;
  sync: ReturnType<typeof useSync>;
  conflicts: Parameters<typeof SyncDialog>[0]['conflicts'];
  linkChecks: ReturnType<typeof useLinkChecks>;
  pasteLinks: ReturnType<typeof usePasteLinks>;
  deepLinks: ReturnType<typeof useDeepLinks>;
  palette: { items: PaletteItem[]; choose: (key: string) => void };
  readOnly: boolean;
  nativeDialogs: boolean;
}

/** Every dialog of the window, each shown when its state says so. */
export function AppDialogs({ data, document: doc, lists, list, nav, dialogs, importer, sync, conflicts, linkChecks, pasteLinks, deepLinks, palette, readOnly, nativeDialogs }: Props) {
  const { replaceState } = data;
  const { linkDialogOpen, setLinkDialogOpen } = dialogs;
  const linkAddresses = useMemo(() => (list ? addressesOf([list]).length : 0), [list]);
  // Counted only while the dialog is open: it walks every list.
  const allLinkAddresses = useMemo(() => (linkDialogOpen ? addressesOf(lists).length : 0), [linkDialogOpen, lists]);
  return (
    <>
      <BackupsDialog
        open={dialogs.backupsOpen}
        readOnly={readOnly}
        onClose={() => dialogs.setBackupsOpen(false)}
        onRestored={(result) => replaceState(result, 'Backup restored. Your data from before the restore is itself kept as a backup.')}
      />
      <DeepLinkDialog link={deepLinks.asking} listTitle={list?.title ?? null} onAnswer={deepLinks.answer} />
      <ShortcutSheet open={dialogs.helpOpen} onClose={() => dialogs.setHelpOpen(false)} />
      <CommandPalette open={dialogs.paletteOpen} items={palette.items} onClose={() => dialogs.setPaletteOpen(false)} onChoose={palette.choose} />
      <AppListDialog data={data} lists={lists} list={list} nav={nav} dialogs={dialogs} />
      <JobDialog title="Importing" progress={importer.progress} onCancel={importer.cancelJob} />
      <WebListDialog open={dialogs.webListOpen} onClose={() => dialogs.setWebListOpen(false)} onRead={importer.openWebPage} />
      <ImportDialog pending={importer.pending} busy={importer.busy} cancelling={importer.cancelling} onConfirm={(mode, options) => void importer.confirm(mode, options)} onCancel={importer.cancel} />
      <SyncDialog
        open={dialogs.syncOpen}
        info={sync.info}
        document={doc}
        conflicts={conflicts}
        nativeDialogs={nativeDialogs}
        readOnly={readOnly}
        onClose={() => dialogs.setSyncOpen(false)}
        onSyncNow={() => void sync.syncNow()}
        onChooseFolder={sync.chooseFolder}
        onMove={sync.moveTo}
        onRename={sync.rename}
        onGoTo={(ref) => {
          const [listId, resourceId] = ref.split('/');
          nav.showList(listId);
          if (resourceId) nav.requestNote(resourceId);
        }}
      />
      <LinkCheckDialog
        list={linkDialogOpen && list ? list : null}
        addresses={linkAddresses}
        allAddresses={allLinkAddresses}
        onCheckAll={() => {
          setLinkDialogOpen(false);
          void linkChecks.check(null);
        }}
        state={linkChecks.state}
        onClose={() => setLinkDialogOpen(false)}
        onAutoCheckChange={(enabled) => void linkChecks.setAutoCheck(enabled)}
        onCheck={() => {
          setLinkDialogOpen(false);
          if (list) void linkChecks.check(list.id);
        }}
      />
      <JobDialog title="Checking links" progress={linkChecks.progress} onCancel={linkChecks.cancel} />
      <PasteLinksDialog pending={pasteLinks.pending} busy={pasteLinks.busy} onConfirm={() => void pasteLinks.confirm()} onCancel={pasteLinks.cancel} />
    </>
  );
}
