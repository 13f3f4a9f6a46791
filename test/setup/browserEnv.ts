// happy-dom has no IndexedDB and no Web Locks; the core's defaults need both.
import 'fake-indexeddb/auto';
import './webLocks.js';
