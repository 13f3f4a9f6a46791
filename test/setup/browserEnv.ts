// happy-dom has no IndexedDB; the core's default storage needs one.
import 'fake-indexeddb/auto';
