package org.aidline.api.config;

import java.util.OptionalInt;

/**
 * The longest string a regular expression matches, for the simple patterns our @Pattern constraints use
 * (literals, escapes, classes, groups, alternation, ?, {n} and {n,m}); empty when it has no bound (+, *, {n,})
 * or uses something this reader does not know. A field whose pattern is the real validation so gets the
 * maxLength that validation implies.
 */
final class PatternLength {

    private final String regex;
    private int at;

    private PatternLength(String regex) {
        this.regex = regex;
    }

    static OptionalInt longest(String regex) {
        String body = regex.startsWith("^") ? regex.substring(1) : regex;
        body = body.endsWith("$") && !body.endsWith("\\$") ? body.substring(0, body.length() - 1) : body;
        try {
            PatternLength reader = new PatternLength(body);
            long longest = reader.alternation();
            return reader.at == body.length() && longest < Integer.MAX_VALUE ? OptionalInt.of((int) longest) : OptionalInt.empty();
        } catch (RuntimeException unboundedOrUnknown) {
            return OptionalInt.empty();
        }
    }

    private long alternation() {
        long longest = sequence();
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            longest = Math.max(longest, sequence());
        }
        return longest;
    }

    private long sequence() {
        long length = 0;
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            length += atom() * quantifier();
        }
        return length;
    }

    private long atom() {
        char c = regex.charAt(at++);
        switch (c) {
            case '(' -> {
                if (regex.startsWith("?:", at)) {
                    at += 2;
                }
                long inner = alternation();
                expect(')');
                return inner;
            }
            case '[' -> {
                at = regex.indexOf(']', at + 1) + 1;
                if (at == 0) {
                    throw new IllegalArgumentException("unclosed class");
                }
                return 1;
            }
            case '\\' -> {
                at++;
                return 1;
            }
            case '*', '+', '?', '{', '^', '$' -> throw new IllegalArgumentException("not a simple pattern");
            default -> {
                return 1;
            }
        }
    }

    private long quantifier() {
        if (at >= regex.length()) {
            return 1;
        }
        char c = regex.charAt(at);
        if (c == '*' || c == '+') {
            throw new IllegalArgumentException("unbounded");
        }
        if (c == '?') {
            at++;
            return 1;
        }
        if (c == '{') {
            int close = regex.indexOf('}', at);
            String[] bounds = regex.substring(at + 1, close).split(",", -1);
            at = close + 1;
            if (bounds.length == 2 && bounds[1].isEmpty()) {
                throw new IllegalArgumentException("unbounded");
            }
            return Long.parseLong(bounds[bounds.length - 1].trim());
        }
        return 1;
    }

    private void expect(char c) {
        if (at >= regex.length() || regex.charAt(at) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        at++;
    }
}
