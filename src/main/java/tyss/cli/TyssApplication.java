package tyss.cli;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The TYSS quarterly reporting pipeline. The command line is parsed before Spring starts, so
 * {@code --help} and a bad argument answer at once with a one-line message.
 */
@SpringBootApplication(scanBasePackages = "tyss")
public class TyssApplication {

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
