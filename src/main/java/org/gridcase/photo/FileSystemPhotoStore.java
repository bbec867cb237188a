package org.gridcase.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Photos as files in one folder, two levels of sub-folders by the key's first characters so that no folder gets
 * huge. A file is written under a temporary name and moved into place, so a reader never sees half of it.
 */
class FileSystemPhotoStore implements PhotoStore {

    /** Keys are ours (base64url ids); anything else would be a path trick. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{4,64}");

    private final Path root;

    FileSystemPhotoStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] image, String contentType) {
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), ".upload-", ".part");
            Files.write(partial, image);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store photo " + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read photo " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete photo " + key, e);
        }
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a photo key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }
}
