import { StudyError } from '../../data/model/errors';
import * as lists from '../../data/model/list-ops';
import type { ListPutBack } from '../../data/model/list-ops';
import type { JobHandle } from '../../data/jobs';
import { mergeDocuments, previewBackupFile, readBackupFile } from '../../data/storage/backup-file';
import { exportFileName, exportFrom, importOutcomeJob, previewImportJob, type ExportFormat, type ImportOutcome } from '../../data/transfer';
import { readImportFile, writeExportFile } from '../../data/user-files';
import type { StudyHandlers } from './contract';
import type { HandlerContext } from './handler-context';
import type { HandlerDeps } from './handlers';

type TransferMethod =
  | 'previewImport' | 'importList' | 'cancelJob' | 'exportList' | 'openImportFile' | 'saveExport'
  | 'previewBackupFile' | 'restoreFromFile' | 'listBackups' | 'restoreBackup' | 'startFresh';

/** Imports, exports and backups: files in and out, as cancellable jobs where they take a while. */
export function transferHandlers({ store, jobs, appState, openDocument }: HandlerContext, dialogs: HandlerDeps['dialogs']): Pick<StudyHandlers, TransferMethod> {
  /** Writing an export is a job: shown with progress when it takes a while, cancellable until it is saved. */
  const exportOf = async (listId: string | null, format: ExportFormat, job: JobHandle) => {
    const doc = openDocument();
    const lists = listId === null ? doc.lists : doc.lists.filter((l) => l.id === listId);
    const resources = lists.reduce((n, l) => n + l.resources.length, 0);
    await job.stage(`Writing ${resources.toLocaleString('en')} resources`, 0);
    const file = exportFrom(doc, listId, format);
    await job.commit('Saving', 0.8);
    return file;
  };
  return {
    previewImport: (fileName, content, jobId, into) => jobs.run(jobId, (job) => previewImportJob(() => store.document(), fileName, content, job, into)),
    importList: (fileName, content, mode, jobId, options) =>
      jobs.run(jobId, async (job) => {
        if (store.readOnly()) throw new StudyError('read-only', store.readOnly()!);
        const apply = await importOutcomeJob(fileName, content, mode, new Date().toISOString(), job, options);
        if (mode === 'new') return { ...appState(), ...(await store.change(apply)) };
        // An update from the file the list already is changes nothing, and writes nothing.
        let outcome: ImportOutcome | undefined;
        let before: ListPutBack | undefined;
        await store.changeIfAny((doc) => {
          // An import into a list is taken back whole: what it added and what it changed, and — from
          // the list as it leaves it — nothing the user does after it.
          if (options?.intoListId) before = lists.listSnapshot(doc, options.intoListId);
          outcome = apply(doc);
          if (before && options?.intoListId) {
            const { item, progress, notes } = lists.listSnapshot(doc, options.intoListId);
            before.after = { item, progress, notes };
          }
          return outcome.changed;
        });
        return { ...appState(), ...outcome!, ...(before && outcome!.changed ? { before } : {}) };
      }),
    cancelJob: async (jobId) => jobs.cancel(jobId),
    exportList: (listId, format, jobId) => jobs.run(jobId, (job) => exportOf(listId, format, job)),
    async openImportFile() {
      if (!dialogs) throw new StudyError('invalid-argument', 'This window has no file dialog; choose the file in the page.');
      const path = await dialogs.chooseImportFile();
      return path ? readImportFile(path) : null;
    },
    async saveExport(listId, format, jobId) {
      if (!dialogs) throw new StudyError('invalid-argument', 'This window has no file dialog; the file is downloaded instead.');
      const path = await dialogs.chooseExportPath(exportFileName(listId, format));
      if (!path) return null;
      return jobs.run(jobId, async (job) => {
        const { content } = await exportOf(listId, format, job);
        await writeExportFile(path, content);
        return path;
      });
    },
    previewBackupFile: async (fileName, content) => previewBackupFile(readBackupFile(fileName, content)),
    async restoreFromFile(fileName, content, mode) {
      const incoming = readBackupFile(fileName, content);
      if (mode === 'replace') await store.replaceWith(incoming);
      // The merge builds new top-level fields and replaces them (it changes neither input), so the
      // store keeps only those to put back if the result is refused, not a deep copy of everything.
      else await store.changeIfAny((current) => (Object.assign(current, mergeDocuments(current, incoming)), true));
      return appState();
    },
    listBackups: () => store.listBackups(),
    async restoreBackup(name) {
      await store.restoreBackup(name);
      return appState();
    },
    async startFresh() {
      await store.startFresh();
      return appState();
    },
  };
}
