package tyss.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text that is not UTF-8 throughout, read a line at a time: each line as UTF-8 if it is valid
 * UTF-8, else as Windows-1252. One stray Windows-1252 byte (an accent typed in an old program)
 * then mangles nothing but its own line, where decoding the whole file as Windows-1252 would turn
 * every UTF-8 accent in it into two wrong letters ("Northmère" into "NorthmÃ¨re"). A newline byte
 * never occurs inside a character in either encoding, so lines can be cut on it first. A line that
 * is neither fails with its line number.
 */
final class LineDecodingReader extends Reader {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final InputStream in;
    private final CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
    private final CharsetDecoder windows1252 = strict(WINDOWS_1252);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private String pending = "";
    private int offset;
    private int lineNumber;
    private boolean ended;

    LineDecodingReader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int from, int length) throws IOException {
        while (offset >= pending.length()) {
            if (ended) {
                return -1;
            }
            nextLine();
        }
        int n = Math.min(length, pending.length() - offset);
        pending.getChars(offset, offset + n, buffer, from);
        offset += n;
        return n;
    }

    private void nextLine() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        ended = b < 0;
        lineNumber++;
        pending = decode(line.toByteArray());
        offset = 0;
    }

    private String decode(byte[] bytes) throws IOException {
        try {
            return utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return windows1252.decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException neither) {
                throw new InputFileException(
                        "line " + lineNumber + " has bytes that are neither UTF-8 nor Windows-1252 text, so it and "
                                + "the lines after it cannot be read; save the file as CSV UTF-8");
            }
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
