// Model file sources: where the engine's FileSource reads come from.
export { HttpFileSource, type HttpSourceOptions } from './http';
export { FileListSource, type PickedFiles } from './files';
export {
  CACHE_NAME,
  CacheStorageModelCache,
  MemoryModelCache,
  defaultModelCache,
  deleteCachedModel,
  listCachedModels,
  type CachedModel,
  type ModelCache,
} from './cache';
export { DownloadTracker, formatBytes, formatDuration, type DownloadSnapshot } from './progress';
export { checkQuota, type QuotaCheck, type StorageLike } from './quota';
export { NO_CACHE_STORAGE, inspectStorage, openModelCacheStorage, removeCachedModel, type StorageEstimate, type StorageReport } from './storage';
export {
  FolderTooLargeError,
  MAX_FOLDER_FILES,
  walkDirectoryEntry,
  walkDirectoryHandle,
  type DirectoryEntryLike,
  type DirectoryHandleLike,
  type FileEntryLike,
  type FileHandleLike,
  type PickedEntry,
} from './folderWalk';
export { DEFAULT_HUB, hubFolderUrl, sameOriginFolderUrl, type HubOptions } from './hub';
export { HostUnreachableError, fallbackNotice, isHostUnreachable } from './errors';
export { download, MemorySink, DEFAULT_RETRY, type ByteSink, type FetchLike, type RetryPolicy } from './download';
