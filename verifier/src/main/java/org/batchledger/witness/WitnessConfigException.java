package org.batchledger.witness;

/** A witness cannot start: bad arguments, key or state. The message names the option or file and what is wrong. */
final class WitnessConfigException extends RuntimeException {
    WitnessConfigException(String message) {
        super(message);
    }
}
