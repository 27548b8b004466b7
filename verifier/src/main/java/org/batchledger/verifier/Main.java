package org.batchledger.verifier;

import java.util.Arrays;
import org.batchledger.verifier.evidence.VerifyCommand;

/**
 * The jar's entry point: {@code verify} (the default) checks an evidence package; {@code witness} runs a checkpoint
 * witness. Each command owns its arguments and exit status.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command in-process (tests call this); the exit status. */
    public static int run(String[] args) {
        if (args.length > 0 && args[0].equals("witness")) {
            return org.batchledger.witness.WitnessCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out,
                    System.err);
        }
        String[] verifyArgs = args.length > 0 && args[0].equals("verify") ? Arrays.copyOfRange(args, 1, args.length)
                : args;
        return VerifyCommand.run(verifyArgs, System.out, System.err);
    }
}
