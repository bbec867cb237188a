package org.gridcase.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemPhotoStoreTests {

    @TempDir
    Path folder;

    @Test
    void keepsAnImageUntilItIsDeleted() {
        var store = new FileSystemPhotoStore(folder);
        String id = Photos.newId();

        store.put(id, new byte[] {1, 2, 3}, "image/png");

        assertThat(store.get(id)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(1, 2, 3));
        assertThat(folder.resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id)).exists();
        store.delete(id);
        assertThat(store.get(id)).isEmpty();
    }

    @Test
    void replacesAnImageWholeAndLeavesNoPartialFiles() throws IOException {
        var store = new FileSystemPhotoStore(folder);
        String id = Photos.newId();

        store.put(id, new byte[] {1}, "image/png");
        store.put(id, new byte[] {2, 2}, "image/png");

        assertThat(store.get(id)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(2, 2));
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void findsNothingForAnUnknownKeyOrAPathTrick() throws IOException {
        Files.writeString(folder.resolve("secret"), "x");
        var store = new FileSystemPhotoStore(folder.resolve("photos"));

        assertThat(store.get(Photos.newId())).isEmpty();
        assertThat(store.get("../secret")).isEmpty();
        assertThat(store.get("..%2Fsecret")).isEmpty();
        assertThatThrownBy(() -> store.put("../../etc/x", new byte[] {1}, "image/png"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void makesIdsOf128RandomBitsInUrlSafeCharacters() {
        String id = Photos.newId();

        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(Photos.newId()).isNotEqualTo(id);
    }
}
