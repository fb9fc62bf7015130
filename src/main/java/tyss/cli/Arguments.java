package tyss.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The words of a command line: a command, then {@code --option value} pairs and {@code --flag}s. */
record Arguments(String command, Map<String, String> options) {

    static final Set<String> FLAGS =
            Set.of("demo", "help", "version", "debug", "embedded-store", "publish-incomplete", "quiet", "progress");

    static Arguments parse(String[] args, Map<String, Set<String>> optionsByCommand) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String command = args[0];
        if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
            return new Arguments("help", Map.of());
        }
        if (command.equals("--version")) {
            return new Arguments("version", Map.of());
        }
        Set<String> allowed = optionsByCommand.get(command);
        if (allowed == null) {
            throw new UsageException("unknown command '" + command + "'; expected one of "
                    + String.join(", ", optionsByCommand.keySet()));
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String word = args[i];
            if (!word.startsWith("--")) {
                throw new UsageException("unexpected '" + word
                        + "'; options start with -- (quote a quarter with a space: --quarter \"2025-26 Q1\")");
            }
            String name = word.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.equals("help")) {
                return new Arguments("help", Map.of("command", command));
            }
            if (!allowed.contains(name)) {
                throw new UsageException(
                        "'" + command + "' has no option --" + name + "; it takes " + describe(allowed));
            }
            if (FLAGS.contains(name)) {
                options.put(name, "true");
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            options.put(name, value);
        }
        return new Arguments(command, options);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean has(String flag) {
        return options.containsKey(flag);
    }

    private static String describe(Set<String> allowed) {
        return allowed.stream()
                .sorted()
                .map(o -> "--" + o)
                .reduce((a, b) -> a + ", " + b)
                .orElse("no options");
    }

    static List<String> list(String... items) {
        return List.of(items);
    }
}
