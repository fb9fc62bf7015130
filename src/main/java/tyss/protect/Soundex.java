package tyss.protect;

/** American Soundex (as in the US census), used only inside the tolerant name key. */
final class Soundex {

    //                                  ABCDEFGHIJKLMNOPQRSTUVWXYZ
    private static final String CODES = "01230120022455012623010202";

    private Soundex() {}

    static String of(String upperLetters) {
        if (upperLetters.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder().append(upperLetters.charAt(0));
        char last = CODES.charAt(upperLetters.charAt(0) - 'A');
        for (int i = 1; i < upperLetters.length() && out.length() < 4; i++) {
            char c = upperLetters.charAt(i);
            char code = CODES.charAt(c - 'A');
            if (code != '0' && code != last) {
                out.append(code);
            }
            if (c != 'H' && c != 'W') {
                last = code;
            }
        }
        while (out.length() < 4) {
            out.append('0');
        }
        return out.toString();
    }
}
