package dev.aigcdesk.download.provenance;

/** The file carries a signature or label that must not be disturbed. */
final class SignedFileException extends Exception {

    SignedFileException(String message) {
        super(message);
    }
}
