// The check lives with the data (importers use it too); the shell and the API use it from here.
export { isSafeExternalUrl } from '../../data/model/web-url';
