package tyss.cli;

import java.io.PrintStream;

/** Lets tests in other packages run the command line with their own streams and key. */
public final class CliAccess {

    private CliAccess() {}

    public static int run(String[] args, PrintStream out, PrintStream err, String key) {
        return Cli.run(args, out, err, key);
    }
}
