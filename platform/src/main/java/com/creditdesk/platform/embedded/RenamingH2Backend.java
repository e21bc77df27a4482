package com.creditdesk.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend with {@code renameCollection} mended. Its {@code H2Database} (1.47.0)
 * renames the collection first and then its storage maps under the collection's new name, so the maps
 * keep the old one: the renamed collection comes back empty after a restart, and a collection created
 * again under the old name finds the renamed one's documents (a second blue-green rebuild counted every
 * kept sum twice). Here every map of the collection (documents, metadata, indexes) moves to the new name,
 * as a real MongoDB moves the collection.
 */
final class RenamingH2Backend extends H2Backend {
    private static final String DATA = "databases.";
    private static final String META = "meta.";
    private static final String INDEX = "._index_";

    RenamingH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new RenamingH2Database(name, getMvStore(), getCursorRegistry());
    }

    private static final class RenamingH2Database extends H2Database {
        private final MVStore store;

        RenamingH2Database(String name, MVStore store, de.bwaldvogel.mongo.backend.CursorRegistry cursors) {
            super(name, store, cursors);
            this.store = store;
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String from = collection.getFullName(); // before the rename below changes it
            List<String> indexes = store.getMapNames().stream().filter(map -> map.startsWith(from + INDEX)).toList();
            super.moveCollection(oldDatabase, collection, newCollectionName);
            String to = collection.getFullName();
            if (from.equals(to)) {
                return;
            }
            // the maps super opened under the new name are new and empty: the collection's own ones take their place
            for (String prefix : List.of(DATA, META)) {
                store.removeMap(prefix + to);
                store.renameMap(store.openMap(prefix + from), prefix + to);
            }
            for (String index : indexes) {
                store.removeMap(to + index.substring(from.length()));
                store.renameMap(store.openMap(index), to + index.substring(from.length()));
            }
        }
    }
}
